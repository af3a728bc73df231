import { KioskFailure, kioskError } from '../errors';

/**
 * Every refusal of `identity.parseScan`, as `KioskFailure`s with a stable code (listed in README.md of
 * this folder). A scan is refused whole: the caller never receives a half-filled person.
 */

const FIELD_VI: Record<string, string> = {
  idNumber: 'số định danh',
  oldIdNumber: 'số CMND cũ',
  fullName: 'họ và tên',
  birthDate: 'ngày sinh',
  sex: 'giới tính',
  address: 'nơi thường trú',
  issueDate: 'ngày cấp',
  expiryDate: 'ngày hết hạn',
  documentNumber: 'số giấy tờ',
  composite: 'mã kiểm tra tổng hợp',
};
const FIELD_EN: Record<string, string> = {
  idNumber: 'ID number',
  oldIdNumber: 'old ID (CMND) number',
  fullName: 'full name',
  birthDate: 'date of birth',
  sex: 'sex',
  address: 'permanent address',
  issueDate: 'date of issue',
  expiryDate: 'date of expiry',
  documentNumber: 'document number',
  composite: 'composite check',
};
const vi = (field: string) => FIELD_VI[field] ?? `trường ${field}`;
const en = (field: string) => FIELD_EN[field] ?? `field ${field}`;

const fail = (code: string, viText: string, enText: string, field?: string) =>
  new KioskFailure(kioskError(code, viText, enText, field));

const RESCAN_VI = 'Vui lòng quét lại hoặc nhập tay.';
const RESCAN_EN = 'Please scan again or type the details.';

export const MAX_SCAN_BYTES = 2048;

export const identityErrors = {
  empty: () => fail('scan-empty', 'Không đọc được gì từ mã vừa quét.', 'The scan was empty.'),
  tooLarge: (bytes: number) =>
    fail(
      'scan-too-large',
      `Mã vừa quét quá dài (${bytes} byte, tối đa 2 KB): đây không phải mã trên thẻ căn cước hay phiếu hẹn.`,
      `The scan is too long (${bytes} bytes, more than 2 KB): it is not an ID card or receipt code.`,
    ),
  mangled: () =>
    fail(
      'scan-mangled',
      'Máy quét làm hỏng chữ tiếng Việt (đang ở chế độ bàn phím). Nhân viên: hãy chuyển máy quét sang chế độ HID-POS rồi quét lại.',
      'The scanner garbled the Vietnamese text (it is in keyboard mode). Staff: switch the scanner to HID-POS mode, then scan again.',
    ),
  unrecognised: () =>
    fail(
      'scan-unrecognised',
      'Không nhận ra mã này. Hãy quét mã QR trên thẻ căn cước, dải MRZ ở mặt sau thẻ, hoặc mã trên phiếu hẹn.',
      'This code is not recognised. Scan the QR code of a citizen ID card, the MRZ on its back, or a receipt code.',
    ),
  fieldCount: (count: number) =>
    fail(
      'cccd-field-count',
      `Mã QR có ${count} trường thông tin, thẻ căn cước có ít nhất 7. ${RESCAN_VI}`,
      `The QR code has ${count} fields; an ID card has at least 7. ${RESCAN_EN}`,
    ),
  idFormat: () =>
    fail(
      'cccd-id-format',
      `Số định danh phải có đúng 12 chữ số. ${RESCAN_VI}`,
      `The ID number must be exactly 12 digits. ${RESCAN_EN}`,
      'idNumber',
    ),
  oldIdFormat: () =>
    fail(
      'cccd-old-id-format',
      `Số CMND cũ phải có 9 hoặc 12 chữ số. ${RESCAN_VI}`,
      `The old ID (CMND) number must be 9 or 12 digits. ${RESCAN_EN}`,
      'oldIdNumber',
    ),
  dateInvalid: (field: string, raw: string) =>
    fail(
      'cccd-date-invalid',
      `${cap(vi(field))} "${raw}" không phải một ngày có thật (dạng ngày-tháng-năm, ddmmyyyy). ${RESCAN_VI}`,
      `The ${en(field)} "${raw}" is not a real date (ddmmyyyy). ${RESCAN_EN}`,
      field,
    ),
  dateInFuture: (field: string) =>
    fail(
      'cccd-date-in-future',
      `${cap(vi(field))} trên mã nằm ở tương lai. ${RESCAN_VI}`,
      `The ${en(field)} is in the future. ${RESCAN_EN}`,
      field,
    ),
  issueBeforeBirth: () =>
    fail(
      'cccd-issue-before-birth',
      `Ngày cấp thẻ trước ngày sinh: mã không đúng. ${RESCAN_VI}`,
      `The date of issue is before the date of birth: the code is wrong. ${RESCAN_EN}`,
      'issueDate',
    ),
  sexInvalid: (raw: string) =>
    fail(
      'cccd-sex-invalid',
      `Giới tính "${raw}" không hợp lệ (phải là Nam hoặc Nữ). ${RESCAN_VI}`,
      `The sex "${raw}" is not valid (Nam or Nữ expected). ${RESCAN_EN}`,
      'sex',
    ),
  textInvalid: (field: string) =>
    fail(
      'cccd-text-invalid',
      `${cap(vi(field))} trống hoặc chứa ký tự không được phép (ký tự điều khiển, dấu < >). ${RESCAN_VI}`,
      `The ${en(field)} is empty or holds characters that are not allowed (control characters, < or >). ${RESCAN_EN}`,
      field,
    ),
  provinceUnknown: (code: string) =>
    fail(
      'id-province-unknown',
      `Số định danh bắt đầu bằng ${code}, không phải mã tỉnh nào (Thông tư 07/2016/TT-BCA). ${RESCAN_VI}`,
      `The ID number starts with ${code}, which is no province code (Circular 07/2016/TT-BCA). ${RESCAN_EN}`,
      'idNumber',
    ),
  sexMismatch: () =>
    fail(
      'id-sex-mismatch',
      `Chữ số thứ 4 của số định danh không khớp với giới tính trên thẻ. ${RESCAN_VI}`,
      `The 4th digit of the ID number does not match the sex on the card. ${RESCAN_EN}`,
      'idNumber',
    ),
  centuryMismatch: () =>
    fail(
      'id-century-mismatch',
      `Chữ số thứ 4 của số định danh không khớp với thế kỷ của năm sinh. ${RESCAN_VI}`,
      `The 4th digit of the ID number does not match the century of the birth year. ${RESCAN_EN}`,
      'idNumber',
    ),
  birthYearMismatch: () =>
    fail(
      'id-birth-year-mismatch',
      `Chữ số thứ 5–6 của số định danh không khớp với năm sinh. ${RESCAN_VI}`,
      `Digits 5–6 of the ID number do not match the birth year. ${RESCAN_EN}`,
      'idNumber',
    ),
  mrzFormat: (why: { vi: string; en: string }) =>
    fail(
      'mrz-format',
      `Dải MRZ không đúng dạng (3 dòng × 30 ký tự): ${why.vi}. ${RESCAN_VI}`,
      `The MRZ is not in the expected form (3 lines × 30 characters): ${why.en}. ${RESCAN_EN}`,
    ),
  mrzCheckDigit: (field: 'documentNumber' | 'birthDate' | 'expiryDate' | 'composite') =>
    fail(
      'mrz-check-digit',
      `Sai chữ số kiểm tra của ${vi(field)} trong dải MRZ: dải bị đọc sai. ${RESCAN_VI}`,
      `The MRZ check digit of the ${en(field)} is wrong: it was misread. ${RESCAN_EN}`,
      field,
    ),
  mrzDateInvalid: (field: 'birthDate' | 'expiryDate', raw: string) =>
    fail(
      'mrz-date-invalid',
      `${cap(vi(field))} "${raw}" trong dải MRZ không phải một ngày có thật. ${RESCAN_VI}`,
      `The MRZ ${en(field)} "${raw}" is not a real date. ${RESCAN_EN}`,
      field,
    ),
  mrzIdMismatch: () =>
    fail(
      'mrz-id-mismatch',
      `Số giấy tờ trong dải MRZ không phải 9 chữ số cuối của số định danh. ${RESCAN_VI}`,
      `The MRZ document number is not the last 9 digits of the ID number. ${RESCAN_EN}`,
      'documentNumber',
    ),
};

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
