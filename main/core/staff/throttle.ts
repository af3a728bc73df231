import type Database from 'better-sqlite3';
import type { SignInSource } from './source';

/**
 * The sign-in throttle. Owns `staff_signin_throttle` (migration 0007).
 *
 * Failures are counted per (user name as typed, source) — the same rows, the same statements and the same
 * answers whether or not the name is an account, so nothing here tells names apart. Rules:
 * - each source gets `perSource.limit` failures; the next lock lasts longer each time (5, 15, 60, then
 *   240 minutes) until the bucket is forgotten (a day without failures) or the person signs in;
 * - on top of that, all LAN sources together get `lan.limit` failures per `lan.windowMs` for one name,
 *   then the name is locked for the LAN only (`LAN_BUCKET`): many addresses do not each get their guesses;
 * - the kiosk itself (`local`) is outside the LAN limit, so the real staff member can always sign in there.
 *
 * An attempt is counted *before* its PIN is checked (`reserve`), and given back when the PIN was right
 * (`succeeded`): however many requests run at once, no more PINs are checked than the limits allow, and a
 * crash in the middle of a check does not lose the count.
 */
export interface BucketRule {
  limit: number;
  /** Failures older than this no longer count. */
  windowMs: number;
  /** Lock lengths in minutes: the n-th lock of a bucket lasts `lockMinutes[n]`, the last one repeating. */
  lockMinutes: readonly number[];
}

export interface ThrottlePolicy {
  perSource: BucketRule;
  lan: BucketRule;
  /** A bucket neither locked nor failed for this long is deleted (its growing lock length forgotten). */
  forgetMs: number;
  /** Most rows kept; beyond it the least useful go first (unlocked, then made-up names, then oldest). */
  maxRows: number;
}

const HOUR = 3_600_000;

export const DEFAULT_THROTTLE: ThrottlePolicy = {
  perSource: { limit: 5, windowMs: 24 * HOUR, lockMinutes: [5, 15, 60, 240] },
  lan: { limit: 20, windowMs: HOUR, lockMinutes: [60] },
  forgetMs: 24 * HOUR,
  maxRows: 2000,
};

/** The source key of the per-name limit shared by every LAN address (`*` is never an address). */
export const LAN_BUCKET = '*lan';

interface Bucket {
  failures: number;
  windowStart: string;
  lockouts: number;
  lockedUntil: string | null;
}

export type Reservation =
  /** Refused without checking the PIN: a lock is running. `lan` when it is the shared LAN lock. */
  | { kind: 'locked'; minutes: number; lan: boolean }
  /**
   * Counted as a failure; check the PIN now. `triesLeft` is what a failure leaves; `lockedMinutes` is set
   * when this very attempt started a lock (it still goes on: the right PIN signs in and lifts it).
   */
  | {
      kind: 'counted';
      triesLeft: number;
      lockedMinutes: number | null;
      lockedLan: boolean;
      /** To give the attempt back to the LAN bucket if the PIN turns out right. */
      lan: { before: Bucket | undefined; after: Bucket } | null;
    };

export interface Lock {
  /** `local`, `lan` (the shared LAN limit) or the address. */
  source: string;
  until: string;
}

const minutesUntil = (until: string, now: number): number =>
  Math.max(1, Math.ceil((Date.parse(until) - now) / 60_000));

function isLocked(b: Bucket | undefined, now: number): b is Bucket & { lockedUntil: string } {
  return !!b?.lockedUntil && Date.parse(b.lockedUntil) > now;
}

/** One more failure in a bucket: the count restarts after its window, and reaching the limit locks it. */
function fail(
  b: Bucket | undefined,
  rule: BucketRule,
  now: number,
): { bucket: Bucket; lockedMinutes: number | null } {
  const fresh = !b || b.failures === 0 || now - Date.parse(b.windowStart) >= rule.windowMs;
  const failures = (fresh ? 0 : (b?.failures ?? 0)) + 1;
  const windowStart = fresh ? new Date(now).toISOString() : (b?.windowStart ?? new Date(now).toISOString());
  const lockouts = b?.lockouts ?? 0;
  if (failures < rule.limit)
    return { bucket: { failures, windowStart, lockouts, lockedUntil: null }, lockedMinutes: null };
  const minutes = rule.lockMinutes[Math.min(lockouts, rule.lockMinutes.length - 1)] ?? 5;
  return {
    bucket: {
      failures: 0,
      windowStart: new Date(now).toISOString(),
      lockouts: lockouts + 1,
      lockedUntil: new Date(now + minutes * 60_000).toISOString(),
    },
    lockedMinutes: minutes,
  };
}

const sameBucket = (a: Bucket | undefined, b: Bucket | undefined): boolean =>
  a?.failures === b?.failures &&
  a?.windowStart === b?.windowStart &&
  a?.lockouts === b?.lockouts &&
  a?.lockedUntil === b?.lockedUntil;

export function createThrottle(db: Database.Database, policy: ThrottlePolicy = DEFAULT_THROTTLE) {
  const q = {
    get: db.prepare(
      `SELECT failures, window_start AS windowStart, lockouts, locked_until AS lockedUntil
       FROM staff_signin_throttle WHERE name = ? AND source = ?`,
    ),
    put: db.prepare(
      `INSERT INTO staff_signin_throttle (name, source, failures, window_start, lockouts, locked_until, updated_at)
       VALUES (@name, @source, @failures, @windowStart, @lockouts, @lockedUntil, @now)
       ON CONFLICT (name, source) DO UPDATE SET failures = excluded.failures, window_start = excluded.window_start,
         lockouts = excluded.lockouts, locked_until = excluded.locked_until, updated_at = excluded.updated_at`,
    ),
    remove: db.prepare('DELETE FROM staff_signin_throttle WHERE name = ? AND source = ?'),
    clear: db.prepare('DELETE FROM staff_signin_throttle WHERE name = ?'),
    prune: db.prepare(
      `DELETE FROM staff_signin_throttle
       WHERE updated_at <= ? AND (locked_until IS NULL OR locked_until <= ?)`,
    ),
    count: db.prepare('SELECT COUNT(*) FROM staff_signin_throttle').pluck(),
    // Beyond the cap, keep what protects most: running locks, then rows about real accounts, then the newest.
    evict: db.prepare(
      `DELETE FROM staff_signin_throttle WHERE rowid IN (
         SELECT t.rowid FROM staff_signin_throttle t LEFT JOIN staff_users u ON u.user = t.name
         ORDER BY COALESCE(t.locked_until > @now, 0), u.id IS NOT NULL, t.updated_at, t.rowid
         LIMIT @excess)`,
    ),
    locks: db.prepare(
      `SELECT name, source, locked_until AS until FROM staff_signin_throttle
       WHERE locked_until > ? ORDER BY name, locked_until DESC`,
    ),
  };
  const get = (name: string, source: string): Bucket | undefined =>
    q.get.get(name, source) as Bucket | undefined;
  const put = (name: string, source: string, b: Bucket, now: number): void => {
    q.put.run({ name, source, ...b, now: new Date(now).toISOString() });
  };

  const reserve = db.transaction((name: string, source: SignInSource, now: number): Reservation => {
    const own = get(name, source.key);
    const lan = source.lan ? get(name, LAN_BUCKET) : undefined;
    // The LAN lock is named first: it is the one a person can get round (at the kiosk, or an admin).
    if (isLocked(lan, now)) return { kind: 'locked', minutes: minutesUntil(lan.lockedUntil, now), lan: true };
    if (isLocked(own, now))
      return { kind: 'locked', minutes: minutesUntil(own.lockedUntil, now), lan: false };

    const mine = fail(own, policy.perSource, now);
    put(name, source.key, mine.bucket, now);
    let triesLeft = mine.lockedMinutes === null ? policy.perSource.limit - mine.bucket.failures : 0;
    let lockedMinutes = mine.lockedMinutes;
    let lockedLan = false;
    let lanChange: { before: Bucket | undefined; after: Bucket } | null = null;
    if (source.lan) {
      const shared = fail(lan, policy.lan, now);
      put(name, LAN_BUCKET, shared.bucket, now);
      lanChange = { before: lan, after: shared.bucket };
      if (shared.lockedMinutes !== null) {
        triesLeft = 0;
        lockedLan = lockedMinutes === null || shared.lockedMinutes >= lockedMinutes;
        lockedMinutes = Math.max(lockedMinutes ?? 0, shared.lockedMinutes);
      } else {
        triesLeft = Math.min(triesLeft, policy.lan.limit - shared.bucket.failures);
      }
    }
    tidy(now);
    return { kind: 'counted', triesLeft, lockedMinutes, lockedLan, lan: lanChange };
  });

  function tidy(now: number): void {
    const iso = new Date(now).toISOString();
    q.prune.run(new Date(now - policy.forgetMs).toISOString(), iso);
    const excess = (q.count.get() as number) - policy.maxRows;
    if (excess > 0) q.evict.run({ now: iso, excess });
  }

  return {
    /** Counts an attempt before its PIN is checked, or refuses it when a lock runs. Synchronous. */
    reserve: (name: string, source: SignInSource, now: number): Reservation => reserve(name, source, now),

    /** The PIN was right: this source starts afresh, and the attempt is given back to the LAN limit. */
    succeeded: db.transaction((name: string, source: SignInSource, reservation: Reservation, now: number) => {
      q.remove.run(name, source.key);
      if (reservation.kind !== 'counted' || !reservation.lan) return;
      const { before, after } = reservation.lan;
      const current = get(name, LAN_BUCKET);
      if (sameBucket(current, after)) {
        if (before) put(name, LAN_BUCKET, before, now);
        else q.remove.run(name, LAN_BUCKET);
      } else if (current && !isLocked(current, now) && current.failures > 0) {
        // Other LAN attempts came in meanwhile: take back just this one.
        put(name, LAN_BUCKET, { ...current, failures: current.failures - 1 }, now);
      }
    }),

    /** Deletes every bucket of a name (an admin's unlock); returns how many there were. */
    clear: (name: string): number => q.clear.run(name).changes,

    /** Locks running now, by name. */
    locks(now: number): Map<string, Lock[]> {
      const rows = q.locks.all(new Date(now).toISOString()) as {
        name: string;
        source: string;
        until: string;
      }[];
      const byName = new Map<string, Lock[]>();
      for (const r of rows) {
        const list = byName.get(r.name) ?? [];
        list.push({ source: r.source === LAN_BUCKET ? 'lan' : r.source, until: r.until });
        byName.set(r.name, list);
      }
      return byName;
    },
  };
}

export type Throttle = ReturnType<typeof createThrottle>;
