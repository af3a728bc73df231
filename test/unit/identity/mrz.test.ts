import { describe, expect, it } from 'vitest';
import { mrzInformationFromTd1 } from '../../../main/core/devices/chip';
import { mrzCheckDigit, td1DocumentNumber } from '../../../main/core/identity';
import { parse, refusal } from './helpers';

// The synthetic example of DOMAIN.md (not a real person), check digits as published there.
const L1 = 'IDVNM0900001233001090000123<<4';
const L2 = '9001011M3001019VNM<<<<<<<<<<<0';
const L3 = 'NGUYEN<<VAN<A<<<<<<<<<<<<<<<<<';

const at = (line: string, index: number, ch: string) => line.slice(0, index) + ch + line.slice(index + 1);

/** Builds a TD1 MRZ with correct check digits (for cases the DOMAIN example does not cover). */
function td1(docNumber: string, optional: string, birth: string, sex: string, expiry: string, names: string) {
  const l1 = `IDVNM${docNumber}${mrzCheckDigit(docNumber)}${optional.padEnd(15, '<')}`;
  const l2a = `${birth}${mrzCheckDigit(birth)}${sex}${expiry}${mrzCheckDigit(expiry)}VNM${'<'.repeat(11)}`;
  const composite = l1.slice(5, 30) + l2a.slice(0, 7) + l2a.slice(8, 15) + l2a.slice(18, 29);
  return [l1, l2a + mrzCheckDigit(composite), names.padEnd(30, '<')];
}

describe('MRZ check digits', () => {
  it('matches the ICAO Doc 9303 specimen (L898902C3 → 6, 740812 → 2, 120415 → 9)', () => {
    expect(mrzCheckDigit('L898902C3')).toBe(6);
    expect(mrzCheckDigit('740812')).toBe(2);
    expect(mrzCheckDigit('120415')).toBe(9);
    expect(mrzCheckDigit('<<<<<<')).toBe(0);
  });
});

describe('identity.parseScan: TD1 MRZ', () => {
  const want = {
    kind: 'mrz',
    person: {
      documentNumber: '090000123',
      birthDate: '1990-01-01',
      expiryDate: '2030-01-01',
      sex: 'male',
      nationality: 'VNM',
      surname: 'NGUYEN',
      givenNames: 'VAN A',
      idNumber: '001090000123',
    },
  };

  it('parses the DOMAIN.md example with every line break scanners send, or none', () => {
    for (const sep of ['\r\n', '\n', '\r', '']) {
      expect(parse([L1, L2, L3].join(sep) + '\r\n'), JSON.stringify(sep)).toEqual(want);
    }
  });

  it('names the check digit that failed', () => {
    const cases: [string[], string][] = [
      [[at(L1, 14, '4'), L2, L3], 'documentNumber'],
      [[at(L1, 7, '1'), L2, L3], 'documentNumber'],
      [[L1, at(L2, 6, '2'), L3], 'birthDate'],
      [[L1, at(L2, 3, '2'), L3], 'birthDate'],
      [[L1, at(L2, 14, '8'), L3], 'expiryDate'],
      [[L1, at(L2, 29, '1'), L3], 'composite'],
      // A change in the optional data is covered by the composite only.
      [[at(L1, 27, 'X'), L2, L3], 'composite'],
    ];
    for (const [lines, field] of cases) {
      const e = refusal(lines.join('\n'));
      expect(e, field).toMatchObject({ code: 'mrz-check-digit', field });
    }
    // The composite check is the field for staff and logs; the citizen is only told to scan the back again.
    expect(refusal([L1, at(L2, 29, '1'), L3].join('\n'))).toMatchObject({ field: 'composite' });
    expect(refusal([L1, at(L2, 6, '2'), L3].join('\n')).vi).toMatch(/ngày sinh/);
  });

  it('refuses a zone that is not 3 × 30 characters', () => {
    expect(refusal([L1, L2].join('\n')).code).toBe('mrz-format');
    expect(refusal([L1, L2, L3.slice(0, 29)].join('\n')).code).toBe('mrz-format');
    expect(refusal([L1, L2, L3, L3].join('\n')).code).toBe('mrz-format');
  });

  it('reads a female 2000s card and checks its ID against sex and birth year', () => {
    const lines = td1('304001234', '079304001234', '040229', 'F', '340228', 'LE<<THI<NGOC<ANH');
    expect(parse(lines.join('\r\n'))).toEqual({
      kind: 'mrz',
      person: {
        documentNumber: '304001234',
        birthDate: '2004-02-29',
        expiryDate: '2034-02-28',
        sex: 'female',
        nationality: 'VNM',
        surname: 'LE',
        givenNames: 'THI NGOC ANH',
        idNumber: '079304001234',
      },
    });
  });

  it('refuses impossible dates and an ID that contradicts the zone', () => {
    // 29/02/2005 does not exist, yet its check digit is right.
    const bad = td1('305001234', '079305001234', '050229', 'F', '300228', 'LE<<THI');
    expect(refusal(bad.join('\n'))).toMatchObject({ code: 'mrz-date-invalid', field: 'birthDate' });
    const male = td1('305001234', '079305001234', '050228', 'M', '300228', 'LE<<VAN');
    expect(refusal(male.join('\n')).code).toBe('id-sex-mismatch');
    const otherNumber = td1('305009999', '079305001234', '050228', 'F', '300228', 'LE<<THI');
    expect(refusal(otherNumber.join('\n')).code).toBe('mrz-id-mismatch');
    const province = td1('305001234', '003305001234', '050228', 'F', '300228', 'LE<<THI');
    expect(refusal(province.join('\n')).code).toBe('id-province-unknown');
  });

  it('reads a card without expiry and one without a 12-digit ID in the optional data', () => {
    const noExpiry = td1('060000123', '001060000123', '600101', 'M', '<<<<<<', 'TRAN<<VAN<B');
    const r = parse(noExpiry.join('\n'));
    expect(r.kind === 'mrz' && [r.person.expiryDate, r.person.birthDate]).toEqual([null, '1960-01-01']);
    const foreign = td1('X1234567<', '', '900101', 'F', '300101', 'DOE<<JANE');
    const f = parse(foreign.join('\n'));
    expect(f.kind === 'mrz' && f.person).toMatchObject({
      documentNumber: 'X1234567',
      surname: 'DOE',
      givenNames: 'JANE',
    });
    expect(f.kind === 'mrz' && 'idNumber' in f.person).toBe(false);
  });

  it('reads a document number longer than 9 characters, for the scan and the chip alike', () => {
    // ICAO Doc 9303 Part 5's example: D23145890734, its last 3 characters and check digit 9 in the optional
    // data after a `<` where the check digit would be. The chip's BAC keys need the same number.
    const long = [
      'I<UTOD23145890<7349<<<<<<<<<<<',
      '3407127M9507122UTO<<<<<<<<<<<2',
      'STEVENSON<<PETER<JOHN<<<<<<<<<',
    ];
    expect(td1DocumentNumber(long[0] ?? '')).toEqual({ number: 'D23145890734', check: '9' });
    const r = parse(long.join('\n'));
    expect(r.kind === 'mrz' && r.person.documentNumber).toBe('D23145890734');
    expect(mrzInformationFromTd1(long.join('\n'))).toBe('D23145890734934071279507122');
    const [l1 = '', l2 = '', l3 = ''] = long;
    expect(refusal([at(l1, 18, '8'), l2, l3].join('\n'))).toMatchObject({ field: 'documentNumber' });
    // No check digit after the continuation: refused, not read as a shorter number.
    expect(td1DocumentNumber(at(l1, 18, 'A'))).toBeUndefined();
  });
});
