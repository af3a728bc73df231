// Dates typed on the number pad as ddmmyyyy.
import { describe, expect, it } from 'vitest';
import {
  dateTextToIso,
  formatDateDigits,
  isoToDateText,
} from '../../../../renderer/src/screens/dossier/form/date';

describe('typing a date as digits', () => {
  it.each([
    ['', ''],
    ['0', '0'],
    ['05', '05'],
    ['050', '05/0'],
    ['0509', '05/09'],
    ['05092', '05/09/2'],
    ['05092020', '05/09/2020'],
    ['050920201', '05/09/2020'],
    ['05/09/2020', '05/09/2020'],
    ['ab05c09', '05/09'],
  ])('%s shows %s', (typed, shown) => {
    expect(formatDateDigits(typed)).toBe(shown);
  });

  it.each([
    ['05/09/2020', '2020-09-05'],
    ['29/02/2024', '2024-02-29'],
    ['29/02/2023', null],
    ['31/04/2026', null],
    ['00/01/2020', null],
    ['01/13/2020', null],
    ['01/01/1800', null],
    ['05/09/20', null],
  ])('%s is %s', (text, iso) => {
    expect(dateTextToIso(text)).toBe(iso);
  });

  it('shows a stored date the way it is typed', () => {
    expect(isoToDateText('2020-09-05')).toBe('05/09/2020');
    expect(isoToDateText(undefined)).toBe('');
    expect(isoToDateText('5/9/2020')).toBe('');
  });
});
