/**
 * Waiting figures shown to a citizen. When there is too little history the estimate is null and the
 * screen says nothing: an invented number is worse than none.
 */
export const MIN_SAMPLES = 3;

export function median(values: readonly number[]): number | null {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid];
  if (upper === undefined) return null;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] ?? upper) + upper) / 2;
}

/** Nearest-rank percentile (p in 0..100) of the values; null for none. */
export function percentile(values: readonly number[], p: number): number | null {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1] ?? null;
}

/**
 * Minutes until a ticket with `ahead` people before it is called: the median recent service time of the
 * service, times the people ahead, shared by the open counters serving it, rounded up to 5 minutes (0 when
 * nobody is ahead). Null with fewer than MIN_SAMPLES recent service times.
 */
export function estimateWaitMinutes(input: {
  ahead: number;
  recentServiceSeconds: readonly number[];
  counters: number;
}): number | null {
  const typical = median(input.recentServiceSeconds);
  if (typical === null || input.recentServiceSeconds.length < MIN_SAMPLES) return null;
  if (input.ahead <= 0) return 0;
  const seconds = (input.ahead * typical) / Math.max(1, input.counters);
  return Math.max(5, Math.ceil(seconds / 60 / 5) * 5);
}
