import type { MrzPerson } from '../../identity';
import { checkDigit } from './bac';

/**
 * A small MRZ parser for DG1 (Doc 9303 Parts 4–6). `main/core/identity` owns the parser for scanned MRZ
 * text (TD1 only, and it throws on a bad check digit, as a scan should); DG1 can also be TD2/TD3 (a
 * passport) and arrives authenticated by secure messaging, so a check-digit mismatch is reported, not
 * thrown. The `person` type is identity's own, so the two cannot drift; the parsing logic could be shared
 * once identity exports its parser.
 */

/** The same shape as a scanned MRZ (`identity.parseScan`), checked by the compiler. */
export type { MrzPerson };

export interface ParsedMrz {
  format: 'TD1' | 'TD2' | 'TD3';
  documentCode: string;
  issuingState: string;
  person: MrzPerson;
  /** False when a check digit does not match (the chip's MRZ should never fail: worth a log line). */
  checkDigitsOk: boolean;
}

const clean = (s: string): string => s.replace(/<+$/, '').replace(/</g, ' ').trim();

function names(field: string): { surname: string; givenNames: string } {
  const [surname = '', ...rest] = field.split('<<');
  return { surname: clean(surname), givenNames: clean(rest.join('<<')) };
}

/** YYMMDD → YYYY-MM-DD. Birth dates cannot be in the future; expiry dates are taken in this century. */
function isoDate(yymmdd: string, kind: 'birth' | 'expiry', now: Date): string | undefined {
  if (!/^\d{6}$/.test(yymmdd)) return undefined;
  const yy = Number(yymmdd.slice(0, 2));
  const month = Number(yymmdd.slice(2, 4));
  const day = Number(yymmdd.slice(4, 6));
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  let year = 2000 + yy;
  if (kind === 'birth' && year > now.getFullYear()) year -= 100;
  return `${year}-${yymmdd.slice(2, 4)}-${yymmdd.slice(4, 6)}`;
}

const sexOf = (c: string): MrzPerson['sex'] => (c === 'M' ? 'male' : c === 'F' ? 'female' : 'unspecified');

const ok = (field: string, digit: string | undefined): boolean =>
  digit === '<' ? /^<*$/.test(field) : checkDigit(field) === Number(digit);

export function parseMrzText(text: string, now = new Date()): ParsedMrz | undefined {
  const mrz = text.replace(/[\r\n]/g, '');
  if (!/^[A-Z0-9<]+$/.test(mrz)) return undefined;
  if (mrz.length === 90) return parseTd1(mrz, now);
  if (mrz.length === 72 || mrz.length === 88) return parseTd2or3(mrz, now);
  return undefined;
}

function parseTd1(mrz: string, now: Date): ParsedMrz | undefined {
  const l1 = mrz.slice(0, 30);
  const l2 = mrz.slice(30, 60);
  const l3 = mrz.slice(60, 90);
  let documentNumber = l1.slice(5, 14);
  let docCheck = l1.slice(14, 15);
  const optional1 = l1.slice(15, 30);
  // A document number longer than 9 characters continues in the optional data (Part 5 §4.2.4, note j).
  if (docCheck === '<') {
    const m = /^([A-Z0-9]*)(\d)</.exec(optional1);
    if (m) {
      documentNumber += m[1];
      docCheck = m[2] ?? '';
    }
  }
  const birthDate = isoDate(l2.slice(0, 6), 'birth', now);
  // Cards "không thời hạn" (no expiry) fill the field with `<`.
  const noExpiry = l2.slice(8, 14) === '<<<<<<';
  const expiryDate = noExpiry ? null : isoDate(l2.slice(8, 14), 'expiry', now);
  if (!birthDate || expiryDate === undefined) return undefined;
  const composite = l1.slice(5, 30) + l2.slice(0, 7) + l2.slice(8, 15) + l2.slice(18, 29);
  const checkDigitsOk =
    ok(documentNumber, docCheck) &&
    ok(l2.slice(0, 6), l2[6]) &&
    (noExpiry || ok(l2.slice(8, 14), l2[14])) &&
    ok(composite, l2[29]);
  const id = /^\d{12}/.exec(optional1)?.[0];
  const person: MrzPerson = {
    documentNumber: documentNumber.replace(/<+$/, ''),
    birthDate,
    expiryDate,
    sex: sexOf(l2[7] ?? '<'),
    nationality: clean(l2.slice(15, 18)),
    ...names(l3),
  };
  if (id && l1.slice(2, 5) === 'VNM') person.idNumber = id;
  return {
    format: 'TD1',
    documentCode: clean(l1.slice(0, 2)),
    issuingState: clean(l1.slice(2, 5)),
    person,
    checkDigitsOk,
  };
}

function parseTd2or3(mrz: string, now: Date): ParsedMrz | undefined {
  const width = mrz.length / 2;
  const l1 = mrz.slice(0, width);
  const l2 = mrz.slice(width);
  const birthDate = isoDate(l2.slice(13, 19), 'birth', now);
  const expiryDate = isoDate(l2.slice(21, 27), 'expiry', now);
  if (!birthDate || !expiryDate) return undefined;
  const checkDigitsOk =
    ok(l2.slice(0, 9), l2[9]) && ok(l2.slice(13, 19), l2[19]) && ok(l2.slice(21, 27), l2[27]);
  return {
    format: width === 36 ? 'TD2' : 'TD3',
    documentCode: clean(l1.slice(0, 2)),
    issuingState: clean(l1.slice(2, 5)),
    person: {
      documentNumber: l2.slice(0, 9).replace(/<+$/, ''),
      birthDate,
      expiryDate,
      sex: sexOf(l2[20] ?? '<'),
      nationality: clean(l2.slice(10, 13)),
      ...names(l1.slice(5)),
    },
    checkDigitsOk,
  };
}
