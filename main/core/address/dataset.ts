import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/**
 * A dataset of Vietnam's administrative units, versioned by the date it takes effect.
 *
 * `provinces` and `communes` are the units in force from `effective` (two levels since 1 July 2025).
 * `before` names the units this version replaced, as cards and people still write them, and where each
 * went: for the shipped 2025 dataset the old three levels (province, district, commune); for a later
 * resolution's dataset the units of the version it `replaces` (two levels). Versions chain: an old address
 * goes through every change in effect since.
 *
 * The file is JSON with positional rows, to keep the shipped one at a few hundred KB:
 * provinces `[code, name]`, communes `[code, name, provinceCode]`, before.districts
 * `[code, name, provinceCode]`, before.communes `[code, name, parentCode, destinationCodes]` (parent: a
 * district when `levels` is 3, a province when 2), before.wholeDistricts `[districtCode, communeCode]`
 * (a district that became one unit as a whole, its communes not listed: the island đặc khu),
 * before.otherNames `[code, name]` (other names a unit is written with: the register of January 2025 and the
 * table of mid 2025 name some differently, and cards carry either).
 */
const Code = (digits: number) => z.string().regex(new RegExp(`^\\d{${digits}}$`));
// Names are shown on screen and printed: letters, digits, spaces and the few marks real names use.
const UnitName = z
  .string()
  .min(2)
  .max(80)
  .regex(/^[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N} .'’()-]*$/u);
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const DatasetSchema = z
  .object({
    kind: z.literal('vn-admin-units'),
    format: z.literal(1),
    version: z
      .string()
      .min(1)
      .max(40)
      .regex(/^[0-9A-Za-z.-]+$/),
    effective: IsoDate,
    source: z.string().min(1).max(1000),
    replaces: z.string().min(1).max(40).optional(),
    provinces: z
      .array(z.tuple([Code(2), UnitName]))
      .min(1)
      .max(100),
    communes: z
      .array(z.tuple([Code(5), UnitName, Code(2)]))
      .min(1)
      .max(20_000),
    before: z
      .object({
        levels: z.union([z.literal(2), z.literal(3)]),
        provinces: z.array(z.tuple([Code(2), UnitName])).max(100),
        districts: z.array(z.tuple([Code(3), UnitName, Code(2)])).max(2_000),
        communes: z
          .array(z.tuple([Code(5), UnitName, z.string().regex(/^\d{2,3}$/), z.array(Code(5)).max(50)]))
          .max(20_000),
        wholeDistricts: z.array(z.tuple([Code(3), Code(5)])).max(100),
        otherNames: z
          .object({
            districts: z.array(z.tuple([Code(3), UnitName])).max(2_000),
            communes: z.array(z.tuple([Code(5), UnitName])).max(20_000),
          })
          .strict(),
      })
      .strict(),
  })
  .strict();

export type Dataset = z.infer<typeof DatasetSchema>;

/**
 * What makes a dataset unusable beyond its shape: a row pointing at a unit it does not have. Empty when
 * the dataset is whole. Checked for installed files, and by the tests for the shipped one.
 */
export function datasetProblems(d: Dataset): string[] {
  const problems: string[] = [];
  const provinces = new Set(d.provinces.map((p) => p[0]));
  const communes = new Set<string>();
  for (const [code, name, province] of d.communes) {
    if (communes.has(code)) problems.push(`commune ${code} twice`);
    communes.add(code);
    if (!provinces.has(province)) problems.push(`commune ${code} ${name}: no province ${province}`);
  }
  const oldProvinces = new Set(d.before.provinces.map((p) => p[0]));
  const districts = new Set(d.before.districts.map((x) => x[0]));
  for (const [code, , province] of d.before.districts) {
    if (!oldProvinces.has(province)) problems.push(`district ${code}: no old province ${province}`);
  }
  const parents = d.before.levels === 3 ? districts : oldProvinces;
  for (const [code, name, parent, to] of d.before.communes) {
    if (!parents.has(parent)) problems.push(`old commune ${code} ${name}: no parent ${parent}`);
    for (const c of to) if (!communes.has(c)) problems.push(`old commune ${code}: no destination ${c}`);
  }
  for (const [code] of d.before.otherNames.districts)
    if (!districts.has(code)) problems.push(`other name of unknown district ${code}`);
  const oldCommunes = new Set(d.before.communes.map((c) => c[0]));
  for (const [code] of d.before.otherNames.communes)
    if (!oldCommunes.has(code)) problems.push(`other name of unknown old commune ${code}`);
  for (const [district, commune] of d.before.wholeDistricts) {
    if (!districts.has(district)) problems.push(`whole district ${district} unknown`);
    if (!communes.has(commune)) problems.push(`whole district ${district}: no destination ${commune}`);
  }
  return problems.slice(0, 20);
}

export const SHIPPED_DATASET_FILE = 'vn-units-2025-07-01.json';

/**
 * Where the shipped dataset lives: beside this module in ./data from source (vitest), and in
 * dist/main/address-data in the esbuild bundle, where the build copies it (as the ticket fonts).
 */
export function shippedDatasetPath(): string {
  const bundled = typeof __dirname === 'string';
  const here = bundled ? __dirname : dirname(fileURLToPath(import.meta.url));
  const fromSource = join(here, 'data', SHIPPED_DATASET_FILE);
  return !bundled || existsSync(fromSource) ? fromSource : join(here, 'address-data', SHIPPED_DATASET_FILE);
}

/** Reads and checks the shipped dataset. Throws when it is missing or broken: a packaging bug. */
export function loadShippedDataset(path = shippedDatasetPath()): Dataset {
  const dataset = DatasetSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
  const problems = datasetProblems(dataset);
  if (problems.length > 0) throw new Error(`The shipped address dataset is broken: ${problems.join('; ')}`);
  return dataset;
}
