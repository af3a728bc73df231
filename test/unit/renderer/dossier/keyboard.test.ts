// The on-screen keyboard's editing rules: Telex through the keys one by one, the caret, selections,
// backspace, limits, which keyboard a field gets, and keeping the field above the keyboard.
import { describe, expect, it } from 'vitest';
import {
  backspace,
  keyboardKind,
  normalise,
  typeKey,
  wordBefore,
  type EditState,
  type FieldTraits,
} from '../../../../renderer/src/components/keyboard/editing';
import {
  keyText,
  nextShift,
  scrollDelta,
  symbolName,
} from '../../../../renderer/src/components/keyboard/layout';

const on = { telex: true, toneStyle: 'modern' as const };
const off = { telex: false, toneStyle: 'modern' as const };

/** Presses each key in turn on an empty field, as the person would on the screen. */
function press(keys: string, options = on, start: EditState = { value: '', start: 0, end: 0 }): EditState {
  let state = start;
  for (const key of keys) state = typeKey(state, key, options);
  return state;
}

describe('typing Telex on the on-screen keyboard', () => {
  it.each([
    ['Nguyeenx', 'Nguyễn'],
    ['dd', 'đ'],
    ['uow', 'ươ'],
    ['Traanf Thij Hoaf', 'Trần Thị Hoà'],
    ['Nguyeenx Vawn An', 'Nguyễn Văn An'],
    ['Phuwowngf', 'Phường'],
    ['Hoof Chis Minh', 'Hồ Chí Minh'],
    ['khoer', 'khoẻ'],
    ['DDaof', 'Đào'],
  ])('%s → %s', (keys, expected) => {
    const state = press(keys);
    expect(state.value).toBe(expected);
    expect(state.start).toBe(expected.length);
  });

  it('with Telex off, letters stay as typed', () => {
    expect(press('Nguyeenx', off).value).toBe('Nguyeenx');
  });

  it('digits and punctuation end a word, so an address keeps its numbers', () => {
    expect(press('Soos 12, phoos Hangf Bacj').value).toBe('Số 12, phố Hàng Bạc');
  });

  it('types where the caret is and only changes the word before it', () => {
    const start = { value: 'Nguyn Văn', start: 4, end: 4 };
    const state = typeKey(start, 'e', on);
    expect(state.value).toBe('Nguyen Văn');
    expect(state.start).toBe(5);
    const marked = typeKey(typeKey(state, 'e', on), 'x', on);
    expect(marked.value).toBe('Nguyễn Văn');
  });

  it('replaces a selection', () => {
    const state = typeKey({ value: 'An Bình', start: 3, end: 7 }, 'B', on);
    expect(state.value).toBe('An B');
  });

  it('never goes past the field’s maxlength', () => {
    const full = { value: '12345', start: 5, end: 5 };
    expect(typeKey(full, '6', { ...off, maxLength: 5 })).toEqual(full);
    // A Telex change that keeps the length is still allowed at the limit.
    expect(typeKey({ value: 'aa', start: 1, end: 1 }, 'a', { ...on, maxLength: 2 }).value).toBe('âa');
  });

  it('the word before the caret is its letters only', () => {
    expect(wordBefore('Số 12 Nguyễn', 12)).toBe('Nguyễn');
    expect(wordBefore('Số 12', 5)).toBe('');
  });
});

describe('backspace and selections', () => {
  it('removes one letter before the caret, a whole Vietnamese letter at a time', () => {
    expect(backspace({ value: 'Nguyễn', start: 6, end: 6 })).toEqual({ value: 'Nguyễ', start: 5, end: 5 });
    expect(backspace({ value: 'ab', start: 0, end: 0 })).toEqual({ value: 'ab', start: 0, end: 0 });
  });
  it('removes a selection', () => {
    expect(backspace({ value: 'Hà Nội', start: 0, end: 3 })).toEqual({ value: 'Nội', start: 0, end: 0 });
  });
  it('treats a field without selection (email, number) as a caret at the end', () => {
    expect(normalise('abc', null, null)).toEqual({ value: 'abc', start: 3, end: 3 });
    expect(normalise('abc', 9, 1)).toEqual({ value: 'abc', start: 3, end: 3 });
  });
});

describe('which keyboard a field gets', () => {
  const field = (traits: Partial<FieldTraits>): FieldTraits => ({
    tag: 'input',
    type: 'text',
    inputMode: '',
    readOnly: false,
    disabled: false,
    osk: null,
    ...traits,
  });
  it.each([
    [field({}), 'text'],
    [field({ tag: 'textarea', type: '' }), 'text'],
    [field({ type: 'email' }), 'text'],
    [field({ type: 'search' }), 'text'],
    [field({ type: 'tel' }), 'numeric'],
    [field({ type: 'number' }), 'numeric'],
    [field({ inputMode: 'numeric' }), 'numeric'],
    [field({ osk: 'numeric' }), 'numeric'],
    [field({ type: 'checkbox' }), null],
    [field({ type: 'radio' }), null],
    [field({ readOnly: true }), null],
    [field({ disabled: true }), null],
    [field({ osk: 'off' }), null],
    [field({ tag: 'select' }), null],
  ] as const)('%o → %s', (traits, kind) => {
    expect(keyboardKind(traits)).toBe(kind);
  });
});

describe('shift and symbols', () => {
  it('cycles off → once → lock → off and shifts letters only when on', () => {
    expect(nextShift('off')).toBe('once');
    expect(nextShift('once')).toBe('lock');
    expect(nextShift('lock')).toBe('off');
    expect(keyText('a', 'once')).toBe('A');
    expect(keyText('a', 'off')).toBe('a');
    expect(keyText('1', 'lock')).toBe('1');
  });
  it('names symbol keys for test ids', () => {
    expect(symbolName('@')).toBe('at');
    expect(symbolName('/')).toBe('slash');
  });
});

describe('keeping the field visible above the keyboard', () => {
  const visible = { top: 150, bottom: 700 };
  it('does nothing when the field already fits', () => {
    expect(scrollDelta({ top: 300, bottom: 360 }, visible)).toBe(0);
  });
  it('scrolls down when the field is under the keyboard', () => {
    expect(scrollDelta({ top: 800, bottom: 860 }, visible)).toBe(860 - (700 - 24));
  });
  it('scrolls up when the field is under the sticky header', () => {
    expect(scrollDelta({ top: 100, bottom: 160 }, visible)).toBe(100 - (150 + 24));
  });
  it('aligns a field taller than the gap to its top', () => {
    expect(scrollDelta({ top: 400, bottom: 1200 }, visible)).toBe(400 - 174);
  });
});
