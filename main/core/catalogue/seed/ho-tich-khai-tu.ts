import type { Procedure } from '../../../../preload/api';
import type { JsonObject } from '../types';
import { AGENCY, FIELD, LAW, recordPerson, requester } from './ho-tich-common';
import {
  SCHEMA_DRAFT,
  choice,
  date,
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
 * Hộ tịch, part 2: death registration and certified extracts (trích lục).
 * Khai tử: Luật Hộ tịch 2014, Điều 33–34 (khai tử trong 15 ngày kể từ ngày chết; miễn lệ phí khi đúng
 * hạn; cần xác minh thì không quá 03 ngày làm việc); Nghị định 123/2015/NĐ-CP, Điều 4 (giấy tờ thay thế
 * Giấy báo tử). Trích lục: Nghị định 123/2015/NĐ-CP, Điều 64; phí Thông tư 281/2016/TT-BTC.
 */

const deceased: PersonSpec = {
  title: 'Người đã chết',
  titleEn: 'Deceased',
  fields: ['fullName', 'idNumber', 'birthDate', 'sex', 'ethnicity', 'nationality', 'address'],
  required: ['fullName', 'birthDate', 'sex', 'ethnicity', 'nationality', 'address'],
  addressTitle: ['Nơi cư trú cuối cùng', 'Last place of residence'],
  extra: {
    deathDate: date('Ngày chết', 'Date of death'),
    deathTime: {
      type: 'string',
      title: 'Giờ chết (nếu biết)',
      titleEn: 'Time of death (if known)',
      pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$',
      description: 'Dạng giờ:phút, ví dụ 14:30',
      descriptionEn: 'Hours:minutes, for example 14:30',
    },
    deathPlace: text('Nơi chết', 'Place of death', { max: 250 }),
    cause: text('Nguyên nhân chết', 'Cause of death', { max: 250 }),
  },
  extraRequired: ['deathDate', 'deathPlace', 'cause'],
};

const khaiTu: Procedure = {
  id: 'dang-ky-khai-tu',
  code: '1.000656',
  name: 'Đăng ký khai tử',
  nameEn: 'Death registration',
  ...FIELD,
  level: 4,
  processingDays: 0,
  fee: {
    amount: 0,
    text: 'Miễn lệ phí khi đăng ký khai tử đúng hạn (trong 15 ngày kể từ ngày chết). Quá hạn: lệ phí theo nghị quyết HĐND cấp tỉnh. Cần xác minh: không quá 03 ngày làm việc.',
  },
  agency: `${AGENCY} nơi cư trú cuối cùng của người chết`,
  legalBasis: [...LAW, 'Thông tư 85/2019/TT-BTC'],
  components: [
    declaration('Tờ khai đăng ký khai tử', 'Death registration form'),
    paper(
      'giay-bao-tu',
      'Giấy báo tử hoặc giấy tờ thay thế Giấy báo tử (theo Điều 4 Nghị định 123/2015/NĐ-CP)',
      'Death notice from the hospital or a paper accepted in its place',
      'original',
    ),
    identityPaper(),
    proxyForHoTich(),
  ],
  sets: 1,
  cutoff: '15:00',
  postal: true,
  result: 'Trích lục khai tử (bản chính); thông tin được cập nhật vào Cơ sở dữ liệu quốc gia về dân cư',
  form: {
    schema: {
      $schema: SCHEMA_DRAFT,
      type: 'object',
      title: 'Tờ khai đăng ký khai tử',
      titleEn: 'Death registration form',
      properties: {
        nguoiYeuCau: person(requester),
        nguoiMat: person(deceased),
        soBanSao: integer('Số bản sao trích lục khai tử đề nghị cấp', 'Extracts requested', 0, 10),
      },
      required: ['nguoiYeuCau', 'nguoiMat'],
    },
    uiSchema: {
      'ui:order': ['nguoiYeuCau', 'nguoiMat', 'soBanSao'],
      nguoiYeuCau: personUi(requester),
      nguoiMat: personUi(deceased, {
        deathTime: { ...placeholder(['14:30', '14:30']), 'ui:options': { inputType: 'tel' } },
        deathPlace: { 'ui:widget': 'textarea', 'ui:options': { rows: 2 } },
      }),
    },
    persons: [
      { path: 'nguoiYeuCau', label: { vi: 'Người yêu cầu', en: 'Applicant' } },
      { path: 'nguoiMat', label: { vi: 'Người đã chết', en: 'Deceased' } },
    ],
  },
  sources: [...LAW, 'Luật Hộ tịch 2014, Điều 33 và Điều 34', dvcqg('1.000656')],
};

const subject = recordPerson('Người được cấp bản sao trích lục', 'Person the record is about');

const EVENTS: [string, string, string][] = [
  ['khai-sinh', 'Khai sinh', 'Birth'],
  ['ket-hon', 'Kết hôn', 'Marriage'],
  ['khai-tu', 'Khai tử', 'Death'],
  ['nhan-cha-me-con', 'Nhận cha, mẹ, con', 'Recognition of a father, mother or child'],
  [
    'thay-doi-cai-chinh',
    'Thay đổi, cải chính, bổ sung hộ tịch',
    'Change, correction or completion of a record',
  ],
  ['giam-ho', 'Giám hộ', 'Guardianship'],
  ['khac', 'Việc hộ tịch khác', 'Another civil status event'],
];

const registration: JsonObject = {
  type: 'object',
  title: 'Việc hộ tịch đã đăng ký',
  titleEn: 'The registered event',
  properties: {
    loaiViec: choice('Loại việc hộ tịch', 'Kind of event', EVENTS),
    noiDangKy: text('Nơi đã đăng ký', 'Where it was registered', {
      max: 250,
      description: [
        'Tên Ủy ban nhân dân xã/phường (trước đây: quận/huyện) đã đăng ký',
        "The commune or ward People's Committee (in the past: the district) that registered it",
      ],
    }),
    soDangKy: text('Số đăng ký (nếu biết)', 'Registration number (if known)', { max: 40 }),
    ngayDangKy: date('Ngày đăng ký (nếu biết)', 'Date registered (if known)'),
  },
  required: ['loaiViec', 'noiDangKy'],
};

const trichLuc: Procedure = {
  id: 'cap-ban-sao-trich-luc-ho-tich',
  code: '2.000635',
  name: 'Cấp bản sao trích lục hộ tịch',
  nameEn: 'Certified extract of a civil status record',
  ...FIELD,
  level: 4,
  processingDays: 0,
  fee: {
    amount: 8000,
    text: '8.000 đồng/bản sao trích lục/sự kiện hộ tịch (Thông tư 281/2016/TT-BTC). Miễn cho người thuộc gia đình có công với cách mạng, hộ nghèo, người khuyết tật.',
  },
  agency:
    'Ủy ban nhân dân cấp xã có quyền truy cập Cơ sở dữ liệu hộ tịch điện tử (không phụ thuộc nơi cư trú)',
  legalBasis: [...LAW, 'Thông tư 281/2016/TT-BTC'],
  components: [
    declaration('Tờ khai cấp bản sao trích lục hộ tịch', 'Request form for a certified extract'),
    identityPaper(),
    paper(
      'van-ban-uy-quyen',
      'Văn bản ủy quyền (được chứng thực)',
      'Written authorisation (certified)',
      'original',
      'Khi người yêu cầu không phải là người có sự kiện hộ tịch và không phải cha, mẹ, con, vợ, chồng, anh, chị, em ruột của họ',
      'The person applying is neither the person the record is about nor their father, mother, child, husband, wife, brother or sister',
    ),
  ],
  sets: 1,
  cutoff: '15:00',
  postal: true,
  result: 'Bản sao trích lục hộ tịch (theo số lượng yêu cầu)',
  form: {
    schema: {
      $schema: SCHEMA_DRAFT,
      type: 'object',
      title: 'Tờ khai cấp bản sao trích lục hộ tịch',
      titleEn: 'Request for a certified extract',
      properties: {
        nguoiYeuCau: person(requester),
        nguoiDuocCap: person(subject),
        suKien: registration,
        soBan: integer('Số bản sao đề nghị cấp', 'Number of copies', 1, 10),
      },
      required: ['nguoiYeuCau', 'nguoiDuocCap', 'suKien', 'soBan'],
    },
    uiSchema: {
      'ui:order': ['nguoiYeuCau', 'nguoiDuocCap', 'suKien', 'soBan'],
      nguoiYeuCau: personUi(requester),
      nguoiDuocCap: personUi(subject),
      suKien: { 'ui:order': ['loaiViec', 'noiDangKy', 'soDangKy', 'ngayDangKy'] },
      soBan: { 'ui:options': { inputType: 'tel' } },
    },
    persons: [
      { path: 'nguoiYeuCau', label: { vi: 'Người yêu cầu', en: 'Applicant' } },
      { path: 'nguoiDuocCap', label: { vi: 'Người được cấp trích lục', en: 'Person the record is about' } },
    ],
  },
  sources: [...LAW, 'Nghị định 123/2015/NĐ-CP, Điều 64', 'Thông tư 281/2016/TT-BTC', dvcqg('2.000635')],
};

export const hoTichPart2: Procedure[] = [khaiTu, trichLuc];
