import { removeDiacritics } from '../diacritics';
import { KioskFailure, kioskError } from '../errors';

/**
 * VietQR: the NAPAS 247 interbank transfer QR, an EMVCo merchant-presented QR (EMV QRCPS-MPM v1.1).
 * Each field is ID (2 digits) + length (2 digits) + value. The payload for a fee:
 *
 *   00 "01"                      payload format indicator
 *   01 "12"                      point of initiation: 12 dynamic (one payment, amount set); 11 static
 *   38 { 00 "A000000727"         NAPAS GUID
 *        01 { 00 bank BIN,       6-digit acquirer id of the beneficiary's bank
 *             01 account number }
 *        02 "QRIBFTTA" }         service: NAPAS 247 transfer to an account (QRIBFTTC is to a card)
 *   53 "704"                     currency VND (ISO 4217 numeric)
 *   54 amount                    whole đồng; EMVCo allows up to 13 characters
 *   58 "VN"                      country
 *   62 { 08 purpose }            purpose of transaction: the dossier code
 *   63 CRC                       CRC-16/CCITT-FALSE over everything before it, "6304" included
 *
 * Source: NAPAS "QR Format T&C v1.0" (VietQR technical specification, 2021), §§ 4–6; its test vector
 * 6.1.3 is reproduced in test/unit/payment/vietqr.test.ts.
 */

export const NAPAS_GUID = 'A000000727';
export const SERVICE_TO_ACCOUNT = 'QRIBFTTA';
/** EMVCo limits 62-08 (like every field of template 62) to 25 characters; NAPAS keeps that limit. */
export const MAX_PURPOSE_LENGTH = 25;
export const MAX_AMOUNT_LENGTH = 13;

export interface VietQrAccount {
  /** The bank's 6-digit NAPAS BIN (e.g. 970436 Vietcombank, 970415 VietinBank). */
  bankBin: string;
  accountNumber: string;
}

export interface VietQrInput {
  account: VietQrAccount;
  /** Whole đồng, > 0. */
  amount: number;
  /** Shown in the citizen's banking app and on the statement; diacritics are removed. */
  purpose?: string;
  /** 62-01 bill number; not used by the kiosk, here so NAPAS's own example can be reproduced. */
  billNumber?: string;
}

const fail = (code: string, vi: string, en: string, field: string) =>
  new KioskFailure(kioskError(code, vi, en, field));

export const vietQrErrors = {
  amount: () =>
    fail(
      'invalid-amount',
      `Số tiền phải là số nguyên đồng lớn hơn 0, tối đa ${MAX_AMOUNT_LENGTH} chữ số.`,
      `The amount must be a whole number of đồng above 0, at most ${MAX_AMOUNT_LENGTH} digits.`,
      'amount',
    ),
  purpose: () =>
    fail(
      'invalid-purpose',
      `Nội dung chuyển khoản chỉ gồm chữ, số và dấu câu thông thường, tối đa ${MAX_PURPOSE_LENGTH} ký tự (sau khi bỏ dấu).`,
      `The transfer note may hold only plain letters, digits and punctuation, at most ${MAX_PURPOSE_LENGTH} characters (after removing diacritics).`,
      'purpose',
    ),
  account: () =>
    fail(
      'invalid-bank-account',
      'Tài khoản nhận tiền của trung tâm chưa đúng: mã ngân hàng (BIN) 6 chữ số, số tài khoản tối đa 19 chữ và số.',
      "The centre's receiving account is misconfigured: a 6-digit bank BIN and an account number of up to 19 letters or digits.",
      'account',
    ),
} as const;

/** One EMVCo field. Values are ASCII (checked by the callers), so string length is byte length. */
export function tlv(id: string, value: string): string {
  if (!/^\d{2}$/.test(id) || value.length > 99)
    throw new Error(`EMV field ${id} cannot hold ${value.length} chars`);
  return `${id}${String(value.length).padStart(2, '0')}${value}`;
}

const CRC_TABLE = (() => {
  const table = new Uint16Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n << 8;
    for (let k = 0; k < 8; k++) c = c & 0x8000 ? (c << 1) ^ 0x1021 : c << 1;
    table[n] = c & 0xffff;
  }
  return table;
})();

/** CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF, no reflection, no final XOR), 4 upper-case hex digits. */
export function crc16CcittFalse(text: string): string {
  let crc = 0xffff;
  for (const byte of new TextEncoder().encode(text)) {
    crc = ((crc << 8) ^ (CRC_TABLE[((crc >> 8) ^ byte) & 0xff] ?? 0)) & 0xffff;
  }
  return crc.toString(16).toUpperCase().padStart(4, '0');
}

/**
 * The purpose as it goes into the QR, or a failure: ASCII printable, whitespace collapsed, ≤ 25 chars.
 * Letters keep their case and spelling ("Lí lịch" stays "Li lich"): search's i/y folding is not for here.
 */
export function normalisePurpose(purpose: string): string {
  const plain = removeDiacritics(purpose).replace(/\s+/g, ' ').trim();
  if (!/^[\x20-\x7e]*$/.test(plain) || plain.length > MAX_PURPOSE_LENGTH) throw vietQrErrors.purpose();
  return plain;
}

/** The full VietQR payload string for a dynamic (one-payment) QR, CRC included. */
export function vietQrPayload(input: VietQrInput): string {
  const { account, amount } = input;
  if (
    typeof account?.bankBin !== 'string' ||
    typeof account.accountNumber !== 'string' ||
    !/^\d{6}$/.test(account.bankBin) ||
    !/^[0-9A-Za-z]{1,19}$/.test(account.accountNumber)
  )
    throw vietQrErrors.account();
  if (typeof amount !== 'number' || !Number.isSafeInteger(amount) || amount <= 0) throw vietQrErrors.amount();
  const amountText = String(amount);
  if (amountText.length > MAX_AMOUNT_LENGTH) throw vietQrErrors.amount();
  const purpose = input.purpose === undefined ? '' : normalisePurpose(String(input.purpose));
  const bill = input.billNumber === undefined ? '' : normalisePurpose(String(input.billNumber));

  const beneficiary = tlv('00', account.bankBin) + tlv('01', account.accountNumber);
  const merchant = tlv('00', NAPAS_GUID) + tlv('01', beneficiary) + tlv('02', SERVICE_TO_ACCOUNT);
  const additional = (bill ? tlv('01', bill) : '') + (purpose ? tlv('08', purpose) : '');
  const body =
    tlv('00', '01') +
    tlv('01', '12') +
    tlv('38', merchant) +
    tlv('53', '704') +
    tlv('54', amountText) +
    tlv('58', 'VN') +
    (additional ? tlv('62', additional) : '') +
    '6304';
  return body + crc16CcittFalse(body);
}

/** Splits EMV fields (one level); null when the text is not a well-formed TLV sequence. */
export function parseTlv(text: string): Map<string, string> | null {
  const fields = new Map<string, string>();
  let i = 0;
  while (i < text.length) {
    const id = text.slice(i, i + 2);
    const len = Number(text.slice(i + 2, i + 4));
    if (!/^\d{2}$/.test(id) || !/^\d{2}$/.test(text.slice(i + 2, i + 4)) || i + 4 + len > text.length)
      return null;
    fields.set(id, text.slice(i + 4, i + 4 + len));
    i += 4 + len;
  }
  return fields;
}

/** True when the payload's field 63 matches its CRC (what a banking app checks before anything else). */
export function hasValidCrc(payload: string): boolean {
  const at = payload.length - 8;
  return (
    at >= 0 &&
    payload.slice(at, at + 4) === '6304' &&
    crc16CcittFalse(payload.slice(0, at + 4)) === payload.slice(at + 4)
  );
}
