import { identityErrors } from './errors';
import { provinceName } from './provinces';

export type Sex = 'male' | 'female';

/**
 * What the 12-digit citizen ID number says about its holder (DOMAIN.md "Citizen ID number"): digits
 * 1–3 the province of birth registration, digit 4 sex and century (even male, odd female; 0/1 1900s,
 * 2/3 2000s … 8/9 2300s), digits 5–6 the last two digits of the birth year. There is no check digit,
 * so a number can be found inconsistent with the card, never proven genuine.
 */
export interface IdNumberFacts {
  provinceCode: string;
  province: string | undefined;
  sex: Sex;
  /** The first year of the birth century: 1900, 2000, 2100 … */
  century: number;
  /** Last two digits of the birth year. */
  yearOfCentury: number;
}

export function readIdNumber(id: string): IdNumberFacts | null {
  if (!/^\d{12}$/.test(id)) return null;
  const digit = Number(id[3]);
  const provinceCode = id.slice(0, 3);
  return {
    provinceCode,
    province: provinceName(provinceCode),
    sex: digit % 2 === 0 ? 'male' : 'female',
    century: 1900 + Math.floor(digit / 2) * 100,
    yearOfCentury: Number(id.slice(4, 6)),
  };
}

/**
 * Throws the first disagreement between the ID number and the card's other fields: unknown province,
 * then sex, century and year of birth, so the message names one concrete thing to check.
 */
export function checkIdNumber(id: string, card: { birthDate: string; sex?: Sex }): void {
  const facts = readIdNumber(id);
  if (!facts) throw identityErrors.idFormat();
  if (facts.province === undefined) throw identityErrors.provinceUnknown(facts.provinceCode);
  if (card.sex !== undefined && facts.sex !== card.sex) throw identityErrors.sexMismatch();
  const year = Number(card.birthDate.slice(0, 4));
  if (year - (year % 100) !== facts.century) throw identityErrors.centuryMismatch();
  if (year % 100 !== facts.yearOfCentury) throw identityErrors.birthYearMismatch();
}
