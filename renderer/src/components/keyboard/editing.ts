/**
 * What one on-screen key does to a text field, as a pure function of the field's value and selection, so
 * the keyboard component only reads the field, calls these, and writes the result back.
 *
 * Telex works on the word that ends at the caret: the letters typed so far in that word are handed to the
 * existing pure `applyKey` (lib/telex.ts) with the new key, and the word is replaced by its answer. So
 * "Nguyeenx" becomes "Nguyễn" key by key, and a correction in the middle of a name only touches the word
 * being typed.
 */
import { applyKey, type ToneStyle } from '../../lib/telex';

export interface EditState {
  value: string;
  /** Selection start and end (equal: a caret). */
  start: number;
  end: number;
}

export interface TypeOptions {
  telex: boolean;
  toneStyle: ToneStyle;
  /** The field's maxlength, when it has one: keys past it are ignored rather than cutting the text. */
  maxLength?: number;
}

/** Clamp a selection that the DOM may report as null (type=email/number) or out of range. */
export function normalise(value: string, start: number | null, end: number | null): EditState {
  const s = Math.min(Math.max(start ?? value.length, 0), value.length);
  const e = Math.min(Math.max(end ?? s, s), value.length);
  return { value, start: s, end: e };
}

function replaceSelection(state: EditState, text: string): EditState {
  const value = state.value.slice(0, state.start) + text + state.value.slice(state.end);
  const caret = state.start + text.length;
  return { value, start: caret, end: caret };
}

/** The letters of the word that ends at `index` (Vietnamese letters included, NFC). */
export function wordBefore(value: string, index: number): string {
  const match = /[\p{L}\p{M}]+$/u.exec(value.slice(0, index));
  return match ? match[0] : '';
}

/** Type one character key (a letter, digit or symbol). */
export function typeKey(state: EditState, key: string, options: TypeOptions): EditState {
  const cleared = state.start === state.end ? state : replaceSelection(state, '');
  const limit = options.maxLength;
  if (options.telex && /^[A-Za-z]$/.test(key)) {
    const word = wordBefore(cleared.value, cleared.start);
    const next = applyKey(word, key, { toneStyle: options.toneStyle }).normalize('NFC');
    const head = cleared.value.slice(0, cleared.start - word.length);
    const tail = cleared.value.slice(cleared.start);
    const value = head + next + tail;
    if (limit !== undefined && limit >= 0 && value.length > limit) return state;
    const caret = head.length + next.length;
    return { value, start: caret, end: caret };
  }
  if (limit !== undefined && limit >= 0 && cleared.value.length + key.length > limit) return state;
  return replaceSelection(cleared, key);
}

/** Backspace: the selection, else the one character (code point) before the caret. */
export function backspace(state: EditState): EditState {
  if (state.start !== state.end) return replaceSelection(state, '');
  if (state.start === 0) return state;
  const before = Array.from(state.value.slice(0, state.start));
  before.pop();
  const head = before.join('');
  return { value: head + state.value.slice(state.start), start: head.length, end: head.length };
}

/** "Xoá hết": an empty field. */
export function clearAll(): EditState {
  return { value: '', start: 0, end: 0 };
}

/** Which keyboard a field wants: letters, a number pad, or none (not a text field). */
export type KeyboardKind = 'text' | 'numeric';

/** The attributes that decide it, read from the element (kept apart from the DOM for tests). */
export interface FieldTraits {
  tag: string;
  type: string;
  inputMode: string;
  readOnly: boolean;
  disabled: boolean;
  /** `data-osk`: "off" opts a field out, "numeric" / "text" forces a kind. */
  osk: string | null;
}

const TEXT_TYPES = new Set(['text', 'search', 'email', 'url', 'password', '']);
const NUMERIC_TYPES = new Set(['number', 'tel']);
const NUMERIC_MODES = new Set(['numeric', 'tel', 'decimal']);

export function keyboardKind(traits: FieldTraits): KeyboardKind | null {
  if (traits.readOnly || traits.disabled || traits.osk === 'off') return null;
  if (traits.osk === 'numeric' || traits.osk === 'text') return traits.osk;
  if (traits.tag === 'textarea') return 'text';
  if (traits.tag !== 'input') return null;
  const type = traits.type.toLowerCase();
  if (NUMERIC_TYPES.has(type) || NUMERIC_MODES.has(traits.inputMode.toLowerCase())) return 'numeric';
  return TEXT_TYPES.has(type) ? 'text' : null;
}
