/**
 * Scans, from wherever they come, handed to one callback already parsed:
 *
 * - `device.scan` events (HID POS scanners, and keyboard-mode scanners main reads through node-hid);
 * - keyboard-wedge bursts: keystrokes faster than a person types, ended by Enter (`lib/wedge.ts`).
 *
 * Wedge approach: one document-level `keydown` listener in the capture phase feeds every key to the pure
 * detector. We cannot know a burst is a scan until its Enter, so its characters are allowed to land in the
 * focused field; on the first key of a possible burst we remember that field and its value (capture phase
 * runs before the character is inserted), and when the Enter proves it a scan we put the value back (native
 * setter plus an `input` event, so React state follows) and swallow the Enter (no form submit, no button
 * press). Ordinary typing never reaches that Enter path, so it is untouched.
 *
 * A keyboard-mode scanner read by main also reaches the OS as keystrokes: a wedge burst whose text equals a
 * `device.scan` received in the last 2 s is ignored (the field is still cleaned).
 */
import { useEffect, useRef } from 'react';
import type { ParsedScan, Result } from '../../../preload/api';
import { useKiosk } from '../context';
import { createMrzJoiner, createWedgeDetector, type WedgeOptions } from '../lib/wedge';

export interface ScanOutcome {
  /** The text as received (may hold an ID number: never log it). */
  text: string;
  via: 'device' | 'wedge';
  /** `hid:…`, `kbd:…`, `test`, or `wedge` for a keystroke burst. */
  source: string;
  result: Result<ParsedScan>;
}

export const DUPLICATE_WINDOW_MS = 2_000;
/** How long to wait for the next line of a wedge-typed MRZ (three lines, each ended by Enter). */
export const MRZ_LINE_WINDOW_MS = 400;

type Editable = HTMLInputElement | HTMLTextAreaElement;

function editable(target: EventTarget | null): Editable | null {
  if (target instanceof HTMLTextAreaElement) return target;
  if (target instanceof HTMLInputElement) return target;
  return null;
}

function restoreValue(element: Editable, value: string): void {
  if (element.value === value) return;
  const proto =
    element instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
  if (setter) setter.call(element, value);
  else element.value = value;
  element.dispatchEvent(new Event('input', { bubbles: true }));
}

export function useScan(
  onScan: (outcome: ScanOutcome) => void,
  options: { enabled?: boolean; wedge?: Partial<WedgeOptions> } = {},
): void {
  const client = useKiosk();
  const enabled = options.enabled ?? true;
  const minLength = options.wedge?.minLength;
  const maxGapMs = options.wedge?.maxGapMs;
  const maxSingleGapMs = options.wedge?.maxSingleGapMs;
  const callback = useRef(onScan);
  useEffect(() => {
    callback.current = onScan;
  });

  useEffect(() => {
    if (!enabled) return;
    let live = true;
    const recentDevice: { text: string; at: number }[] = [];

    const parse = (text: string, via: ScanOutcome['via'], source: string): void => {
      void client.call('identity.parseScan', { text }).then((result) => {
        if (live) callback.current({ text, via, source, result });
      });
    };

    const offDevice = client.on('device.scan', (scan) => {
      const now = Date.now();
      recentDevice.push({ text: scan.text, at: now });
      while (recentDevice.length > 0 && now - (recentDevice[0]?.at ?? now) > DUPLICATE_WINDOW_MS)
        recentDevice.shift();
      parse(scan.text, 'device', scan.source);
    });

    const wedge: Partial<WedgeOptions> = {};
    if (minLength !== undefined) wedge.minLength = minLength;
    if (maxGapMs !== undefined) wedge.maxGapMs = maxGapMs;
    if (maxSingleGapMs !== undefined) wedge.maxSingleGapMs = maxSingleGapMs;
    const detector = createWedgeDetector(wedge);
    const mrz = createMrzJoiner(MRZ_LINE_WINDOW_MS);
    let mrzTimer: ReturnType<typeof setTimeout> | undefined;
    let snapshot: { element: Editable; value: string } | null = null;

    // Held MRZ lines are passed on when no key has come for the window: re-armed at every key of a burst,
    // so a next line still being typed (slowly, or on a busy kiosk) is waited for.
    const armMrzTimer = (): void => {
      clearTimeout(mrzTimer);
      if (!mrz.holding()) return;
      mrzTimer = setTimeout(() => {
        for (const partial of mrz.flush()) parse(partial, 'wedge', 'wedge');
      }, MRZ_LINE_WINDOW_MS);
    };
    const wedgeScan = (text: string, at: number, startedAt: number): void => {
      clearTimeout(mrzTimer);
      for (const joined of mrz.push(text, at, startedAt)) {
        const now = Date.now();
        const duplicate = recentDevice.some((d) => d.text === joined && now - d.at <= DUPLICATE_WINDOW_MS);
        if (!duplicate) parse(joined, 'wedge', 'wedge');
      }
      armMrzTimer();
    };

    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.ctrlKey || event.altKey || event.metaKey || event.isComposing) {
        detector.reset();
        snapshot = null;
        return;
      }
      const step = detector.key(event.key, event.timeStamp);
      if ((step.kind === 'start' || step.kind === 'continue') && mrz.holding()) armMrzTimer();
      if (step.kind === 'start') {
        const element = editable(event.target);
        snapshot = element ? { element, value: element.value } : null;
      } else if (step.kind === 'scan') {
        event.preventDefault();
        event.stopPropagation();
        if (snapshot && snapshot.element.isConnected) restoreValue(snapshot.element, snapshot.value);
        snapshot = null;
        wedgeScan(step.text, event.timeStamp, step.startedAt);
      } else if (step.kind === 'ignore' && event.key !== 'Shift') {
        snapshot = null;
      }
    };
    document.addEventListener('keydown', onKeyDown, { capture: true });

    return () => {
      live = false;
      clearTimeout(mrzTimer);
      offDevice();
      document.removeEventListener('keydown', onKeyDown, { capture: true });
    };
  }, [client, enabled, minLength, maxGapMs, maxSingleGapMs]);
}
