import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { foldText } from '../../../main/core/address/text';
import {
  DatasetSchema,
  datasetProblems,
  loadShippedDataset,
  shippedDatasetPath,
} from '../../../main/core/address/dataset';
import { CORRECTED, conversionRows, destinationsByOldCode, registerRows } from './official';

const dataset = loadShippedDataset();
const rows = conversionRows();
const work = mkdtempSync(join(tmpdir(), 'kiosk-units-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the shipped address dataset, checked against the official CSVs', () => {
  it('is what `npm run admin-units` writes from data/admin-units (regenerate it after changing either)', () => {
    const out = join(work, 'units.json');
    execFileSync(process.execPath, ['scripts/admin-units.mjs', '--out', out], { stdio: 'pipe' });
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(shippedDatasetPath(), 'utf8'));
  });

  it('is whole: every row points at units it has, and it carries its version, effective date and source', () => {
    expect(datasetProblems(dataset)).toEqual([]);
    expect(DatasetSchema.parse(dataset)).toMatchObject({ version: '2025-07-01', effective: '2025-07-01' });
    expect(dataset.source).toMatch(/chinhphu\.vn/);
  });

  it('has the 34 provinces and 3,321 communes of the table, under the table’s province codes', () => {
    const provinces = new Map(rows.map((r) => [r.province.code, r.province.name]));
    expect(dataset.provinces).toHaveLength(34);
    expect(new Map(dataset.provinces)).toEqual(provinces);
    const communes = new Map<string, { province: string; names: Set<string> }>();
    for (const r of rows) {
      const c = communes.get(r.newCode) ?? { province: r.province.code, names: new Set() };
      c.names.add(foldText(r.newName).replace(/^xa /, 'xa '));
      communes.set(r.newCode, c);
    }
    expect(dataset.communes).toHaveLength(3321);
    for (const [code, name, province] of dataset.communes) {
      const official = communes.get(code);
      expect(official?.province, code).toBe(province);
      if (CORRECTED[code]) expect(name).toBe(CORRECTED[code]);
      // The table's spelling, up to tone-mark placement and its typos in the type word ("Xa", " Xã").
      else expect(official?.names, `${code} ${name}`).toContain(foldText(name));
    }
  });

  it('applies the five later official name corrections', () => {
    const names = new Map(dataset.communes.map(([code, name]) => [code, name]));
    for (const [code, name] of Object.entries(CORRECTED)) expect(names.get(code)).toBe(name);
  });

  it('sends every old commune of the table to exactly the new communes the table names (442 split)', () => {
    const expected = destinationsByOldCode(rows);
    const shipped = new Map(dataset.before.communes.map(([code, , , to]) => [code, to]));
    for (const [old, to] of expected) expect(new Set(shipped.get(old)), old).toEqual(to);
    expect([...expected.values()].filter((s) => s.size > 1)).toHaveLength(441);
  });

  it('knows every commune and district of the statistics office’s register, under its district', () => {
    // In lower case: the register writes "Thành Phố Bắc Kạn", the dataset the type word as the law does.
    const lower = (s: string) => s.toLowerCase();
    const communes = new Map(
      dataset.before.communes.map(([code, name, district]) => [code, { name: lower(name), district }]),
    );
    const districts = new Map(
      dataset.before.districts.map(([code, name, province]) => [code, { name: lower(name), province }]),
    );
    for (const r of registerRows()) {
      expect(districts.get(r.districtCode), r.district).toEqual({
        name: lower(r.district),
        province: r.provinceCode,
      });
      if (r.communeCode)
        expect(communes.get(r.communeCode), r.commune).toEqual({
          name: lower(r.commune),
          district: r.districtCode,
        });
    }
  });

  it('sends the island districts, which list no commune, to their đặc khu', () => {
    const names = new Map(dataset.communes.map(([code, name]) => [code, name]));
    const whole = dataset.before.wholeDistricts.map(([district, commune]) => [district, names.get(commune)]);
    expect(whole).toEqual(
      expect.arrayContaining([
        ['755', 'Đặc khu Côn Đảo'],
        ['318', 'Đặc khu Bạch Long Vĩ'],
      ]),
    );
  });

  it('stays a few hundred KB (about 600 KB of UTF-8)', () => {
    expect(readFileSync(shippedDatasetPath()).length).toBeLessThan(650_000);
  });
});
