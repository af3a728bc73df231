import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

/**
 * The official CSVs read on their own, with no code of the kiosk's: what the dataset and the resolver are
 * checked against. Names are only trimmed (stray spaces and newlines), nothing else mended.
 */
const DIR = new URL('../../../data/admin-units/', import.meta.url);

const read = (file: string): string[][] =>
  parse(readFileSync(new URL(file, DIR), 'utf8'), { relax_column_count: true }) as string[][];
const trim = (s: string | undefined): string => (s ?? '').normalize('NFC').replace(/\s+/gu, ' ').trim();
const split = (cell: string | undefined): { name: string; code: string } => {
  const m = /^(.*?)\s*\((\d+)\)\s*$/su.exec(trim(cell));
  if (!m?.[1] || !m[2]) throw new Error(`No code in ${cell}`);
  return { name: m[1], code: m[2] };
};

export interface ConversionRow {
  province: { name: string; code: string };
  newName: string;
  newCode: string;
  oldName: string;
  oldCode: string;
  note: string;
  district: { name: string; code: string };
  oldProvince: { name: string; code: string };
}

export function conversionRows(): ConversionRow[] {
  return read('conversion-2025-07-01.csv')
    .slice(2)
    .filter((r) => r.slice(1).some((c) => c.trim() !== ''))
    .map((r) => ({
      province: split(r[0]),
      newName: trim(r[1]),
      newCode: trim(r[2]),
      oldName: trim(r[3]),
      oldCode: trim(r[4]),
      note: trim(r[5]),
      district: split(r[6]),
      oldProvince: split(r[7]),
    }));
}

export interface RegisterRow {
  province: string;
  provinceCode: string;
  district: string;
  districtCode: string;
  commune: string;
  communeCode: string;
}

export function registerRows(): RegisterRow[] {
  return read('communes-before-2025-07-01.csv')
    .slice(1)
    .map((r) => ({
      province: trim(r[0]),
      provinceCode: trim(r[1]),
      district: trim(r[2]),
      districtCode: trim(r[3]),
      commune: trim(r[4]),
      communeCode: trim(r[5]),
    }));
}

/** Old commune code → the new commune codes the table sends it to. */
export function destinationsByOldCode(rows: readonly ConversionRow[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const r of rows) {
    if (r.oldCode === '') continue;
    out.set(r.oldCode, (out.get(r.oldCode) ?? new Set()).add(r.newCode));
  }
  return out;
}

/** The five names corrected after the table was published (SOURCE.md). */
export const CORRECTED: Readonly<Record<string, string>> = {
  '29857': 'Xã Lục Sĩ Thành',
  '06187': 'Phường Kỳ Lừa',
  '06172': 'Xã Hoàng Văn Thụ',
  '16609': 'Phường Đào Duy Từ',
  '23954': 'Xã Al Bá',
};
