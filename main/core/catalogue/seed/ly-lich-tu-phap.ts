import type { Procedure } from '../../../../preload/api';
import type { JsonObject } from '../types';
import {
  ADDRESS_UI,
  SCHEMA_DRAFT,
  type Words,
  addressField,
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
 * Criminal record certificate No. 1 (Phiếu lý lịch tư pháp số 1) for a person's own use.
 * - Luật Lý lịch tư pháp số 28/2009/QH12, Điều 45–48 (hồ sơ; thời hạn 10 ngày, cần xác minh thì không quá
 *   15 ngày); Nghị định 111/2010/NĐ-CP; Thông tư 06/2024/TT-BTP (Mẫu số 03/2024/LLTP).
 * - Thông tư 244/2016/TT-BTC: phí 200.000 đồng/lần; sinh viên, người có công và thân nhân liệt sĩ
 *   100.000 đồng; miễn cho trẻ em, người cao tuổi, người khuyết tật, hộ nghèo, người cư trú ở xã đặc biệt
 *   khó khăn; từ Phiếu thứ 3 trở đi thu thêm 5.000 đồng/Phiếu.
 * - Since 2025 the certificate is issued by Công an cấp tỉnh (it was Sở Tư pháp); the Ministry of Public
 *   Security portal lists it as procedure 3.000333 (dichvucong.bocongan.gov.vn). The one-stop counter of
 *   the commune receives the request and hands it on; it is also offered on VNeID.
 * The 10 days are calendar days in the law ("10 ngày"); the kiosk counts working days, which is the
 * later, safe date to promise.
 */

const applicant: PersonSpec = {
  title: 'Người yêu cầu cấp Phiếu',
  titleEn: 'Applicant',
  fields: ['fullName', 'idNumber', 'birthDate', 'sex', 'ethnicity', 'nationality', 'address'],
  required: ['fullName', 'idNumber', 'birthDate', 'sex', 'ethnicity', 'nationality', 'address'],
  addressTitle: ['Nơi thường trú', 'Permanent residence'],
  extra: {
    otherNames: text('Tên gọi khác (nếu có)', 'Other names (if any)', { max: 100 }),
    birthPlace: text('Nơi sinh', 'Place of birth', { max: 250 }),
    tamTru: addressField('Nơi tạm trú (nếu có)', 'Temporary residence (if any)'),
    phone: phone(),
    email: email(),
  },
  extraRequired: ['birthPlace', 'phone'],
};

const relative = (title: string, titleEn: string): JsonObject => ({
  type: 'object',
  title,
  titleEn,
  properties: { fullName: text('Họ, chữ đệm và tên', 'Full name', { max: 100 }) },
});

const PURPOSES: Words = [
  'Ví dụ: bổ sung hồ sơ xin việc; xin thị thực du học; thành lập doanh nghiệp',
  'For example: a job application; a student visa; setting up a business',
];

const lyLichTuPhap: Procedure = {
  id: 'cap-phieu-ly-lich-tu-phap-so-1',
  code: '3.000333',
  name: 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam (Phiếu số 1)',
  nameEn: 'Criminal record certificate No. 1',
  field: 'Lý lịch tư pháp',
  fieldEn: 'Criminal records',
  level: 4,
  processingDays: 10,
  fee: {
    amount: 200000,
    text: '200.000 đồng/lần; sinh viên, người có công với cách mạng, thân nhân liệt sĩ: 100.000 đồng; miễn cho trẻ em, người cao tuổi, người khuyết tật, người thuộc hộ nghèo, người cư trú ở xã đặc biệt khó khăn; từ Phiếu thứ 3 trở đi thêm 5.000 đồng/Phiếu (Thông tư 244/2016/TT-BTC).',
  },
  agency: 'Công an cấp tỉnh (Phòng Hồ sơ nghiệp vụ); tiếp nhận qua Bộ phận một cửa hoặc ứng dụng VNeID',
  legalBasis: [
    'Luật Lý lịch tư pháp số 28/2009/QH12',
    'Nghị định 111/2010/NĐ-CP',
    'Thông tư 06/2024/TT-BTP (Mẫu số 03/2024/LLTP)',
    'Thông tư 244/2016/TT-BTC',
  ],
  components: [
    declaration(
      'Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp (Mẫu số 03/2024/LLTP)',
      'Request form (form 03/2024/LLTP)',
    ),
    paper(
      'giay-to-tuy-than',
      'Bản chụp thẻ căn cước hoặc hộ chiếu của người được cấp Phiếu',
      'Copy of the citizen ID card or passport',
      'copy',
      'Khi thông tin không khai thác được từ Cơ sở dữ liệu quốc gia về dân cư',
      'The details cannot be retrieved from the National Population Database',
    ),
    paper(
      'van-ban-uy-quyen',
      'Văn bản ủy quyền',
      'Written authorisation',
      'original',
      'Khi ủy quyền cho người khác nộp thay; không cần nếu người nộp là cha, mẹ, vợ, chồng, con của người được cấp Phiếu',
      'You ask someone else to apply for you; not needed if that person is the father, mother, husband, wife or child of the person the certificate is for',
    ),
    paper(
      'mien-giam-phi',
      'Giấy tờ chứng minh thuộc diện miễn, giảm phí (thẻ sinh viên, giấy chứng nhận người có công, hộ nghèo …)',
      'Proof of entitlement to a reduced or waived fee',
      'copy',
      'Khi đề nghị miễn hoặc giảm phí',
      'You are asking for the fee to be waived or reduced',
    ),
  ],
  sets: 1,
  cutoff: null,
  postal: true,
  result: 'Phiếu lý lịch tư pháp số 1 (bản giấy hoặc bản điện tử trên VNeID)',
  form: {
    schema: {
      $schema: SCHEMA_DRAFT,
      type: 'object',
      title: 'Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp',
      titleEn: 'Request for a criminal record certificate',
      properties: {
        nguoiYeuCau: person(applicant),
        cha: relative('Cha', 'Father'),
        me: relative('Mẹ', 'Mother'),
        voChong: relative('Vợ/chồng (nếu có)', 'Spouse (if any)'),
        mucDich: text('Mục đích sử dụng Phiếu', 'Purpose', { max: 200, description: PURPOSES }),
        soLuong: integer('Số lượng Phiếu đề nghị cấp', 'Number of certificates', 1, 10),
      },
      required: ['nguoiYeuCau', 'mucDich', 'soLuong'],
    },
    uiSchema: {
      'ui:order': ['nguoiYeuCau', 'cha', 'me', 'voChong', 'mucDich', 'soLuong'],
      nguoiYeuCau: personUi(applicant, {
        phone: { 'ui:options': { inputType: 'tel' } },
        email: { 'ui:options': { inputType: 'email' } },
        tamTru: ADDRESS_UI,
      }),
      mucDich: { 'ui:widget': 'textarea', 'ui:options': { rows: 2 } },
      soLuong: { 'ui:options': { inputType: 'tel' } },
    },
    persons: [{ path: 'nguoiYeuCau', label: { vi: 'Người yêu cầu cấp Phiếu', en: 'Applicant' } }],
  },
  sources: [
    'Luật Lý lịch tư pháp 2009, Điều 45–48',
    'Thông tư 06/2024/TT-BTP',
    'Thông tư 244/2016/TT-BTC',
    'Cổng Dịch vụ công Bộ Công an, thủ tục 3.000333 (Công an cấp tỉnh): https://dichvucong.bocongan.gov.vn',
  ],
};

export const lyLich: Procedure[] = [lyLichTuPhap];
