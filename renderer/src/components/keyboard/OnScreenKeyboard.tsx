/**
 * The on-screen Vietnamese keyboard of the citizen kiosk (a touch screen with no physical keyboard).
 *
 * It watches focus on the page: a text field gets the letter keyboard (QWERTY with Telex), a number, phone
 * or date field the number pad. It slides up from the bottom, pads the page by its own height and scrolls
 * the field into the gap, so it never covers what is being typed. Keys never take focus (mousedown is
 * cancelled), so the caret stays in the field; a person using Tab can still reach and press them, and they
 * then type into the last field that had focus. A physical keyboard keeps working on the field itself.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type MouseEvent } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { Keypad } from '../Keypad';
import { backspace, clearAll, typeKey, type KeyboardKind } from './editing';
import { asEditable, kindOf, maxLengthOf, readState, writeState, type Editable } from './field';
import {
  LETTER_ROWS,
  SYMBOL_KEYS,
  capitalHere,
  keyText,
  nextShift,
  scrollDelta,
  shiftAfter,
  symbolName,
  type ShiftState,
} from './layout';
import '../../styles/dossier.css';

/** How long a key shows its pressed colour after a tap (a touch is often shorter than a frame). */
const PRESS_FLASH_MS = 140;
const OPEN_CLASS = 'osk-open';
const NO_TELEX_TYPES = new Set(['email', 'url', 'password']);

let generatedIds = 0;

export function OnScreenKeyboard({ enabled = true }: { enabled?: boolean }) {
  const { t } = useTranslation();
  const panel = useRef<HTMLDivElement>(null);
  const [target, setTarget] = useState<Editable | null>(null);
  const [kind, setKind] = useState<KeyboardKind | null>(null);
  const [shift, setShift] = useState<ShiftState>('off');
  const [telexOn, setTelexOn] = useState(true);
  const [flash, setFlash] = useState<string | null>(null);

  const hide = useCallback(() => {
    setTarget(null);
    setKind(null);
    setShift('off');
  }, []);

  useEffect(() => {
    if (!enabled) return;
    const onFocusIn = (event: FocusEvent): void => {
      if (panel.current?.contains(event.target as Node)) return;
      const element = asEditable(event.target);
      const k = element ? kindOf(element) : null;
      // Focus moving elsewhere is handled by focusout (below), which knows whether a tap is under way.
      if (!element || !k) return;
      if (!element.id) element.id = `osk-field-${++generatedIds}`;
      setTarget(element);
      setKind(k);
      const { value, start } = readState(element);
      const wants = k === 'text' && capitalHere(value, start, element.getAttribute('autocapitalize') ?? '');
      setShift((state) => shiftAfter(state, false, wants));
    };
    // Closing the keyboard removes the room it took, which moves the page. Done while a finger is still
    // down, the button under it moves away before it is released and the tap is lost ("Tiếp tục" tapped
    // with the keyboard open did nothing). So a close waits until the tap is over.
    let pointerDown = false;
    let closeAfterTap = false;
    const decide = (): void => {
      // Decide once focus has landed: on another field (focusin handles it), on a key, or nowhere.
      const active = document.activeElement;
      if (panel.current?.contains(active)) return;
      const element = asEditable(active);
      if (!element || !kindOf(element)) hide();
    };
    const onFocusOut = (): void => {
      if (pointerDown) closeAfterTap = true;
      else window.setTimeout(decide, 0);
    };
    const onPointerDown = (): void => {
      pointerDown = true;
    };
    const onPointerUp = (): void => {
      pointerDown = false;
      if (!closeAfterTap) return;
      closeAfterTap = false;
      // After the click that follows this pointerup has been delivered.
      window.setTimeout(decide, 60);
    };
    document.addEventListener('focusin', onFocusIn);
    document.addEventListener('focusout', onFocusOut);
    document.addEventListener('pointerdown', onPointerDown, { capture: true });
    document.addEventListener('pointerup', onPointerUp, { capture: true });
    document.addEventListener('pointercancel', onPointerUp, { capture: true });
    return () => {
      document.removeEventListener('focusin', onFocusIn);
      document.removeEventListener('focusout', onFocusOut);
      document.removeEventListener('pointerdown', onPointerDown, { capture: true });
      document.removeEventListener('pointerup', onPointerUp, { capture: true });
      document.removeEventListener('pointercancel', onPointerUp, { capture: true });
    };
  }, [enabled, hide]);

  // A field removed from the page (the next step of a wizard) takes the keyboard with it.
  useEffect(() => {
    if (!target) return;
    const id = window.setInterval(() => {
      if (!target.isConnected) hide();
    }, 400);
    return () => window.clearInterval(id);
  }, [target, hide]);

  const open = enabled && target !== null && kind !== null;

  // Make room for the keyboard and bring the field into the space above it.
  useLayoutEffect(() => {
    if (!open || !target) return;
    const root = document.documentElement;
    const height = panel.current?.getBoundingClientRect().height ?? 0;
    root.style.setProperty('--osk-height', `${Math.ceil(height)}px`);
    root.classList.add(OPEN_CLASS);
    const header = document.querySelector('.citizen-header');
    const visibleTop = header ? header.getBoundingClientRect().bottom : 0;
    const rect = target.getBoundingClientRect();
    const delta = scrollDelta(
      { top: rect.top, bottom: rect.bottom },
      { top: visibleTop, bottom: window.innerHeight - height },
    );
    if (delta !== 0) window.scrollBy({ top: delta, behavior: 'instant' });
    return () => {
      root.classList.remove(OPEN_CLASS);
      root.style.removeProperty('--osk-height');
    };
  }, [open, target, kind]);

  // A name field starts each word with a capital by itself (its `autocapitalize`), after each key as on
  // a new field (focusin, above); the shift key shows it pressed, and one tap on it gives a small letter.
  const settleShift = useCallback((element: Editable, letter: boolean): void => {
    const { value, start } = readState(element);
    const wants = capitalHere(value, start, element.getAttribute('autocapitalize') ?? '');
    setShift((state) => shiftAfter(state, letter, wants));
  }, []);

  const pressed = (id: string): void => {
    setFlash(id);
    window.setTimeout(() => setFlash((current) => (current === id ? null : current)), PRESS_FLASH_MS);
  };

  const edit = (change: (element: Editable) => void, id: string): void => {
    pressed(id);
    if (!target?.isConnected) {
      hide();
      return;
    }
    change(target);
  };

  const type = (key: string): void =>
    edit((element) => {
      const text = keyText(key, shift);
      const next = typeKey(readState(element), text, {
        // Addresses, e-mail and passwords are typed letter for letter: "dd" there is not "đ"; so is a
        // field marked data-telex="off" (a printed code such as a park code: "AS" there is not "Á").
        telex:
          telexOn && kind === 'text' && !NO_TELEX_TYPES.has(element.type) && element.dataset.telex !== 'off',
        toneStyle: 'modern',
        maxLength: maxLengthOf(element),
      });
      writeState(element, next);
      settleShift(element, /\p{L}/u.test(key));
    }, `k-${key}`);

  const erase = (): void =>
    edit((element) => {
      writeState(element, backspace(readState(element)));
      settleShift(element, false);
    }, 'back');
  const clear = (): void =>
    edit((element) => {
      writeState(element, clearAll());
      settleShift(element, false);
    }, 'clear');

  const close = (): void => {
    target?.blur();
    hide();
  };

  if (!open || !target) return null;

  const keyClass = (id: string, extra = ''): string =>
    `osk-key${extra ? ` ${extra}` : ''}${flash === id ? ' is-pressed' : ''}`;
  // Keys never take focus from the field: the caret stays where the person is typing.
  const keepFocus = (event: MouseEvent): void => event.preventDefault();

  // Inside a modal dialog everything outside it is inert, so the keyboard goes into the dialog itself.
  const host = target.closest('dialog[open]');

  const keyboard = (
    <div
      ref={panel}
      className={`osk is-${kind}`}
      role="group"
      aria-label={t('dossier.keyboard.label')}
      data-testid="osk"
      data-kind={kind}
      onMouseDown={keepFocus}
    >
      {kind === 'numeric' ? (
        <div className="osk-numeric">
          <p className="osk-hint">{t('dossier.keyboard.numericHint')}</p>
          <Keypad controls={target.id} onDigit={(digit) => type(digit)} onBackspace={erase} onClear={clear} />
          <button type="button" className="osk-key osk-hide" data-testid="osk-hide" onClick={close}>
            {t('dossier.keyboard.hide')}
          </button>
        </div>
      ) : (
        <div className="osk-letters">
          {LETTER_ROWS.map((row, index) => (
            <div className="osk-row" key={row.join('')}>
              {index === 3 ? (
                <button
                  type="button"
                  className={keyClass('shift', 'osk-wide')}
                  aria-pressed={shift !== 'off'}
                  aria-controls={target.id}
                  data-testid="osk-shift"
                  onClick={() => {
                    pressed('shift');
                    setShift((state) => (state === 'auto' ? 'off' : nextShift(state)));
                  }}
                >
                  {shift === 'lock' ? t('dossier.keyboard.caps') : t('dossier.keyboard.shift')}
                </button>
              ) : null}
              {row.map((key) => (
                <button
                  key={key}
                  type="button"
                  className={keyClass(`k-${key}`)}
                  aria-controls={target.id}
                  data-testid={`osk-key-${key}`}
                  onClick={() => type(key)}
                >
                  {keyText(key, shift)}
                </button>
              ))}
              {index === 3 ? (
                <button
                  type="button"
                  className={keyClass('back', 'osk-wide')}
                  aria-controls={target.id}
                  aria-label={t('dossier.keyboard.backspace')}
                  data-testid="osk-backspace"
                  onClick={erase}
                >
                  <span aria-hidden="true">⌫</span>
                </button>
              ) : null}
            </div>
          ))}
          <div className="osk-row">
            <button
              type="button"
              className={keyClass('telex', 'osk-wide osk-telex')}
              aria-pressed={telexOn}
              data-testid="osk-telex"
              onClick={() => {
                pressed('telex');
                setTelexOn((on) => !on);
              }}
            >
              {telexOn ? t('dossier.keyboard.telexOn') : t('dossier.keyboard.telexOff')}
            </button>
            {SYMBOL_KEYS.map((key) => (
              <button
                key={key}
                type="button"
                className={keyClass(`k-${key}`)}
                aria-controls={target.id}
                data-testid={`osk-key-${symbolName(key)}`}
                onClick={() => type(key)}
              >
                {key}
              </button>
            ))}
            <button
              type="button"
              className={keyClass('k- ', 'osk-space')}
              aria-controls={target.id}
              data-testid="osk-space"
              onClick={() => type(' ')}
            >
              {t('dossier.keyboard.space')}
            </button>
            <button
              type="button"
              className="osk-key osk-wide osk-hide"
              data-testid="osk-hide"
              onClick={close}
            >
              {t('dossier.keyboard.hide')}
            </button>
          </div>
          {telexOn ? (
            <p className="osk-hint" data-testid="osk-telex-hint">
              {t('dossier.keyboard.telexHint')}
            </p>
          ) : null}
        </div>
      )}
    </div>
  );
  return host ? createPortal(keyboard, host) : keyboard;
}
