/**
 * The citizen idle timer as a pure function of elapsed time, so it is exact under test and immune to
 * throttled timers: the hook only asks "how long since the last touch?" on each tick.
 *
 * Timeline after the last activity: `active` for (timeout − warning) seconds, then `warning` with a
 * countdown of `warning` seconds, then `expired` (wipe the citizen session).
 */
import type { AppInfo } from '../../../preload/api';

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

/** WCAG 2.2.1 (Timing Adjustable): at least 20 s to answer "Tôi vẫn đang dùng", whatever the configuration. */
export const MIN_WARNING_SECONDS = 20;

/**
 * The timer a citizen screen runs: the filing wizard has its own, longer timeout (people stop to find a
 * paper or to ask a relative); every screen warns for at least 20 s, and never for less than it says
 * (the timeout is at least the warning, so the countdown starts from its full length).
 */
export function idleTimes(
  info: Pick<AppInfo, 'idleTimeoutSeconds' | 'wizardIdleTimeoutSeconds' | 'idleWarningSeconds'>,
  filing: boolean,
): { timeoutSeconds: number; warningSeconds: number } {
  const warningSeconds = Math.max(MIN_WARNING_SECONDS, info.idleWarningSeconds);
  const timeout = filing ? info.wizardIdleTimeoutSeconds : info.idleTimeoutSeconds;
  return { timeoutSeconds: Math.max(timeout, warningSeconds), warningSeconds };
}
