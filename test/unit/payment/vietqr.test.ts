import { describe, expect, it } from 'vitest';
import { iyCanonical, words } from '../../../main/core/catalogue/fold';
import {
  crc16CcittFalse,
  hasValidCrc,
  normalisePurpose,
  parseTlv,
  vietQrPayload,
} from '../../../main/core/payment/vietqr';
import { failure } from '../failures';

/** An independent CRC-16/CCITT-FALSE: bit by bit, no table, straight from the definition. */
function crcBitwise(text: string): number {
  let crc = 0xffff;
  for (const ch of text) {
    const byte = ch.charCodeAt(0);
    for (let bit = 7; bit >= 0; bit--) {
      const feedback = ((crc >> 15) & 1) ^ ((byte >> bit) & 1);
      crc = (crc << 1) & 0xffff;
      if (feedback) crc ^= 0x1021;
    }
  }
  return crc;
}
const hex = (n: number) => n.toString(16).toUpperCase().padStart(4, '0');

const account = { bankBin: '970436', accountNumber: '0011001234567' };

describe('CRC-16/CCITT-FALSE', () => {
  it.each([
    ['123456789', '29B1'], // the catalogue check value of CRC-16/CCITT-FALSE (reveng)
    ['', 'FFFF'],
    ['A', hex(crcBitwise('A'))],
  ])('crc(%j) = %s', (text, expected) => {
    expect(crc16CcittFalse(text)).toBe(expected);
    expect(hex(crcBitwise(text))).toBe(expected);
  });

  it('agrees with the bitwise implementation on many strings', () => {
    for (let i = 0; i < 300; i++) {
      const text = Array.from({ length: i }, (_, j) =>
        String.fromCharCode(32 + ((i * 31 + j * 7) % 95)),
      ).join('');
      expect(crc16CcittFalse(text)).toBe(hex(crcBitwise(text)));
    }
  });
});

/**
 * NAPAS "QR Format T&C v1.0 VN 092021" (VietQR specification), §6.1 test vectors, as reproduced in a
 * public repository's tests (github, "VietQrGeneratorTest.java", Sections 6.1.1–6.1.4). BIN 970403, account
 * 0011012345678.
 */
// Verbatim, typo included: its account field says length 12 ("0112") for the 13-character account, and
// the published CRC F4E5 is over the text as printed, so it checks the CRC but is not a well-formed QR.
const NAPAS_6_1_1 =
  '00020101021138570010A00000072701270006970403011200110123456780208QRIBFTTA53037045802VN6304F4E5';
const NAPAS_6_1_2 =
  '00020101021138600010A00000072701300006970403011697040311012345670208QRIBFTTC53037045802VN63044F52';
const NAPAS_6_1_3 =
  '00020101021238570010A00000072701270006970403011300110123456780208QRIBFTTA530370454061800005802VN62340107NPS68690819thanh toan don hang63042E2E';

describe('VietQR payload', () => {
  it.each([NAPAS_6_1_1, NAPAS_6_1_2, NAPAS_6_1_3])(
    'the NAPAS example %s has a CRC both implementations agree on',
    (p) => {
      expect(hasValidCrc(p)).toBe(true);
      expect(hex(crcBitwise(p.slice(0, -4)))).toBe(p.slice(-4));
    },
  );

  it('reproduces NAPAS example 6.1.3 (dynamic QR to an account) exactly', () => {
    const payload = vietQrPayload({
      account: { bankBin: '970403', accountNumber: '0011012345678' },
      amount: 180000,
      billNumber: 'NPS6869',
      purpose: 'thanh toan don hang',
    });
    expect(payload).toBe(NAPAS_6_1_3);
  });

  it('builds every field of a fee QR with the dossier code as the purpose', () => {
    const payload = vietQrPayload({ account, amount: 50000, purpose: '000.00.12.H29-240815-0007' });
    expect(hex(crcBitwise(payload.slice(0, -4)))).toBe(payload.slice(-4));
    const fields = parseTlv(payload)!;
    expect([...fields.keys()]).toEqual(['00', '01', '38', '53', '54', '58', '62', '63']);
    expect(fields.get('00')).toBe('01');
    expect(fields.get('01')).toBe('12');
    expect(fields.get('53')).toBe('704');
    expect(fields.get('54')).toBe('50000');
    expect(fields.get('58')).toBe('VN');
    const merchant = parseTlv(fields.get('38')!)!;
    expect(merchant.get('00')).toBe('A000000727');
    expect(merchant.get('02')).toBe('QRIBFTTA');
    expect(Object.fromEntries(parseTlv(merchant.get('01')!)!)).toEqual({
      '00': '970436',
      '01': '0011001234567',
    });
    expect(Object.fromEntries(parseTlv(fields.get('62')!)!)).toEqual({ '08': '000.00.12.H29-240815-0007' });
    expect(payload.slice(-8, -4)).toBe('6304');
  });

  it('leaves field 62 out when there is no purpose', () => {
    expect(parseTlv(vietQrPayload({ account, amount: 1 }))!.has('62')).toBe(false);
  });

  it('a changed character breaks the CRC', () => {
    const payload = vietQrPayload({ account, amount: 50000, purpose: 'HS 0007' });
    expect(hasValidCrc(payload.replace('50000', '90000'))).toBe(false);
  });

  it.each([
    [0, 'zero'],
    [-1000, 'negative'],
    [1000.5, 'fraction of a đồng'],
    [Number.NaN, 'NaN'],
    [10_000_000_000_000, '14 digits'],
    ['50000' as unknown as number, 'string'],
  ])('refuses the amount %j (%s)', (amount) => {
    expect(failure(() => vietQrPayload({ account, amount })).code).toBe('invalid-amount');
  });

  it('accepts the largest 13-digit amount', () => {
    expect(parseTlv(vietQrPayload({ account, amount: 9_999_999_999_999 }))!.get('54')).toBe('9999999999999');
  });

  it.each([
    [{ bankBin: '97043', accountNumber: '1' }],
    [{ bankBin: '970436', accountNumber: '' }],
    [{ bankBin: '970436', accountNumber: '12345678901234567890' }],
    [{ bankBin: '970436', accountNumber: '0011-0012' }],
  ])('refuses a misconfigured account %j', (bad) => {
    expect(failure(() => vietQrPayload({ account: bad, amount: 1000 })).code).toBe('invalid-bank-account');
  });
});

describe('purpose', () => {
  it.each([
    ['Nộp phí hồ sơ', 'Nop phi ho so'],
    ['Đăng ký khai sinh', 'Dang ky khai sinh'],
    ['  HS   0007 ', 'HS 0007'],
    ['Nguyễn Thị Ánh Tuyết', 'Nguyen Thi Anh Tuyet'],
    ['ƯỚC ĐỊNH', 'UOC DINH'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(normalisePurpose(input)).toBe(expected);
  });

  it("keeps the writer's i or y, which catalogue search folds to one spelling", () => {
    // Search respells "Lí", "Mĩ" as "ly", "my" so either spelling finds a procedure; the transfer note is
    // the text as written, letters only stripped of their marks.
    expect(words('Lí lịch Mĩ Kỳ').map(iyCanonical)).toEqual(['ly', 'lich', 'my', 'ky']);
    expect(normalisePurpose('Lí lịch Mĩ Kỳ')).toBe('Li lich Mi Ky');
    expect(normalisePurpose('Lý lịch Mỹ Kì')).toBe('Ly lich My Ki');
  });

  it.each([
    ['x'.repeat(26), 'too long'],
    ['000.00.12.H29-K01-240815-0007', 'a provisional code is 29 characters'],
    ['Phí 办理', 'Chinese characters'],
    ['HS 0007 🙂', 'emoji'],
    ['a\tb\u0000', 'control character'],
  ])('refuses %j (%s)', (purpose) => {
    expect(failure(() => vietQrPayload({ account, amount: 1000, purpose })).code).toBe('invalid-purpose');
  });

  it('accepts exactly 25 characters (an official dossier code)', () => {
    expect(normalisePurpose('000.00.12.H29-240815-0007')).toHaveLength(25);
  });
});
