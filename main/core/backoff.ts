/**
 * Exponential backoff for every retry loop in core: the sync outbox, print jobs, the PC/SC service and
 * HID re-enumeration. Each loop keeps its own base, cap and rounding; only the formula lives here.
 */
export interface Backoff {
  /** Retries so far before this one: 0 waits `baseMs`, each further step doubles it. */
  step: number;
  baseMs: number;
  /** No wait is longer than this. */
  maxMs: number;
  /**
   * Full jitter: the wait is a random share of the capped exponential delay, so machines that failed
   * together do not retry together. The result is then fractional; the caller rounds it as it needs.
   */
  random?: () => number;
}

/**
 * `baseMs × 2^step`, capped at `maxMs`, times `random()` when given. The step is held to 0…30: beyond 30
 * doublings any base of a millisecond or more is past every cap used here, while 2 ** 1024 would be
 * Infinity (and a base of 0 times that, NaN).
 */
export function backoffMs({ step, baseMs, maxMs, random }: Backoff): number {
  const exponent = Math.min(Math.max(step, 0), 30);
  const ceiling = Math.min(maxMs, baseMs * 2 ** exponent);
  return random ? random() * ceiling : ceiling;
}
