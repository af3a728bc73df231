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

/** Shift once (next letter), locked (caps), or off. Tapping shift cycles off → once → lock → off. */
export type ShiftState = 'off' | 'once' | 'lock';

export function nextShift(state: ShiftState): ShiftState {
  return state === 'off' ? 'once' : state === 'once' ? 'lock' : 'off';
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
