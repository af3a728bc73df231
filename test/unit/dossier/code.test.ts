import { describe, expect, it } from 'vitest';
import { formatDossierCode, parseDossierCode } from '../../../main/core/dossier/code';
import { ConfigSchema } from '../../../main/core/config/schema';
import { failure } from '../failures';

const UNIT = '000.00.12.H29';

describe('formatDossierCode', () => {
  it.each([
    [{ unitCode: UNIT, date: '2024-08-15', seq: 7 }, '000.00.12.H29-240815-0007'],
    [{ unitCode: UNIT, kioskId: '01', date: '2024-08-15', seq: 7 }, '000.00.12.H29-K01-240815-0007'],
    [{ unitCode: '000.00.00.G09', date: '2026-01-01', seq: 1 }, '000.00.00.G09-260101-0001'],
    [{ unitCode: UNIT, kioskId: '99', date: '2099-12-31', seq: 9999 }, '000.00.12.H29-K99-991231-9999'],
    [{ unitCode: UNIT, date: '2028-02-29', seq: 123 }, '000.00.12.H29-280229-0123'],
  ])('%j → %s', (parts, expected) => {
    expect(formatDossierCode(parts)).toBe(expected);
  });

  it.each([
    [{ unitCode: '000.00.12.h29', date: '2024-08-15', seq: 1 }, 'unitCode'],
    [{ unitCode: '00.00.12.H29', date: '2024-08-15', seq: 1 }, 'unitCode'],
    [{ unitCode: '000.00.12.H29-K01', date: '2024-08-15', seq: 1 }, 'unitCode'],
    [{ unitCode: UNIT, kioskId: '1', date: '2024-08-15', seq: 1 }, 'kioskId'],
    [{ unitCode: UNIT, kioskId: '00', date: '2024-08-15', seq: 1 }, 'kioskId'],
    [{ unitCode: UNIT, kioskId: '100', date: '2024-08-15', seq: 1 }, 'kioskId'],
    [{ unitCode: UNIT, date: '2023-02-29', seq: 1 }, 'date'],
    [{ unitCode: UNIT, date: '1999-12-31', seq: 1 }, 'date'],
    [{ unitCode: UNIT, date: '2024-8-15', seq: 1 }, 'date'],
    [{ unitCode: UNIT, date: '2024-08-15', seq: 0 }, 'seq'],
    [{ unitCode: UNIT, date: '2024-08-15', seq: 1.5 }, 'seq'],
  ])('refuses %j (field %s)', (parts, field) => {
    expect(failure(() => formatDossierCode(parts))).toMatchObject({ code: 'invalid-dossier-code', field });
  });

  it('takes every unit code the configuration accepts, so a kiosk that starts can always submit', () => {
    for (const unitCode of ['000.00.12.H29', 'H29.01.001.A01', 'ABC.DE.FG.HIJ']) {
      expect(ConfigSchema.safeParse({ centre: { name: 'x', unitCode } }).success).toBe(true);
      const code = formatDossierCode({ unitCode, kioskId: '01', date: '2026-11-23', seq: 1 });
      expect(parseDossierCode(code)).toMatchObject({ unitCode, provisional: true, seq: 1 });
    }
  });

  it('says when the day has run out of sequence numbers', () => {
    expect(failure(() => formatDossierCode({ unitCode: UNIT, date: '2024-08-15', seq: 10000 })).code).toBe(
      'dossier-sequence-full',
    );
  });
});

describe('parseDossierCode', () => {
  it.each([
    ['000.00.12.H29-240815-0007', { unitCode: UNIT, date: '2024-08-15', seq: 7, provisional: false }],
    [
      '000.00.12.H29-K01-240815-0007',
      { unitCode: UNIT, kioskId: '01', date: '2024-08-15', seq: 7, provisional: true },
    ],
    ['  000.00.12.h29-k12-261123-0420 ', { kioskId: '12', date: '2026-11-23', seq: 420, provisional: true }],
  ])('%j', (code, expected) => {
    expect(parseDossierCode(code)).toMatchObject(expected);
  });

  it('has no kioskId on an official code and upper-cases what was typed', () => {
    const parsed = parseDossierCode('000.00.12.h29-240815-0007');
    expect(parsed.code).toBe('000.00.12.H29-240815-0007');
    expect('kioskId' in parsed).toBe(false);
  });

  it.each([
    '',
    '000.00.12.H29-240815-7',
    '000.00.12.H29-240815-0000',
    '000.00.12.H29-240230-0001',
    '000.00.12.H29-K1-240815-0001',
    '000.00.12.H29-K00-240815-0001',
    '000.00.12.H29-X01-240815-0001',
    '000.00.12.H29-240815-0007-extra',
    '000.00.12.H29--240815-0007',
    '000.00.12.H29 240815 0007',
  ])('refuses %j', (code) => {
    expect(failure(() => parseDossierCode(code)).code).toBe('invalid-dossier-code');
  });

  it('round-trips both forms for every kiosk, and official and provisional codes never meet', () => {
    const seen = new Set<string>();
    for (const kioskId of [undefined, '01', '02', '10', '99']) {
      for (const seq of [1, 7, 42, 9999]) {
        const parts = { unitCode: UNIT, kioskId, date: '2026-11-23', seq };
        const code = formatDossierCode(parts);
        expect(seen.has(code)).toBe(false);
        seen.add(code);
        const parsed = parseDossierCode(code);
        expect(parsed).toMatchObject({
          unitCode: UNIT,
          date: '2026-11-23',
          seq,
          provisional: kioskId !== undefined,
        });
        expect(parsed.kioskId).toBe(kioskId);
        expect(formatDossierCode(parsed)).toBe(code);
      }
    }
  });
});
