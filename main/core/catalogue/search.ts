import type { Procedure, ProcedureSummary } from '../../../preload/api';
import { fold, iyCanonical, words } from './fold';

/**
 * The search index over a catalogue. Folded names are computed once when a catalogue is loaded, so a
 * keystroke on the kiosk costs a few string comparisons per procedure, not a Unicode normalisation.
 */
interface Entry {
  summary: ProcedureSummary;
  position: number;
  code: string;
  /** Vietnamese name and field, and English name and field: each folded, as a phrase and as words. */
  vi: Haystack;
  en: Haystack;
  fieldKeys: Set<string>;
}

interface Haystack {
  /** As folded. */
  raw: Forms;
  /**
   * Vietnamese only: with every i/y syllable in one spelling (`iyCanonical`: "kí" and "ký" both "ky"), or
   * null when no word changed. English words are never respelt.
   */
  canon: Forms | null;
}

interface Forms {
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

function forms(nameWords: string[], fieldWords: string[]): Forms {
  const name = nameWords.join(' ');
  return { name, spaced: ` ${name}`, nameWords, compact: nameWords.join(''), fieldWords };
}

function haystack(name: string, field: string, respell: boolean): Haystack {
  const nameWords = words(name);
  const fieldWords = words(field);
  const raw = forms(nameWords, fieldWords);
  if (!respell) return { raw, canon: null };
  const canonName = nameWords.map(iyCanonical);
  const canonField = fieldWords.map(iyCanonical);
  const changed =
    canonName.some((w, i) => w !== nameWords[i]) || canonField.some((w, i) => w !== fieldWords[i]);
  return { raw, canon: changed ? forms(canonName, canonField) : null };
}

const startsAny = (list: string[], word: string) => list.some((w) => w.startsWith(word));

/** Every query word must begin a word of the name or the field, or begin the code. */
function allWordsMatch(h: Forms, code: string, query: string[]): boolean {
  return query.every((q) => startsAny(h.nameWords, q) || startsAny(h.fieldWords, q) || code.startsWith(q));
}

interface QueryForms {
  phrase: string;
  spaced: string;
  compact: string;
  words: string[];
}

interface Query {
  raw: QueryForms;
  /** With i/y syllables respelt as in `Haystack.canon`; null when no word changed. */
  canon: QueryForms | null;
}

function queryForms(words: string[]): QueryForms {
  const phrase = words.join(' ');
  return { phrase, spaced: ` ${phrase}`, compact: words.join(''), words };
}

function rankForms(h: Forms, code: string, q: QueryForms): number | null {
  const { phrase, spaced, compact, words: query } = q;
  if (h.name === phrase) return 0;
  if (h.name.startsWith(phrase)) return 1;
  if (h.spaced.includes(spaced)) return 2;
  if (allWordsMatch(h, code, query)) return 3;
  if (compact.length >= 4 && h.compact.includes(compact)) return 3;
  return null;
}

const better = (a: number | null, b: number | null): number | null =>
  a === null ? b : b === null ? a : Math.min(a, b);

/**
 * Lower is better: 0 the whole name or the code, 1 the name starts with the phrase, 2 the phrase is in
 * the name, 3 every word matches somewhere, null no match. A Vietnamese name is matched as written and,
 * when either side has an i/y syllable, in the common spelling too, so "đăng kí" finds "Đăng ký …"; the
 * text as written still counts, so typing "ki" on the way to "kinh" finds "kinh doanh" as before.
 */
function rank(entry: Entry, q: Query): number | null {
  if (entry.code === q.raw.phrase) return 0;
  let best = better(rankForms(entry.vi.raw, entry.code, q.raw), rankForms(entry.en.raw, entry.code, q.raw));
  if (entry.vi.canon !== null || q.canon !== null)
    best = better(best, rankForms(entry.vi.canon ?? entry.vi.raw, entry.code, q.canon ?? q.raw));
  return best;
}

export function buildIndex(procedures: readonly Procedure[]): SearchIndex {
  const entries: Entry[] = procedures.map((p, position) => ({
    summary: summaryOf(p),
    position,
    code: p.code.toLowerCase(),
    vi: haystack(p.name, p.field, true),
    en: haystack(p.nameEn, p.fieldEn, false),
    fieldKeys: new Set([fold(p.field), fold(p.fieldEn)]),
  }));

  return {
    search(query = '', field) {
      const wanted = field === undefined || fold(field) === '' ? null : fold(field);
      const pool = wanted === null ? entries : entries.filter((e) => e.fieldKeys.has(wanted));
      const queryWords = words(query);
      if (queryWords.length === 0) return pool.map((e) => e.summary);
      const canonWords = queryWords.map(iyCanonical);
      const q: Query = {
        raw: queryForms(queryWords),
        canon: canonWords.some((w, i) => w !== queryWords[i]) ? queryForms(canonWords) : null,
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
