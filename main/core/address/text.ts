/**
 * Address text as cards and people write it, turned into comparable words.
 *
 * Every word keeps where it stands in the text (so the parts "as found" are the person's own letters)
 * and which comma-separated part it is in. Words are folded (no diacritics, đ → d, lower case), numbers
 * lose leading zeros ("Phường 01" is "Phường 1"), and the abbreviations of unit types are spelt out:
 * "P." / "F" → phường, "Q." → quận, "H." → huyện, "X." → xã, "TT." → thị trấn, "TX." → thị xã,
 * "TP." → thành phố, also glued to a number ("P12", "Q.3").
 */

import { removeDiacritics } from '../diacritics';

export interface Word {
  /** Folded: "phuong", "ba", "dinh", "12". */
  readonly f: string;
  /** Where the word's letters start and end in the text. */
  readonly start: number;
  readonly end: number;
  /** Which comma-separated part of the text the word is in. */
  readonly part: number;
}

/** Folded for comparison: the one diacritic fold (core/diacritics.ts), then lower case. */
export const foldText = (text: string): string => removeDiacritics(text).toLowerCase();

/** Abbreviated type words, each spelt out as the words of the full type. */
const ABBREVIATIONS: ReadonlyMap<string, readonly string[]> = new Map([
  ['p', ['phuong']],
  ['f', ['phuong']],
  ['q', ['quan']],
  ['h', ['huyen']],
  ['x', ['xa']],
  ['tt', ['thi', 'tran']],
  ['tx', ['thi', 'xa']],
  ['tp', ['thanh', 'pho']],
]);

/** A type letter glued to a number: "P12", "F.7" is split by the dot already, "Q3". */
const GLUED = /^(p|f|q)(\d+)$/;

/** Longest text looked at: an address on a card is under 200 characters. */
export const MAX_ADDRESS_LENGTH = 300;

export function addressWords(text: string, fold: (word: string) => string = foldText): Word[] {
  const out: Word[] = [];
  let part = 0;
  let last = 0;
  // Letters (with their marks) and digits make words; everything else separates them.
  for (const m of text.matchAll(/[\p{L}\p{M}\p{N}]+/gu)) {
    const start = m.index;
    const end = start + m[0].length;
    if (/[,;\n|]/.test(text.slice(last, start))) part++;
    last = end;
    const f = fold(m[0]);
    const glued = GLUED.exec(f);
    const spelt =
      glued?.[1] && glued[2]
        ? [...(ABBREVIATIONS.get(glued[1]) ?? []), glued[2]]
        : (ABBREVIATIONS.get(f) ?? [f]);
    for (const w of spelt) out.push({ f: /^\d+$/.test(w) ? String(Number(w)) : w, start, end, part });
  }
  return out;
}
