import { foldText } from './text';
import { COMMUNE_TYPES, type Unit, type World } from './world';

export interface CommuneHit {
  code: string;
  name: string;
  province: string;
  provinceCode: string;
}

/** A commune's type, abbreviated before a name. */
const TYPE_ABBREVIATIONS: Readonly<Record<string, readonly string[]>> = {
  p: ['phuong'],
  f: ['phuong'],
  x: ['xa'],
  tt: ['thi', 'tran'],
};

/** Enough for a picker's list; a whole province (at most ~170 communes) when only a province is given. */
export const SEARCH_LIMIT = 20;
export const PROVINCE_LIMIT = 200;

/**
 * New communes by name for the address picker, typed without diacritics or with them, with or without a
 * type word ("p ben thanh", "Bến Thành"). Each word typed must begin a word of the name, in order; a name
 * that is the query is first, then names that begin with it, then the rest, each alphabetical.
 */
export function searchCommunes(world: World, query: string, provinceCode?: string): CommuneHit[] {
  // Words as typed, not spelt out as an address's are: typed alone, "h" or "p" begins a name (Hà Đông,
  // Phú Diễn), not "huyện" or "phường". Only before a name is an abbreviation a type ("p ben thanh").
  let words = (query.slice(0, 100).match(/[\p{L}\p{M}\p{N}]+/gu) ?? []).map((w) => {
    const f = foldText(w);
    return /^\d+$/.test(f) ? String(Number(f)) : f;
  });
  const abbreviated = words.length > 1 ? TYPE_ABBREVIATIONS[words[0] ?? ''] : undefined;
  if (abbreviated) words = [...abbreviated, ...words.slice(1)];
  const type = COMMUNE_TYPES.find((t) => t.every((w, i) => words[i] === w) && words.length > t.length);
  if (type) words = words.slice(type.length);
  const typeName = type?.join(' ') ?? null;
  const scored: { unit: Unit; rank: number }[] = [];
  for (const unit of world.communes.units) {
    if (provinceCode !== undefined && unit.parent !== provinceCode) continue;
    if (typeName !== null && unit.type !== typeName) continue;
    const rank = rankOf(unit.key.split(' '), words);
    if (rank !== null) scored.push({ unit, rank });
  }
  const limit = provinceCode !== undefined && words.length === 0 ? PROVINCE_LIMIT : SEARCH_LIMIT;
  return scored
    .sort((a, b) => a.rank - b.rank || a.unit.name.localeCompare(b.unit.name, 'vi'))
    .slice(0, limit)
    .map(({ unit }) => ({
      code: unit.code,
      name: unit.name,
      province: world.provinces.byCode.get(unit.parent)?.name ?? '',
      provinceCode: unit.parent,
    }));
}

/** 0: the name is the query; 1: it begins with it; 2: the words are found in order; null: no match. */
function rankOf(name: readonly string[], query: readonly string[]): number | null {
  if (query.length === 0) return 2;
  if (name.join(' ') === query.join(' ')) return 0;
  let at = 0;
  let first = -1;
  for (const q of query) {
    while (at < name.length && !(name[at] ?? '').startsWith(q)) at++;
    if (at === name.length) return null;
    if (first < 0) first = at;
    at++;
  }
  return first === 0 ? 1 : 2;
}
