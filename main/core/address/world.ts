import type { Dataset } from './dataset';
import { addressWords, foldText } from './text';

/**
 * The datasets as worlds to look names up in. World -1 is the units before the first dataset (the old
 * three levels), world i the units in force from dataset i. Steps map a world's communes onto the next.
 */

export const PROVINCE_TYPES = [['tinh'], ['thanh', 'pho']] as const;
export const DISTRICT_TYPES = [['thi', 'xa'], ['thanh', 'pho'], ['quan'], ['huyen']] as const;
export const COMMUNE_TYPES = [['thi', 'tran'], ['dac', 'khu'], ['phuong'], ['xa']] as const;
export const ALL_TYPES = [...PROVINCE_TYPES, ...DISTRICT_TYPES, ...COMMUNE_TYPES].sort(
  (a, b) => b.length - a.length,
);

/**
 * How people name some provinces besides their official name. Only ever read in the province position,
 * so "Phường Sài Gòn" (a ward of Hồ Chí Minh City since 2025) stays a ward.
 */
const PROVINCE_ALIASES: Readonly<Record<string, readonly string[]>> = {
  '79': ['hcm', 'tphcm', 'hcmc', 'ho chi minh', 'ho chi minh city', 'sai gon', 'sg'],
  '01': ['hn'],
  '46': ['thua thien hue'],
  '77': ['brvt', 'br vt', 'vung tau'],
  '66': ['daklak', 'dac lac'],
  '67': ['daknong', 'dac nong'],
};

export interface Unit {
  readonly code: string;
  readonly name: string;
  /** Folded name without its type word: the lookup key. */
  readonly key: string;
  /** Folded type word(s), "" when the name has none. */
  readonly type: string;
  /** The name without its type word, lower case with diacritics: prefers "Đông Hòa" to "Đồng Hòa". */
  readonly exact: string;
  /** Province code (a new commune; an old district), district code (an old commune, three levels). */
  readonly parent: string;
  /** Found by another of its names (`otherNames`), not its own. */
  readonly other: boolean;
  /** An old unit the conversion table does not send anywhere (merged before it was drawn up). */
  readonly gone: boolean;
}

export interface Level {
  readonly units: readonly Unit[];
  readonly byCode: ReadonlyMap<string, Unit>;
  readonly byKey: ReadonlyMap<string, readonly Unit[]>;
  /** The most words a key has: how far back from a point a name is looked for. */
  readonly maxWords: number;
}

export interface World {
  readonly provinces: Level;
  /** Only the old world has districts. */
  readonly districts: Level | null;
  readonly communes: Level;
}

export interface Step {
  /** A commune of the earlier world → its communes in the later one (unlisted: unchanged, same code). */
  readonly to: ReadonlyMap<string, readonly string[]>;
  /** An old district that became one unit as a whole, its communes not listed. */
  readonly wholeDistricts: ReadonlyMap<string, string>;
}

export interface Chain {
  readonly datasets: readonly Dataset[];
  /** worlds[0] is the old world (-1), worlds[i + 1] dataset i's. */
  readonly worlds: readonly World[];
  /** steps[i]: worlds[i] → worlds[i + 1]. */
  readonly steps: readonly Step[];
  /** flows[i]: a province of worlds[i] → the provinces of worlds[i + 1] its communes went to. */
  readonly flows: readonly ReadonlyMap<string, ReadonlySet<string>>[];
}

/**
 * A level of units, indexed by the folded name without its type word. `otherNames` are indexed too, each
 * as a unit of its own with the same code (its type word may differ: "Thị trấn Mộc Châu" is also written
 * "Phường Mộc Sơn"); `byCode` and `units` keep the unit's own name.
 */
function level(
  rows: readonly (readonly [string, string, string?])[],
  types: readonly (readonly string[])[],
  aliases?: Readonly<Record<string, readonly string[]>>,
  otherNames: readonly (readonly [string, string])[] = [],
  gone: ReadonlySet<string> = new Set(),
): Level {
  const units: Unit[] = [];
  const byCode = new Map<string, Unit>();
  const byKey = new Map<string, Unit[]>();
  let maxWords = 1;
  const index = (key: string, unit: Unit) => {
    const list = byKey.get(key) ?? [];
    if (!list.includes(unit)) list.push(unit);
    byKey.set(key, list);
    maxWords = Math.max(maxWords, key.split(' ').length);
  };
  // Names repeat their words ("Phường", "Tân", "An"): each is folded once.
  const folded = new Map<string, string>();
  const fold = (word: string): string => {
    let f = folded.get(word);
    if (f === undefined) folded.set(word, (f = foldText(word)));
    return f;
  };
  const unitOf = (code: string, name: string, parent: string, other = false): Unit => {
    const words = addressWords(name, fold);
    const f = words.map((w) => w.f);
    const type = types.find((t) => f.length > t.length && t.every((w, i) => f[i] === w));
    const first = words[type?.length ?? 0];
    return {
      code,
      name,
      key: f.slice(type?.length ?? 0).join(' '),
      type: type?.join(' ') ?? '',
      exact: (first ? name.slice(first.start) : name).normalize('NFC').toLowerCase(),
      parent,
      other,
      gone: gone.has(code),
    };
  };
  for (const [code, name, parent = ''] of rows) {
    const unit = unitOf(code, name, parent);
    units.push(unit);
    byCode.set(code, unit);
    index(unit.key, unit);
    for (const alias of aliases?.[code] ?? []) index(alias, unit);
  }
  for (const [code, name] of otherNames) {
    const own = byCode.get(code);
    if (own) {
      const other = unitOf(code, name, own.parent, true);
      index(other.key, other);
    }
  }
  return { units, byCode, byKey, maxWords };
}

/** Builds the worlds and steps of datasets already sorted by effective date and checked to chain. */
export function buildChain(datasets: readonly Dataset[]): Chain {
  const first = datasets[0];
  if (!first) throw new Error('An address chain needs at least one dataset');
  const worlds: World[] = [
    {
      provinces: level(first.before.provinces, PROVINCE_TYPES, PROVINCE_ALIASES),
      districts: level(first.before.districts, DISTRICT_TYPES, undefined, first.before.otherNames.districts),
      communes: level(
        first.before.communes.map(([c, n, p]) => [c, n, p] as const),
        COMMUNE_TYPES,
        undefined,
        first.before.otherNames.communes,
        new Set(first.before.communes.filter((c) => c[3].length === 0).map((c) => c[0])),
      ),
    },
  ];
  const steps: Step[] = [];
  for (const d of datasets) {
    worlds.push({
      provinces: level(d.provinces, PROVINCE_TYPES, PROVINCE_ALIASES),
      districts: null,
      communes: level(d.communes, COMMUNE_TYPES),
    });
    steps.push({
      to: new Map(d.before.communes.map(([code, , , to]) => [code, to])),
      wholeDistricts: new Map(d.before.wholeDistricts),
    });
  }
  const flows = steps.map((step, i) => {
    const flow = new Map<string, Set<string>>();
    const from = worldIn(worlds, i);
    const later = worldIn(worlds, i + 1).communes.byCode;
    for (const unit of from.communes.units) {
      const province = provinceOf(from, unit);
      for (const code of step.to.get(unit.code) ?? (later.has(unit.code) ? [unit.code] : [])) {
        const to = later.get(code)?.parent;
        if (to) flow.set(province, (flow.get(province) ?? new Set()).add(to));
      }
    }
    for (const [district, code] of step.wholeDistricts) {
      const province = from.districts?.byCode.get(district)?.parent;
      const to = later.get(code)?.parent;
      if (province && to) flow.set(province, (flow.get(province) ?? new Set()).add(to));
    }
    return flow;
  });
  return { datasets, worlds, steps, flows };
}

/**
 * The provinces of every world that a province named in world `w` stands for: itself, the provinces it
 * went into later, and the earlier ones that went into it ("Tỉnh Hưng Yên" since 2025 takes in the old
 * Thái Bình too). worlds are indexed as `chain.worlds`.
 */
export function provinceScope(chain: Chain, w: number, code: string): Set<string>[] {
  const scope = chain.worlds.map((_, i) => new Set<string>(i === w ? [code] : []));
  chain.flows.forEach((flow, i) => {
    if (i < w) return;
    for (const p of scope[i] ?? []) for (const q of flow.get(p) ?? []) scope[i + 1]?.add(q);
  });
  for (let i = w - 1; i >= 0; i--) {
    const later = scope[i + 1];
    for (const [p, to] of chain.flows[i] ?? []) if ([...to].some((q) => later?.has(q))) scope[i]?.add(p);
  }
  return scope;
}

function worldIn(worlds: readonly World[], i: number): World {
  const world = worlds[i];
  if (!world) throw new RangeError(`No world ${i} of ${worlds.length}`);
  return world;
}

export const worldAt = (chain: Chain, i: number): World => worldIn(chain.worlds, i);

/** A commune of world `w` carried to world `t` (t ≥ w) through every step between: its codes there. */
export function carry(chain: Chain, w: number, codes: Iterable<string>, t: number): Set<string> {
  let current = new Set(codes);
  for (let i = w; i < t; i++) {
    const next = new Set<string>();
    const later = worldAt(chain, i + 1).communes.byCode;
    for (const code of current) {
      const to = chain.steps[i]?.to.get(code);
      if (to) for (const c of to) next.add(c);
      else if (later.has(code)) next.add(code);
    }
    current = next;
  }
  return current;
}

/** The provinces of world `w` a commune-level scope reaches: an old province → the new ones it went to. */
export function provinceOf(world: World, commune: Unit): string {
  if (!world.districts) return commune.parent;
  return world.districts.byCode.get(commune.parent)?.parent ?? '';
}
