import type { JsonObject } from '../types';
import { date, relationship, sex, text, type PersonSpec } from './parts';

/**
 * Hộ tịch (civil status) procedures done by UBND cấp xã: the parts and sources they share.
 *
 * Sources (checked for 2025–2026):
 * - Luật Hộ tịch 2014 (số 60/2014/QH13): Điều 11 (miễn lệ phí khai sinh, khai tử đúng hạn; kết hôn của
 *   công dân Việt Nam cư trú trong nước), Điều 16 (khai sinh), Điều 18 (kết hôn), Điều 34 (khai tử).
 * - Nghị định 123/2015/NĐ-CP, sửa đổi bởi Nghị định 07/2025/NĐ-CP (không yêu cầu giấy tờ đã có trong cơ sở
 *   dữ liệu; trích lục cấp từ cơ sở dữ liệu hộ tịch điện tử).
 * - Thông tư 04/2020/TT-BTP (mẫu tờ khai; hồ sơ nhận sau 15 giờ mà không giải quyết được ngay thì trả kết
 *   quả trong ngày làm việc tiếp theo — hence cutoff 15:00 on the same-day procedures).
 * - Thông tư 85/2019/TT-BTC: lệ phí hộ tịch do HĐND cấp tỉnh quyết định (varies by province).
 * - Thông tư 281/2016/TT-BTC: phí cấp bản sao trích lục hộ tịch 8.000 đồng/bản.
 * - Nghị định 120/2025/NĐ-CP: phân định thẩm quyền chính quyền địa phương 2 cấp, lĩnh vực tư pháp.
 * - Procedure codes: Cơ sở dữ liệu quốc gia về thủ tục hành chính (dichvucong.gov.vn).
 */

export const FIELD = { field: 'Hộ tịch', fieldEn: 'Civil status' } as const;
export const AGENCY = 'Ủy ban nhân dân cấp xã (công chức Tư pháp – Hộ tịch)';
export const LAW = [
  'Luật Hộ tịch số 60/2014/QH13',
  'Nghị định 123/2015/NĐ-CP, sửa đổi bởi Nghị định 07/2025/NĐ-CP',
  'Thông tư 04/2020/TT-BTP',
  'Nghị định 120/2025/NĐ-CP (thẩm quyền chính quyền địa phương 2 cấp)',
];

export const requester: PersonSpec = {
  title: 'Người yêu cầu',
  titleEn: 'Applicant',
  fields: ['fullName', 'idNumber', 'address'],
  required: ['fullName', 'idNumber', 'address'],
  extra: { quanHe: relationship() },
  extraRequired: ['quanHe'],
};

export const parent = (title: string, titleEn: string, optional: boolean): PersonSpec => ({
  title,
  titleEn,
  fields: ['fullName', 'idNumber', 'birthDate', 'ethnicity', 'nationality', 'address'],
  required: ['fullName', 'birthDate', 'ethnicity', 'nationality', 'address'],
  optional,
  description: optional
    ? ['Bỏ trống nếu chưa xác định được cha', 'Leave empty if the father is not known']
    : undefined,
});

export const mother = parent('Mẹ', 'Mother', false);
export const father = parent('Cha', 'Father', true);

/** The child of a birth registration: no ID number yet (the registration issues it). */
export const childSchema: JsonObject = {
  type: 'object',
  title: 'Trẻ được khai sinh',
  titleEn: 'Child',
  properties: {
    fullName: text('Họ, chữ đệm và tên', 'Full name', { max: 100 }),
    birthDate: date('Ngày, tháng, năm sinh', 'Date of birth'),
    sex: sex(),
    ethnicity: text('Dân tộc', 'Ethnicity', { max: 60 }),
    nationality: text('Quốc tịch', 'Nationality', { max: 60 }),
    birthPlace: text('Nơi sinh', 'Place of birth', {
      max: 250,
      description: [
        'Tên cơ sở y tế, xã/phường, tỉnh/thành phố',
        'Name of the hospital or health centre, commune or ward, province or city',
      ],
    }),
    hometown: text('Quê quán', 'Place of origin', { max: 250 }),
  },
  required: ['fullName', 'birthDate', 'sex', 'ethnicity', 'nationality', 'birthPlace'],
};

export const childUi: JsonObject = {
  'ui:order': ['fullName', 'birthDate', 'sex', 'ethnicity', 'nationality', 'birthPlace', 'hometown'],
  birthPlace: { 'ui:widget': 'textarea', 'ui:options': { rows: 2 } },
};

/**
 * The person a registered civil status event is about, on the forms that act on an existing record
 * (a certified extract, a change or correction): the record names them, so their ID number is asked
 * for only if they have one (a child, or someone long dead, may have none).
 */
export const recordPerson = (title: string, titleEn: string): PersonSpec => ({
  title,
  titleEn,
  fields: ['fullName', 'idNumber', 'birthDate', 'sex', 'address'],
  required: ['fullName', 'birthDate', 'sex'],
});
