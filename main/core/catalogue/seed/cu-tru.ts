import type { Procedure } from '../../../../preload/api';
import type { JsonObject } from '../types';
import {
  ADDRESS_UI,
  SCHEMA_DRAFT,
  addressField,
  date,
  declaration,
  email,
  paper,
  person,
  personUi,
  phone,
  text,
  type Paper,
  type PersonSpec,
} from './parts';

/**
 * Residence registration at Công an cấp xã.
 * - Luật Cư trú số 68/2020/QH14: Điều 20–22 (thường trú; 07 ngày làm việc), Điều 27–28 (tạm trú;
 *   03 ngày làm việc; thời hạn tạm trú tối đa 02 năm, gia hạn nhiều lần).
 * - Nghị định 154/2024/NĐ-CP (quy định chi tiết Luật Cư trú); Thông tư 55/2021/TT-BCA, sửa đổi bởi Thông
 *   tư 66/2023/TT-BCA (Tờ khai thay đổi thông tin cư trú, mẫu CT01).
 * - Thông tư 75/2022/TT-BTC: lệ phí thường trú 20.000 đồng (trực tuyến 10.000), tạm trú 15.000 đồng
 *   (trực tuyến 7.000); miễn cho trẻ em, người cao tuổi, người khuyết tật, hộ nghèo, người có công …
 * - Codes: 1.004222 đăng ký thường trú, 1.004194 đăng ký tạm trú (Cổng DVC Bộ Công an, dichvucong.gov.vn).
 * The kiosk receives the dossier at the centre, so the counter rate is shown; the online rate is named.
 */

const FIELD = { field: 'Đăng ký, quản lý cư trú', fieldEn: 'Residence registration' } as const;
const AGENCY = 'Công an cấp xã (cơ quan đăng ký cư trú)';
const LAW = [
  'Luật Cư trú số 68/2020/QH14',
  'Nghị định 154/2024/NĐ-CP',
  'Thông tư 55/2021/TT-BCA, sửa đổi bởi Thông tư 66/2023/TT-BCA',
  'Thông tư 75/2022/TT-BTC',
];

const registrant: PersonSpec = {
  title: 'Người đăng ký',
  titleEn: 'Person registering',
  fields: ['fullName', 'idNumber', 'birthDate', 'sex'],
  required: ['fullName', 'idNumber', 'birthDate', 'sex'],
  extra: { phone: phone(), email: email() },
};

const householdHead: PersonSpec = {
  title: 'Chủ hộ (nếu nhập vào hộ đã có)',
  titleEn: 'Head of the household joined (if any)',
  fields: ['fullName', 'idNumber'],
  required: ['fullName', 'idNumber'],
  optional: true,
  extra: { quanHe: text('Quan hệ của người đăng ký với chủ hộ', 'Relationship to the head', { max: 50 }) },
  extraRequired: ['quanHe'],
};

const newAddress = (title: string, titleEn: string): JsonObject => addressField(title, titleEn);

const consent = (): Paper =>
  paper(
    'y-kien-chu-ho',
    'Ý kiến đồng ý của chủ hộ, chủ sở hữu chỗ ở hợp pháp (ghi vào Tờ khai CT01 hoặc bằng văn bản)',
    'Consent of the head of household or the owner of the home (on form CT01 or in writing)',
    'original',
    'Khi đăng ký vào chỗ ở không thuộc quyền sở hữu của mình hoặc nhập vào hộ đã có',
    'You are registering at a home you do not own, or joining an existing household',
  );

const lawfulHome = (): Paper =>
  paper(
    'cho-o-hop-phap',
    'Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp',
    'Proof of lawful residence (title deed, lease, loan of the home …)',
    'copy',
    'Khi thông tin về chỗ ở chưa có trong cơ sở dữ liệu chuyên ngành',
    'The details of the home are not yet in the relevant specialised government database',
  );

const ui = (extra: JsonObject): JsonObject => ({
  nguoiDangKy: personUi(registrant, {
    phone: { 'ui:options': { inputType: 'tel' } },
    email: { 'ui:options': { inputType: 'email' } },
  }),
  chuHo: personUi(householdHead),
  diaChi: ADDRESS_UI,
  noiDung: { 'ui:widget': 'textarea', 'ui:options': { rows: 3 } },
  ...extra,
});

/** The cases of Luật Cư trú Điều 20 (khoản 1, 2, 3) a request for permanent residence usually is. */
const THUONG_TRU_GROUNDS = [
  'Đăng ký thường trú tại chỗ ở hợp pháp thuộc quyền sở hữu của tôi',
  'Đăng ký thường trú vào chỗ ở của người thân (vợ, chồng, cha, mẹ, con) với sự đồng ý của chủ hộ',
  'Đăng ký thường trú tại chỗ ở hợp pháp do thuê, mượn, ở nhờ',
];

const thuongTru: Procedure = {
  id: 'dang-ky-thuong-tru',
  code: '1.004222',
  name: 'Đăng ký thường trú',
  nameEn: 'Permanent residence registration',
  ...FIELD,
  level: 4,
  processingDays: 7,
  fee: {
    amount: 20000,
    text: '20.000 đồng/lần khi nộp trực tiếp, 10.000 đồng khi nộp trực tuyến (Thông tư 75/2022/TT-BTC); miễn cho trẻ em, người cao tuổi, người khuyết tật, người thuộc hộ nghèo, người có công.',
  },
  agency: `${AGENCY} nơi có chỗ ở hợp pháp`,
  legalBasis: LAW,
  components: [
    declaration('Tờ khai thay đổi thông tin cư trú (mẫu CT01)', 'Residence change form (CT01)'),
    lawfulHome(),
    paper(
      'quan-he-nhan-than',
      'Giấy tờ chứng minh quan hệ nhân thân với chủ hộ, thành viên hộ gia đình',
      'Proof of family relationship with the head or a member of the household',
      'copy',
      'Khi đăng ký vào chỗ ở của người thân (Luật Cư trú, Điều 20 khoản 2) và quan hệ chưa có trong cơ sở dữ liệu',
      "You are registering at a relative's home (Luật Cư trú, Điều 20 khoản 2) and the relationship is not yet in the government databases",
    ),
    consent(),
  ],
  sets: 1,
  cutoff: null,
  // The result is an update of the national residence database and a notice, not a paper to post.
  postal: false,
  result:
    'Thông tin nơi thường trú mới được cập nhật vào Cơ sở dữ liệu về cư trú; thông báo kết quả cho người đăng ký',
  form: {
    schema: {
      $schema: SCHEMA_DRAFT,
      type: 'object',
      title: 'Tờ khai thay đổi thông tin cư trú – Đăng ký thường trú',
      titleEn: 'Permanent residence registration',
      properties: {
        nguoiDangKy: person(registrant),
        diaChi: newAddress('Địa chỉ đăng ký thường trú', 'Address to register'),
        chuHo: person(householdHead),
        noiDung: text('Nội dung đề nghị', 'Request', {
          max: 1000,
          description: [
            'Ví dụ: đăng ký thường trú vào nhà của bố mẹ đẻ',
            "For example: permanent residence at my parents' home",
          ],
        }),
      },
      required: ['nguoiDangKy', 'diaChi', 'noiDung'],
    },
    uiSchema: {
      'ui:order': ['nguoiDangKy', 'diaChi', 'chuHo', 'noiDung'],
      ...ui({}),
      // The request in one tap, as Luật Cư trú Điều 20 names the cases (renderer form/proposals.ts).
      noiDung: { 'ui:widget': 'textarea', 'ui:options': { rows: 3, proposeValues: THUONG_TRU_GROUNDS } },
    },
    persons: [
      { path: 'nguoiDangKy', label: { vi: 'Người đăng ký', en: 'Person registering' } },
      { path: 'chuHo', label: { vi: 'Chủ hộ', en: 'Head of household' } },
    ],
  },
  sources: [
    ...LAW,
    'Luật Cư trú 2020, Điều 20–22',
    'Cổng Dịch vụ công quốc gia / Bộ Công an, thủ tục 1.004222',
  ],
};

const tamTru: Procedure = {
  id: 'dang-ky-tam-tru',
  code: '1.004194',
  name: 'Đăng ký tạm trú',
  nameEn: 'Temporary residence registration',
  ...FIELD,
  level: 4,
  processingDays: 3,
  fee: {
    amount: 15000,
    text: '15.000 đồng/lần khi nộp trực tiếp, 7.000 đồng khi nộp trực tuyến (Thông tư 75/2022/TT-BTC); miễn cho trẻ em, người cao tuổi, người khuyết tật, người thuộc hộ nghèo, người có công.',
  },
  agency: `${AGENCY} nơi dự kiến tạm trú`,
  legalBasis: LAW,
  components: [
    declaration('Tờ khai thay đổi thông tin cư trú (mẫu CT01)', 'Residence change form (CT01)'),
    lawfulHome(),
    consent(),
  ],
  sets: 1,
  cutoff: null,
  postal: false,
  result:
    'Thông tin nơi tạm trú được cập nhật vào Cơ sở dữ liệu về cư trú; thông báo kết quả cho người đăng ký',
  form: {
    schema: {
      $schema: SCHEMA_DRAFT,
      type: 'object',
      title: 'Tờ khai thay đổi thông tin cư trú – Đăng ký tạm trú',
      titleEn: 'Temporary residence registration',
      properties: {
        nguoiDangKy: person(registrant),
        diaChi: newAddress('Địa chỉ đăng ký tạm trú', 'Address to register'),
        tamTruDen: date('Tạm trú đến ngày', 'Stay until', [
          'Tối đa 02 năm, có thể gia hạn',
          'At most 2 years; it can be extended',
        ]),
        chuHo: person(householdHead),
        noiDung: text('Nội dung đề nghị', 'Request', {
          max: 1000,
          description: [
            'Ví dụ: đăng ký tạm trú tại nhà thuê để đi làm',
            'For example: temporary residence in a rented home, to work here',
          ],
        }),
      },
      required: ['nguoiDangKy', 'diaChi', 'tamTruDen', 'noiDung'],
    },
    uiSchema: { 'ui:order': ['nguoiDangKy', 'diaChi', 'tamTruDen', 'chuHo', 'noiDung'], ...ui({}) },
    persons: [
      { path: 'nguoiDangKy', label: { vi: 'Người đăng ký', en: 'Person registering' } },
      { path: 'chuHo', label: { vi: 'Chủ hộ', en: 'Head of household' } },
    ],
  },
  sources: [
    ...LAW,
    'Luật Cư trú 2020, Điều 27–28',
    'Cổng Dịch vụ công quốc gia / Bộ Công an, thủ tục 1.004194',
  ],
};

export const cuTru: Procedure[] = [thuongTru, tamTru];
