import { findTooDeep } from '../depth';
import { dossierErrors } from './messages';

/**
 * What a citizen types into a dossier is printed on receipts, shown on staff screens and sent to the
 * portal, so it must be plain text. Rather than quietly cleaning it (and storing something other than
 * what the person saw), a string with markup or control characters is refused, naming the field, and
 * nothing is stored.
 *
 * - Markup: `<` followed directly by a letter, `/`, `!` or `?` (a tag, a closing tag, a comment, a
 *   processing instruction), which is how an HTML parser starts a tag. "số 3 < số 5" is ordinary text.
 * - Control characters: C0 and C1 controls except tab and line breaks (a multi-line address is fine),
 *   and the bidirectional overrides that make text display in an order other than it is stored.
 * - U+FFFD, the replacement character: nobody types it; it is what text that was not UTF-8 became on its
 *   way here (a mangled paste). Refused, it also marks stored text changed on disk (damage.ts).
 */
const MARKUP = /<[A-Za-z!/?]/;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFFFD]/;

/** Nesting deeper than any e-form needs is refused (a crafted payload could exhaust the stack). */
const MAX_DEPTH = 12;
/** The whole form as JSON; a birth registration with three people is a few kilobytes. */
export const MAX_FORM_CHARS = 200_000;

/** True when `value` is plain text by the rules above (also used for rating reasons). */
export const isPlainText = (value: string): boolean => !CONTROL.test(value) && !MARKUP.test(value);

function checkString(value: string, path: string): void {
  if (CONTROL.test(value)) throw dossierErrors.control(path);
  if (MARKUP.test(value)) throw dossierErrors.markup(path);
}

/** Walks a JSON value; the first bad string (or key) throws with its path, e.g. `data.child.fullName`. */
export function checkPlainText(value: unknown, path: string, depth = 0): void {
  if (depth > MAX_DEPTH) throw dossierErrors.tooBig(path);
  if (typeof value === 'string') return checkString(value, path);
  if (Array.isArray(value)) {
    value.forEach((item, i) => checkPlainText(item, `${path}.${i}`, depth + 1));
    return;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      checkString(key, `${path}.${key}`);
      checkPlainText(item, `${path}.${key}`, depth + 1);
    }
  }
}

/**
 * The depth part of `checkPlainText`, without recursion, for a dossier.update or dossier.correct input
 * before the contract parses it (main/core/input-guard.ts): the schema's own walk is recursive, so a form
 * nested thousands deep must be refused before it, with the same error and path as at depth 13.
 */
export function checkFormNesting(input: unknown): void {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return;
  for (const [key, value] of Object.entries(input)) {
    if (key !== 'data' && key !== 'delivery' && key !== 'contact') continue;
    const problem = findTooDeep(value, MAX_DEPTH);
    if (problem?.kind === 'deep') throw dossierErrors.tooBig([key, ...problem.path].join('.'));
  }
}

/** JSON text of a section, refused when too large. */
export function toJson(value: unknown, path: string): string {
  const text = JSON.stringify(value);
  if (text.length > MAX_FORM_CHARS) throw dossierErrors.tooBig(path);
  return text;
}
