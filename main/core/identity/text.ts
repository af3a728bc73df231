/** Text checks shared by the scan parsers: size, wedge-scanner mangling, control characters, dates. */

/**
 * Windows-1252 characters that stand for the bytes 0x80–0x9F. UTF-8 continuation bytes decoded as
 * cp1252 (what a keyboard-wedge scanner or a Windows app does to "đ" = C4 91) come out as these.
 */
const CP1252_HIGH = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';

/**
 * True when the text carries the marks of UTF-8 read as Latin-1/cp1252 ("Ã¡", "á»", "Ä‘") or of bytes
 * that were not UTF-8 at all (U+FFFD). The test is a lead byte of a multi-byte UTF-8 sequence (Â–ô)
 * followed by what a continuation byte (0x80–0xBF) turns into: no Vietnamese word has that pair, since
 * every Vietnamese letter outside ASCII is either ≥ U+00C0 or beyond Latin-1 entirely.
 */
export function looksMangled(text: string): boolean {
  if (text.includes('\uFFFD')) return true;
  for (let i = 0; i + 1 < text.length; i++) {
    const lead = text.charCodeAt(i);
    if (lead < 0xc2 || lead > 0xf4) continue;
    const next = text.charAt(i + 1);
    const code = next.charCodeAt(0);
    if ((code >= 0x80 && code <= 0xbf) || CP1252_HIGH.includes(next)) return true;
  }
  return false;
}

// C0 controls, DEL and C1 controls. Checked per field, so line breaks between MRZ lines never get here.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2066-\u2069]/;

/** Control characters, bidi overrides and zero-width characters have no place in a printed field. */
export function hasControl(text: string): boolean {
  return CONTROL.test(text);
}

export function hasMarkup(text: string): boolean {
  return /[<>]/.test(text);
}

export function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** YYYY-MM-DD when the day exists (31/02 and 29/02 of a common year do not), else null. */
export function isoDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || year < 1 || year > 9999) return null;
  const d = new Date(Date.UTC(2000, month - 1, day));
  d.setUTCFullYear(year);
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
