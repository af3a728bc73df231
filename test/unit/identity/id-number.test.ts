import { describe, expect, it } from 'vitest';
import { PROVINCE_CODES, checkIdNumber, readIdNumber } from '../../../main/core/identity';
import { maleCard, parse, qr, refusal } from './helpers';

describe('province codes (Thông tư 07/2016/TT-BCA, Annex 1)', () => {
  it('holds the 63 provinces with their names', () => {
    const codes = Object.keys(PROVINCE_CODES);
    expect(codes).toHaveLength(63);
    expect(new Set(codes).size).toBe(63);
    for (const code of codes) expect(code).toMatch(/^0\d\d$/);
    expect(PROVINCE_CODES['001']).toBe('Hà Nội');
    expect(PROVINCE_CODES['079']).toBe('Hồ Chí Minh');
    expect(PROVINCE_CODES['096']).toBe('Cà Mau');
    expect(PROVINCE_CODES['048']).toBe('Đà Nẵng');
    // Gaps in the numbering are not provinces.
    for (const gap of ['000', '003', '005', '039', '078', '097', '100'])
      expect(PROVINCE_CODES[gap]).toBeUndefined();
  });
});

describe('ID number consistency', () => {
  it('accepts every province code, both sexes, 1900s and 2000s (and refuses every other prefix)', () => {
    const variants = [
      { digit: '0', yy: '72', dob: '14071972', sex: 'Nam' },
      { digit: '1', yy: '72', dob: '14071972', sex: 'Nữ' },
      { digit: '2', yy: '04', dob: '14072004', sex: 'Nam' },
      { digit: '3', yy: '04', dob: '14072004', sex: 'Nữ' },
    ];
    let accepted = 0;
    for (let n = 0; n < 1000; n++) {
      const code = String(n).padStart(3, '0');
      for (const v of variants) {
        const text = qr(maleCard, {
          id: `${code}${v.digit}${v.yy}123456`,
          dob: v.dob,
          sex: v.sex,
          issued: '01012024',
        });
        if (code in PROVINCE_CODES) {
          const r = parse(text);
          expect(r.kind === 'cccd-qr' && r.person.idNumber.slice(0, 3), code).toBe(code);
          accepted++;
        } else {
          expect(refusal(text).code, code).toBe('id-province-unknown');
        }
      }
    }
    expect(accepted).toBe(63 * 4);
  });

  it('reads what the number says: province, sex, century, year', () => {
    expect(readIdNumber('079304001234')).toEqual({
      provinceCode: '079',
      province: 'Hồ Chí Minh',
      sex: 'female',
      century: 2000,
      yearOfCentury: 4,
    });
    expect(readIdNumber('001890001234')?.century).toBe(2300);
    expect(readIdNumber('0010900012')).toBeNull();
  });

  it('names the first disagreement', () => {
    const codeOf = (id: string, birthDate: string, sex: 'male' | 'female') => {
      try {
        checkIdNumber(id, { birthDate, sex });
        return 'ok';
      } catch (e) {
        return (e as { error: { code: string } }).error.code;
      }
    };
    expect(codeOf('001090001234', '1990-01-01', 'male')).toBe('ok');
    expect(codeOf('001090001234', '1990-01-01', 'female')).toBe('id-sex-mismatch');
    expect(codeOf('001090001234', '2090-01-01', 'male')).toBe('id-century-mismatch');
    expect(codeOf('001090001234', '1991-01-01', 'male')).toBe('id-birth-year-mismatch');
    expect(codeOf('099090001234', '1990-01-01', 'male')).toBe('id-province-unknown');
  });
});
