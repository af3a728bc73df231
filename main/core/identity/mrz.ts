import { identityErrors } from './errors';
import { checkIdNumber } from './id-number';
import { isoDate } from './text';

/**
 * TD1 machine-readable zone (ICAO Doc 9303 Part 5): 3 lines × 30 characters, as on the back of the chip
 * card. Every check digit is verified, the composite included; names come without diacritics.
 */
export interface MrzPerson {
  documentNumber: string;
  birthDate: string;
  /** Null when the card has no expiry (the field is all `<`, as on cards "không thời hạn"). */
  expiryDate: string | null;
  sex: 'male' | 'female' | 'unspecified';
  nationality: string;
  surname: string;
  givenNames: string;
  /** The 12-digit citizen ID when the optional data of a Vietnamese card holds it. */
  idNumber?: string;
}

export interface MrzScan {
  kind: 'mrz';
  person: MrzPerson;
}

const LINE = /^[A-Z0-9<]{30}$/;

/**
 * ICAO 9303 check digit (Part 3 §4.9): 0–9, A–Z = 10–35, `<` = 0; weights 7, 3, 1; sum mod 10. The one
 * for scanned MRZ text here and the chip's BAC keys and DG1 (main/core/devices/chip); every caller checks
 * the MRZ alphabet first.
 */
export function mrzCheckDigit(data: string): number {
  const weights = [7, 3, 1];
  let sum = 0;
  for (let i = 0; i < data.length; i++) {
    const c = data.charCodeAt(i);
    const value = c >= 48 && c <= 57 ? c - 48 : c >= 65 && c <= 90 ? c - 55 : 0;
    sum += value * (weights[i % 3] ?? 0);
  }
  return sum % 10;
}

/** A plausible MRZ: only MRZ characters and line breaks, a `<<` filler, a document code letter first. */
export function looksLikeMrz(text: string): boolean {
  const compact = text.replace(/[\r\n\t ]+/g, '');
  return /^[ACI][A-Z0-9<]+$/.test(compact) && compact.includes('<<') && compact.length >= 60;
}

/**
 * Splits what scanners send (`\r\n`, `\n`, `\r`, or one 90-character line) into three lines, each trimmed,
 * blank ones dropped.
 */
export function mrzLines(text: string): string[] {
  const lines = text
    .split(/\r\n|\r|\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  if (lines.length === 1 && lines[0]?.length === 90) {
    const one = lines[0];
    return [one.slice(0, 30), one.slice(30, 60), one.slice(60, 90)];
  }
  return lines;
}

/**
 * A TD1 line 1's document number (with its `<` filler) and check digit. A number longer than 9 characters
 * continues in the optional data, followed by its check digit (Part 5 §4.2.4, note j); undefined when that
 * continuation has no check digit.
 */
export function td1DocumentNumber(l1: string): { number: string; check: string } | undefined {
  const number = l1.slice(5, 14);
  const check = l1.slice(14, 15);
  if (check !== '<') return { number, check };
  const rest = /^([A-Z0-9]*)(\d)</.exec(l1.slice(15, 30) + '<');
  return rest ? { number: number + (rest[1] ?? ''), check: rest[2] ?? '' } : undefined;
}

const checkOk = (data: string, check: string | undefined) =>
  check !== undefined && /^\d$/.test(check) && Number(check) === mrzCheckDigit(data);

function mrzDate(raw: string, field: 'birthDate' | 'expiryDate', today: string): string {
  const m = /^(\d{2})(\d{2})(\d{2})$/.exec(raw);
  if (!m) throw identityErrors.mrzDateInvalid(field, raw);
  const yy = Number(m[1]);
  // Two-digit years: an expiry is in 20yy; a birth is in 20yy unless that is after today.
  let date = isoDate(2000 + yy, Number(m[2]), Number(m[3]));
  if (field === 'birthDate' && date !== null && date > today) {
    date = isoDate(1900 + yy, Number(m[2]), Number(m[3]));
  }
  if (!date) throw identityErrors.mrzDateInvalid(field, raw);
  return date;
}

const names = (raw: string) => raw.replace(/<+/g, ' ').trim();

/** `today` (YYYY-MM-DD, centre time zone) decides the century of a two-digit birth year. */
export function parseMrz(text: string, today: string): MrzScan {
  const lines = mrzLines(text);
  if (lines.length !== 3) {
    throw identityErrors.mrzFormat(); // not 3 lines
  }
  const [l1 = '', l2 = '', l3 = ''] = lines;
  lines.forEach((line) => {
    if (!LINE.test(line)) {
      throw identityErrors.mrzFormat(); // a line not 30 characters of A–Z, 0–9 and <
    }
  });

  const state = l1.slice(2, 5);
  const optional1 = l1.slice(15, 30);
  const doc = td1DocumentNumber(l1);
  if (!doc || !checkOk(doc.number, doc.check)) throw identityErrors.mrzCheckDigit('documentNumber');
  const documentNumber = doc.number.replace(/<+$/, '');

  const birthRaw = l2.slice(0, 6);
  if (!checkOk(birthRaw, l2[6])) throw identityErrors.mrzCheckDigit('birthDate');
  const expiryRaw = l2.slice(8, 14);
  const noExpiry = expiryRaw === '<<<<<<';
  if (!(noExpiry && (l2[14] === '<' || l2[14] === '0')) && !checkOk(expiryRaw, l2[14])) {
    throw identityErrors.mrzCheckDigit('expiryDate');
  }
  const composite = l1.slice(5, 30) + l2.slice(0, 7) + l2.slice(8, 15) + l2.slice(18, 29);
  if (!checkOk(composite, l2[29])) throw identityErrors.mrzCheckDigit('composite');

  const birthDate = mrzDate(birthRaw, 'birthDate', today);
  const expiryDate = noExpiry ? null : mrzDate(expiryRaw, 'expiryDate', today);
  const sexChar = l2[7];
  const sex = sexChar === 'M' ? 'male' : sexChar === 'F' ? 'female' : 'unspecified';
  const nationality = l2.slice(15, 18).replace(/</g, '');

  const split = l3.indexOf('<<');
  const surname = names(split < 0 ? l3 : l3.slice(0, split));
  const givenNames = split < 0 ? '' : names(l3.slice(split + 2));
  if (surname === '') throw identityErrors.mrzFormat(); // no surname

  const person: MrzPerson = { documentNumber, birthDate, expiryDate, sex, nationality, surname, givenNames };
  const id = /^\d{12}/.exec(optional1)?.[0];
  if (state === 'VNM' && id !== undefined) {
    if (documentNumber !== id.slice(3)) throw identityErrors.mrzIdMismatch();
    checkIdNumber(id, { birthDate, sex: sex === 'unspecified' ? undefined : sex });
    person.idNumber = id;
  }
  return { kind: 'mrz', person };
}
