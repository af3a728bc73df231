import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { blobPathIn, seedDossier, type Seeded } from './seed';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { Alert, EventName, EventPayload } from '../../../preload/api';
import { createAudit } from '../../../main/core/audit';
import { manualClock } from '../../../main/core/clock';
import { parseConfig } from '../../../main/core/config/load';
import { migrate } from '../../../main/core/db/migrate';
import { setLogSink } from '../../../main/core/log';
import { insertStaff } from '../staff-rows';
import { createSync, type Sync, type SyncDeps, type SyncTimers } from '../../../main/core/sync';
import type {
  PortalClient,
  PortalDossier,
  PortalFailure,
  PortalReception,
  PortalReceptionState,
  PortalResult,
  PortalStatusChange,
} from '../../../main/core/sync/types';

/**
 * Shared by the sync tests: a migrated database in a temp folder with submitted dossiers written the way
 * the dossier module writes them (rows + blob files + the outbox row), timers the test moves by hand,
 * and an in-memory portal behind the `PortalClient` interface whose failures a test scripts.
 */

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});
export const onCleanup = (fn: () => void | Promise<void>) => cleanups.push(fn);

export const START = '2026-11-23T02:00:00.000Z'; // 09:00 in Hà Nội

export function tempDir(prefix = 'kiosk-sync-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  onCleanup(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export function openDb(dataDir: string, now: Date): Database.Database {
  const db = new Database(join(dataDir, 'kiosk.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  migrate(db, { now });
  onCleanup(() => {
    if (db.open) db.close();
  });
  return db;
}

export { blobPathIn, seedDossier, type Seeded } from './seed';

export const outboxRow = (db: Database.Database, id: string) =>
  db
    .prepare(
      `SELECT state, attempts, next_attempt_at AS nextAttemptAt, lease_until AS leaseUntil, http_status AS httpStatus,
         error_json AS errorJson, reasons_json AS reasonsJson, done_at AS doneAt FROM outbox WHERE dossier_id = ?`,
    )
    .get(id) as {
    state: string;
    attempts: number;
    nextAttemptAt: string;
    leaseUntil: string | null;
    httpStatus: number | null;
    errorJson: string | null;
    reasonsJson: string | null;
    doneAt: string | null;
  };

/** Timers on the manual clock: `advance` fires what falls due, in order, letting async work settle. */
export function fakeTimers(clock: ReturnType<typeof manualClock>) {
  let next = 1;
  const pending = new Map<number, { at: number; fn: () => void }>();
  const timers: SyncTimers = {
    setTimeout(fn, ms) {
      const id = next++;
      pending.set(id, { at: clock.now().getTime() + Math.max(0, ms), fn });
      return id;
    },
    clearTimeout(handle) {
      pending.delete(handle as number);
    },
  };
  return {
    timers,
    pending: () => [...pending.values()].map((t) => t.at - clock.now().getTime()).sort((a, b) => a - b),
    /** Moves time forward by `ms`, firing each timer at its moment (bounded number of firings). */
    async advance(ms: number, sync?: Sync): Promise<void> {
      const end = clock.now().getTime() + ms;
      for (let fired = 0; fired < 10_000; fired++) {
        await settle(sync);
        let first: [number, { at: number; fn: () => void }] | undefined;
        for (const entry of pending) if (!first || entry[1].at < first[1].at) first = entry;
        if (!first || first[1].at > end) break;
        pending.delete(first[0]);
        if (first[1].at > clock.now().getTime()) clock.set(new Date(first[1].at));
        first[1].fn();
      }
      clock.set(new Date(end));
      await settle(sync);
    },
  };
}

/** Lets promise chains and the engine's in-flight work finish. */
export async function settle(sync?: Sync): Promise<void> {
  for (let i = 0; i < 5; i++) {
    if (sync) await sync.idle();
    await new Promise((r) => setImmediate(r));
  }
}

const netError = (): PortalFailure => ({
  kind: 'retry',
  status: null,
  retryAfterMs: null,
  error: { code: 'portal-unreachable', vi: 'Không kết nối được cổng.', en: 'Cannot reach the portal.' },
});

export const failures = {
  network: netError,
  server: (status = 500): PortalFailure => ({
    kind: 'retry',
    status,
    retryAfterMs: null,
    error: { code: 'portal-server-error', vi: `Cổng lỗi ${status}.`, en: `Portal error ${status}.` },
  }),
  busy: (retryAfterMs: number): PortalFailure => ({
    kind: 'retry',
    status: 429,
    retryAfterMs,
    error: { code: 'portal-busy', vi: 'Cổng quá tải.', en: 'Portal busy.' },
  }),
  refused: (status: number, reasons: string[]): PortalFailure => ({
    kind: 'refused',
    status,
    reasons,
    error: { code: `portal-${status}`, vi: `Cổng từ chối (${status}).`, en: `Portal refused (${status}).` },
  }),
};

type Method = 'probe' | 'hasBlob' | 'putBlob' | 'submitDossier' | 'setReception' | 'changes' | 'catalogue';

type Submitted = { portalCode: string; created: boolean; reception: PortalReceptionState };

/**
 * An in-memory portal behind the client interface, with the protocol's semantics: blobs verified by
 * hash, Idempotency-Key (same body → the first answer; other body → 409), the portal's own codes.
 * `down` makes every call a network failure; `script` queues failures per method (optionally for one id).
 */
export class FakePortal implements PortalClient {
  down = false;
  blobs = new Map<string, number>();
  /** `body` without its reception (not compared on a repeat); `reception`, what the portal holds now. */
  dossiers = new Map<
    string,
    { body: string; portalCode: string; posts: number; first: PortalReception; reception: PortalReception }
  >();
  calls: { method: Method; arg?: string }[] = [];
  changeLog: PortalStatusChange[] = [];
  etag = 'W/"1"';
  procedures: unknown[] = [{ id: 'x' }];
  /** Submissions for which `accept(dossier)` returns reasons get 422. */
  validate: (d: PortalDossier) => string[] = () => [];
  private scripted: { method: Method; match?: string; failure: PortalFailure }[] = [];
  /** Called inside submitDossier after the portal stored it: a test can then lose the answer. */
  afterCommit: ((d: PortalDossier) => PortalFailure | null) | null = null;

  fail(method: Method, failure: PortalFailure, options: { times?: number; match?: string } = {}): void {
    for (let i = 0; i < (options.times ?? 1); i++)
      this.scripted.push({ method, match: options.match, failure });
  }

  private take(method: Method, arg?: string): PortalFailure | null {
    this.calls.push({ method, arg });
    if (this.down) return netError();
    const i = this.scripted.findIndex((s) => s.method === method && (!s.match || s.match === arg));
    if (i < 0) return null;
    const [s] = this.scripted.splice(i, 1);
    return s!.failure;
  }

  count(method: Method, arg?: string): number {
    return this.calls.filter((c) => c.method === method && (arg === undefined || c.arg === arg)).length;
  }

  private result<T>(failure: PortalFailure | null, value: () => T): Promise<PortalResult<T>> {
    return Promise.resolve(failure ? { ok: false, failure } : { ok: true, value: value() });
  }

  probe() {
    return this.result(this.take('probe'), () => undefined);
  }
  hasBlob(sha256: string) {
    return this.result(this.take('hasBlob', sha256), () => this.blobs.has(sha256));
  }
  putBlob(sha256: string, path: string, bytes: number) {
    const failure = this.take('putBlob', sha256);
    if (failure) return this.result(failure, () => undefined);
    const data = readFileSync(path);
    if (data.length !== bytes || createHash('sha256').update(data).digest('hex') !== sha256)
      return this.result(failures.refused(422, ['hash mismatch']), () => undefined);
    this.blobs.set(sha256, bytes);
    return this.result(null, () => undefined);
  }
  submitDossier(d: PortalDossier) {
    const none = (): Submitted => ({ portalCode: '', created: false, reception: 'pending' });
    const failure = this.take('submitDossier', d.id);
    if (failure) return this.result<Submitted>(failure, none);
    const missing = d.attachments.filter((a) => !this.blobs.has(a.sha256));
    if (missing.length > 0) return this.result(failures.refused(422, ['missing attachment']), none);
    const { reception, ...compared } = d;
    const body = JSON.stringify(compared);
    const known = this.dossiers.get(d.id);
    if (known) {
      if (known.body !== body) return this.result(failures.refused(409, ['key reused']), none);
      known.posts += 1;
      // A repeat gets the first answer, the reception the first POST carried included.
      return this.result<Submitted>(null, () => ({
        portalCode: known.portalCode,
        created: false,
        reception: known.first.state,
      }));
    }
    const reasons = this.validate(d);
    if (reasons.length > 0) return this.result(failures.refused(422, reasons), none);
    const portalCode = `000.00.12.H29-261123-${String(this.dossiers.size + 1).padStart(4, '0')}`;
    this.dossiers.set(d.id, { body, portalCode, posts: 1, first: reception, reception });
    const lost = this.afterCommit?.(d) ?? null;
    return this.result<Submitted>(lost, () => ({ portalCode, created: true, reception: reception.state }));
  }
  /** As the reference portal: the state held answers it; a pending dossier takes either; else 409. */
  setReception(id: string, reception: PortalReception) {
    const failure = this.take('setReception', id);
    const known = this.dossiers.get(id);
    if (failure) return this.result<PortalReception>(failure, () => reception);
    if (!known)
      return this.result<PortalReception>(failures.refused(404, ['unknown dossier']), () => reception);
    if (known.reception.state === reception.state) return this.result(null, () => known.reception);
    if (known.reception.state !== 'pending')
      return this.result<PortalReception>(
        failures.refused(409, [`holds ${known.reception.state}`]),
        () => reception,
      );
    known.reception = reception;
    return this.result(null, () => reception);
  }
  changes(cursor: string | null) {
    const from = cursor === null ? 0 : Number(cursor);
    return this.result(this.take('changes', cursor ?? ''), () => ({
      changes: this.changeLog.slice(from, from + 2),
      cursor: String(Math.min(this.changeLog.length, from + 2)),
    }));
  }
  catalogue(etag: string | null) {
    return this.result(this.take('catalogue', etag ?? ''), () =>
      etag === this.etag
        ? ({ notModified: true } as const)
        : ({ notModified: false, etag: this.etag, procedures: this.procedures } as never),
    );
  }
}

export interface Harness {
  db: Database.Database;
  dataDir: string;
  clock: ReturnType<typeof manualClock>;
  timers: ReturnType<typeof fakeTimers>;
  sync: Sync;
  portal: FakePortal;
  events: { event: EventName; payload: unknown }[];
  alerts: (Pick<Alert, 'level' | 'code' | 'vi' | 'en'> & { subject: string | undefined; settled: boolean })[];
  catalogue: { replaced: { list: unknown[]; etag: string }[]; etag: string | null };
  seed(options?: Partial<Parameters<typeof seedDossier>[2]>): Seeded;
  advance(ms: number): Promise<void>;
}

export function harness(
  options: {
    client?: 'fake' | null;
    sync?: Record<string, number>;
    random?: () => number;
    reception?: SyncDeps['reception'];
  } = {},
): Harness {
  const dataDir = tempDir();
  const logs: string[] = [];
  const previous = setLogSink((line) => logs.push(line));
  onCleanup(() => void setLogSink(previous));
  const clock = manualClock(START);
  const db = openDb(dataDir, clock.now());
  const timers = fakeTimers(clock);
  addStaff(db);
  const portal = new FakePortal();
  const events: Harness['events'] = [];
  const alerts: Harness['alerts'] = [];
  const catalogue: Harness['catalogue'] = { replaced: [], etag: null };
  const config = parseConfig({
    centre: { name: 'UBND phường Bến Nghé', unitCode: '000.00.12.H29' },
    kioskId: 'K01',
    portal: { url: 'http://127.0.0.1:9/', token: 'kiosk-token-1' },
    sync: {
      probeIntervalMs: 4000,
      statusPullSeconds: 60,
      leaseSeconds: 120,
      maxBackoffSeconds: 300,
      ...options.sync,
    },
  });
  const deps: SyncDeps = {
    db,
    client: options.client === null ? null : portal,
    clock,
    config,
    blobPath: blobPathIn(dataDir),
    catalogue: {
      // As main/core/catalogue does: an empty list is refused and changes nothing.
      replace(list, etag) {
        if (list.length === 0) return { ok: false, error: { vi: 'Danh mục trống.', en: 'Empty catalogue.' } };
        catalogue.replaced.push({ list, etag });
        catalogue.etag = etag;
        return { ok: true };
      },
      etag: () => catalogue.etag,
    },
    emit: <E extends EventName>(event: E, payload: EventPayload<E>) => events.push({ event, payload }),
    alerts: {
      raise(a, subject) {
        alerts.push({ ...a, subject, settled: false });
        return { ...a, id: alerts.length, createdAt: clock.now().toISOString(), acknowledgedAt: null };
      },
      // As main/core/alerts does: closes the open alerts about `subject`.
      settle(subject) {
        const open = alerts.filter((x) => x.subject === subject && !x.settled);
        for (const x of open) x.settled = true;
        return open.length;
      },
    },
    audit: createAudit(db, clock),
    reception: options.reception,
    random: options.random ?? (() => 0.5),
    timers: timers.timers,
    stopWaitMs: 200,
  };
  const sync = createSync(deps);
  onCleanup(() => sync.stop());
  return {
    db,
    dataDir,
    clock,
    timers,
    sync,
    portal,
    events,
    alerts,
    catalogue,
    seed: (o = {}) => seedDossier(db, dataDir, { now: clock.now(), ...o }),
    advance: (ms) => timers.advance(ms, sync),
  };
}

export const staff = { id: 1, user: 'canbo1' };

/** The staff member of `staff` (id 1), so audit rows and assisted filings can refer to them. */
export function addStaff(db: Database.Database): void {
  insertStaff(db, { id: 1, user: 'canbo1', displayName: 'Trần Thị Bích', createdAt: START });
}
