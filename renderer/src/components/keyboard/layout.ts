/**
 * The letter keyboard's rows (QWERTY, as on every Vietnamese phone and PC: Telex is typed on it) and the
 * arithmetic that keeps the focused field visible above the keyboard. Pure, for tests.
 */

export const LETTER_ROWS: readonly (readonly string[])[] = [
  ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'],
  ['q', 'w', 'e', 'r', 't', 'y', 'u', 'i', 'o', 'p'],
  ['a', 's', 'd', 'f', 'g', 'h', 'j', 'k', 'l'],
  ['z', 'x', 'c', 'v', 'b', 'n', 'm'],
];

/** Punctuation people need in names, addresses and e-mail addresses; nothing more, to keep keys large. */
export const SYMBOL_KEYS: readonly string[] = [',', '.', '-', '/', '@'];

/** A name for a symbol key usable in a test id. */
export function symbolName(key: string): string {
  const names: Record<string, string> = { ',': 'comma', '.': 'dot', '-': 'dash', '/': 'slash', '@': 'at' };
  return names[key] ?? key;
}

/**
 * Shift once (next letter), locked (caps), or off; `auto` is a shift for the next letter the keyboard set
 * itself, where the field wants a capital (below). Tapping shift cycles off → once → lock → off; an
 * automatic shift is undone by one tap (a lower-case letter where a capital was expected).
 */
export type ShiftState = 'off' | 'once' | 'lock' | 'auto';

export function nextShift(state: ShiftState): ShiftState {
  return state === 'off' ? 'once' : state === 'once' ? 'lock' : 'off';
}

/**
 * Whether the letter typed at `caret` should be a capital by itself, as the field's `autocapitalize`
 * says: `words` (a person's, an ethnic group's or a country's name: each word), `sentences` (the start of
 * the text, or after . ! ?). Anything else: never. Saves the Shift a person new to keyboards looks for.
 */
export function capitalHere(value: string, caret: number, mode: string): boolean {
  const before = value.slice(0, caret);
  if (mode === 'words') return before === '' || /\s$/u.test(before);
  if (mode === 'sentences') return before.trim() === '' || /[.!?]\s+$/u.test(before);
  return false;
}

/**
 * The shift after an edit (`letter`: a letter was typed) or on a new field: a lock stays; a shift the
 * person pressed waits for its letter; else an automatic shift where a capital is wanted, else off.
 */
export function shiftAfter(state: ShiftState, letter: boolean, wantsCapital: boolean): ShiftState {
  if (state === 'lock') return 'lock';
  if (state === 'once' && !letter) return 'once';
  return wantsCapital ? 'auto' : 'off';
}

/** What a letter key types under the shift state (digits and symbols are not shifted). */
export function keyText(key: string, shift: ShiftState): string {
  return shift === 'off' ? key : key.toUpperCase();
}

/**
 * How far to scroll so the field sits between the sticky header and the keyboard, with a margin. Positive
 * scrolls down. 0 when it already fits; a field taller than the gap is aligned to its top.
 */
export function scrollDelta(
  field: { top: number; bottom: number },
  visible: { top: number; bottom: number },
  margin = 24,
): number {
  const top = visible.top + margin;
  const bottom = visible.bottom - margin;
  if (field.bottom - field.top > bottom - top) return field.top - top;
  if (field.bottom > bottom) return field.bottom - bottom;
  if (field.top < top) return field.top - top;
  return 0;
}
