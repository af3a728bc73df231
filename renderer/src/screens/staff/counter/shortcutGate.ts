/**
 * Counter shortcuts (G, L, X, V, C, T) that a scanner cannot press. A keyboard-wedge scanner types a
 * card's QR as keystrokes ("…|Nguyen Van An|…"), and the counter now takes scans: without this its G
 * would call the next number and its V mark someone absent. A scan is a burst (keys a few ms apart,
 * lib/wedge.ts); a person presses a shortcut alone. So a shortcut key is held for `windowMs` and acted
 * on only when no key came just before it and none comes just after. Pure: times in, decisions out; the
 * panel arms the timer.
 */
import { defaultWedgeOptions } from '../../../lib/wedge';
import type { CounterAction } from '../../../lib/queue';

/** Keys that neither count as a key of a burst nor break one (the Shift a scanner sends for capitals). */
const NEUTRAL_KEYS = new Set(['Shift', 'CapsLock', 'Control', 'Alt', 'Meta', 'Dead', 'Unidentified']);

export interface ShortcutGate {
  /**
   * Every keydown, with its time (ms) and the shortcut it is, if any. Returns a ticket when that shortcut
   * is now held: the caller asks `due(ticket)` once `windowMs` has passed.
   */
  key(key: string, at: number, action: CounterAction | undefined): number | null;
  /** The held shortcut, if no key has come since: the person pressed it alone. */
  due(ticket: number): CounterAction | undefined;
}

export function createShortcutGate(
  windowMs: number = defaultWedgeOptions.maxSingleGapMs,
): ShortcutGate & { windowMs: number } {
  let lastAt = Number.NEGATIVE_INFINITY;
  let held: { ticket: number; action: CounterAction } | null = null;
  let tickets = 0;
  return {
    windowMs,
    key(key, at, action) {
      if (NEUTRAL_KEYS.has(key)) return null;
      const alone = at - lastAt > windowMs;
      lastAt = at;
      // A key close to the one before is a burst: it is no shortcut, and the one held is not either.
      held = alone && action !== undefined ? { ticket: ++tickets, action } : null;
      return held?.ticket ?? null;
    },
    due(ticket) {
      if (held === null || held.ticket !== ticket) return undefined;
      const { action } = held;
      held = null;
      return action;
    },
  };
}
