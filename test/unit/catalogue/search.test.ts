import { describe, expect, it } from 'vitest';
import { fold, iyCanonical, words } from '../../../main/core/catalogue/fold';
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

describe('i and y spellings (kí/ký, lí/lý, Mĩ/Mỹ)', () => {
  it.each([
    ['ki', 'ky'],
    ['ky', 'ky'],
    ['li', 'ly'],
    ['mi', 'my'],
    ['hi', 'hy'],
    ['ti', 'ty'],
    ['si', 'sy'],
    // Not respelt: after u ("tui" is not "tuy"), after qu (y begins "quyền"), after th/ch/gh, more letters.
    ['qui', 'qui'],
    ['quy', 'quy'],
    ['tui', 'tui'],
    ['huy', 'huy'],
    ['thi', 'thi'],
    ['chi', 'chi'],
    ['gi', 'gi'],
    ['bi', 'bi'],
    ['kinh', 'kinh'],
    ['lien', 'lien'],
    ['y', 'y'],
    ['i', 'i'],
  ])('%j → %j', (word, expected) => {
    expect(iyCanonical(word)).toBe(expected);
  });

  it.each([
    'đăng kí khai sinh',
    'Đăng kí khai sinh',
    'ĐĂNG KÍ KHAI SINH',
    'dang ki khai sinh',
    'đăng ký khai sinh',
  ])('%j finds birth registration first, as "đăng ký khai sinh" does', (query) => {
    expect(first(query)).toBe('dang-ky-khai-sinh');
    expect(ids(query)).toEqual(ids('đăng ký khai sinh'));
  });

  it('folds inside longer names and in any word of the query', () => {
    expect(ids('lí lịch tư pháp')).toEqual(['cap-phieu-ly-lich-tu-phap-so-1']);
    expect(ids('li lich')).toEqual(ids('lý lịch'));
    expect(ids('chữ kí')).toEqual(['chung-thuc-chu-ky']);
    expect(ids('quản lí cư trú')).toEqual(['dang-ky-thuong-tru', 'dang-ky-tam-tru']);
    expect(ids('kí kết hôn')).toEqual(['dang-ky-ket-hon']);
  });

  it('respells the catalogue as well: a portal that writes "kí" is found by "ký"', () => {
    const birth = SEED_PROCEDURES.find((p) => p.id === 'dang-ky-khai-sinh')!;
    const portal = buildIndex([{ ...birth, name: 'Đăng kí khai sinh', field: 'Hộ tịch (Mĩ Tho)' }]);
    for (const query of ['đăng ký khai sinh', 'dang ky', 'đăng kí', 'my tho', 'Mỹ'])
      expect(
        portal.search(query).map((p) => p.id),
        query,
      ).toEqual(['dang-ky-khai-sinh']);
  });

  it('finds every seed procedure by its Vietnamese name respelt with i for y and y for i', () => {
    // An i/y syllable: its i-spelling is respelt by the fold.
    const iy = (w: string) => /[iy]$/.test(w) && iyCanonical(`${w.slice(0, -1)}i`) !== `${w.slice(0, -1)}i`;
    const swap = (w: string) => (!iy(w) ? w : w.endsWith('y') ? `${w.slice(0, -1)}i` : `${w.slice(0, -1)}y`);
    for (const p of SEED_PROCEDURES) {
      const respelt = words(p.name).map(swap).join(' ');
      expect(ids(respelt), `${p.id}: "${respelt}"`).toContain(p.id);
    }
  });

  it('adds no false hits on the seed: a respelt syllable matches only that syllable', () => {
    // What a query word finds, worked out independently: the start of a folded word (as before the
    // fold), or a whole Vietnamese word that is the same syllable in the other spelling.
    const other = (w: string) => (w.endsWith('y') ? `${w.slice(0, -1)}i` : `${w.slice(0, -1)}y`);
    const respelt = (q: string) => iyCanonical(`${q.slice(0, -1)}i`) !== `${q.slice(0, -1)}i`;
    const expected = (q: string) =>
      SEED_PROCEDURES.filter((p) => {
        const vi = [...words(p.name), ...words(p.field)];
        const en = [...words(p.nameEn), ...words(p.fieldEn)];
        return (
          [...vi, ...en].some((w) => w.startsWith(q)) ||
          p.code.startsWith(q) ||
          (respelt(q) && vi.includes(other(q)))
        );
      }).map((p) => p.id);
    const consonants = ['b', 'd', 'h', 'k', 'l', 'm', 'n', 's', 't', 'v', 'x', 'ch', 'kh', 'ph', 'th', 'qu'];
    const syllables = consonants.flatMap((c) => [`${c}i`, `${c}y`]);
    for (const q of syllables) expect(ids(q).sort(), q).toEqual(expected(q).sort());
    // In particular "lý" does not reach "liên thông" by the respelling, and "kí" finds what "ký" does.
    expect(ids('lý')).not.toContain('lien-thong-khai-sinh-thuong-tru-bhyt');
    expect(ids('kí')).toEqual(expect.arrayContaining(ids('ký')));
  });
});
