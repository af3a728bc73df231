import { describe, expect, it } from 'vitest';
import { loadShippedDataset } from '../../../main/core/address/dataset';
import { resolveAddress } from '../../../main/core/address/resolve';
import { buildChain } from '../../../main/core/address/world';

const chain = buildChain([loadShippedDataset()]);
const resolve = (text: string) => resolveAddress(chain, text, 1);
const names = (text: string) => resolve(text).candidates.map((c) => c.name);

describe('reading an address as cards and people write it', () => {
  it('an old ward split between three new ones offers all three, none chosen, and says so', () => {
    const r = resolve('Số 5 ngõ 12 Kim Mã, Phường Kim Mã, Quận Ba Đình, Thành phố Hà Nội');
    expect(r.form).toBe('old');
    expect(r.parts).toEqual({
      street: 'Số 5 ngõ 12 Kim Mã',
      commune: 'Phường Kim Mã',
      district: 'Quận Ba Đình',
      province: 'Thành phố Hà Nội',
    });
    expect(r.candidates.map((c) => [c.name, c.whole])).toEqual([
      ['Phường Ba Đình', false],
      ['Phường Giảng Võ', false],
      ['Phường Ngọc Hà', false],
    ]);
    expect(r.note).toBe('split');
  });

  it('an old commune merged whole fills its one new commune', () => {
    const r = resolve('Thôn Đông, Xã Yên Phú, Huyện Yên Mỹ, Hưng Yên');
    expect(r.candidates).toEqual([
      { code: '12091', name: 'Xã Việt Yên', province: 'Tỉnh Hưng Yên', provinceCode: '33', whole: true },
    ]);
    expect(r.note).toBeNull();
    expect(r.parts.street).toBe('Thôn Đông');
  });

  it('numbered wards are told apart by their district', () => {
    expect(names('Phường 12, Quận Gò Vấp, TP.HCM')).toEqual(['Phường An Hội Tây']);
    expect(names('Phường 12, Quận 3, Tp Hồ Chí Minh')).toEqual(['Phường Nhiêu Lộc']);
    expect(names('P12 Q3 TPHCM')).toEqual(['Phường Nhiêu Lộc']);
    expect(names('p.12, q.go vap, tp ho chi minh')).toEqual(['Phường An Hội Tây']);
  });

  it('Hồ Chí Minh City is understood however it is written, in the province position only', () => {
    for (const city of [
      'TP.HCM',
      'TP HCM',
      'Tp Hồ Chí Minh',
      'Thành phố Hồ Chí Minh',
      'Hồ Chí Minh',
      'Sài Gòn',
    ])
      expect(
        resolve(`Phường Bến Thành, ${city}`).candidates.map((c) => c.provinceCode),
        city,
      ).toEqual(['79']);
    // "Phường Sài Gòn" is a ward of the city since 2025, not the city.
    expect(resolve('Phường Sài Gòn').candidates.map((c) => c.name)).toEqual(['Phường Sài Gòn']);
    expect(resolve('Phường Sài Gòn, TP.HCM').form).toBe('new');
  });

  it('a province is named with or without "Tỉnh" / "Thành phố"', () => {
    const plain = names('Xã Yên Phú, Huyện Yên Mỹ, Tỉnh Hưng Yên');
    expect(names('Xã Yên Phú, Huyện Yên Mỹ, Hưng Yên')).toEqual(plain);
    expect(names('Phường Kim Mã, Quận Ba Đình, Hà Nội')).toEqual(
      names('Phường Kim Mã, Quận Ba Đình, TP. Hà Nội'),
    );
  });

  it('precedence: with a district it is old; without, a new commune of the province is itself', () => {
    const old = resolve('Phường Bến Thành, Quận 1, TP.HCM');
    expect(old.form).toBe('old');
    const fresh = resolve('Phường Bến Thành, TP.HCM');
    expect(fresh.form).toBe('new');
    expect(fresh.candidates).toEqual([
      expect.objectContaining({ code: '26743', name: 'Phường Bến Thành', whole: true }),
    ]);
    // No new ward of Hà Nội is called Kim Mã: read as the old ward, even without its district.
    const kimMa = resolve('Phường Kim Mã, Hà Nội');
    expect(kimMa.form).toBe('old');
    expect(kimMa.candidates).toHaveLength(3);
  });

  it('an old commune under a province that no longer exists goes to the new province', () => {
    const r = resolve('Phường Phú Cường, Thành phố Thủ Dầu Một, Bình Dương');
    expect(r.candidates.map((c) => [c.name, c.province])).toEqual([
      ['Phường Thủ Dầu Một', 'Thành phố Hồ Chí Minh'],
    ]);
  });

  it('an island district that became a đặc khu as a whole', () => {
    expect(names('Huyện Côn Đảo, Tỉnh Bà Rịa - Vũng Tàu')).toEqual(['Đặc khu Côn Đảo']);
  });

  it('a name several communes share, with no province, is offered as a choice, never one of them', () => {
    const r = resolve('Xã Tân An');
    expect(r.note).toBe('several-new');
    expect(r.candidates.length).toBeGreaterThan(1);
    expect(r.candidates.every((c) => !c.whole)).toBe(true);
  });
});

describe('bad input gets a clear result and no error', () => {
  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['x'.repeat(5000), 'too-long'],
    ['asdf qwer zxcv', 'not-found'],
    ['123 Main Street, Springfield, IL, USA', 'not-found'],
    ['東京都新宿区西新宿2-8-1', 'not-found'],
    ['Phường Кім Мã, Quận Ваdinh', 'not-found'],
  ])('%j → %s', (text, note) => {
    const r = resolve(text);
    expect(r).toMatchObject({ form: 'unknown', candidates: [], note });
  });

  it('control and bidi characters are spaces: the address still reads, and none comes back in the parts', () => {
    const r = resolve('Phường\u0000Kim Mã\u202e, Quận Ba Đình\u0007,\nHà Nội');
    expect(r.candidates).toHaveLength(3);
    expect(r.parts.commune).toBe('Phường Kim Mã');
    expect(Object.values(r.parts).join('|')).not.toMatch(/[\p{Cc}\p{Cf}]/u);
  });

  it('a province alone asks for the commune', () => {
    expect(resolve('Hà Nội')).toMatchObject({ form: 'new', candidates: [], note: 'commune-missing' });
  });
});
