/**
 * A per-caller budget of requests in a sliding window, for public methods whose answers could be walked
 * (the dossier lookup: codes are sequential, so without a limit a LAN client could read every dossier's
 * masked applicant and status one after another). Hand-written because it is a dozen lines over a Map;
 * a library would add a dependency for less than this.
 */
export interface RateLimiter {
  /** Spends one request of `key` at `now` (ms): 0 when allowed, else the seconds until one is free. */
  take(key: string, now: number): number;
  /** What `take` would answer, without spending anything. */
  peek(key: string, now: number): number;
}

export function createRateLimiter(options: {
  limit: number;
  windowMs: number;
  maxKeys?: number;
}): RateLimiter {
  const { limit, windowMs } = options;
  const maxKeys = options.maxKeys ?? 1000;
  const seen = new Map<string, number[]>();
  const wait = (recent: number[], now: number): number => {
    const oldest = recent[0];
    return recent.length >= limit && oldest !== undefined
      ? Math.max(1, Math.ceil((oldest + windowMs - now) / 1000))
      : 0;
  };
  return {
    peek: (key, now) =>
      wait(
        (seen.get(key) ?? []).filter((t) => now - t < windowMs),
        now,
      ),
    take(key, now) {
      const recent = (seen.get(key) ?? []).filter((t) => now - t < windowMs);
      const refused = wait(recent, now);
      if (refused > 0) {
        seen.set(key, recent);
        return refused;
      }
      recent.push(now);
      // Re-inserted last, so the Map's first key is the one heard from longest ago: it goes first when
      // the map is full (a flood of addresses cannot grow it without bound).
      seen.delete(key);
      seen.set(key, recent);
      if (seen.size > maxKeys) seen.delete(seen.keys().next().value as string);
      return 0;
    },
  };
}
