/**
 * The MRZ "key" for a chip read, from a scanned MRZ or from what staff type, plus the next step to offer
 * after a refusal. Pure functions (unit-tested in test/unit/chip/renderer.test.ts).
 */
import type { MethodInput, MrzPerson } from '../../../../preload/api';

export type ChipAccess = NonNullable<MethodInput<'identity.readChip'>['access']>;

/** dd/mm/yyyy (also with - or . or no separator) → YYYY-MM-DD, only for a real calendar date. */
export function parseDayText(text: string): string | undefined {
  const m = /^(\d{1,2})[/.-]?(\d{1,2})[/.-]?(\d{4})$/.exec(text.trim());
  if (!m) return undefined;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d)
    return undefined;
  if (y < 1900 || y > 2199) return undefined;
  return `${String(y)}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** YYYY-MM-DD → dd/mm/yyyy for the screen. */
export function showDay(day: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : day;
}

/**
 * The document number as the MRZ prints it. A CCCD's is the last 9 digits of the 12-digit ID number, so
 * staff may type the whole ID number (it is what they see on the front).
 */
export function documentNumberFrom(text: string): string | undefined {
  const clean = text.toUpperCase().replace(/[\s.-]+/g, '');
  const doc = /^\d{12}$/.test(clean) ? clean.slice(3) : clean;
  return /^[0-9A-Z]{1,9}$/.test(doc) ? doc : undefined;
}

/** From a scanned MRZ; undefined for a document number longer than the contract's 9 characters. */
export function accessFromMrz(person: MrzPerson): ChipAccess | undefined {
  if (!/^[0-9A-Z<]{1,9}$/.test(person.documentNumber)) return undefined;
  return {
    documentNumber: person.documentNumber,
    birthDate: person.birthDate,
    expiryDate: person.expiryDate,
  };
}

export type NextStep = 'rescan' | 'retry' | 'none';

/**
 * What to offer after a refusal: a wrong or missing MRZ means scanning the back again; a card lifted too
 * early or a slow reader means trying again; a card that cannot be read at all leaves only the QR code.
 */
export function nextStepFor(code: string): NextStep {
  if (code === 'chip-access-denied' || code === 'chip-bad-mrz' || code === 'chip-mrz-needed') return 'rescan';
  if (
    code === 'chip-card-removed' ||
    code === 'chip-no-card' ||
    code === 'chip-timeout' ||
    code === 'chip-bad-mac' ||
    code === 'chip-protocol' ||
    code === 'chip-busy' ||
    code === 'network'
  )
    return 'retry';
  return 'none';
}
