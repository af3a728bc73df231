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

/*
 * A citizen reads these at the kiosk (issue 23): each says what to do with the card, never which field,
 * digit or format failed (that is in the code and field, for staff and logs).
 */
const FRONT_VI = 'Vui lòng quét lại mặt trước thẻ, giữ thẻ phẳng và yên. Nếu vẫn không được, hãy nhập tay.';
const FRONT_EN =
  'Please scan the front of the card again, holding it flat and still. If it still fails, type the details.';
const BACK_VI = 'Vui lòng quét lại mặt sau thẻ, giữ thẻ phẳng và yên. Nếu vẫn không được, hãy nhập tay.';
const BACK_EN =
  'Please scan the back of the card again, holding it flat and still. If it still fails, type the details.';

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
      `Chưa đọc được đủ thông tin từ mã QR trên thẻ (${count} phần). ${FRONT_VI}`,
      `The QR code on the card was not read in full (${count} parts). ${FRONT_EN}`,
    ),
  idFormat: () =>
    fail(
      'cccd-id-format',
      `Chưa đọc đúng số định danh trên thẻ. ${FRONT_VI}`,
      `The ID number on the card was not read correctly. ${FRONT_EN}`,
      'idNumber',
    ),
  oldIdFormat: () =>
    fail(
      'cccd-old-id-format',
      `Chưa đọc đúng số CMND cũ trên thẻ. ${FRONT_VI}`,
      `The old ID (CMND) number on the card was not read correctly. ${FRONT_EN}`,
      'oldIdNumber',
    ),
  dateInvalid: (field: string, raw: string) =>
    fail(
      'cccd-date-invalid',
      `Chưa đọc đúng ${vi(field)} trên thẻ ("${raw}"). ${FRONT_VI}`,
      `The ${en(field)} on the card was not read correctly ("${raw}"). ${FRONT_EN}`,
      field,
    ),
  dateInFuture: (field: string) =>
    fail(
      'cccd-date-in-future',
      `${cap(vi(field))} đọc được là một ngày chưa tới: mã đã bị đọc sai. ${FRONT_VI}`,
      `The ${en(field)} read is still to come: the code was misread. ${FRONT_EN}`,
      field,
    ),
  issueBeforeBirth: () =>
    fail(
      'cccd-issue-before-birth',
      `Ngày cấp thẻ đọc được trước ngày sinh: mã đã bị đọc sai. ${FRONT_VI}`,
      `The date of issue read is before the date of birth: the code was misread. ${FRONT_EN}`,
      'issueDate',
    ),
  sexInvalid: (raw: string) =>
    fail(
      'cccd-sex-invalid',
      `Chưa đọc đúng giới tính trên thẻ ("${raw}"). ${FRONT_VI}`,
      `The sex on the card was not read correctly ("${raw}"). ${FRONT_EN}`,
      'sex',
    ),
  textInvalid: (field: string) =>
    fail(
      'cccd-text-invalid',
      `Chưa đọc đúng ${vi(field)} trên thẻ. ${FRONT_VI}`,
      `The ${en(field)} on the card was not read correctly. ${FRONT_EN}`,
      field,
    ),
  provinceUnknown: (code: string) =>
    fail(
      'id-province-unknown',
      `Số định danh đọc được (bắt đầu bằng ${code}) không phải số trên thẻ căn cước. ${FRONT_VI}`,
      `The ID number read (starting ${code}) is not a citizen ID card number. ${FRONT_EN}`,
      'idNumber',
    ),
  sexMismatch: () =>
    fail(
      'id-sex-mismatch',
      `Số định danh đọc được không khớp với giới tính trên thẻ. ${FRONT_VI}`,
      `The ID number read does not match the sex on the card. ${FRONT_EN}`,
      'idNumber',
    ),
  centuryMismatch: () =>
    fail(
      'id-century-mismatch',
      `Số định danh đọc được không khớp với năm sinh trên thẻ. ${FRONT_VI}`,
      `The ID number read does not match the birth year on the card. ${FRONT_EN}`,
      'idNumber',
    ),
  birthYearMismatch: () =>
    fail(
      'id-birth-year-mismatch',
      `Số định danh đọc được không khớp với năm sinh trên thẻ. ${FRONT_VI}`,
      `The ID number read does not match the birth year on the card. ${FRONT_EN}`,
      'idNumber',
    ),
  /** Which line was wrong helps no citizen: whatever it was, the back is scanned again. */
  mrzFormat: () =>
    fail(
      'mrz-format',
      `Chưa đọc hết dải chữ ở mặt sau thẻ (MRZ). ${BACK_VI}`,
      `The lines of text on the back of the card (MRZ) were not read in full. ${BACK_EN}`,
    ),
  mrzCheckDigit: (field: 'documentNumber' | 'birthDate' | 'expiryDate' | 'composite') =>
    fail(
      'mrz-check-digit',
      field === 'composite'
        ? `Dải chữ ở mặt sau thẻ (MRZ) bị đọc sai. ${BACK_VI}`
        : `Dải chữ ở mặt sau thẻ (MRZ) bị đọc sai ở ${vi(field)}. ${BACK_VI}`,
      field === 'composite'
        ? `The lines of text on the back of the card (MRZ) were misread. ${BACK_EN}`
        : `The ${en(field)} in the lines of text on the back of the card (MRZ) was misread. ${BACK_EN}`,
      field,
    ),
  mrzDateInvalid: (field: 'birthDate' | 'expiryDate', raw: string) =>
    fail(
      'mrz-date-invalid',
      `Chưa đọc đúng ${vi(field)} ở mặt sau thẻ ("${raw}"). ${BACK_VI}`,
      `The ${en(field)} on the back of the card was not read correctly ("${raw}"). ${BACK_EN}`,
      field,
    ),
  mrzIdMismatch: () =>
    fail(
      'mrz-id-mismatch',
      `Số ở mặt sau thẻ không khớp với số định danh. ${BACK_VI}`,
      `The number on the back of the card does not match the ID number. ${BACK_EN}`,
      'documentNumber',
    ),
};

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
