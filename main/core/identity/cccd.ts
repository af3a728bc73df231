import { identityErrors } from './errors';
import { checkIdNumber, type Sex } from './id-number';
import { hasControl, hasMarkup, isoDate } from './text';

export interface CccdPerson {
  idNumber: string;
  oldIdNumber?: string;
  fullName: string;
  birthDate: string;
  sex: Sex;
  address: string;
  issueDate: string;
}

export interface CccdScan {
  kind: 'cccd-qr';
  person: CccdPerson;
  /** Fields after the seventh (2024 cards add some; no published layout, so kept as they came). */
  extra: string[];
}

function parseDate(raw: string, field: 'birthDate' | 'issueDate'): string {
  const m = /^(\d{2})(\d{2})(\d{4})$/.exec(raw);
  const date = m ? isoDate(Number(m[3]), Number(m[2]), Number(m[1])) : null;
  if (!date) throw identityErrors.dateInvalid(field, raw);
  return date;
}

function parseSex(raw: string): Sex {
  const s = raw.toLocaleLowerCase('vi');
  if (s === 'nam') return 'male';
  if (s === 'nữ') return 'female';
  throw identityErrors.sexInvalid(raw);
}

function cleanText(raw: string, field: string, required: boolean): string {
  const text = raw.trim().replace(/ {2,}/g, ' ');
  if ((required && text === '') || hasControl(text) || hasMarkup(text))
    throw identityErrors.textInvalid(field);
  return text;
}

/**
 * The QR on the front of the 2021 chip card (DOMAIN.md "CCCD QR"), already NFC-normalised and checked
 * for wedge mangling: `ID|old CMND|name|ddmmyyyy|Nam/Nữ|address|ddmmyyyy[|more…]`. `today` is the
 * centre's local date (YYYY-MM-DD) for the "not in the future" checks.
 */
export function parseCccdQr(text: string, today: string): CccdScan {
  // Split without dropping empties: `||` is an empty old-ID field, not a missing one.
  const fields = text.split('|');
  if (fields.length < 7) throw identityErrors.fieldCount(fields.length);
  const [idRaw = '', oldRaw = '', nameRaw = '', birthRaw = '', sexRaw = '', addressRaw = '', issueRaw = ''] =
    fields;
  const idNumber = idRaw.trim();
  if (!/^\d{12}$/.test(idNumber)) throw identityErrors.idFormat();
  const oldIdNumber = oldRaw.trim();
  if (oldIdNumber !== '' && !/^(\d{9}|\d{12})$/.test(oldIdNumber)) throw identityErrors.oldIdFormat();
  const fullName = cleanText(nameRaw, 'fullName', true);
  const birthDate = parseDate(birthRaw.trim(), 'birthDate');
  const sex = parseSex(sexRaw.trim());
  const address = cleanText(addressRaw, 'address', false);
  const issueDate = parseDate(issueRaw.trim(), 'issueDate');
  const extra = fields.slice(7).map((f, i) => cleanText(f, `extra.${i}`, false));

  if (birthDate > today) throw identityErrors.dateInFuture('birthDate');
  if (issueDate > today) throw identityErrors.dateInFuture('issueDate');
  if (issueDate < birthDate) throw identityErrors.issueBeforeBirth();
  checkIdNumber(idNumber, { birthDate, sex });

  const person: CccdPerson = { idNumber, fullName, birthDate, sex, address, issueDate };
  if (oldIdNumber !== '') person.oldIdNumber = oldIdNumber;
  return { kind: 'cccd-qr', person, extra };
}
