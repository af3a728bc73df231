import type Database from 'better-sqlite3';
import type { KioskError, SyncEventSchema } from '../../../preload/api';
import { createPortalRecords, type PortalEvent } from '../dossier/portal';
import type { z } from 'zod';
import type { Bilingual } from './messages';
import { RECEPTION_COLUMNS, type ReceptionColumns } from './payload';

/**
 * The sync engine's SQL: outbox state changes, sync_state and sync_events (the tables migration 0004
 * gives to main/core/sync); what it records on a dossier goes through main/core/dossier/portal.ts. Times
 * are ISO 8601 UTC strings from `Date.toISOString()`, so they compare as text and the
 * (state, next_attempt_at) index answers "what is due".
 */
export type SyncEventKind = z.output<typeof SyncEventSchema>['kind'];

/** A reception decided on the kiosk after the dossier may have reached the portal, to PUT (reception.ts). */
export interface ReceptionDue extends ReceptionColumns {
  dossierId: string;
  code: string | null;
  portalCode: string;
  /** Failed attempts so far. */
  attempts: number;
}

export interface Leased {
  dossierId: string;
  /** Attempts including this one. */
  attempts: number;
}

/** sync_state key: when the portal last answered (shown as "last successful contact"). */
export const LAST_CONTACT_KEY = 'last_contact_at';

/** The feed keeps this many events; older ones are pruned (a long outage must not fill the disk). */
const FEED_KEEP = 5_000;
const PRUNE_EVERY = 100;

export function createSyncStore(db: Database.Database) {
  const q = {
    // One statement takes the lease: a crash between choosing and marking cannot leave a row half-taken,
    // and a lease left by a crash simply expires. Rows this process is already sending are excluded.
    // The earliest due row of each kind is read off the outbox_due index (state, next_attempt_at), so a
    // lease costs the same with 10 or 10,000 dossiers waiting (one OR'd query sorted every waiting row: a
    // backlog drain was quadratic). Equal times go in index order, which is insertion order.
    lease: db.prepare(
      `UPDATE outbox SET state = 'sending', lease_until = @until, attempts = attempts + 1, updated_at = @now
       WHERE dossier_id = (
         SELECT dossier_id FROM (
           SELECT * FROM (
             SELECT dossier_id, next_attempt_at FROM outbox
             WHERE state = 'waiting' AND next_attempt_at <= @now
               AND dossier_id NOT IN (SELECT value FROM json_each(@busy))
             ORDER BY next_attempt_at LIMIT 1)
           UNION ALL
           SELECT * FROM (
             SELECT dossier_id, next_attempt_at FROM outbox
             WHERE state = 'sending' AND lease_until <= @now
               AND dossier_id NOT IN (SELECT value FROM json_each(@busy))
             ORDER BY next_attempt_at LIMIT 1))
         ORDER BY next_attempt_at LIMIT 1)
       RETURNING dossier_id AS dossierId, attempts`,
    ),
    renew: db.prepare(`UPDATE outbox SET lease_until = ? WHERE dossier_id = ? AND state = 'sending'`),
    nextWake: db
      .prepare(
        `SELECT MIN(t) FROM (
         SELECT MIN(next_attempt_at) AS t FROM outbox WHERE state = 'waiting'
         UNION ALL
         SELECT MIN(lease_until) FROM outbox
         WHERE state = 'sending' AND dossier_id NOT IN (SELECT value FROM json_each(?)))`,
      )
      .pluck(),
    done: db.prepare(
      `UPDATE outbox SET state = 'done', done_at = @now, lease_until = NULL, http_status = NULL,
         error_json = NULL, reasons_json = NULL, updated_at = @now
       WHERE dossier_id = @id AND state = 'sending'`,
    ),
    reschedule: db.prepare(
      `UPDATE outbox SET state = 'waiting', next_attempt_at = @next, lease_until = NULL,
         http_status = @httpStatus, error_json = @error, updated_at = @now
       WHERE dossier_id = @id AND state = 'sending'`,
    ),
    refuse: db.prepare(
      `UPDATE outbox SET state = 'attention', lease_until = NULL, http_status = @httpStatus,
         error_json = @error, reasons_json = @reasons, updated_at = @now
       WHERE dossier_id = @id AND state = 'sending'`,
    ),
    release: db.prepare(
      `UPDATE outbox SET state = 'waiting', lease_until = NULL, updated_at = @now
       WHERE state = 'sending' AND dossier_id IN (SELECT value FROM json_each(@ids))`,
    ),
    state: db.prepare(`SELECT state FROM outbox WHERE dossier_id = ?`).pluck(),
    requeueOne: db.prepare(
      `UPDATE outbox SET state = 'waiting', next_attempt_at = @now, http_status = NULL, error_json = NULL,
         reasons_json = NULL, updated_at = @now
       WHERE dossier_id = @id AND state IN ('waiting', 'attention')`,
    ),
    requeueAll: db.prepare(
      `UPDATE outbox SET next_attempt_at = @now, updated_at = @now
       WHERE state = 'waiting' AND next_attempt_at > @now`,
    ),
    // A 401/403 is about the kiosk's token, not the dossier: once it is fixed those rows go again.
    requeueTokenRefusals: db.prepare(
      `UPDATE outbox SET state = 'waiting', next_attempt_at = @now, http_status = NULL, error_json = NULL,
         reasons_json = NULL, updated_at = @now
       WHERE state = 'attention' AND http_status IN (401, 403)`,
    ),
    // When the link comes back, dossiers that only failed for lack of it go at once (their backoff was
    // counted while nothing could have succeeded); ones the portal answered with 5xx/429 keep theirs.
    requeueNetworkFailures: db.prepare(
      `UPDATE outbox SET next_attempt_at = @now, updated_at = @now
       WHERE state = 'waiting' AND next_attempt_at > @now AND http_status IS NULL`,
    ),
    counts: db.prepare(
      `SELECT
         SUM(state = 'waiting' OR (state = 'sending' AND lease_until <= @now)) AS waiting,
         SUM(state = 'sending' AND lease_until > @now) AS sending,
         SUM(state = 'attention') AS attention,
         (SELECT MIN(next_attempt_at) FROM outbox WHERE state = 'waiting') AS nextAttemptAt
       FROM outbox WHERE state IN ('waiting', 'sending', 'attention')`,
    ),
    syncedSince: db
      .prepare(`SELECT COUNT(*) FROM outbox WHERE state = 'done' AND done_at >= ? AND done_at < ?`)
      .pluck(),
    attention: db.prepare(
      `SELECT o.dossier_id AS dossierId, d.code, d.procedure_json AS procedureJson, o.http_status AS httpStatus,
         o.error_json AS errorJson, o.reasons_json AS reasonsJson, o.updated_at AS since, o.attempts
       FROM outbox o JOIN dossiers d ON d.id = o.dossier_id
       WHERE o.state = 'attention' ORDER BY o.updated_at, o.dossier_id LIMIT 500`,
    ),
    // reception_updates (migration 0013) is this module's: one row per dossier whose reception the portal
    // must still learn. Rows failing longest go last, so one the portal keeps refusing never holds back
    // a new one.
    receptionDue: db.prepare(
      `SELECT r.dossier_id AS dossierId, d.code, d.portal_code AS portalCode, r.attempts, ${RECEPTION_COLUMNS}
       FROM reception_updates r JOIN dossiers d ON d.id = r.dossier_id
       WHERE d.portal_code IS NOT NULL ORDER BY r.attempts, r.queued_at, r.dossier_id LIMIT ?`,
    ),
    receptionNow: db.prepare(`SELECT ${RECEPTION_COLUMNS} FROM dossiers d WHERE d.id = ?`),
    queueReceptionIfOther: db.prepare(
      `INSERT OR IGNORE INTO reception_updates (dossier_id, queued_at)
       SELECT id, @now FROM dossiers WHERE id = @id AND COALESCE(reception, 'received') <> @state`,
    ),
    dropReceptionIfSame: db.prepare(
      `DELETE FROM reception_updates WHERE dossier_id = @id
         AND (SELECT COALESCE(reception, 'received') FROM dossiers WHERE id = @id) = @state`,
    ),
    receptionDelivered: db.prepare(`DELETE FROM reception_updates WHERE dossier_id = ?`),
    receptionFailed: db
      .prepare(
        `UPDATE reception_updates SET attempts = attempts + 1, last_error = @error WHERE dossier_id = @id
         RETURNING attempts`,
      )
      .pluck(),
    event: db.prepare(`INSERT INTO sync_events (at, kind, code, vi, en) VALUES (?, ?, ?, ?, ?)`),
    prune: db.prepare(`DELETE FROM sync_events WHERE id <= (SELECT MAX(id) FROM sync_events) - ?`),
    feed: db.prepare(`SELECT at, kind, code, vi, en FROM sync_events ORDER BY id DESC LIMIT ?`),
    get: db.prepare(`SELECT value FROM sync_state WHERE key = ?`).pluck(),
    set: db.prepare(
      `INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
    ),
  };
  // The dossier tables are main/core/dossier's: what a delivery or a status pull writes there goes
  // through its functions, in the caller's transaction as before.
  const dossiers = createPortalRecords(db);
  let eventsSincePrune = 0;

  const busyJson = (busy: Iterable<string>) => JSON.stringify([...busy]);

  return {
    db,
    dossiers,
    lease(now: string, until: string, busy: Iterable<string>): Leased | undefined {
      return q.lease.get({ now, until, busy: busyJson(busy) }) as Leased | undefined;
    },
    renew(id: string, until: string): void {
      q.renew.run(until, id);
    },
    /** The earliest moment something becomes due (a waiting row, or a lease that runs out). */
    nextWake(busy: Iterable<string>): string | null {
      return q.nextWake.get(busyJson(busy)) as string | null;
    },
    /** Marks a leased row delivered; false when the row was no longer ours (nothing was changed). */
    markDone(id: string, portalCode: string, now: string): boolean {
      if (q.done.run({ id, now }).changes === 0) return false;
      dossiers.markSent(id, portalCode, now);
      return true;
    },
    /** The local dossier already holding this portal code, if it is another one. */
    portalCodeOwner(portalCode: string): string | undefined {
      return dossiers.portalCodeOwner(portalCode);
    },
    dossierEvent(e: PortalEvent): void {
      dossiers.addEvent(e);
    },
    reschedule(id: string, next: string, httpStatus: number | null, error: KioskError, now: string): void {
      q.reschedule.run({ id, next, httpStatus, error: JSON.stringify(error), now });
    },
    refuse(
      id: string,
      httpStatus: number | null,
      error: KioskError,
      reasons: string[],
      now: string,
    ): boolean {
      return (
        q.refuse.run({ id, httpStatus, error: JSON.stringify(error), reasons: JSON.stringify(reasons), now })
          .changes > 0
      );
    },
    release(ids: string[], now: string): void {
      if (ids.length > 0) q.release.run({ ids: JSON.stringify(ids), now });
    },
    stateOf(id: string): string | undefined {
      return q.state.get(id) as string | undefined;
    },
    requeueOne(id: string, now: string): boolean {
      return q.requeueOne.run({ id, now }).changes > 0;
    },
    requeueAll(now: string): number {
      return q.requeueAll.run({ now }).changes + q.requeueTokenRefusals.run({ now }).changes;
    },
    requeueNetworkFailures(now: string): number {
      return q.requeueNetworkFailures.run({ now }).changes;
    },
    counts(now: string): {
      waiting: number;
      sending: number;
      attention: number;
      nextAttemptAt: string | null;
    } {
      const r = q.counts.get({ now }) as {
        waiting: number | null;
        sending: number | null;
        attention: number | null;
        nextAttemptAt: string | null;
      };
      return {
        waiting: r.waiting ?? 0,
        sending: r.sending ?? 0,
        attention: r.attention ?? 0,
        nextAttemptAt: r.nextAttemptAt,
      };
    },
    syncedBetween(from: string, to: string): number {
      return q.syncedSince.get(from, to) as number;
    },
    attentionRows() {
      return q.attention.all() as {
        dossierId: string;
        code: string | null;
        procedureJson: string;
        httpStatus: number | null;
        errorJson: string | null;
        reasonsJson: string | null;
        since: string;
        attempts: number;
      }[];
    },
    codeOf(id: string): string | null {
      return dossiers.codeOf(id);
    },
    event(at: string, kind: SyncEventKind, code: string | null, message: Bilingual): void {
      q.event.run(at, kind, code, message.vi, message.en);
      if (++eventsSincePrune >= PRUNE_EVERY) {
        eventsSincePrune = 0;
        q.prune.run(FEED_KEEP);
      }
    },
    feed(limit: number) {
      return q.feed.all(limit) as {
        at: string;
        kind: SyncEventKind;
        code: string | null;
        vi: string;
        en: string;
      }[];
    },
    /** At most `limit` rows whose dossier has its portal code (one without waits for its delivery). */
    receptionDue(limit: number): ReceptionDue[] {
      return q.receptionDue.all(limit) as ReceptionDue[];
    },
    /** A dossier's reception columns as they are now; undefined for an unknown id. */
    receptionNow(id: string): ReceptionColumns | undefined {
      return q.receptionNow.get(id) as ReceptionColumns | undefined;
    },
    /**
     * In a delivery's transaction: when the portal's answer holds another reception than the dossier has
     * now, a row to PUT it (kept if one is there); when it holds the same, a row queued before the
     * delivery has nothing left to say. Two statements on this database; no call to the portal.
     */
    settleReceptionOnDelivery(id: string, state: string, now: string): void {
      if (q.queueReceptionIfOther.run({ id, state, now }).changes === 0)
        q.dropReceptionIfSame.run({ id, state });
    },
    receptionDelivered(id: string): void {
      q.receptionDelivered.run(id);
    },
    /** One more failed attempt; the attempts so far (0 when the row is gone). */
    receptionFailed(id: string, error: string): number {
      return (q.receptionFailed.get({ id, error }) as number | undefined) ?? 0;
    },
    getState(key: string): string | null {
      return (q.get.get(key) as string | undefined) ?? null;
    },
    setState(key: string, value: string): void {
      q.set.run(key, value);
    },
  };
}

export type SyncStore = ReturnType<typeof createSyncStore>;
