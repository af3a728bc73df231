import type { Procedure } from '../../../../preload/api';
import type { JsonObject } from '../types';
import {
  ADDRESS_UI,
  SCHEMA_DRAFT,
  addressField,
  dvcqg,
  declaration,
  email,
  integer,
  paper,
  person,
  personUi,
  phone,
  text,
  type PersonSpec,
} from './parts';

/**
 * Household business registration. From 1 July 2025 it is done by the commune's business registration
 * office (Phòng Kinh tế, or Phòng Kinh tế, Hạ tầng và Đô thị, of UBND cấp xã) under Nghị định
 * 168/2025/NĐ-CP on đăng ký doanh nghiệp (which replaced Nghị định 01/2021/NĐ-CP), with forms from
 * Thông tư 68/2025/TT-BTC; 03 working days. Lệ phí is set by each province's HĐND (Thông tư
 * 85/2019/TT-BTC): commonly 100.000 đồng, often waived or halved online.
 *
 * Doubtful: the national code. 1.001612 is the code the national catalogue used for "Đăng ký thành lập
 * hộ kinh doanh" before the 2025 re-publication by the Ministry of Finance; the portal's catalogue
 * replaces it when it syncs.
 */

const owner: PersonSpec = {
  title: 'Chủ hộ kinh doanh',
  titleEn: 'Owner of the household business',
  fields: ['fullName', 'idNumber', 'birthDate', 'sex', 'ethnicity', 'nationality', 'address'],
  required: ['fullName', 'idNumber', 'birthDate', 'sex', 'ethnicity', 'nationality', 'address'],
  addressTitle: ['Nơi thường trú', 'Permanent residence'],
  extra: { phone: phone() },
};

const business: JsonObject = {
  type: 'object',
  title: 'Thông tin hộ kinh doanh',
  titleEn: 'The household business',
  properties: {
    ten: text('Tên hộ kinh doanh', 'Business name', {
      max: 120,
      description: [
        'Gồm cụm từ "Hộ kinh doanh" và tên riêng, ví dụ: Hộ kinh doanh Tạp hóa Bình An',
        'The words "Hộ kinh doanh" and a name of its own, for example: Hộ kinh doanh Tạp hóa Bình An',
      ],
    }),
    diaChi: addressField('Địa chỉ trụ sở', 'Business address'),
    phone: phone(),
    email: email(),
    nganhNghe: text('Ngành, nghề kinh doanh', 'Lines of business', {
      max: 1000,
      description: [
        'Ghi tên ngành theo Hệ thống ngành kinh tế Việt Nam, ví dụ: Bán lẻ lương thực, thực phẩm',
        "Name each line as Viet Nam's industry classification does, for example: Bán lẻ lương thực, thực phẩm (food retail)",
      ],
    }),
    von: integer('Tổng số vốn kinh doanh (đồng)', 'Capital (VND)', 0, 1_000_000_000_000),
    soLaoDong: integer('Số lao động (dự kiến)', 'Number of workers (expected)', 0, 10_000),
  },
  required: ['ten', 'diaChi', 'nganhNghe', 'von'],
};

const member: JsonObject = {
  type: 'object',
  title: 'Thành viên hộ gia đình',
  titleEn: 'Household member',
  properties: {
    fullName: text('Họ, chữ đệm và tên', 'Full name', { max: 100 }),
    idNumber: {
      type: 'string',
      title: 'Số định danh cá nhân',
      titleEn: 'Personal ID number',
      pattern: '^[0-9]{12}$',
    },
  },
  required: ['fullName', 'idNumber'],
};

const hoKinhDoanh: Procedure = {
  id: 'dang-ky-thanh-lap-ho-kinh-doanh',
  code: '1.001612',
  name: 'Đăng ký thành lập hộ kinh doanh',
  nameEn: 'Household business registration',
  field: 'Thành lập và hoạt động của hộ kinh doanh',
  fieldEn: 'Household businesses',
  level: 4,
  processingDays: 3,
  fee: {
    amount: 100000,
    text: 'Lệ phí theo nghị quyết HĐND cấp tỉnh (thường 100.000 đồng/lần; nhiều tỉnh miễn hoặc giảm 50% khi nộp trực tuyến).',
  },
  agency:
    'Cơ quan đăng ký kinh doanh cấp xã: Phòng Kinh tế (hoặc Phòng Kinh tế, Hạ tầng và Đô thị) thuộc Ủy ban nhân dân cấp xã nơi đặt trụ sở hộ kinh doanh',
  legalBasis: [
    'Luật Doanh nghiệp số 59/2020/QH14',
    'Nghị định 168/2025/NĐ-CP về đăng ký doanh nghiệp',
    'Thông tư 68/2025/TT-BTC (biểu mẫu đăng ký doanh nghiệp, hộ kinh doanh)',
    'Thông tư 85/2019/TT-BTC',
  ],
  components: [
    declaration('Giấy đề nghị đăng ký hộ kinh doanh', 'Household business registration request'),
    paper(
      'bien-ban-hop-ho-gia-dinh',
      'Biên bản họp thành viên hộ gia đình về việc thành lập hộ kinh doanh',
      'Minutes of the household meeting agreeing to set up the business',
      'copy',
      'Khi các thành viên hộ gia đình cùng đăng ký hộ kinh doanh',
      'The members of a household are registering the business together',
    ),
    paper(
      'uy-quyen-chu-ho',
      'Văn bản ủy quyền của thành viên hộ gia đình cho một thành viên làm chủ hộ kinh doanh',
      "Household members' authorisation of one member as owner",
      'copy',
      'Khi các thành viên hộ gia đình cùng đăng ký hộ kinh doanh',
      'The members of a household are registering the business together',
    ),
    paper(
      'giay-to-nguoi-nop',
      'Giấy tờ pháp lý của người được ủy quyền nộp hồ sơ và văn bản ủy quyền',
      'Identity paper and authorisation of the person filing on the owner’s behalf',
      'copy',
      'Khi người khác nộp hồ sơ thay chủ hộ kinh doanh',
      'Someone else is filing the application on behalf of the owner of the household business',
    ),
  ],
  sets: 1,
  cutoff: null,
  postal: true,
  result: 'Giấy chứng nhận đăng ký hộ kinh doanh',
  form: {
    schema: {
      $schema: SCHEMA_DRAFT,
      type: 'object',
      title: 'Giấy đề nghị đăng ký hộ kinh doanh',
      titleEn: 'Household business registration request',
      properties: {
        chuHo: person(owner),
        hoKinhDoanh: business,
        thanhVien: {
          type: 'array',
          title: 'Các thành viên hộ gia đình cùng đăng ký (nếu có)',
          titleEn: 'Household members registering together (if any)',
          maxItems: 20,
          items: member,
        },
      },
      required: ['chuHo', 'hoKinhDoanh'],
    },
    uiSchema: {
      'ui:order': ['chuHo', 'hoKinhDoanh', 'thanhVien'],
      chuHo: personUi(owner, { phone: { 'ui:options': { inputType: 'tel' } } }),
      hoKinhDoanh: {
        'ui:order': ['ten', 'diaChi', 'phone', 'email', 'nganhNghe', 'von', 'soLaoDong'],
        diaChi: ADDRESS_UI,
        phone: { 'ui:options': { inputType: 'tel' } },
        email: { 'ui:options': { inputType: 'email' } },
        nganhNghe: { 'ui:widget': 'textarea' },
        von: { 'ui:options': { inputType: 'tel' } },
      },
      thanhVien: { items: { idNumber: { 'ui:options': { inputType: 'tel' } } } },
    },
    persons: [{ path: 'chuHo', label: { vi: 'Chủ hộ kinh doanh', en: 'Owner' } }],
  },
  sources: [
    'Nghị định 168/2025/NĐ-CP (hiệu lực 01/7/2025), Chương về đăng ký hộ kinh doanh',
    'Thông tư 68/2025/TT-BTC',
    'Thông tư 85/2019/TT-BTC',
    dvcqg('1.001612'),
  ],
};

export const kinhDoanh: Procedure[] = [hoKinhDoanh];
