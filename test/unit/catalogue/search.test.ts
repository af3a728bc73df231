import { describe, expect, it } from 'vitest';
import { fold } from '../../../main/core/catalogue/fold';
import { buildIndex } from '../../../main/core/catalogue/search';
import { SEED_PROCEDURES } from '../../../main/core/catalogue/seed';

const index = buildIndex(SEED_PROCEDURES);
const ids = (query?: string, field?: string) => index.search(query, field).map((p) => p.id);
const first = (query: string) => ids(query)[0];

describe('fold', () => {
  it.each([
    ['Đăng ký khai sinh', 'dang ky khai sinh'],
    ['ĐĂNG KÝ KẾT HÔN', 'dang ky ket hon'],
    ['  Chứng   thực, bản sao.  ', 'chung thuc ban sao'],
    ['Thủ tục 1.001193', 'thu tuc 1.001193'],
    ['Ngày sinh', 'ngay sinh'],
    // Composed and decomposed input fold alike (a Telex keyboard may send either).
    ['Nguye\u0302\u0303n', 'nguyen'],
  ])('%j → %j', (input, expected) => {
    expect(fold(input)).toBe(expected);
  });
});

describe('catalogue search', () => {
  it.each([
    'dang ky khai sinh',
    'khai sinh',
    'KHAI SINH',
    'Đăng ký khai sinh',
    'đăng ký KHAI sinh',
    '  khai   sinh ',
  ])('%j finds birth registration first', (query) => {
    expect(first(query)).toBe('dang-ky-khai-sinh');
  });

  it('ranks the name that starts with the phrase before one that only contains it', () => {
    const found = ids('dang ky khai sinh');
    expect(found.indexOf('dang-ky-khai-sinh')).toBeLessThan(found.indexOf('dang-ky-lai-khai-sinh'));
    // "Liên thông … đăng ký khai sinh …" contains the phrase too.
    expect(found).toContain('lien-thong-khai-sinh-thuong-tru-bhyt');
    expect(found.indexOf('dang-ky-khai-sinh')).toBeLessThan(
      found.indexOf('lien-thong-khai-sinh-thuong-tru-bhyt'),
    );
  });

  it('needs every word: words in any order, each matching the start of a word', () => {
    expect(ids('sinh khai')).toContain('dang-ky-khai-sinh');
    expect(ids('khai sinh ket hon')).toEqual([]);
    expect(ids('chung thuc chu ky')).toEqual(['chung-thuc-chu-ky']);
    expect(ids('chung thuc')).toEqual(['chung-thuc-ban-sao-tu-ban-chinh', 'chung-thuc-chu-ky']);
  });

  it('finds by code, whole or by its start', () => {
    expect(ids('1.001193')).toEqual(['dang-ky-khai-sinh']);
    expect(ids('2.000815')).toEqual(['chung-thuc-ban-sao-tu-ban-chinh']);
    expect(ids('2.0008')).toEqual(['chung-thuc-ban-sao-tu-ban-chinh', 'chung-thuc-chu-ky']);
  });

  it('finds by field words and filters by field (Vietnamese or English name)', () => {
    const civil = SEED_PROCEDURES.filter((p) => p.field === 'Hộ tịch').map((p) => p.id);
    expect(ids('ho tich')).toEqual(expect.arrayContaining(civil));
    expect(ids(undefined, 'Hộ tịch')).toEqual(civil);
    expect(ids('', 'ho tich')).toEqual(civil);
    expect(ids(undefined, 'Certification')).toEqual(['chung-thuc-ban-sao-tu-ban-chinh', 'chung-thuc-chu-ky']);
    expect(ids('ket hon', 'Hộ tịch')).toEqual(['dang-ky-ket-hon']);
    expect(ids('ket hon', 'Chứng thực')).toEqual([]);
  });

  it('finds by the English name for the English screen', () => {
    expect(first('birth registration')).toBe('dang-ky-khai-sinh');
    expect(ids('criminal record')).toEqual(['cap-phieu-ly-lich-tu-phap-so-1']);
  });

  it('accepts words typed together ("khaisinh")', () => {
    expect(ids('khaisinh')).toContain('dang-ky-khai-sinh');
  });

  it('lists everything in catalogue order for an empty query', () => {
    const all = SEED_PROCEDURES.map((p) => p.id);
    expect(ids()).toEqual(all);
    expect(ids('')).toEqual(all);
    expect(ids('   ')).toEqual(all);
  });

  it.each(['xyzzy', 'khai sinh xyzzy', 'qwerty 123'])('finds nothing for nonsense %j', (query) => {
    expect(ids(query)).toEqual([]);
  });

  it('returns summaries only, with the fee and days', () => {
    const [summary] = index.search('khai sinh');
    expect(Object.keys(summary ?? {}).sort()).toEqual(
      ['code', 'fee', 'field', 'fieldEn', 'id', 'level', 'name', 'nameEn', 'processingDays'].sort(),
    );
  });

  it('lists the fields with their counts in catalogue order', () => {
    const fields = index.fields();
    expect(fields[0]).toEqual({ field: 'Hộ tịch', fieldEn: 'Civil status', count: 8 });
    expect(fields.reduce((n, f) => n + f.count, 0)).toBe(SEED_PROCEDURES.length);
    expect(fields.map((f) => f.field)).toEqual([...new Set(SEED_PROCEDURES.map((p) => p.field))]);
  });
});
