import type Database from 'better-sqlite3';

/**
 * Wrong second factors on `dossier.lookup`. Owns `dossier_lookup_throttle` (migration 0008).
 *
 * Counted per *subject*: the dossier (`d:<id>`, so its provisional and official codes share one count),
 * or, for a code that matches no dossier, the code as asked (`c:<code>`). Unknown codes are counted,
 * locked and answered exactly like real ones, so a wrong factor never tells whether a code exists. A
 * caller can lock only the codes it guesses at: there is no global count that one script could use to
 * shut every citizen out, and the per-caller rate limit (handlers.ts) still bounds how fast it guesses.
 *
 * Rules: 5 wrong tries within a day lock the subject, for an hour the first time, then a day each time
 * (a birth date has some 30,000 plausible values, so the lock, not the count, is what makes guessing it
 * take years). While locked even the right factor is refused: the citizen asks at the counter, where
 * staff see the dossier without a factor. A right factor forgets the subject's count; so does a day
 * after its last lock ended with no new failure. Everything runs inside one synchronous transaction of
 * the caller (`lookup.ts`), so parallel requests cannot slip extra guesses past the count.
 */
export interface LookupGuardPolicy {
  limit: number;
  windowMs: number;
  /** The n-th lock lasts `lockMinutes[n]`, the last one repeating. */
  lockMinutes: readonly number[];
  /** An unlocked subject with no failure (or lock end) for this long is forgotten. */
  forgetMs: number;
  /**
   * Most rows kept per kind of subject other than a dossier (`c:` made-up codes, `b:` LAN callers);
   * beyond it, unlocked rows go first, then the oldest. A dossier's rows (`d:`) are never dropped: they
   * are bounded by the dossiers, and dropping one would forget its count (an attacker who filled the
   * table with locks would then guess a birth date without limit).
   */
  maxRows: number;
}

const HOUR = 3_600_000;

export const DEFAULT_LOOKUP_GUARD: LookupGuardPolicy = {
  limit: 5,
  windowMs: 24 * HOUR,
  lockMinutes: [60, 24 * 60],
  forgetMs: 24 * HOUR,
  maxRows: 5000,
};

interface Row {
  failures: number;
  windowStart: string;
  lockouts: number;
  lockedUntil: string | null;
}

export type GuardState = { locked: false; triesLeft: number } | { locked: true; minutes: number };

export function createLookupGuard(
  db: Database.Database,
  deps: { now: () => Date; policy?: LookupGuardPolicy },
) {
  const policy = deps.policy ?? DEFAULT_LOOKUP_GUARD;
  const q = {
    get: db.prepare(
      `SELECT failures, window_start AS windowStart, lockouts, locked_until AS lockedUntil
       FROM dossier_lookup_throttle WHERE subject = ?`,
    ),
    put: db.prepare(
      `INSERT INTO dossier_lookup_throttle (subject, failures, window_start, lockouts, locked_until, updated_at)
       VALUES (@subject, @failures, @windowStart, @lockouts, @lockedUntil, @now)
       ON CONFLICT (subject) DO UPDATE SET failures = excluded.failures, window_start = excluded.window_start,
         lockouts = excluded.lockouts, locked_until = excluded.locked_until, updated_at = excluded.updated_at`,
    ),
    forget: db.prepare('DELETE FROM dossier_lookup_throttle WHERE subject = ?'),
    // Unlocked rows whose last failure and last lock are both older than `before`.
    prune: db.prepare(
      `DELETE FROM dossier_lookup_throttle
       WHERE updated_at < @before AND (locked_until IS NULL OR locked_until < @before)`,
    ),
    // Range scans on the primary key: `c:` ≤ subject < `c;` is every subject of that kind.
    count: db
      .prepare('SELECT COUNT(*) FROM dossier_lookup_throttle WHERE subject >= @low AND subject < @high')
      .pluck(),
    dropOldest: db.prepare(
      `DELETE FROM dossier_lookup_throttle WHERE subject IN (
         SELECT subject FROM dossier_lookup_throttle WHERE subject >= @low AND subject < @high
         ORDER BY (locked_until IS NOT NULL AND locked_until >= @now), updated_at LIMIT @n)`,
    ),
  };

  const minutesUntil = (iso: string, now: Date): number =>
    Math.max(1, Math.ceil((Date.parse(iso) - now.getTime()) / 60_000));

  /** The subject's row as it stands now: a window that has passed counts nothing. */
  function current(subject: string, now: Date): Row | null {
    const row = q.get.get(subject) as Row | undefined;
    if (!row) return null;
    const lastEnd = Math.max(Date.parse(row.windowStart), row.lockedUntil ? Date.parse(row.lockedUntil) : 0);
    const locked = row.lockedUntil !== null && Date.parse(row.lockedUntil) > now.getTime();
    if (!locked && now.getTime() - lastEnd > policy.forgetMs) {
      q.forget.run(subject);
      return null;
    }
    if (!locked && now.getTime() - Date.parse(row.windowStart) > policy.windowMs)
      return { ...row, failures: 0, windowStart: now.toISOString() };
    return row;
  }

  /** Keeps the table small: made-up codes and callers cannot grow it without bound; dossiers' rows stay. */
  function bound(subject: string, now: Date): void {
    q.prune.run({ before: new Date(now.getTime() - policy.forgetMs).toISOString() });
    const kind = subject.slice(0, 2);
    if (kind === 'd:') return;
    const range = { low: kind, high: `${kind.slice(0, 1)};` };
    const over = (q.count.get(range) as number) - policy.maxRows;
    if (over > 0) q.dropOldest.run({ ...range, now: now.toISOString(), n: over });
  }

  return {
    /** Before a factor is checked: is this subject locked, and how many wrong tries does it have left? */
    state(subject: string): GuardState {
      const now = deps.now();
      const row = current(subject, now);
      if (row?.lockedUntil && Date.parse(row.lockedUntil) > now.getTime())
        return { locked: true, minutes: minutesUntil(row.lockedUntil, now) };
      return { locked: false, triesLeft: policy.limit - (row?.failures ?? 0) };
    },

    /** A wrong factor: counted; the limit-th starts a lock. */
    failed(subject: string): GuardState {
      const now = deps.now();
      const row = current(subject, now) ?? {
        failures: 0,
        windowStart: now.toISOString(),
        lockouts: 0,
        lockedUntil: null,
      };
      const failures = row.failures + 1;
      let next: Row = { ...row, failures };
      let state: GuardState = { locked: false, triesLeft: policy.limit - failures };
      if (failures >= policy.limit) {
        const minutes = policy.lockMinutes[Math.min(row.lockouts, policy.lockMinutes.length - 1)] ?? 60;
        const lockedUntil = new Date(now.getTime() + minutes * 60_000).toISOString();
        next = { failures: 0, windowStart: lockedUntil, lockouts: row.lockouts + 1, lockedUntil };
        state = { locked: true, minutes };
      }
      q.put.run({ subject, ...next, now: now.toISOString() });
      bound(subject, now);
      return state;
    },

    /** The right factor: the subject's count is forgotten. */
    succeeded(subject: string): void {
      q.forget.run(subject);
    },
  };
}

export type LookupGuard = ReturnType<typeof createLookupGuard>;
