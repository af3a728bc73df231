import type { Procedure, ProcedureSummary } from '../../../preload/api';
import { fold, words } from './fold';

/**
 * The search index over a catalogue. Folded names are computed once when a catalogue is loaded, so a
 * keystroke on the kiosk costs a few string comparisons per procedure, not a Unicode normalisation.
 */
interface Entry {
  summary: ProcedureSummary;
  position: number;
  code: string;
  /** Vietnamese name, field and English name, field: each folded, as a phrase and as words. */
  vi: Haystack;
  en: Haystack;
  fieldKeys: Set<string>;
}

interface Haystack {
  name: string;
  /** The name with a leading space, to find a phrase at a word start without building a string. */
  spaced: string;
  nameWords: string[];
  /** Without spaces, for people who type "khaisinh". */
  compact: string;
  fieldWords: string[];
}

export interface SearchIndex {
  search(query?: string, field?: string): ProcedureSummary[];
  fields(): { field: string; fieldEn: string; count: number }[];
}

export function summaryOf(p: Procedure): ProcedureSummary {
  return {
    id: p.id,
    code: p.code,
    name: p.name,
    nameEn: p.nameEn,
    field: p.field,
    fieldEn: p.fieldEn,
    level: p.level,
    processingDays: p.processingDays,
    fee: { amount: p.fee.amount, text: p.fee.text },
  };
}

function haystack(name: string, field: string): Haystack {
  const folded = fold(name);
  return {
    name: folded,
    spaced: ` ${folded}`,
    nameWords: words(name),
    compact: folded.replace(/ /g, ''),
    fieldWords: words(field),
  };
}

const startsAny = (list: string[], word: string) => list.some((w) => w.startsWith(word));

/** Every query word must begin a word of the name or the field, or begin the code. */
function allWordsMatch(h: Haystack, code: string, query: string[]): boolean {
  return query.every((q) => startsAny(h.nameWords, q) || startsAny(h.fieldWords, q) || code.startsWith(q));
}

interface Query {
  phrase: string;
  spaced: string;
  compact: string;
  words: string[];
}

/**
 * Lower is better: 0 the whole name or the code, 1 the name starts with the phrase, 2 the phrase is in
 * the name, 3 every word matches somewhere, null no match.
 */
function rank(entry: Entry, q: Query): number | null {
  const { phrase, spaced, compact, words: query } = q;
  if (entry.code === phrase) return 0;
  let best: number | null = null;
  for (const h of [entry.vi, entry.en]) {
    let r: number | null = null;
    if (h.name === phrase) r = 0;
    else if (h.name.startsWith(phrase)) r = 1;
    else if (h.spaced.includes(spaced)) r = 2;
    else if (allWordsMatch(h, entry.code, query)) r = 3;
    else if (compact.length >= 4 && h.compact.includes(compact)) r = 3;
    if (r !== null && (best === null || r < best)) best = r;
  }
  return best;
}

export function buildIndex(procedures: readonly Procedure[]): SearchIndex {
  const entries: Entry[] = procedures.map((p, position) => ({
    summary: summaryOf(p),
    position,
    code: p.code.toLowerCase(),
    vi: haystack(p.name, p.field),
    en: haystack(p.nameEn, p.fieldEn),
    fieldKeys: new Set([fold(p.field), fold(p.fieldEn)]),
  }));

  return {
    search(query = '', field) {
      const wanted = field === undefined || fold(field) === '' ? null : fold(field);
      const pool = wanted === null ? entries : entries.filter((e) => e.fieldKeys.has(wanted));
      const phrase = fold(query);
      if (phrase === '') return pool.map((e) => e.summary);
      const q: Query = {
        phrase,
        spaced: ` ${phrase}`,
        compact: phrase.replace(/ /g, ''),
        words: phrase.split(' '),
      };
      const hits: { entry: Entry; rank: number }[] = [];
      for (const entry of pool) {
        const r = rank(entry, q);
        if (r !== null) hits.push({ entry, rank: r });
      }
      hits.sort((a, b) => a.rank - b.rank || a.entry.position - b.entry.position);
      return hits.map((h) => h.entry.summary);
    },
    fields() {
      const byField = new Map<string, { field: string; fieldEn: string; count: number }>();
      for (const e of entries) {
        const found = byField.get(e.summary.field);
        if (found) found.count += 1;
        else byField.set(e.summary.field, { field: e.summary.field, fieldEn: e.summary.fieldEn, count: 1 });
      }
      return [...byField.values()];
    },
  };
}
