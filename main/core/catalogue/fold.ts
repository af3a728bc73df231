import { removeDiacritics } from '../diacritics';

/**
 * Folding Vietnamese text for search: people type "dang ky khai sinh" on a keyboard without Telex as
 * often as "Đăng ký khai sinh", so both must meet on the same letters (main/core/diacritics.ts), in lower
 * case, as words. The i/y spelling is search's own (`iyCanonical`, below), applied per word by the index.
 */
export function fold(text: string): string {
  return (
    removeDiacritics(text)
      // The other combining marks (spacing, enclosing: none in Vietnamese) join their word, not split it.
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      // Keep dots only between digits, so procedure codes such as 1.001193 stay one word.
      .replace(/(?<!\d)\.|\.(?!\d)/g, ' ')
      .replace(/[^\p{L}\p{N}.]+/gu, ' ')
      .trim()
  );
}

/** The folded words of a text, in order. */
export function words(text: string): string[] {
  const folded = fold(text);
  return folded === '' ? [] : folded.split(' ');
}

/**
 * A folded syllable whose only vowel is a final i or y after h, k, l, m, n, s, t or v: the letters after
 * which Vietnamese writes the same sound either way ("kí/ký", "lí lịch/lý lịch", "Mĩ/Mỹ", "hi/hy sinh",
 * "tỉ/tỷ", "bác sĩ/sỹ"), the choice being the writer's (Hoàng Phê's dictionary prefers i; older
 * Sino-Vietnamese usage and most official names keep y). Nowhere else: after u the letters differ ("tuy" is
 * not "tui", "huy" not "hui"); after qu, y begins longer rhymes ("quyền", "quyết"), so a "qui" respelt
 * "quy" would find them; after th, ch, ph, gh … only i is written; and a syllable with more after the i
 * ("kinh", "liên") is another word.
 */
const IY_SYLLABLE = /^[hklmnstv][iy]$/;

/**
 * The spelling-neutral form of one folded word: a syllable above ends in y ("ki" → "ky"). y, not i: after
 * these consonants y always ends its syllable, so a query "ky" never prefix-matches "kinh".
 */
export function iyCanonical(word: string): string {
  return IY_SYLLABLE.test(word) ? `${word.slice(0, -1)}y` : word;
}
