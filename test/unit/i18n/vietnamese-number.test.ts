import { describe, expect, it } from 'vitest';
import { callOutText, readVietnameseNumber } from '../../../main/core/i18n/vietnamese-number';

const table: Array<[number, string]> = [
  [0, 'không'],
  [1, 'một'],
  [4, 'bốn'],
  [5, 'năm'],
  [9, 'chín'],
  [10, 'mười'],
  [11, 'mười một'],
  [14, 'mười bốn'],
  [15, 'mười lăm'],
  [19, 'mười chín'],
  [20, 'hai mươi'],
  [21, 'hai mươi mốt'],
  [24, 'hai mươi tư'],
  [25, 'hai mươi lăm'],
  [31, 'ba mươi mốt'],
  [44, 'bốn mươi tư'],
  [45, 'bốn mươi lăm'],
  [55, 'năm mươi lăm'],
  [70, 'bảy mươi'],
  [91, 'chín mươi mốt'],
  [99, 'chín mươi chín'],
  [100, 'một trăm'],
  [101, 'một trăm linh một'],
  [104, 'một trăm linh bốn'],
  [105, 'một trăm linh năm'],
  [110, 'một trăm mười'],
  [111, 'một trăm mười một'],
  [115, 'một trăm mười lăm'],
  [121, 'một trăm hai mươi mốt'],
  [124, 'một trăm hai mươi tư'],
  [200, 'hai trăm'],
  [305, 'ba trăm linh năm'],
  [500, 'năm trăm'],
  [555, 'năm trăm năm mươi lăm'],
  [999, 'chín trăm chín mươi chín'],
  [1000, 'một nghìn'],
  [1001, 'một nghìn không trăm linh một'],
  [1005, 'một nghìn không trăm linh năm'],
  [1010, 'một nghìn không trăm mười'],
  [1015, 'một nghìn không trăm mười lăm'],
  [1021, 'một nghìn không trăm hai mươi mốt'],
  [1100, 'một nghìn một trăm'],
  [1105, 'một nghìn một trăm linh năm'],
  [2020, 'hai nghìn không trăm hai mươi'],
  [2024, 'hai nghìn không trăm hai mươi tư'],
  [4004, 'bốn nghìn không trăm linh bốn'],
  [5000, 'năm nghìn'],
  [5555, 'năm nghìn năm trăm năm mươi lăm'],
  [9999, 'chín nghìn chín trăm chín mươi chín'],
];

describe('readVietnameseNumber', () => {
  it.each(table)('%i → %s', (n, words) => {
    expect(readVietnameseNumber(n)).toBe(words);
  });

  it('has at least 40 table cases', () => {
    expect(table.length).toBeGreaterThanOrEqual(40);
  });

  it('gives every number 0–9999 a distinct, non-empty, single-spaced reading', () => {
    const seen = new Map<string, number>();
    const bad: string[] = [];
    for (let n = 0; n <= 9999; n++) {
      const words = readVietnameseNumber(n);
      if (words.length === 0 || / {2}|^ | $/.test(words)) bad.push(`${n}: "${words}"`);
      const earlier = seen.get(words);
      if (earlier !== undefined) bad.push(`${n} and ${earlier} both read "${words}"`);
      seen.set(words, n);
    }
    expect(bad).toEqual([]);
    expect(seen.size).toBe(10_000);
  });

  it('never says "mốt" or "tư" outside 21–99 units, nor "lăm" without mười/mươi before it', () => {
    const bad: number[] = [];
    for (let n = 0; n <= 9999; n++) {
      const words = readVietnameseNumber(n).split(' ');
      words.forEach((w, i) => {
        if ((w === 'mốt' || w === 'tư') && words[i - 1] !== 'mươi') bad.push(n);
        if (w === 'lăm' && words[i - 1] !== 'mười' && words[i - 1] !== 'mươi') bad.push(n);
      });
    }
    expect(bad).toEqual([]);
  });

  it.each([-1, 10_000, 1.5, Number.NaN])('rejects %s', (n) => {
    expect(() => readVietnameseNumber(n)).toThrow(RangeError);
  });
});

describe('callOutText', () => {
  it('reads the letter, then the number without leading zeros, then the counter', () => {
    expect(callOutText('A015', 3)).toBe('Mời số A mười lăm đến quầy số ba');
    expect(callOutText('B102', 12)).toBe('Mời số B một trăm linh hai đến quầy số mười hai');
    expect(callOutText('C021', 24)).toBe('Mời số C hai mươi mốt đến quầy số hai mươi tư');
    expect(callOutText('A000', 1)).toBe('Mời số A không đến quầy số một');
    expect(callOutText('015', 5)).toBe('Mời số mười lăm đến quầy số năm');
    expect(callOutText(' a-7 ', 2)).toBe('Mời số A bảy đến quầy số hai');
  });

  it.each([
    ['A12345', 1],
    ['', 1],
    ['A01B', 1],
    ['A015', 0],
    ['A015', 1.5],
  ])('rejects %s at counter %s', (ticket, counter) => {
    expect(() => callOutText(ticket, counter)).toThrow(RangeError);
  });
});
