import { addressWords, foldText, MAX_ADDRESS_LENGTH, type Word } from './text';
import {
  ALL_TYPES,
  COMMUNE_TYPES,
  DISTRICT_TYPES,
  PROVINCE_TYPES,
  type Chain,
  type Level,
  type Unit,
  carry,
  provinceOf,
  worldAt,
  provinceScope,
} from './world';

export interface AddressCandidate {
  code: string;
  name: string;
  province: string;
  provinceCode: string;
  /** The old commune went to this one alone (no choice to make). */
  whole: boolean;
}

export type AddressNoteCode =
  | 'empty'
  | 'too-long'
  | 'not-found'
  | 'commune-missing'
  | 'split'
  | 'several-old'
  | 'several-new'
  | 'not-converted';

export interface AddressResolution {
  /** "old": written with units from before the dataset in use (a district, an old commune or province). */
  form: 'old' | 'new' | 'unknown';
  /** The parts as the text writes them; null where none was found. */
  parts: { street: string | null; commune: string | null; district: string | null; province: string | null };
  candidates: AddressCandidate[];
  note: AddressNoteCode | null;
}

/** More candidates than this is no answer: the person picks from the list instead. */
const MAX_CANDIDATES = 12;
/** One collator: localeCompare with a locale builds one at each call. */
const byName = new Intl.Collator('vi');

type Types = readonly (readonly string[])[];

interface Match {
  units: readonly Unit[];
  /** Word index where the match begins (its type word included) and ends (exclusive). */
  start: number;
  end: number;
  /** Its type word is written ("Quận Gò Vấp"), not only its name ("Gò Vấp"). */
  typed: boolean;
  /**
   * The units found are what is written: the type word written (if any) is theirs, and a name written
   * with diacritics is spelt as theirs. "Phường Trần Phú" found as "Xã Trần Phú", or "Bình Thạnh" as
   * "Bình Thành", only shares its folded letters with what it found.
   */
  agrees: boolean;
}

const TONES = /[\u0300\u0301\u0303\u0309\u0323]/gu;

/**
 * Each word as spelt (lower case, diacritics kept, its tone mark put last so "Thuỷ" and "Thủy" are one
 * spelling; a number as its value), punctuation between words left out.
 */
function spelling(text: string, words: readonly Word[]): string {
  return words
    .map((w) => {
      if (/^\d+$/.test(w.f)) return w.f;
      const d = text.slice(w.start, w.end).normalize('NFD').toLowerCase();
      return (d.replace(TONES, '') + [...(d.match(TONES) ?? [])].sort().join('')).normalize('NFC');
    })
    .join(' ');
}

// A unit's spelling, worked out once: it is asked for each time its name is found.
const spelt = new WeakMap<Unit, string>();
function unitSpelling(u: Unit): string {
  let s = spelt.get(u);
  if (s === undefined) spelt.set(u, (s = spelling(u.exact, addressWords(u.exact))));
  return s;
}

function wordAt(words: readonly Word[], i: number): Word {
  const w = words[i];
  if (w === undefined) throw new RangeError(`No word ${i} of ${words.length}`);
  return w;
}

/** The type word written just before word `at`, as words taken (0: none). */
function typeBefore(words: readonly Word[], at: number, types: Types): { length: number; type: string } {
  for (const t of [...types].sort((a, b) => b.length - a.length)) {
    const from = at - t.length;
    if (
      from >= 0 &&
      t.every((w, i) => words[from + i]?.f === w) &&
      words[from + t.length - 1]?.part === words[at]?.part
    )
      return { length: t.length, type: t.join(' ') };
  }
  return { length: 0, type: '' };
}

/** The words from..end fill their comma-separated part: "Gò Vấp" alone between commas. */
const wholePart = (words: readonly Word[], from: number, end: number): boolean =>
  words[from - 1]?.part !== words[from]?.part && words[end]?.part !== words[end - 1]?.part;

/**
 * The unit of `level` whose name ends at word `end`, longest name first. A name counts when its own type
 * word is written before it; written without one, when `untyped` allows it: 'always' (a province, read at
 * the end of the text), 'part' (the name fills a comma-separated part: "Gò Vấp" between commas), or
 * 'never'. A name after another level's type word ("Phường Bắc Giang" is no province) never counts.
 */
function nameEndingAt(
  words: readonly Word[],
  text: string,
  end: number,
  level: Level,
  types: Types,
  inScope: (u: Unit) => boolean,
  untyped: 'always' | 'part' | 'never',
): Match | null {
  for (let k = Math.min(level.maxWords, end); k >= 1; k--) {
    const from = end - k;
    const key = words
      .slice(from, end)
      .map((w) => w.f)
      .join(' ');
    let units = (level.byKey.get(key) ?? []).filter(inScope);
    if (units.length === 0) continue;
    const own = typeBefore(words, from, types);
    let agrees = true;
    if (own.length === 0) {
      if (typeBefore(words, from, ALL_TYPES).length > 0) continue;
      if (untyped === 'never' || (untyped === 'part' && !wholePart(words, from, end))) continue;
    } else {
      const sameType = units.filter((u) => u.type === own.type);
      if (sameType.length > 0) units = sameType;
      else agrees = false;
    }
    // As spelt: "Đông Hòa" is not "Đồng Hòa". A spelling no unit has disagrees only in a text written
    // with diacritics: "Xa An Thanh" may be typed for "Xã An Thành".
    const written = spelling(text, words.slice(from, end));
    const exact = units.filter((u) => unitSpelling(u) === written);
    if (exact.length > 0) units = exact;
    else if (foldText(text) !== text.toLowerCase()) agrees = false;
    // A unit merged before the table was drawn up (no destination) yields its name to the later unit that
    // took it ("Thị trấn Yên Châu"); then a unit's own name wins over another's other name (the table calls
    // 00553 "Xã Đặng Xá", which the register gives to 00541); and a unit found both ways is one unit.
    if (units.some((u) => !u.gone)) units = units.filter((u) => !u.gone);
    if (units.some((u) => !u.other)) units = units.filter((u) => !u.other);
    units = [...new Map(units.map((u) => [u.code, u])).values()];
    return { units, start: from - own.length, end, typed: own.length > 0, agrees };
  }
  return null;
}

/** The comma-separated part before word `at` begins with a commune's type word ("Xã Tân Hòa, …"). */
function afterCommunePart(words: readonly Word[], at: number): boolean {
  let first = at - 1;
  const part = words[first]?.part;
  if (part === undefined || part === words[at]?.part) return false;
  while (first > 0 && words[first - 1]?.part === part) first--;
  return COMMUNE_TYPES.some((type) => type.every((w, i) => words[first + i]?.f === w));
}

const span = (text: string, words: readonly Word[], m: Match | null): string | null =>
  m ? text.slice(wordAt(words, m.start).start, wordAt(words, m.end - 1).end) : null;

/** "Việt Nam" / "VN" at the end is the country: left out before reading the units. */
function withoutCountry(words: Word[]): Word[] {
  const n = words.length;
  if (words[n - 2]?.f === 'viet' && words[n - 1]?.f === 'nam') return words.slice(0, n - 2);
  if (words[n - 1]?.f === 'vietnam' || words[n - 1]?.f === 'vn') return words.slice(0, n - 1);
  return words;
}

/**
 * Reads an address written by a card or a person and says which commune(s) of world `t` (an index of
 * `chain.worlds`) it is now. Precedence, so that names shared by old and new units resolve one way:
 * an address with a district is old; without one, a commune of the named province in force at `t` is
 * read as itself; a name only an earlier world has is read as old and carried forward.
 */
export function resolveAddress(chain: Chain, raw: string, t: number): AddressResolution {
  const none = (note: AddressNoteCode, form: AddressResolution['form'] = 'unknown'): AddressResolution => ({
    form,
    parts: { street: null, commune: null, district: null, province: null },
    candidates: [],
    note,
  });
  // Line breaks part an address as commas do; other control and format characters (NUL, bidi marks)
  // are no letters: spaces, so they reach neither the matching nor the parts shown back.
  const text = raw
    .normalize('NFC')
    .replace(/\r?\n/g, ', ')
    .replace(/[\p{Cc}\p{Cf}]/gu, ' ');
  if (text.trim() === '') return none('empty');
  if (text.length > MAX_ADDRESS_LENGTH) return none('too-long');
  const words = withoutCountry(addressWords(text));
  if (words.length === 0) return none('not-found');

  const target = worldAt(chain, t);
  const candidate = (code: string): AddressCandidate | null => {
    const unit = target.communes.byCode.get(code);
    if (!unit) return null;
    return {
      code,
      name: unit.name,
      province: target.provinces.byCode.get(unit.parent)?.name ?? '',
      provinceCode: unit.parent,
      whole: false,
    };
  };
  const answer = (
    form: 'old' | 'new',
    codes: Set<string>,
    m: { commune: Match | null; district: Match | null; province: Match | null },
    note: AddressNoteCode | null = null,
  ): AddressResolution => {
    // Too many is no list: not even sorted (a dataset may give thousands of communes one name).
    const tooMany = codes.size > MAX_CANDIDATES;
    const list = tooMany ? [] : [...codes].map(candidate).filter((c): c is AddressCandidate => c !== null);
    list.sort((a, b) => byName.compare(a.name, b.name));
    const candidates = list.map((c) => ({ ...c, whole: list.length === 1 }));
    const first = m.commune ?? m.district ?? m.province;
    const street = first
      ? text
          .slice(0, wordAt(words, first.start).start)
          .replace(/[\s,;.\-–]+$/u, '')
          .trim()
      : null;
    return {
      form,
      parts: {
        street: street || null,
        commune: span(text, words, m.commune),
        district: span(text, words, m.district),
        province: span(text, words, m.province),
      },
      candidates,
      // Too many communes answer to the name ("Phường 1" with no province): it is shared, not gone.
      note: tooMany
        ? form === 'new'
          ? 'several-new'
          : 'several-old'
        : candidates.length === 0 && note === null
          ? m.commune
            ? 'not-converted'
            : 'commune-missing'
          : (note ?? (candidates.length > 1 ? 'split' : null)),
    };
  };

  // The province, read from the end in every world: the longest name wins, the newest world on a tie.
  let province: Match | null = null;
  let provinceWorld = -1;
  for (let w = chain.worlds.length - 1; w >= 0; w--) {
    const m = nameEndingAt(
      words,
      text,
      words.length,
      worldAt(chain, w).provinces,
      PROVINCE_TYPES,
      () => true,
      'always',
    );
    if (m && (!province || m.start < province.start)) {
      province = m;
      provinceWorld = w;
    }
  }
  const before = province ? province.start : words.length;
  const scope = province
    ? province.units
        .map((u) => provinceScope(chain, provinceWorld, u.code))
        .reduce((all, s) => all.map((set, i) => new Set([...set, ...(s[i] ?? [])])))
    : null;
  const inProvince = (w: number, code: string) => scope === null || (scope[w]?.has(code) ?? false);
  const m = { province, district: null as Match | null, commune: null as Match | null };

  // 1. With a district: the old world. Written untyped ("Gò Vấp"), it counts with a commune of it, or after
  // a part that begins with a commune's type word: "Phường 19, Gò Vấp" (no such ward, or one merged before
  // the register) asks for the commune, where the new Phường Gò Vấp would be a silent guess.
  const old = worldAt(chain, 0);
  if (old.districts) {
    const district = nameEndingAt(
      words,
      text,
      before,
      old.districts,
      DISTRICT_TYPES,
      (u) => inProvince(0, u.parent),
      'part',
    );
    if (district) {
      const codes = new Set(district.units.map((u) => u.code));
      const commune = nameEndingAt(
        words,
        text,
        district.start,
        old.communes,
        COMMUNE_TYPES,
        (u) => codes.has(u.parent),
        'part',
      );
      if (commune || district.typed || afterCommunePart(words, district.start)) {
        m.district = district;
        m.commune = commune;
        if (commune) {
          const found = carry(
            chain,
            0,
            commune.units.map((u) => u.code),
            t,
          );
          return answer('old', found, m, commune.units.length > 1 ? 'several-old' : null);
        }
        const whole = district.units
          .map((u) => chain.steps[0]?.wholeDistricts.get(u.code))
          .filter((c): c is string => c !== undefined);
        if (whole.length > 0) return answer('old', carry(chain, 1, whole, t), m);
        return answer('old', new Set(), m, 'commune-missing');
      }
    }
  }

  // 2. Without a district: a commune in force, then one of each earlier world, newest first. A newer
  // commune that only shares the folded letters of what is written (another type word, other diacritics)
  // yields to an earlier one written exactly so: "Phường Trần Phú, Hà Nội" is the old ward (split in
  // 2025), not the new Xã Trần Phú; with no such earlier one it stands.
  let found: { w: number; commune: Match } | null = null;
  for (let w = t; w >= 0; w--) {
    const world = worldAt(chain, w);
    const commune = nameEndingAt(
      words,
      text,
      before,
      world.communes,
      COMMUNE_TYPES,
      (u) => inProvince(w, provinceOf(world, u)),
      province !== null ? 'part' : 'never',
    );
    if (!commune || (found && !commune.agrees)) continue;
    found = { w, commune };
    if (commune.agrees) break;
  }
  if (found) {
    const { w, commune } = found;
    m.commune = commune;
    const codes = carry(
      chain,
      w,
      commune.units.map((u) => u.code),
      t,
    );
    const form = w === t ? 'new' : 'old';
    const several = commune.units.length > 1 ? (w === t ? 'several-new' : 'several-old') : null;
    return answer(form, codes, m, several);
  }

  // 3. A district written with its type word that the old world does not know: one dissolved on 1 January
  // 2025, before the register the dataset was drawn from ("Huyện Mỹ Lộc", "Thành phố Huế" of the old
  // Thừa Thiên Huế), whose communes the register has under another district. The address is old: its
  // commune, written just before that district, is looked for among the old communes of the province.
  if (province && old.districts) {
    for (let at = before - 2; at > 0; at--) {
      const type = DISTRICT_TYPES.find((ty) => ty.every((w, i) => words[at + i]?.f === w));
      if (!type || at + type.length >= before) continue;
      // A district some other province has: the province is wrong, or the district; not gone.
      const name = words
        .slice(at + type.length, before)
        .map((w) => w.f)
        .join(' ');
      if (old.districts.byKey.has(name)) break;
      const commune = nameEndingAt(
        words,
        text,
        at,
        old.communes,
        COMMUNE_TYPES,
        (u) => inProvince(0, provinceOf(old, u)),
        'part',
      );
      // Its district unknown, the commune must be written as it is: "Xã Phú Hội" is not "Phường Phú Hội".
      if (!commune?.agrees) continue;
      m.district = { units: [], start: at, end: before, typed: true, agrees: false };
      m.commune = commune;
      const codes = carry(
        chain,
        0,
        commune.units.map((u) => u.code),
        t,
      );
      return answer('old', codes, m, commune.units.length > 1 ? 'several-old' : null);
    }
  }

  if (province) return answer(provinceWorld === t ? 'new' : 'old', new Set(), m, 'commune-missing');
  return none('not-found');
}
