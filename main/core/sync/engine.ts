import type Database from 'better-sqlite3';
import type { KioskError } from '../../../preload/api';
import { createLogger } from '../log';
import { realTimers, type Sync, type SyncDeps } from './deps';
import { call, deliverOne, type DeliverDeps, type Outcome } from './deliver';
import { alerts as alertText, feed, localErrors } from './messages';
import { createPayloadBuilder } from './payload';
import { createPullLoop } from './pull-loop';
import { createRecorder, TOKEN_SUBJECT, type Settled } from './record';
import { requeueByStaff } from './staff-retry';
import { createStatusReporter } from './status';
import { createSyncStore, LAST_CONTACT_KEY, type Leased } from './store';
import type { PortalClient } from './types';
import { attentionView, feedView } from './views';

export { dayStart } from './views';
export { realTimers } from './deps';
export type { Emit, Sync, SyncConfig, SyncDeps, SyncTimers } from './deps';
export type { SyncAttention, SyncFeedEvent } from './views';

const log = createLogger('sync');

const FEED_LIMIT = 100;
/** Drain timers never sleep longer than this, so a wall-clock jump is noticed within a minute. */
const MAX_TICK_MS = 60_000;
const MIN_TICK_MS = 10;
const STOP_WAIT_MS = 3_000;
const PERSIST_CONTACT_MS = 10_000;
/** Probes in flight at once while offline (one may hang on a dead link until its timeout). */
const MAX_PROBES = 2;
/** A worker hands over to a fresh one after this many dossiers (every loop is bounded). */
const MAX_WORKER_ROUNDS = 10_000;

/**
 * The outbox drain (ARCHITECTURE.md "The data flow of a dossier", step 3). State lives in the outbox rows,
 * not in memory: a crash at any point leaves rows that are waiting or hold a lease that expires, and every
 * step is repeatable (HEAD/PUT by hash, POST with the dossier id as Idempotency-Key), so "send it again"
 * is always safe and a dossier reaches the portal exactly once.
 */
export function createSync(deps: SyncDeps): Sync {
  const { db, client, clock, config } = deps;
  const store = createSyncStore(db);
  const timers = deps.timers ?? realTimers;
  const random = deps.random ?? Math.random;
  const leaseMs = config.sync.leaseSeconds * 1000;
  const build = createPayloadBuilder(db, { kioskId: config.kioskId, unitCode: config.centre.unitCode });
  const nowIso = () => clock.now().toISOString();
  const leaseUntil = () => new Date(clock.now().getTime() + leaseMs).toISOString();

  /** Running workers (at most `sync.concurrency`) and the dossiers they hold. */
  const workers = new Set<Promise<void>>();
  const busy = new Set<string>();
  let running = false;
  let online = false;
  /** False until the first answer or failure: the first one always writes an online/offline line. */
  let known = false;
  /** The portal refused the kiosk's token (401/403): sending pauses until staff press retry. */
  let halted = false;
  let lastContactAt = store.getState(LAST_CONTACT_KEY);
  let lastContactPersisted = 0;
  const probes = new Set<Promise<void>>();
  /** When the portal last answered anything (clock ms), to tell a stale probe failure from news. */
  let lastAnswerMs = -Infinity;
  let probeTimer: unknown;
  let drainTimer: unknown;
  const alive = () => running;

  const clear = (handle: unknown) => {
    if (handle !== undefined) timers.clearTimeout(handle);
  };

  const reporter = createStatusReporter({
    store,
    clock,
    timeZone: config.timeZone,
    timers,
    emit: deps.emit,
    portalConfigured: client !== null,
    link: () => ({ online, lastContactAt }),
    running: alive,
  });
  const { status, emit: emitStatus } = reporter;

  const changed = (id: string, code: string | null, change: string) =>
    deps.emit('dossier.changed', { id, code, change });
  const recorder = createRecorder({
    store,
    audit: deps.audit,
    alerts: deps.alerts,
    clock,
    config,
    random,
    changed,
  });

  // ── reachability ─────────────────────────────────────────────────────────────────────────────────

  const net: Pick<DeliverDeps, 'answered' | 'unreachable'> = {
    answered() {
      if (!running) return;
      const now = clock.now();
      lastAnswerMs = now.getTime();
      lastContactAt = now.toISOString();
      if (now.getTime() - lastContactPersisted >= PERSIST_CONTACT_MS) {
        lastContactPersisted = now.getTime();
        store.setState(LAST_CONTACT_KEY, lastContactAt);
      }
      if (!online || !known) goOnline();
    },
    unreachable(error) {
      if (running) goOffline(error);
    },
  };

  function goOnline(): void {
    online = true;
    known = true;
    clear(probeTimer);
    probeTimer = undefined;
    const now = nowIso();
    db.transaction(() => {
      store.requeueNetworkFailures(now);
      store.event(now, 'online', null, feed.online());
    })();
    log.info('portal reachable');
    emitStatus();
    pulls?.schedule(0);
    pump();
  }

  function goOffline(error: KioskError): void {
    if (!online && known) return;
    online = false;
    known = true;
    clear(drainTimer);
    drainTimer = undefined;
    pulls?.cancel();
    store.event(nowIso(), 'offline', null, feed.offline(error));
    log.warn('portal unreachable', { code: error.code });
    emitStatus();
    scheduleProbe();
  }

  function scheduleProbe(): void {
    if (!running || online || probeTimer !== undefined) return;
    probeTimer = timers.setTimeout(() => {
      probeTimer = undefined;
      probe();
    }, config.sync.probeIntervalMs);
  }

  /**
   * Online detection by asking the portal, not the OS (a LAN with no route out looks "connected"). Probes
   * tick every `probeIntervalMs` from their start, not their end: a probe stuck on a dead link (up to the
   * request timeout) must not delay noticing that the link came back. At most MAX_PROBES are in flight, and
   * a probe that fails after a newer answer arrived says nothing about now, so it is ignored.
   */
  function probe(): void {
    if (!running || !client) return;
    clear(probeTimer);
    probeTimer = undefined;
    if (probes.size < MAX_PROBES) {
      const startedAt = clock.now().getTime();
      const p: Promise<void> = call(
        {
          answered: net.answered,
          unreachable: (error) => {
            if (lastAnswerMs <= startedAt) net.unreachable(error);
          },
        },
        () => client.probe(),
      )
        .then(() => undefined)
        .catch((error: unknown) => log.error('probe failed', { error }))
        .finally(() => probes.delete(p));
      probes.add(p);
    }
    scheduleProbe();
  }

  // ── status and catalogue pull ────────────────────────────────────────────────────────────────────

  const pulls = client
    ? createPullLoop({
        store,
        client,
        audit: deps.audit,
        alerts: deps.alerts,
        catalogue: deps.catalogue,
        reception: deps.reception,
        timers,
        intervalMs: () => config.sync.statusPullSeconds * 1000,
        now: nowIso,
        net,
        changed,
        active: () => running && online,
        alive,
      })
    : null;

  // ── the drain ────────────────────────────────────────────────────────────────────────────────────

  const canSend = () => running && online && !halted && client !== null;

  /** Starts workers up to the concurrency limit, each with the next due row. */
  function pump(): void {
    if (!canSend() || !client) return;
    let started = false;
    // Bounded by the concurrency limit: at most that many leases per call.
    while (workers.size < config.sync.concurrency) {
      const row = store.lease(nowIso(), leaseUntil(), busy);
      if (!row) break;
      started = true;
      startWorker(row, client);
    }
    if (started) emitStatus();
    scheduleDrain();
  }

  /**
   * A worker sends the dossier it holds, then settles it and takes the next due one in the SAME commit
   * (hand over hand): one durable write per dossier instead of two, while every dossier is still either
   * leased, waiting, done or waiting for staff at each commit. It ends when nothing is due, the portal is
   * gone, or the engine stops.
   */
  function startWorker(first: Leased, portal: PortalClient): void {
    const work: Promise<void> = (async () => {
      let row: Leased | undefined = first;
      for (let round = 0; row !== undefined && round < MAX_WORKER_ROUNDS; round++) {
        const held: Leased = row;
        busy.add(held.dossierId);
        try {
          const outcome = await send(held, portal);
          // Stopped mid-way: write nothing; the row's lease runs out (or stop() hands it back) and the
          // idempotency key makes the next attempt harmless even if the portal already has it.
          if (!running || outcome.kind === 'stopped') return;
          row = settle(held, outcome);
        } finally {
          busy.delete(held.dossierId);
        }
      }
    })()
      .catch((error: unknown) => log.error('sync worker failed', { error }))
      .finally(() => {
        workers.delete(work);
        pump();
        // The drain went idle: the screens get the final counts now, not at the next tick.
        if (workers.size === 0 && running) emitStatus();
      });
    workers.add(work);
  }

  function scheduleDrain(): void {
    clear(drainTimer);
    drainTimer = undefined;
    if (!canSend() || workers.size >= config.sync.concurrency) return;
    const next = store.nextWake(busy);
    if (next === null) return;
    const delay = Math.min(Math.max(Date.parse(next) - clock.now().getTime(), MIN_TICK_MS), MAX_TICK_MS);
    drainTimer = timers.setTimeout(() => {
      drainTimer = undefined;
      pump();
    }, delay);
  }

  function send(row: Leased, portal: PortalClient): Promise<Outcome> {
    const id = row.dossierId;
    let heldUntil = clock.now().getTime() + leaseMs;
    return deliverOne(id, {
      client: portal,
      attempt: row.attempts,
      build,
      blobPath: deps.blobPath,
      ...net,
      // Each renewal is a durable write (an fsync): only once half the lease is used, which a dossier of
      // a few ordinary files never reaches, and a slow link with large scans does.
      renew: () => {
        const now = clock.now().getTime();
        if (heldUntil - now > leaseMs / 2) return;
        heldUntil = now + leaseMs;
        store.renew(id, new Date(heldUntil).toISOString());
      },
      alive,
    });
  }

  /**
   * Records how the attempt ended and, in the same transaction, leases this worker's next row. The commit
   * does not wait for the disk (synchronous = NORMAL for this one transaction; the connection's own
   * setting is back before anything else can run, all of this being synchronous). Everything it writes
   * can be had again by sending again: a delivery's record is a copy of what the portal already holds
   * durably, a retry or a refusal is what the next attempt would meet again. So a power cut that undoes
   * the last few of these (WAL mode never leaves the file damaged) only means those dossiers are sent
   * again and get the portal's first answer (Idempotency-Key): one dossier, one code. The next FULL commit
   * of any module makes them durable too. It saves an fsync per dossier, during which the main thread
   * stood still (1–3 ms here) with every upload in flight waiting on it.
   */
  function settle(row: Leased, outcome: Settled): Leased | undefined {
    let after: () => void = () => undefined;
    let next: Leased | undefined;
    let firstTokenRefusal = false;
    let sentAt: string | null = null;
    try {
      next = withoutWaitingForDisk(db, () => {
        const recorded = recorder.record(row, outcome);
        after = recorded.after;
        sentAt = recorded.sentAt;
        if (recorded.tokenRefused) {
          // The token, not the dossier: pause now (so this transaction leases nothing more) before every
          // dossier is refused the same way, and say so once.
          firstTokenRefusal = !halted;
          halted = true;
        }
        return canSend() ? store.lease(nowIso(), leaseUntil(), busy) : undefined;
      });
      if (sentAt !== null) reporter.countSent(sentAt);
    } catch (error) {
      if (outcome.kind !== 'sent') throw error;
      // The portal has it; only our write failed. Retrying re-posts and gets the same answer (200).
      log.error('could not record a delivered dossier', { id: row.dossierId, error });
      after = db.transaction(() =>
        recorder.record(row, {
          kind: 'retry',
          code: outcome.code,
          status: null,
          retryAfterMs: null,
          error: localErrors.unexpected(),
        }),
      )().after;
      next = undefined;
    }
    after();
    if (halted) {
      clear(drainTimer);
      drainTimer = undefined;
    }
    if (firstTokenRefusal) {
      deps.alerts.raise({ level: 'critical', code: 'sync-token', ...alertText.token() }, TOKEN_SUBJECT);
    }
    reporter.emitSoon();
    return next;
  }

  // ── staff and wiring ─────────────────────────────────────────────────────────────────────────────

  async function idle(): Promise<void> {
    // Bounded: each round waits for what is running now; a drain of N dossiers takes about N rounds.
    for (let round = 0; round < 100_000; round++) {
      const pending = [...workers, ...probes, pulls?.pending() ?? null].filter((p) => p !== null);
      if (pending.length === 0) return;
      await Promise.allSettled(pending);
    }
  }

  return {
    start() {
      if (running || !client) return;
      running = true;
      reporter.recount();
      log.info('sync started', { concurrency: config.sync.concurrency });
      probe();
    },
    async stop() {
      if (!running) return;
      running = false;
      for (const handle of [probeTimer, drainTimer]) clear(handle);
      probeTimer = drainTimer = undefined;
      pulls?.cancel();
      reporter.stop();
      // Taken now: results that arrive from here on are not written, so all of these stay 'sending'.
      const held = [...busy];
      let timeout: NodeJS.Timeout | undefined;
      // Wall-clock bound on purpose (not the injected timers): shutdown must end even if a request hangs.
      await Promise.race([
        idle(),
        new Promise<void>((resolve) => {
          timeout = setTimeout(resolve, deps.stopWaitMs ?? STOP_WAIT_MS);
        }),
      ]);
      clearTimeout(timeout);
      // Rows still in flight go back to waiting now rather than after their lease: the next start sends
      // them again, and the Idempotency-Key turns a repeat into the portal's first answer.
      if (db.open) store.release(held, nowIso());
      online = false;
      known = false;
    },
    status,
    retry(dossierId, by) {
      requeueByStaff({ db, store, audit: deps.audit, changed }, dossierId, by, nowIso());
      halted = false;
      if (online) pump();
      else probe();
      const s = status();
      emitStatus();
      return s;
    },
    attention: () => store.attentionRows().map(attentionView),
    feed: () => store.feed(FEED_LIMIT).map(feedView),
    kick() {
      // The counts changed even without a portal: the home indicator and the staff screen show them.
      if (running && online) pump();
      if (db.open) emitStatus();
    },
    idle,
  };
}

/** One transaction committed with synchronous = NORMAL (see settle), the connection's setting restored. */
function withoutWaitingForDisk<T>(db: Database.Database, fn: () => T): T {
  const before = db.pragma('synchronous', { simple: true }) as number;
  if (before <= 1) return db.transaction(fn)(); // already NORMAL or OFF: nothing to relax
  db.pragma('synchronous = NORMAL');
  try {
    return db.transaction(fn)();
  } finally {
    db.pragma(`synchronous = ${before}`);
  }
}
