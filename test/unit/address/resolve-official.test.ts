import { describe, expect, it } from 'vitest';
import { loadShippedDataset } from '../../../main/core/address/dataset';
import { resolveAddress } from '../../../main/core/address/resolve';
import { foldText } from '../../../main/core/address/text';
import { buildChain } from '../../../main/core/address/world';
import { conversionRows, destinationsByOldCode, registerRows } from './official';

// Every row of the Government's conversion table, read by the test on its own (./official.ts), is an
// address the resolver must get right: the acceptance floor of issue 19.
const chain = buildChain([loadShippedDataset()]);
const NOW = 1;
const rows = conversionRows();
const expected = destinationsByOldCode(rows);
// The table once puts a district under another old province (Thành phố Tân An, Long An, under "Tiền
// Giang"): the statistics office's register says where each district was, and the address says that.
const provinceOfDistrict = new Map(registerRows().map((r) => [r.districtCode, r.province]));
const oldAddress = (r: (typeof rows)[number], name = r.oldName, district = r.district.name) =>
  `${name}, ${district}, ${provinceOfDistrict.get(r.district.code) ?? r.oldProvince.name}`;
const firstRowOf = new Map<string, (typeof rows)[number]>();
for (const r of rows) if (r.oldCode && !firstRowOf.has(r.oldCode)) firstRowOf.set(r.oldCode, r);

const codes = (text: string) =>
  resolveAddress(chain, text, NOW)
    .candidates.map((c) => c.code)
    .sort();
const sorted = (s: Set<string> | undefined) => [...(s ?? [])].sort();

describe('addresses from the official conversion table', () => {
  it('every old commune, written with its district and old province, resolves to exactly its new communes', () => {
    const wrong: string[] = [];
    for (const [old, r] of firstRowOf) {
      const text = oldAddress(r);
      const got = resolveAddress(chain, text, NOW);
      const want = sorted(expected.get(old));
      const have = got.candidates.map((c) => c.code).sort();
      if (got.form !== 'old' || have.join() !== want.join())
        wrong.push(`${text} → ${got.form} ${have.join('|')} (${got.note}); want ${want.join('|')}`);
    }
    expect(firstRowOf.size).toBe(10033);
    expect(wrong.slice(0, 15)).toEqual([]);
  });

  it('an old commune that went to one new commune is whole; a split one offers each part, none whole', () => {
    for (const [old, r] of [...firstRowOf].slice(0, 400)) {
      const got = resolveAddress(chain, oldAddress(r), NOW);
      const split = (expected.get(old)?.size ?? 0) > 1;
      for (const c of got.candidates) expect(c.whole, r.oldName).toBe(!split);
      expect(got.note).toBe(split ? 'split' : null);
    }
  });

  it('every new commune, written with its province, resolves to itself', () => {
    const wrong: string[] = [];
    for (const [code, name, province] of chain.datasets[0]?.communes ?? []) {
      const provinceName = chain.datasets[0]?.provinces.find((p) => p[0] === province)?.[1] ?? '';
      const got = resolveAddress(chain, `${name}, ${provinceName}`, NOW);
      const have = got.candidates.map((c) => c.code);
      if (got.form !== 'new' || have.join() !== code || !got.candidates[0]?.whole)
        wrong.push(`${name}, ${provinceName} → ${got.form} ${have.join('|')}`);
    }
    expect(wrong.slice(0, 15)).toEqual([]);
  });

  // Spellings people and card readers really produce, generated from every 30th old commune.
  const abbreviate = (s: string) =>
    s
      .replace(/^Thành phố /, 'TP. ')
      .replace(/^Thị trấn /, 'TT. ')
      .replace(/^Thị xã /, 'TX. ')
      .replace(/^Phường /, 'P. ')
      .replace(/^Quận /, 'Q.')
      .replace(/^Huyện /, 'H. ')
      .replace(/^Xã /, 'X. ')
      .replace(/^Tỉnh /, '');
  const spellings: [string, (r: (typeof rows)[number]) => string][] = [
    ['without diacritics', (r) => foldText(`${r.oldName}, ${r.district.name}, ${r.oldProvince.name}`)],
    ['in lower case', (r) => `${r.oldName}, ${r.district.name}, ${r.oldProvince.name}`.toLowerCase()],
    ['in capitals', (r) => `${r.oldName}, ${r.district.name}, ${r.oldProvince.name}`.toUpperCase()],
    [
      'abbreviated',
      (r) => `${abbreviate(r.oldName)}, ${abbreviate(r.district.name)}, ${abbreviate(r.oldProvince.name)}`,
    ],
    [
      'abbreviated, without diacritics, "Việt Nam" at the end',
      (r) =>
        foldText(`${abbreviate(r.oldName)} ${abbreviate(r.district.name)}, ${r.oldProvince.name}, Việt Nam`),
    ],
  ];
  const sample = [...firstRowOf.values()].filter((_, i) => i % 30 === 0);
  for (const [how, write] of spellings) {
    it(`${sample.length} old addresses ${how} resolve as the plain text does`, () => {
      const wrong: string[] = [];
      for (const r of sample) {
        const plain = codes(oldAddress(r));
        const text = write(r);
        const got = resolveAddress(chain, text, NOW);
        const have = got.candidates.map((c) => c.code);
        // Without diacritics two old communes of a district may read the same ("Hoằng Đông", "Hoàng
        // Đồng"): then both are offered, and said to be several, never one chosen silently.
        const same = have.sort().join() === plain.join();
        const widened = got.note === 'several-old' && plain.every((c) => have.includes(c));
        if (!same && !widened)
          wrong.push(`${text} → ${have.join('|')} (${got.note}); want ${plain.join('|')}`);
      }
      expect(wrong.slice(0, 10)).toEqual([]);
    });
  }

  it('every commune of the statistics office’s register, written with its district and province, resolves to the communes the table sends it to', () => {
    const wrong: string[] = [];
    for (const r of registerRows()) {
      const want = sorted(expected.get(r.communeCode));
      if (!r.communeCode || want.length === 0) continue;
      const text = `${r.commune}, ${r.district}, ${r.province}`;
      const have = codes(text);
      if (have.join() !== want.join()) wrong.push(`${text} → ${have.join('|')}; want ${want.join('|')}`);
    }
    expect(wrong.slice(0, 10)).toEqual([]);
  });
});
