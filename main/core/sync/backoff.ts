import { backoffMs } from '../backoff';

/**
 * When a dossier that failed with a retryable error is tried again.
 *
 * Full jitter (a random delay between 0 and the exponential ceiling), because a centre's kiosks all lose
 * and regain the same link at the same moment: equal delays would have them knock on the portal together.
 * A Retry-After from the portal wins when it asks for longer; a header asking for more than an hour is
 * treated as an hour, so one odd header cannot park a citizen's dossier for days.
 */
export const BASE_DELAY_MS = 2_000;
const MAX_RETRY_AFTER_MS = 3_600_000;

export function retryDelayMs(options: {
  /** Attempts so far, counting the one that just failed (1 after the first failure). */
  attempts: number;
  maxBackoffMs: number;
  retryAfterMs: number | null;
  random: () => number;
}): number {
  const jittered = Math.floor(
    backoffMs({
      step: options.attempts - 1,
      baseMs: BASE_DELAY_MS,
      maxMs: options.maxBackoffMs,
      random: options.random,
    }),
  );
  const asked = Math.min(Math.max(options.retryAfterMs ?? 0, 0), MAX_RETRY_AFTER_MS);
  return Math.max(jittered, asked);
}
