import { describe, expect, it } from 'vitest';
import { applyKey, telex } from '../../../renderer/src/lib/telex';

describe('telex: letters with marks', () => {
  it.each([
    ['aa', 'â'],
    ['aw', 'ă'],
    ['ee', 'ê'],
    ['oo', 'ô'],
    ['ow', 'ơ'],
    ['uw', 'ư'],
    ['uow', 'ươ'],
    ['dd', 'đ'],
    ['DD', 'Đ'],
    ['Dd', 'Đ'],
    ['AA', 'Â'],
    ['Aw', 'Ă'],
    ['OW', 'Ơ'],
    ['w', 'ư'],
    ['nhw', 'như'],
    ['awa', 'â'], // ă → â
    ['oow', 'ơ'], // ô → ơ
  ])('%s → %s', (keys, expected) => {
    expect(telex(keys)).toBe(expected);
  });
});

describe('telex: tones', () => {
  it.each([
    ['as', 'á'],
    ['af', 'à'],
    ['ar', 'ả'],
    ['ax', 'ã'],
    ['aj', 'ạ'],
    ['asz', 'a'],
    ['asf', 'à'], // a new tone replaces the old
    ['ass', 'as'], // the same tone twice undoes it
    ['aff', 'af'],
    ['aaa', 'aa'],
    ['aww', 'aw'],
    ['ddd', 'dd'],
    ['z', 'z'],
    ['az', 'az'],
    ['s', 's'],
    ['AS', 'Á'],
    ['ASS', 'AS'],
  ])('%s → %s', (keys, expected) => {
    expect(telex(keys)).toBe(expected);
  });
});

describe('telex: words', () => {
  it.each([
    ['Nguyeenx', 'Nguyễn'],
    ['nguyenxe', 'nguyễn'], // free order: the mark after the tone
    ['nguyeexn', 'nguyễn'],
    ['Vieetj Nam', 'Việt Nam'],
    ['Haf Nooij', 'Hà Nội'],
    ['Thanhf phoos Hoof Chis Minh', 'Thành phố Hồ Chí Minh'],
    ['ddaay', 'đây'],
    ['ddaays', 'đấy'],
    ['ddoongf', 'đồng'],
    ['nguwowif', 'người'],
    ['nguoiwf', 'người'],
    ['nguowif', 'người'],
    ['DDuwowngf', 'Đường'],
    ['dduowngf', 'đường'],
    ['huowng', 'hương'],
    ['huowu', 'hươu'],
    ['thuowr', 'thuở'],
    ['huow', 'huơ'],
    ['quow', 'quơ'],
    ['muwa', 'mưa'],
    ['muaw', 'mưa'],
    ['cuwar', 'cửa'],
    ['guiwr', 'gửi'],
    ['huwu', 'hưu'],
    ['hoawcj', 'hoặc'],
    ['muaf', 'mùa'],
    ['cuar', 'của'],
    ['quas', 'quá'],
    ['quyeets', 'quyết'],
    ['Quyeenf', 'Quyền'],
    ['quys', 'quý'],
    ['giaf', 'già'],
    ['gif', 'gì'],
    ['gifn', 'gìn'],
    ['giuwx', 'giữ'],
    ['gieengs', 'giếng'],
    ['khuyeens', 'khuyến'],
    ['uyeen', 'uyên'],
    ['chuyeenr', 'chuyển'],
    ['huyf', 'hùy'], // classic: first of open "uy"
    ['huyfnh', 'huỳnh'], // a final consonant moves it to the last vowel
    ['khuyur', 'khuỷu'],
    ['ngoaif', 'ngoài'],
    ['tieengs', 'tiếng'],
    ['yeeus', 'yếu'],
    ['tois', 'tói'],
    ['toiso', 'tối'],
    ['mias', 'mía'],
    ['hoir', 'hỏi'],
    ['tuaanf', 'tuần'],
    ['thuees', 'thuế'],
    ['DDaawng kys khai sinh', 'Đăng ký khai sinh'],
    ['Chuwngs thuwcj banr sao', 'Chứng thực bản sao'],
    ['Trangj', 'Trạng'],
    ['Hoofng Thij Thu Trang', 'Hồng Thị Thu Trang'],
    ['Lee Vawn Tams', 'Lê Văn Tám'],
    ['Tamas', 'Tấm'], // free order: the second a still reaches the first
    ['Taams', 'Tấm'],
    ['Phamj Minh Tuaans, 12 Traanf Phus', 'Phạm Minh Tuấn, 12 Trần Phú'],
  ])('%s → %s', (keys, expected) => {
    expect(telex(keys)).toBe(expected);
  });
});

describe('telex: tone placement style', () => {
  it.each([
    ['hoaf', 'hòa', 'hoà'],
    ['khoer', 'khỏe', 'khoẻ'],
    ['thuyr', 'thủy', 'thuỷ'],
    ['Thanh Hoas', 'Thanh Hóa', 'Thanh Hoá'],
    ['Khanhs Hoaf', 'Khánh Hòa', 'Khánh Hoà'],
    ['Thuys', 'Thúy', 'Thuý'],
    ['hoafn', 'hoàn', 'hoàn'], // with a final both styles agree
    ['toans', 'toán', 'toán'],
    ['quys', 'quý', 'quý'], // qu: the u is not a vowel here
    ['ngoaif', 'ngoài', 'ngoài'],
  ])('%s → classic %s, modern %s', (keys, classic, modern) => {
    expect(telex(keys)).toBe(classic);
    expect(telex(keys, { toneStyle: 'classic' })).toBe(classic);
    expect(telex(keys, { toneStyle: 'modern' })).toBe(modern);
  });
});

describe('telex: leaves non-Vietnamese alone', () => {
  it.each([
    ['class', 'class'],
    ['Anna', 'Anna'],
    ['tacf', 'tacf'], // c, ch, p, t finals take only sắc or nặng
    ['tacs', 'tác'],
    ['12/3/2026', '12/3/2026'],
    ['so 0912 345 678', 'so 0912 345 678'],
    ['email@x', 'email@x'],
    ['', ''],
  ])('%j → %j', (keys, expected) => {
    expect(telex(keys)).toBe(expected);
  });
});

describe('applyKey: the keyboard API', () => {
  it.each([
    ['', 'a', 'a'],
    ['a', 'a', 'â'],
    ['â', 'a', 'aa'],
    ['Nguyê', 'n', 'Nguyên'],
    ['Nguyên', 'x', 'Nguyễn'],
    ['Nguyễn', 'x', 'Nguyênx'],
    ['Nguyễn', 'z', 'Nguyên'],
    ['hòa', 'n', 'hoàn'], // the tone moves as the word grows
    ['ngươ', 'i', 'ngươi'],
    ['huơ', 'n', 'hươn'],
    ['d', 'd', 'đ'],
    ['đ', 'd', 'dd'],
    ['a', ' ', 'a '],
    ['việt', 'w', 'việtw'], // nothing in "iê" takes a horn
    ['', 'W', 'Ư'],
    ['Hà', 'N', 'HàN'],
  ])('applyKey(%j, %j) → %j', (word, key, expected) => {
    expect(applyKey(word, key)).toBe(expected);
  });

  it('typing key by key equals telex() of the whole string', () => {
    const keys = 'Nguyeenx';
    let word = '';
    for (const k of keys) word = applyKey(word, k);
    expect(word).toBe(telex(keys));
  });

  it('accepts a word in decomposed Unicode and answers in composed form', () => {
    expect(applyKey('Nguye\u0302n', 'x')).toBe('Nguyễn');
  });
});

describe('telex: never breaks on odd input', () => {
  it('turns 2,000 pseudo-random key strings into NFC text without throwing', () => {
    const alphabet = 'aeiouydwsfrxjzAEOWDSnghtcmpq .,1ăâđươ';
    let seed = 42;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let n = 0; n < 2000; n++) {
      const keys = Array.from({ length: 1 + (next() % 12) }, () => alphabet[next() % alphabet.length]).join(
        '',
      );
      for (const toneStyle of ['classic', 'modern'] as const) {
        const out = telex(keys, { toneStyle });
        expect(out.normalize('NFC')).toBe(out);
      }
    }
  });
});
