/**
 * Keyboard-wedge scanner detection, pure (no DOM, no clock): feed it each keydown's `key` and time.
 *
 * A wedge scanner "types" its text far faster than a person can. A burst is a run of characters with no
 * gap over `maxSingleGapMs`; it is a scan when Enter ends it (also within `maxSingleGapMs`), it holds at
 * least `minLength` characters, and its average gap (Enter included) is at most `maxGapMs`. The average
 * rather than every gap, because USB, the OS and a busy page add the odd late key (we measured single gaps
 * of 40–50 ms inside a 5 ms-a-key burst); the single-gap cap keeps people out: they type at 100–250 ms a
 * key. Anything slower, shorter or not ended by Enter is ordinary typing and is left alone. Shift (and
 * the other lone modifiers a scanner sends for capitals) neither adds a character nor breaks a burst; any
 * other non-character key (Tab, Backspace, arrows) ends it.
 */

export interface WedgeOptions {
  /** Fewest characters before the Enter for a burst to count as a scan. */
  minLength: number;
  /** Largest average gap between the keys of a scan (ms). Scanners send a key every 1–10 ms. */
  maxGapMs: number;
  /** Any one gap longer than this ends a burst (ms). */
  maxSingleGapMs: number;
}

export const defaultWedgeOptions: WedgeOptions = { minLength: 6, maxGapMs: 35, maxSingleGapMs: 100 };

export type WedgeStep =
  /** A character that may begin a burst (the previous one, if any, was too long ago). */
  | { kind: 'start' }
  /** A character that continues the current burst. */
  | { kind: 'continue' }
  /** Enter closed a burst: this was a scan, whose first key came at `startedAt`. */
  | { kind: 'scan'; text: string; startedAt: number }
  /** Nothing to do with a scan (or Enter after ordinary typing). */
  | { kind: 'ignore' };

export interface WedgeDetector {
  key(key: string, at: number): WedgeStep;
  reset(): void;
}

const NEUTRAL_KEYS = new Set(['Shift', 'CapsLock', 'Dead', 'Unidentified']);

export function createWedgeDetector(options: Partial<WedgeOptions> = {}): WedgeDetector {
  const { minLength, maxGapMs, maxSingleGapMs } = { ...defaultWedgeOptions, ...options };
  let buffer = '';
  let count = 0;
  let firstAt = 0;
  let lastAt = 0;
  const reset = (): void => {
    buffer = '';
    count = 0;
  };
  return {
    reset,
    key(key, at) {
      if (NEUTRAL_KEYS.has(key)) return { kind: 'ignore' };
      const inBurst = count > 0 && at - lastAt <= maxSingleGapMs;
      if (key === 'Enter') {
        const text = buffer;
        const scan = inBurst && count >= minLength && (at - firstAt) / count <= maxGapMs;
        reset();
        return scan ? { kind: 'scan', text, startedAt: firstAt } : { kind: 'ignore' };
      }
      if ([...key].length !== 1) {
        reset();
        return { kind: 'ignore' };
      }
      lastAt = at;
      if (inBurst) {
        buffer += key;
        count += 1;
        return { kind: 'continue' };
      }
      buffer = key;
      count = 1;
      firstAt = at;
      return { kind: 'start' };
    },
  };
}

/** Runs a whole key sequence through a fresh detector: the scans it contains, in order. */
export function scansIn(
  keys: readonly { key: string; at: number }[],
  options?: Partial<WedgeOptions>,
): string[] {
  const detector = createWedgeDetector(options);
  const scans: string[] = [];
  for (const { key, at } of keys) {
    const step = detector.key(key, at);
    if (step.kind === 'scan') scans.push(step.text);
  }
  return scans;
}

/**
 * A wedge MRZ reader types the three 30-character lines of a TD1 zone (the back of the CCCD) each ended
 * by Enter, so the detector sees three scans. They belong together: a scan that looks like an MRZ line
 * is held until the next lines arrive and the three are passed on as one text, lines joined by "\n" as a
 * HID scanner would send them. "Arrive in time" means the next line STARTS within `windowMs` of the end
 * of the previous one: how long it then takes to type does not count (a reader at 15 ms a key needs
 * 450 ms a line, and a busy kiosk stretches that further). A lone line, or two, after the window is
 * passed on as it is, so identity.parseScan can say what is wrong instead of silence.
 */
export const MRZ_LINE = /^[A-Z0-9<]{30}$/;
export const MRZ_LINES = 3;

export interface MrzJoiner {
  /**
   * A scan from the detector, ended at `at`, its first key at `startedAt` (default `at`): the texts to
   * pass on now (none while lines are being collected).
   */
  push(text: string, at: number, startedAt?: number): string[];
  /** Called when no key came for `windowMs`: the held lines, if any, as one text. */
  flush(): string[];
  /** True while lines are held (the caller then arms a timer for `flush`). */
  holding(): boolean;
}

export function createMrzJoiner(windowMs = 400): MrzJoiner {
  let lines: string[] = [];
  let lastAt = 0;
  const take = (): string[] => {
    const joined = lines.length > 0 ? [lines.join('\n')] : [];
    lines = [];
    return joined;
  };
  return {
    push(text, at, startedAt = at) {
      const out = lines.length > 0 && startedAt - lastAt > windowMs ? take() : [];
      if (!MRZ_LINE.test(text)) return [...out, ...take(), text];
      lines.push(text);
      lastAt = at;
      if (lines.length === MRZ_LINES) out.push(...take());
      return out;
    },
    flush: take,
    holding: () => lines.length > 0,
  };
}
