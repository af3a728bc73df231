/**
 * The citizen idle timer as a pure function of elapsed time, so it is exact under test and immune to
 * throttled timers: the hook only asks "how long since the last touch?" on each tick.
 *
 * Timeline after the last activity: `active` for (timeout − warning) seconds, then `warning` with a
 * countdown of `warning` seconds, then `expired` (wipe the citizen session).
 */
export type IdlePhase =
  { phase: 'active' } | { phase: 'warning'; secondsLeft: number } | { phase: 'expired' };

export function idlePhase(elapsedMs: number, timeoutSeconds: number, warningSeconds: number): IdlePhase {
  const timeoutMs = Math.max(1, timeoutSeconds) * 1000;
  // A warning longer than the timeout would start before any idleness; clamp it.
  const warningMs = Math.min(Math.max(0, warningSeconds) * 1000, timeoutMs);
  if (elapsedMs >= timeoutMs) return { phase: 'expired' };
  if (elapsedMs >= timeoutMs - warningMs) {
    return { phase: 'warning', secondsLeft: Math.max(1, Math.ceil((timeoutMs - elapsedMs) / 1000)) };
  }
  return { phase: 'active' };
}

/**
 * What a screen reader hears, at most: the start of the warning, every ten seconds, then each of the last
 * five. Announcing every second would drown out the button.
 */
export function shouldAnnounce(secondsLeft: number, warningSeconds: number): boolean {
  return secondsLeft === warningSeconds || secondsLeft % 10 === 0 || secondsLeft <= 5;
}

/** The number the live region shows: the latest announcement point at or above `secondsLeft`. */
export function announcement(secondsLeft: number, warningSeconds: number): number {
  for (let s = secondsLeft; s < warningSeconds; s++) if (shouldAnnounce(s, warningSeconds)) return s;
  return Math.max(secondsLeft, warningSeconds);
}
