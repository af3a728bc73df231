// `npm run admin-units`: turns the official CSVs in data/admin-units/ (see SOURCE.md there) into the
// dataset the kiosk ships, main/core/address/data/vn-units-2025-07-01.json: the 34 provinces and 3,321
// communes in force from 1 July 2025, and the old provinces, districts and communes with where each went.
// test/unit/address/dataset-build.test.ts reads the CSVs again on its own and checks this output against
// them, and fails when the committed file is not what this script writes.
//
// Plain JavaScript (no build step) so the test can import `buildDataset` as it is.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

export const SOURCE_DIR = fileURLToPath(new URL('../data/admin-units/', import.meta.url));
export const OUTPUT_FILE = fileURLToPath(
  new URL('../main/core/address/data/vn-units-2025-07-01.json', import.meta.url),
);

/**
 * Official name corrections published after the conversion table (SOURCE.md): new commune code → name.
 * The table's own spellings of these five were superseded; the kiosk shows the corrected names.
 */
export const NAME_CORRECTIONS = {
  29857: 'Xã Lục Sĩ Thành',
  '06187': 'Phường Kỳ Lừa',
  '06172': 'Xã Hoàng Văn Thụ',
  16609: 'Phường Đào Duy Từ',
  23954: 'Xã Al Bá',
};

/** The unit-type words a name starts with, as they are written correctly. */
const PREFIXES = ['Thành phố', 'Tỉnh', 'Quận', 'Huyện', 'Thị xã', 'Thị trấn', 'Phường', 'Xã', 'Đặc khu'];
const fold = (s) =>
  s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();

/**
 * One spelling for a name from the table: NFC, no stray spaces, newlines or no-break spaces, and its type
 * word spelt and capitalised as the law writes it ("xã", "Xa", "Thi trấn" → "Xã", "Thị trấn").
 */
export function cleanName(raw) {
  const s = raw.normalize('NFC').replace(/\s+/gu, ' ').trim();
  // Compared folded, so "xã", "Xa" and "Thi trấn" are found; every prefix keeps its length when folded.
  const folded = fold(s);
  const prefix = PREFIXES.find((p) => folded.startsWith(`${fold(p)} `));
  return prefix ? `${prefix} ${s.slice(prefix.length + 1)}` : s;
}

/** "Quận Ba Đình (001)" → { name: "Quận Ba Đình", code: "001" }. */
function named(cell, digits) {
  const m = /^(.*?)\s*\((\d+)\)\s*$/su.exec(cell.normalize('NFC'));
  if (!m) return null;
  return { name: cleanName(m[1]), code: m[2].padStart(digits, '0') };
}

/** How the table says an old commune went: trimmed, one space, so the dozen spellings compare. */
export const cleanNote = (note) => note.normalize('NFC').replace(/\s+/gu, ' ').trim();

/** The most frequent value of a list (ties: the first seen), for a unit spelt two ways in the table. */
function mostFrequent(values) {
  const counts = new Map();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = values[0];
  for (const [v, n] of counts) if (n > counts.get(best)) best = v;
  return best;
}

/**
 * [code, name] rows of the names a unit also has besides its own, in code order. Only names that differ
 * in their letters: case and tone-mark placement ("Hòa"/"Hoà") are the same name to the resolver.
 */
function aliases(names, units) {
  const rows = [];
  for (const [code, set] of names) {
    const own = units.get(code)?.name;
    const seen = new Set(own ? [fold(own)] : []);
    for (const n of set) {
      if (seen.has(fold(n))) continue;
      seen.add(fold(n));
      rows.push([code, n]);
    }
  }
  return rows.sort((a, b) => byCode(a, b) || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
}

const byCode = (a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

export function readCsv(file) {
  return parse(readFileSync(file, 'utf8'), { relax_column_count: true, skip_empty_lines: true });
}

/**
 * Builds the dataset from the two CSVs. Returns the dataset and what was left out or mended, so the
 * script can say it and the test can check it.
 */
export function buildDataset(dir = SOURCE_DIR) {
  const conversion = readCsv(join(dir, 'conversion-2025-07-01.csv')).slice(2);
  const register = readCsv(join(dir, 'communes-before-2025-07-01.csv')).slice(1);
  const report = { banners: 0, areasWithoutCode: [], wholeDistricts: [], registerOnly: [] };

  // The register's names are the statistics office's spellings of the old units: preferred to the table's.
  const oldProvinceNames = new Map();
  const oldDistricts = new Map();
  const oldCommunes = new Map();
  for (const [province, provinceCode, district, districtCode, commune, communeCode] of register) {
    oldProvinceNames.set(provinceCode, cleanName(province));
    if (districtCode) oldDistricts.set(districtCode, { name: cleanName(district), province: provinceCode });
    if (communeCode) oldCommunes.set(communeCode, { name: cleanName(commune), district: districtCode });
  }

  const provinces = new Map();
  const communeNames = new Map();
  const destinations = new Map();
  const notes = new Map();
  const tableOld = new Map();
  // Other names of an old unit: the register (January 2025) and the table (mid 2025) name some units
  // differently ("Xã Xà Phìn" / "Xã Sà Phìn", a district become a thị xã): cards carry either.
  const otherNames = { districts: new Map(), communes: new Map() };
  const alsoNamed = (kind, code, name) => {
    if (!otherNames[kind].has(code)) otherNames[kind].set(code, new Set());
    otherNames[kind].get(code).add(name);
  };
  const wholeDistricts = new Map();
  for (const row of conversion) {
    const [provinceCell, newName, newCode, oldName, oldCode, note, districtCell, oldProvinceCell] = row;
    if (!row.slice(1).some((c) => c.trim() !== '')) {
      report.banners++;
      continue;
    }
    const province = named(provinceCell, 2);
    const district = named(districtCell, 3);
    const oldProvince = named(oldProvinceCell, 2);
    if (!province || !district || !oldProvince || !/^\d{5}$/.test(newCode.trim())) {
      throw new Error(`Unreadable conversion row: ${JSON.stringify(row)}`);
    }
    const code = newCode.trim();
    provinces.set(province.code, province.name);
    if (!communeNames.has(code)) communeNames.set(code, { province: province.code, names: [] });
    communeNames.get(code).names.push(cleanName(newName));
    if (!oldDistricts.has(district.code)) {
      oldDistricts.set(district.code, { name: district.name, province: oldProvince.code });
    }
    alsoNamed('districts', district.code, district.name);
    if (!oldProvinceNames.has(oldProvince.code)) {
      oldProvinceNames.set(oldProvince.code, oldProvince.name);
    }
    const old = oldCode.trim();
    if (old === '') {
      if (oldName.trim() === '') {
        // A whole district became one unit (the island districts → đặc khu): no commune is named.
        wholeDistricts.set(district.code, code);
        report.wholeDistricts.push(`${district.name} → ${cleanName(newName)}`);
      } else {
        // An area that is no commune ("Khu vực bãi bồi ven biển …"): no card carries it as an address.
        report.areasWithoutCode.push(cleanName(oldName));
      }
      continue;
    }
    if (!/^\d{5}$/.test(old)) throw new Error(`Unreadable old commune code: ${JSON.stringify(row)}`);
    if (!destinations.has(old)) destinations.set(old, []);
    if (!destinations.get(old).includes(code)) destinations.get(old).push(code);
    if (!notes.has(old)) notes.set(old, new Set());
    notes.get(old).add(cleanNote(note));
    if (!tableOld.has(old)) tableOld.set(old, { names: [], district: district.code });
    tableOld.get(old).names.push(cleanName(oldName));
  }

  const communes = [...communeNames]
    .map(([code, { province, names }]) => [code, NAME_CORRECTIONS[code] ?? mostFrequent(names), province])
    .sort(byCode);
  const before = [];
  for (const [code, { names, district }] of tableOld) {
    const name = oldCommunes.get(code)?.name ?? mostFrequent(names);
    before.push([code, name, district, destinations.get(code).sort()]);
    for (const other of names) alsoNamed('communes', code, other);
  }
  // Old communes the register has and the table does not (merged in the rearrangements just before
  // July 2025): still on cards, so still recognised, with no destination of their own.
  for (const [code, { name, district }] of oldCommunes) {
    if (tableOld.has(code)) continue;
    before.push([code, name, district, []]);
    report.registerOnly.push(`${name} (${code})`);
  }
  before.sort(byCode);

  const dataset = {
    kind: 'vn-admin-units',
    format: 1,
    version: '2025-07-01',
    effective: '2025-07-01',
    source:
      'Bảng chuyển đổi đơn vị hành chính cấp xã (chinhphu.vn, 2025) và Danh mục đơn vị hành chính (Tổng cục Thống kê, 04/01/2025); đã áp dụng các đính chính tên sau khi công bố.',
    provinces: [...provinces].sort(byCode),
    communes,
    before: {
      levels: 3,
      provinces: [...oldProvinceNames].sort(byCode),
      districts: [...oldDistricts].map(([code, d]) => [code, d.name, d.province]).sort(byCode),
      otherNames: {
        districts: aliases(otherNames.districts, oldDistricts),
        communes: aliases(otherNames.communes, new Map(before.map(([code, name]) => [code, { name }]))),
      },
      communes: before,
      wholeDistricts: [...wholeDistricts].sort(byCode),
    },
  };
  return { dataset, report };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  // `--out FILE` writes elsewhere (the test compares that with the committed file).
  const at = process.argv.indexOf('--out');
  const output = at > 0 && process.argv[at + 1] ? process.argv[at + 1] : OUTPUT_FILE;
  const { dataset, report } = buildDataset();
  const text = `${JSON.stringify(dataset)}\n`;
  writeFileSync(output, text);
  const split = dataset.before.communes.filter((c) => c[3].length > 1).length;
  console.log(
    `${output}: ${dataset.provinces.length} provinces, ${dataset.communes.length} communes; ` +
      `${dataset.before.provinces.length} old provinces, ${dataset.before.districts.length} old districts, ` +
      `${dataset.before.communes.length} old communes (${split} split); ${text.length} bytes`,
  );
  console.log(`whole districts: ${report.wholeDistricts.join('; ')}`);
  console.log(`rows naming an area without a code (left out): ${report.areasWithoutCode.join('; ')}`);
  console.log(`old communes only in the register (no destination): ${report.registerOnly.length}`);
}
