import type { Procedure } from '../../../../preload/api';
import { AGENCY, FIELD, LAW, childUi, father, mother, recordPerson, requester } from './ho-tich-common';
import {
  SCHEMA_DRAFT,
  choice,
  copies,
  declaration,
  dvcqg,
  identityPaper,
  integer,
  paper,
  person,
  personUi,
  placeholder,
  proxyForHoTich,
  text,
  type PersonSpec,
} from './parts';

/**
 * Hộ tịch, part 3: certificate of marital status, re-registration of a birth, change/correction.
 * - Xác nhận tình trạng hôn nhân: Nghị định 123/2015/NĐ-CP, Điều 21–23 (03 ngày làm việc; giấy có giá
 *   trị 06 tháng).
 * - Đăng ký lại khai sinh: Nghị định 123/2015/NĐ-CP, Điều 24–27 (05 ngày làm việc).
 * - Thay đổi, cải chính, bổ sung hộ tịch: Luật Hộ tịch 2014, Điều 26–29 (03 ngày làm việc; bổ sung thì
 *   ngay trong ngày).
 * Lệ phí of these is set by each province's HĐND (Thông tư 85/2019/TT-BTC); the amounts below are a
 * common level, said so in `fee.text`, for staff to correct in the portal's catalogue.
 */

const MARITAL: [string, string, string][] = [
  ['chua-ket-hon', 'Chưa đăng ký kết hôn với ai', 'Never registered a marriage with anyone'],
  ['dang-co-vo-chong', 'Đang có vợ/chồng', 'Currently married'],
  ['da-ly-hon', 'Đã kết hôn nhưng đã ly hôn', 'Married before, now divorced'],
  ['vo-chong-da-chet', 'Đã kết hôn nhưng vợ/chồng đã chết', 'Married before, spouse has died'],
];

const certified: PersonSpec = {
  title: 'Người được xác nhận tình trạng hôn nhân',
  titleEn: 'Person whose marital status is certified',
  fields: ['fullName', 'idNumber', 'birthDate', 'sex', 'ethnicity', 'nationality', 'address'],
  required: ['fullName', 'idNumber', 'birthDate', 'sex', 'ethnicity', 'nationality', 'address'],
};

/*
 * The shared hộ tịch requester asks for the relationship "với người được đăng ký"; here nobody is
 * registered, a person's status is certified, most often the applicant's own.
 */
const maritalRequester: PersonSpec = {
  ...requester,
  extra: {
    quanHe: text('Quan hệ với người được xác nhận', 'Relationship to the person certified', {
      max: 50,
      description: [
        'Ví dụ: bản thân, cha, mẹ, con, người được ủy quyền',
        'For example: self, father, mother, son or daughter, authorised person',
      ],
    }),
  },
};

const xacNhanHonNhan: Procedure = {
  id: 'xac-nhan-tinh-trang-hon-nhan',
  code: '1.004873',
  name: 'Cấp Giấy xác nhận tình trạng hôn nhân',
  nameEn: 'Certificate of marital status',
  ...FIELD,
  level: 4,
  processingDays: 3,
  fee: {
    amount: 5000,
    // Provinces set it (Thông tư 85/2019/TT-BTC); several levy 3.000–15.000 đồng or waive it online.
    text: 'Lệ phí theo nghị quyết HĐND cấp tỉnh (thường từ 3.000 đến 15.000 đồng; nhiều tỉnh miễn khi nộp trực tuyến). Miễn cho người thuộc gia đình có công, hộ nghèo, người khuyết tật.',
  },
  agency: `${AGENCY} nơi thường trú của người yêu cầu`,
  legalBasis: [...LAW, 'Thông tư 85/2019/TT-BTC'],
  components: [
    declaration(
      'Tờ khai cấp Giấy xác nhận tình trạng hôn nhân',
      'Request form for a certificate of marital status',
    ),
    paper(
      'giay-to-ly-hon',
      'Bản án, quyết định ly hôn đã có hiệu lực của Tòa án (hoặc trích lục)',
      'Final divorce judgment or decision (or its extract)',
      'copy',
      'Khi đã có vợ/chồng nhưng đã ly hôn',
      'You were married before and are now divorced',
    ),
    paper(
      'trich-luc-khai-tu',
      'Trích lục khai tử hoặc giấy tờ chứng minh vợ/chồng đã chết',
      'Death extract of the late spouse',
      'copy',
      'Khi vợ/chồng đã chết và việc khai tử không đăng ký tại xã này',
      'Your husband or wife has died and the death was not registered at this commune',
    ),
    paper(
      'xac-nhan-cu',
      'Giấy xác nhận tình trạng hôn nhân đã được cấp trước đây',
      'The certificate of marital status issued before',
      'original',
      'Khi xin cấp lại để dùng vào mục đích khác hoặc giấy cũ đã hết hạn 06 tháng',
      'You are applying again to use it for a different purpose, or the old certificate has passed its 6-month validity',
    ),
    identityPaper(),
    proxyForHoTich(),
  ],
  sets: 1,
  cutoff: null,
  postal: true,
  result: 'Giấy xác nhận tình trạng hôn nhân (có giá trị 06 tháng kể từ ngày cấp)',
  form: {
    schema: {
      $schema: SCHEMA_DRAFT,
      type: 'object',
      title: 'Tờ khai cấp Giấy xác nhận tình trạng hôn nhân',
      titleEn: 'Request for a certificate of marital status',
      properties: {
        nguoiYeuCau: person(maritalRequester),
        nguoiDuocXacNhan: person(certified),
        tinhTrang: choice('Tình trạng hôn nhân hiện nay', 'Current marital status', MARITAL),
        mucDich: text('Mục đích sử dụng', 'Purpose', {
          max: 200,
          description: [
            'Ví dụ: để đăng ký kết hôn với bà Nguyễn Thị B; để bổ sung hồ sơ vay vốn',
            'For example: to register a marriage with Ms Nguyễn Thị B; for a loan application',
          ],
        }),
        soBan: integer('Số bản đề nghị cấp', 'Number of copies', 1, 5),
      },
      required: ['nguoiYeuCau', 'nguoiDuocXacNhan', 'tinhTrang', 'mucDich', 'soBan'],
    },
    uiSchema: {
      'ui:order': ['nguoiYeuCau', 'nguoiDuocXacNhan', 'tinhTrang', 'mucDich', 'soBan'],
      nguoiYeuCau: personUi(maritalRequester),
      nguoiDuocXacNhan: personUi(certified),
      mucDich: { 'ui:widget': 'textarea', 'ui:options': { rows: 2 } },
    },
    persons: [
      { path: 'nguoiYeuCau', label: { vi: 'Người yêu cầu', en: 'Applicant' } },
      { path: 'nguoiDuocXacNhan', label: { vi: 'Người được xác nhận', en: 'Person certified' } },
    ],
  },
  sources: [...LAW, 'Nghị định 123/2015/NĐ-CP, Điều 21–23', dvcqg('1.004873')],
};

/** Re-registration is for adults too: they have a card, so they are a person slot with an ID. */
const registered: PersonSpec = {
  title: 'Người được đăng ký lại khai sinh',
  titleEn: 'Person whose birth is re-registered',
  fields: ['fullName', 'idNumber', 'birthDate', 'sex', 'ethnicity', 'nationality', 'address'],
  required: ['fullName', 'birthDate', 'sex', 'ethnicity', 'nationality'],
  extra: {
    birthPlace: text('Nơi sinh', 'Place of birth', { max: 250 }),
    hometown: text('Quê quán', 'Place of origin', { max: 250 }),
  },
  extraRequired: ['birthPlace'],
};

const dangKyLaiKhaiSinh: Procedure = {
  id: 'dang-ky-lai-khai-sinh',
  code: '1.004884',
  name: 'Đăng ký lại khai sinh',
  nameEn: 'Re-registration of a birth',
  ...FIELD,
  level: 3,
  processingDays: 5,
  fee: {
    amount: 5000,
    text: 'Lệ phí theo nghị quyết HĐND cấp tỉnh (thường 5.000–10.000 đồng). Trường hợp phải xác minh: thêm không quá 05 ngày làm việc.',
  },
  agency: `${AGENCY} nơi đã đăng ký khai sinh trước đây hoặc nơi người yêu cầu thường trú`,
  legalBasis: [...LAW, 'Thông tư 85/2019/TT-BTC'],
  components: [
    declaration(
      'Tờ khai đăng ký lại khai sinh (có cam đoan đã đăng ký khai sinh nhưng không còn lưu được)',
      'Birth re-registration form (with a statement that the birth was registered but the record is lost)',
    ),
    paper(
      'ban-sao-giay-khai-sinh',
      'Bản sao Giấy khai sinh cấp trước đây',
      'Copy of the earlier birth certificate',
      'copy',
      'Nếu còn giữ được',
      'You still have it',
    ),
    paper(
      'giay-to-co-thong-tin-khai-sinh',
      'Giấy tờ có thông tin khai sinh do cơ quan có thẩm quyền cấp (thẻ căn cước, hộ chiếu, học bạ, văn bằng, hồ sơ cán bộ …)',
      'Official papers showing the birth details (ID card, passport, school record, diploma, personnel file …)',
      'copy',
      'Khi không còn bản sao Giấy khai sinh',
      'You no longer have a copy of the birth certificate',
    ),
    proxyForHoTich(),
  ],
  sets: 1,
  cutoff: null,
  postal: true,
  result: 'Giấy khai sinh (bản chính, ghi "đăng ký lại")',
  form: {
    schema: {
      $schema: SCHEMA_DRAFT,
      type: 'object',
      title: 'Tờ khai đăng ký lại khai sinh',
      titleEn: 'Birth re-registration form',
      properties: {
        nguoiYeuCau: person(requester),
        nguoiDuocKhaiSinh: person(registered),
        me: person(mother),
        cha: person(father),
        noiDaDangKy: text('Nơi đã đăng ký khai sinh trước đây', 'Where the birth was first registered', {
          max: 250,
        }),
        soBanSao: copies(),
      },
      required: ['nguoiYeuCau', 'nguoiDuocKhaiSinh', 'me', 'noiDaDangKy'],
    },
    uiSchema: {
      'ui:order': ['nguoiYeuCau', 'nguoiDuocKhaiSinh', 'me', 'cha', 'noiDaDangKy', 'soBanSao'],
      nguoiYeuCau: personUi(requester),
      nguoiDuocKhaiSinh: personUi(registered, { birthPlace: childUi.birthPlace ?? {} }),
      me: personUi(mother),
      cha: personUi(father),
    },
    persons: [
      { path: 'nguoiYeuCau', label: { vi: 'Người yêu cầu', en: 'Applicant' } },
      { path: 'nguoiDuocKhaiSinh', label: { vi: 'Người được khai sinh', en: 'Person registered' } },
      { path: 'me', label: { vi: 'Mẹ', en: 'Mother' } },
      { path: 'cha', label: { vi: 'Cha', en: 'Father' } },
    ],
  },
  sources: [...LAW, 'Nghị định 123/2015/NĐ-CP, Điều 24–27', dvcqg('1.004884')],
};

const changed = recordPerson('Người có thông tin hộ tịch cần thay đổi', 'Person whose record changes');

const CHANGES: [string, string, string][] = [
  ['thay-doi', 'Thay đổi (họ, chữ đệm, tên …)', 'Change (surname, middle name, given name …)'],
  ['cai-chinh', 'Cải chính (sửa thông tin ghi sai)', 'Correction (details recorded wrongly)'],
  ['bo-sung', 'Bổ sung thông tin còn thiếu', 'Completion (details missing from the record)'],
  ['xac-dinh-lai-dan-toc', 'Xác định lại dân tộc', 'Re-determination of ethnicity'],
];

const thayDoiCaiChinh: Procedure = {
  id: 'thay-doi-cai-chinh-ho-tich',
  code: '1.004859',
  name: 'Thay đổi, cải chính, bổ sung thông tin hộ tịch, xác định lại dân tộc',
  nameEn: 'Change, correction or completion of a civil status record',
  ...FIELD,
  level: 4,
  processingDays: 3,
  fee: {
    amount: 15000,
    text: 'Lệ phí theo nghị quyết HĐND cấp tỉnh (thường 10.000–30.000 đồng/việc). Bổ sung thông tin: giải quyết ngay trong ngày. Cần xác minh: thêm không quá 03 ngày làm việc.',
  },
  agency: `${AGENCY} nơi đã đăng ký hộ tịch trước đây hoặc nơi cư trú`,
  legalBasis: [...LAW, 'Thông tư 85/2019/TT-BTC'],
  components: [
    declaration(
      'Tờ khai đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch',
      'Request form for a change or correction of a civil status record',
    ),
    paper(
      'giay-to-lam-can-cu',
      'Giấy tờ làm căn cứ cho việc thay đổi, cải chính, bổ sung (giấy tờ hộ tịch cần sửa và giấy tờ chứng minh thông tin đúng)',
      'Papers that support the change (the record to correct and proof of the right details)',
      'original-or-copy',
    ),
    identityPaper(),
    proxyForHoTich(),
  ],
  sets: 1,
  cutoff: null,
  postal: true,
  result: 'Trích lục thay đổi, cải chính, bổ sung hộ tịch, xác định lại dân tộc',
  form: {
    schema: {
      $schema: SCHEMA_DRAFT,
      type: 'object',
      title: 'Tờ khai đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch',
      titleEn: 'Change or correction of a civil status record',
      properties: {
        nguoiYeuCau: person(requester),
        nguoiThayDoi: person(changed),
        loaiYeuCau: choice('Nội dung yêu cầu', 'Kind of request', CHANGES),
        giayToHoTich: text('Giấy tờ hộ tịch cần sửa', 'Record to change', {
          max: 200,
          description: [
            'Ví dụ: Giấy khai sinh số 123, quyển số 01/2010, ngày 05/3/2010',
            'For example: birth certificate no. 123, book no. 01/2010, dated 05/3/2010',
          ],
        }),
        noiDung: text('Nội dung thay đổi (từ … thành …)', 'What changes (from … to …)', { max: 1000 }),
        lyDo: text('Lý do', 'Reason', { max: 1000 }),
        soBanSao: copies(),
      },
      required: ['nguoiYeuCau', 'nguoiThayDoi', 'loaiYeuCau', 'giayToHoTich', 'noiDung', 'lyDo'],
    },
    uiSchema: {
      'ui:order': [
        'nguoiYeuCau',
        'nguoiThayDoi',
        'loaiYeuCau',
        'giayToHoTich',
        'noiDung',
        'lyDo',
        'soBanSao',
      ],
      nguoiYeuCau: personUi(requester),
      nguoiThayDoi: personUi(changed),
      noiDung: {
        'ui:widget': 'textarea',
        ...placeholder([
          'Ví dụ: tên từ "Nguyễn Văn Tí" thành "Nguyễn Văn Tý"',
          'For example: the name from "Nguyễn Văn Tí" to "Nguyễn Văn Tý"',
        ]),
      },
      lyDo: { 'ui:widget': 'textarea' },
    },
    persons: [
      { path: 'nguoiYeuCau', label: { vi: 'Người yêu cầu', en: 'Applicant' } },
      {
        path: 'nguoiThayDoi',
        label: { vi: 'Người có thông tin cần sửa', en: 'Person whose record changes' },
      },
    ],
  },
  sources: [...LAW, 'Luật Hộ tịch 2014, Điều 26–29', dvcqg('1.004859')],
};

export const hoTichPart3: Procedure[] = [xacNhanHonNhan, dangKyLaiKhaiSinh, thayDoiCaiChinh];
