/**
 * The on-screen keyboard's only contact with the DOM field it types into.
 *
 * React keeps its own copy of a controlled input's value: assigning `element.value` directly is undone on
 * the next render and fires no onChange. Setting the value through the prototype's native setter and then
 * dispatching a bubbling `input` event is what a real keystroke does, so React (and rjsf) see a change
 * (the same technique as hooks/useScan.ts).
 */
import { keyboardKind, normalise, type EditState, type KeyboardKind } from './editing';

export type Editable = HTMLInputElement | HTMLTextAreaElement;

export function asEditable(target: EventTarget | null): Editable | null {
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLInputElement) return target;
  return null;
}

export function kindOf(element: Editable): KeyboardKind | null {
  return keyboardKind({
    tag: element.tagName.toLowerCase(),
    type: element instanceof HTMLInputElement ? element.type : 'textarea',
    inputMode: element.inputMode,
    readOnly: element.readOnly,
    disabled: element.disabled,
    osk: element.getAttribute('data-osk'),
  });
}

/** The field's value and selection; type=email/number report no selection, so the caret is the end. */
export function readState(element: Editable): EditState {
  let start: number | null = null;
  let end: number | null = null;
  try {
    start = element.selectionStart;
    end = element.selectionEnd;
  } catch {
    // Some input types throw on selection access; typing then happens at the end.
  }
  return normalise(element.value, start, end);
}

export function writeState(element: Editable, next: EditState): void {
  if (element.value !== next.value) {
    const proto =
      element instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
    const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
    if (setter) setter.call(element, next.value);
    else element.value = next.value;
    element.dispatchEvent(new Event('input', { bubbles: true }));
  }
  try {
    // A controlled field may have reformatted the value (a date gains its slashes): keep the caret inside.
    const caret = Math.min(next.start, element.value.length);
    element.setSelectionRange(caret, Math.min(next.end, element.value.length));
  } catch {
    // type=email/number have no selection API.
  }
}

export function maxLengthOf(element: Editable): number | undefined {
  return element.maxLength > 0 ? element.maxLength : undefined;
}
