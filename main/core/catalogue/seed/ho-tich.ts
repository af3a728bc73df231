import type { Procedure } from '../../../../preload/api';
import type { JsonObject } from '../types';
import { AGENCY, FIELD, LAW, childSchema, childUi, father, mother, requester } from './ho-tich-common';
import {
  SCHEMA_DRAFT,
  copies,
  declaration,
  dvcqg,
  identityPaper,
  integer,
  paper,
  person,
  personUi,
  proxyForHoTich,
  type PersonSpec,
} from './parts';

/** Hộ tịch, part 1: birth and marriage registration. Sources: see ho-tich-common.ts. */

/** `ui:options` with one-tap proposals (renderer form/proposals.ts); the data stays what it was. */
const propose = (options: JsonObject, ui: JsonObject = {}): JsonObject => ({
  ...ui,
  'ui:options': { ...((ui['ui:options'] as JsonObject | undefined) ?? {}), ...options },
});

const VIET_NAM = ['Việt Nam'];

/**
 * The birth registration's form, with one tap where this dossier already knows the answer (issue 22):
 * the applicant is the mother or the father (their card's fields copied, the relationship set); the
 * child's surname, ethnicity and nationality from the parents'; a parent's ethnicity as the other's;
 * the birth date on a calendar of recent months (or typed, the year in one tap); the usual first words
 * of a birth place.
 */
const khaiSinhUi: JsonObject = {
  // The parents first, whose cards fill them; then who files (often one of them: one tap); then the
  // child, whose proposals come from all of these.
  'ui:order': ['me', 'cha', 'nguoiYeuCau', 'tre', 'soBanSao'],
  nguoiYeuCau: propose(
    {
      sameAs: [
        { from: 'me', set: { quanHe: 'mẹ' } },
        { from: 'cha', set: { quanHe: 'cha' } },
      ],
    },
    {
      ...personUi(requester),
      quanHe: propose({ proposeValues: ['mẹ', 'cha', 'ông', 'bà', 'anh', 'chị'] }),
    },
  ),
  tre: {
    ...childUi,
    fullName: propose({ proposeSurnameFrom: ['cha.fullName', 'me.fullName'] }),
    birthDate: propose({ proposeYears: 2, calendar: true }),
    ethnicity: propose({ proposeFrom: ['me.ethnicity', 'cha.ethnicity'] }),
    nationality: propose({ proposeFrom: ['me.nationality', 'cha.nationality'], proposeValues: VIET_NAM }),
    birthPlace: propose(
      { proposeStarts: ['Bệnh viện', 'Trạm y tế', 'Trung tâm y tế'] },
      (childUi.birthPlace as JsonObject | undefined) ?? {},
    ),
  },
  me: {
    ...personUi(mother),
    ethnicity: propose({ proposeFrom: ['cha.ethnicity'] }),
    nationality: propose({ proposeFrom: ['cha.nationality'], proposeValues: VIET_NAM }),
  },
  cha: {
    ...personUi(father),
    ethnicity: propose({ proposeFrom: ['me.ethnicity'] }),
    nationality: propose({ proposeFrom: ['me.nationality'], proposeValues: VIET_NAM }),
  },
};

const khaiSinh: Procedure = {
  id: 'dang-ky-khai-sinh',
  code: '1.001193',
  name: 'Đăng ký khai sinh',
  nameEn: 'Birth registration',
  ...FIELD,
  level: 4,
  processingDays: 0,
  fee: {
    amount: 0,
    text: 'Miễn lệ phí khi đăng ký khai sinh đúng hạn (trong 60 ngày kể từ ngày sinh). Đăng ký quá hạn: lệ phí theo nghị quyết HĐND cấp tỉnh. Bản sao trích lục cấp thêm: 8.000 đồng/bản.',
  },
  agency: AGENCY,
  legalBasis: [...LAW, 'Thông tư 85/2019/TT-BTC', 'Thông tư 281/2016/TT-BTC'],
  components: [
    declaration('Tờ khai đăng ký khai sinh', 'Birth registration form'),
    paper(
      'giay-chung-sinh',
      'Giấy chứng sinh (nếu không có: văn bản xác nhận của người làm chứng hoặc giấy cam đoan về việc sinh)',
      'Birth certificate from the hospital (or a witness statement / sworn statement of the birth)',
      'original',
    ),
    paper(
      'bien-ban-tre-bi-bo-roi',
      'Biên bản xác nhận việc trẻ bị bỏ rơi',
      'Record of the finding of an abandoned child',
      'original',
      'Khi khai sinh cho trẻ bị bỏ rơi',
      'You are registering the birth of an abandoned child',
    ),
    paper(
      'mang-thai-ho',
      'Văn bản chứng minh việc mang thai hộ',
      'Proof of gestational surrogacy',
      'original',
      'Khi trẻ được sinh ra do mang thai hộ',
      'The child was born through gestational surrogacy',
    ),
    identityPaper(),
    proxyForHoTich(),
  ],
  sets: 1,
  cutoff: '15:00',
  postal: true,
  result:
    'Giấy khai sinh (bản chính); trẻ được cấp số định danh cá nhân; bản sao trích lục khai sinh nếu có yêu cầu',
  form: {
    schema: {
      $schema: SCHEMA_DRAFT,
      type: 'object',
      title: 'Tờ khai đăng ký khai sinh',
      titleEn: 'Birth registration form',
      properties: {
        nguoiYeuCau: person(requester),
        tre: childSchema,
        me: person(mother),
        cha: person(father),
        soBanSao: copies(),
      },
      required: ['nguoiYeuCau', 'tre', 'me'],
    },
    uiSchema: khaiSinhUi,
    persons: [
      { path: 'nguoiYeuCau', label: { vi: 'Người yêu cầu', en: 'Applicant' } },
      { path: 'me', label: { vi: 'Mẹ', en: 'Mother' } },
      { path: 'cha', label: { vi: 'Cha', en: 'Father' } },
    ],
  },
  sources: [...LAW, 'Luật Hộ tịch 2014, Điều 11 và Điều 16', dvcqg('1.001193')],
};

const spouse = (title: string, titleEn: string): PersonSpec => ({
  title,
  titleEn,
  fields: ['fullName', 'idNumber', 'birthDate', 'ethnicity', 'nationality', 'address'],
  required: ['fullName', 'idNumber', 'birthDate', 'ethnicity', 'nationality', 'address'],
  extra: { lanKetHon: integer('Kết hôn lần thứ mấy', 'Which marriage is this (1st, 2nd …)', 1, 9) },
  extraRequired: ['lanKetHon'],
});

const bride = spouse('Bên nữ', 'Bride');
const groom = spouse('Bên nam', 'Groom');

const ketHon: Procedure = {
  id: 'dang-ky-ket-hon',
  code: '1.000894',
  name: 'Đăng ký kết hôn',
  nameEn: 'Marriage registration',
  ...FIELD,
  level: 3,
  processingDays: 0,
  fee: {
    amount: 0,
    text: 'Miễn lệ phí đăng ký kết hôn cho công dân Việt Nam cư trú ở trong nước (Luật Hộ tịch, Điều 11). Trường hợp cần xác minh điều kiện kết hôn: không quá 05 ngày làm việc.',
  },
  agency: `${AGENCY} nơi cư trú của một trong hai bên`,
  legalBasis: [...LAW, 'Luật Hôn nhân và gia đình số 52/2014/QH13'],
  components: [
    declaration('Tờ khai đăng ký kết hôn', 'Marriage registration form'),
    paper(
      'xac-nhan-tinh-trang-hon-nhan',
      'Giấy xác nhận tình trạng hôn nhân',
      'Certificate of marital status',
      'original',
      'Khi đăng ký kết hôn tại xã, phường không phải nơi thường trú của người đó',
      'The marriage is registered at a commune or ward where that partner does not have permanent residence',
    ),
    paper(
      'trich-luc-ghi-chu-ly-hon',
      'Trích lục ghi chú ly hôn',
      'Extract recording a divorce granted abroad',
      'copy',
      'Khi đã ly hôn hoặc hủy việc kết hôn ở nước ngoài',
      'You divorced, or had a marriage annulled, abroad',
    ),
    identityPaper('hai bên nam, nữ'),
  ],
  sets: 1,
  cutoff: '15:00',
  // Both must come in person to sign the register and receive the certificate (Luật Hộ tịch, Điều 18).
  postal: false,
  result: 'Giấy chứng nhận kết hôn (mỗi bên 01 bản chính); hai bên phải có mặt khi nhận',
  form: {
    schema: {
      $schema: SCHEMA_DRAFT,
      type: 'object',
      title: 'Tờ khai đăng ký kết hôn',
      titleEn: 'Marriage registration form',
      properties: {
        benNu: person(bride),
        benNam: person(groom),
        soBanSao: copies(),
      },
      required: ['benNu', 'benNam'],
    },
    uiSchema: {
      'ui:order': ['benNu', 'benNam', 'soBanSao'],
      benNu: personUi(bride),
      benNam: personUi(groom),
    },
    persons: [
      { path: 'benNu', label: { vi: 'Bên nữ', en: 'Bride' } },
      { path: 'benNam', label: { vi: 'Bên nam', en: 'Groom' } },
    ],
  },
  sources: [...LAW, 'Luật Hộ tịch 2014, Điều 17 và Điều 18', dvcqg('1.000894')],
};

export const hoTichPart1: Procedure[] = [khaiSinh, ketHon];
