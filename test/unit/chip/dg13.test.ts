import { describe, expect, it } from 'vitest';
import { fromHex, utf8 } from '../../../main/core/devices/chip/bytes';
import { encodeInteger, seq } from '../../../main/core/devices/chip/der';
import {
  buildDg13,
  DEMO_PERSON,
  encodeTlv,
  parseDg1,
  buildDg1,
  DEMO_MRZ,
  parseDg13,
} from '../../../main/core/devices/chip';

const field = (n: number, ...values: Uint8Array[]) => seq(encodeInteger(n), ...values);
const str = (s: string) => encodeTlv(0x0c, utf8(s));

describe('DG13 (Vietnamese personal data, assumed layout)', () => {
  it('returns the needed fields with diacritics and drops ethnicity, religion and identifying marks', () => {
    const p = parseDg13(buildDg13(DEMO_PERSON));
    expect(p).toMatchObject({
      idNumber: '001090000123',
      fullName: 'Nguyễn Văn A',
      birthDate: '1990-01-01',
      sex: 'male',
      nationality: 'Việt Nam',
      placeOfOrigin: DEMO_PERSON.placeOfOrigin,
      residence: DEMO_PERSON.residence,
      issueDate: '2021-01-01',
      expiryDate: '2030-01-01',
      oldIdNumber: '012345678',
      unknown: [],
      warnings: [],
    });
    const json = JSON.stringify(p);
    for (const secret of ['Kinh', 'Không', 'Nốt ruồi', 'Nguyễn Văn B', 'Trần Thị C'])
      expect(json).not.toContain(secret);
    expect(p.parents).toBeUndefined();
  });

  it('returns the parents only when asked', () => {
    expect(parseDg13(buildDg13(DEMO_PERSON), { readParents: true }).parents).toEqual({
      father: 'Nguyễn Văn B',
      mother: 'Trần Thị C',
    });
    const flat = encodeTlv(0x6d, field(13, str('Lê Văn Cha'), str('Phạm Thị Mẹ')));
    expect(parseDg13(flat, { readParents: true }).parents).toEqual({
      father: 'Lê Văn Cha',
      mother: 'Phạm Thị Mẹ',
    });
  });

  it('returns the ethnicity only when asked (a form that asks for dân tộc), never religion or marks', () => {
    expect(parseDg13(buildDg13(DEMO_PERSON)).ethnicity).toBeUndefined();
    expect(parseDg13(buildDg13(DEMO_PERSON), { readParents: true }).ethnicity).toBeUndefined();
    const asked = parseDg13(buildDg13(DEMO_PERSON), { readEthnicity: true });
    expect(asked.ethnicity).toBe('Kinh');
    expect(asked.parents).toBeUndefined();
    expect(asked.unknown).toEqual([]);
    const json = JSON.stringify(asked);
    for (const secret of ['Không', 'Nốt ruồi']) expect(json).not.toContain(secret);
    const flat = encodeTlv(0x6d, field(6, str('Tày')));
    expect(parseDg13(flat, { readEthnicity: true }).ethnicity).toBe('Tày');
    expect(JSON.stringify(parseDg13(flat))).not.toContain('Tày');
  });

  it('reads long fields (lengths 81 and 82) and keeps unknown fields', () => {
    const longAddress = 'Thôn Đông, Xã Đông Hội, Huyện Đông Anh, Thành phố Hà Nội, '.repeat(8);
    const bytes = buildDg13({
      ...DEMO_PERSON,
      residence: longAddress,
      extra: [{ field: 21, value: 'X-ĐƯỢC' }],
    });
    expect(bytes[1]).toBe(0x82);
    const p = parseDg13(bytes);
    expect(p.residence).toBe(longAddress.trim());
    expect(p.unknown).toEqual([{ field: 21, values: ['X-ĐƯỢC'] }]);
  });

  it('tolerates other string types, a missing 6D wrapper, odd dates and "no expiry"', () => {
    const bmp = new Uint8Array([...'Nữ'].flatMap((c) => [c.charCodeAt(0) >> 8, c.charCodeAt(0) & 0xff]));
    const bytes = encodeTlv(
      0x31,
      field(1, encodeTlv(0x13, utf8('079200000001'))),
      field(4, encodeTlv(0x1e, bmp)),
      field(3, encodeTlv(0x04, utf8('29022000'))),
      field(12, str('Không thời hạn')),
      field(11, str('31/02/2021')),
    );
    const p = parseDg13(bytes);
    expect(p).toMatchObject({
      idNumber: '079200000001',
      sex: 'female',
      birthDate: '2000-02-29',
      expiryText: 'Không thời hạn',
    });
    expect(p.issueDate).toBeUndefined();
    expect(p.expiryDate).toBeUndefined();
    expect(p.warnings.some((w) => w.includes('expected 6d'))).toBe(true);
  });

  it('keeps what it read before a truncated field, with a warning', () => {
    const good = buildDg13(DEMO_PERSON);
    const truncated = good.slice(0, Math.floor(good.length * 0.6));
    const p = parseDg13(truncated);
    expect(p.idNumber).toBe('001090000123');
    expect(p.warnings.length).toBeGreaterThan(0);
  });

  it('never throws, whatever the bytes', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) & 0xff;
    const base = buildDg13(DEMO_PERSON);
    for (let i = 0; i < 1500; i++) {
      const bytes = base.slice();
      for (let k = 0; k < 4; k++) bytes[(next() * 7 + next()) % bytes.length] = next();
      expect(() => parseDg13(bytes.slice(0, next() * 2 + 10))).not.toThrow();
    }
    expect(() => parseDg13(fromHex(''))).not.toThrow();
    expect(() => parseDg13(fromHex('6D8480000000'))).not.toThrow();
  });
});

describe('DG1', () => {
  it('reads the MRZ into the person shape, with the 12-digit ID of a Vietnamese card', () => {
    const dg1 = parseDg1(buildDg1(DEMO_MRZ), new Date('2025-06-01'));
    expect(dg1.format).toBe('TD1');
    expect(dg1.checkDigitsOk).toBe(true);
    expect(dg1.person).toEqual({
      documentNumber: '090000123',
      birthDate: '1990-01-01',
      expiryDate: '2030-01-01',
      sex: 'male',
      nationality: 'VNM',
      surname: 'NGUYEN',
      givenNames: 'VAN A',
      idNumber: '001090000123',
    });
  });

  it('reads a card without expiry (expiry field all <) as expiryDate null', () => {
    const mrz = [
      'IDVNM0900001233001090000123<<4',
      '9001011M<<<<<<<VNM<<<<<<<<<<<0',
      'NGUYEN<<VAN<A<<<<<<<<<<<<<<<<<',
    ];
    const dg1 = parseDg1(buildDg1(mrz), new Date('2025-06-01'));
    expect(dg1.person.expiryDate).toBeNull();
  });

  it('reads the TD3 specimen of Doc 9303 Part 4', () => {
    const dg1 = parseDg1(
      buildDg1([
        'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<',
        'L898902C36UTO7408122F1204159ZE184226B<<<<<10',
      ]),
      new Date('2025-01-01'),
    );
    expect(dg1.checkDigitsOk).toBe(true);
    expect(dg1.person).toMatchObject({
      documentNumber: 'L898902C3',
      birthDate: '1974-08-12',
      sex: 'female',
      surname: 'ERIKSSON',
      givenNames: 'ANNA MARIA',
    });
  });
});
