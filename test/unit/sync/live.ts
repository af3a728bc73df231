import type Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { createServer, type AddressInfo } from 'node:net';
import { expect } from 'vitest';
import type { Alert, EventName, EventPayload } from '../../../preload/api';
import { createAudit } from '../../../main/core/audit';
import { systemClock } from '../../../main/core/clock';
import { parseConfig } from '../../../main/core/config/load';
import { setLogSink } from '../../../main/core/log';
import { createSync, realTimers, type Sync, type SyncDeps } from '../../../main/core/sync';
import { createPortalClient } from '../../../main/core/sync/client';
import { createPortal, type Portal, type RejectRule } from '../../portal';
import { addStaff, blobPathIn, onCleanup, openDb, seedDossier, tempDir } from './support';

/**
 * A kiosk's sync engine with the real HTTP client, real timers and clock, talking to the reference portal
 * on 127.0.0.1 (directly or through the fault proxy). Timeouts and intervals are the configuration's
 * smallest, so faults cost milliseconds, not the 30 s of production.
 */
export const TOKEN = 'kiosk-token-live-1';

export const FAST = {
  concurrency: 4,
  requestTimeoutMs: 400,
  probeIntervalMs: 100,
  statusPullSeconds: 1,
  leaseSeconds: 5,
  maxBackoffSeconds: 1,
};

export interface LiveKiosk {
  db: Database.Database;
  dataDir: string;
  sync: Sync;
  alerts: (Pick<Alert, 'level' | 'code' | 'vi' | 'en'> & { subject: string | undefined; settled: boolean })[];
  events: { event: EventName; payload: unknown }[];
  seed(
    attachments?: (Buffer | number)[],
    data?: Record<string, unknown>,
    reception?: Parameters<typeof seedDossier>[2]['reception'],
  ): ReturnType<typeof seedDossier>;
}

export function quiet(): void {
  const previous = setLogSink(() => undefined);
  onCleanup(() => void setLogSink(previous));
}

export function startKiosk(
  url: string,
  sync: Partial<typeof FAST> = {},
  deps: Pick<SyncDeps, 'reception'> = {},
): LiveKiosk {
  const dataDir = tempDir('kiosk-live-');
  const db = openDb(dataDir, new Date());
  addStaff(db);
  const config = parseConfig({
    centre: { name: 'UBND phường Bến Nghé', unitCode: '000.00.12.H29' },
    kioskId: 'K01',
    portal: { url, token: TOKEN },
    sync: { ...FAST, ...sync },
  });
  const client = createPortalClient({
    url,
    token: TOKEN,
    kioskId: config.kioskId,
    timeoutMs: config.sync.requestTimeoutMs,
  });
  const alerts: LiveKiosk['alerts'] = [];
  const events: LiveKiosk['events'] = [];
  let etag: string | null = null;
  const engine = createSync({
    db,
    client,
    clock: systemClock,
    config,
    blobPath: blobPathIn(dataDir),
    catalogue: {
      replace: (_list, e) => {
        etag = e;
        return { ok: true };
      },
      etag: () => etag,
    },
    emit: <E extends EventName>(event: E, payload: EventPayload<E>) => events.push({ event, payload }),
    alerts: {
      raise(a, subject) {
        alerts.push({ ...a, subject, settled: false });
        return { ...a, id: alerts.length, createdAt: new Date().toISOString(), acknowledgedAt: null };
      },
      // As main/core/alerts does: closes the open alerts about `subject`.
      settle(subject) {
        const open = alerts.filter((x) => x.subject === subject && !x.settled);
        for (const x of open) x.settled = true;
        return open.length;
      },
    },
    audit: createAudit(db, systemClock),
    reception: deps.reception,
    timers: realTimers,
    stopWaitMs: 1000,
  });
  onCleanup(async () => {
    await engine.stop();
    client.close();
  });
  return {
    db,
    dataDir,
    sync: engine,
    alerts,
    events,
    seed: (attachments = [4096], data, reception) =>
      seedDossier(db, dataDir, { now: new Date(), attachments, data, reception }),
  };
}

export async function startPortal(
  options: { port?: number; rejectRules?: RejectRule[] } = {},
): Promise<Portal> {
  const portal = await createPortal({
    dataDir: tempDir('portal-live-'),
    tokens: [TOKEN],
    port: options.port ?? 0,
    rejectRules: options.rejectRules,
  });
  onCleanup(() => portal.close());
  return portal;
}

/** A port nothing listens on right now (the portal is started on it later: "the link returns"). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Polls `done` every 25 ms until it holds or `ms` pass (then fails with `what`). */
export async function waitFor(what: string, done: () => boolean, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (!done()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export const outboxDone = (db: Database.Database) =>
  (db.prepare(`SELECT COUNT(*) FROM outbox WHERE state <> 'done'`).pluck().get() as number) === 0;

/**
 * The two sides agree exactly: every local dossier is on the portal once under its id, with the code the
 * kiosk stored, and every attachment the portal holds is byte-identical (by SHA-256 of the file on disk).
 */
export function expectSameSets(kiosk: LiveKiosk, portal: Portal): void {
  const local = kiosk.db
    .prepare(
      `SELECT id, code, portal_code AS portalCode FROM dossiers WHERE status = 'submitted' ORDER BY id`,
    )
    .all() as { id: string; code: string; portalCode: string | null }[];
  const remote = portal.db
    .prepare(
      `SELECT kiosk_dossier_id AS id, local_code AS code, code AS portalCode FROM dossiers ORDER BY kiosk_dossier_id`,
    )
    .all() as { id: string; code: string; portalCode: string }[];
  expect(remote).toEqual(local);
  const body = portal.db.prepare(`SELECT body_json FROM dossiers WHERE kiosk_dossier_id = ?`).pluck();
  for (const d of local) {
    const sent = JSON.parse(body.get(d.id) as string) as { attachments: { sha256: string; bytes: number }[] };
    const files = kiosk.db
      .prepare(
        `SELECT a.sha256, b.bytes FROM attachments a JOIN blobs b USING (sha256) WHERE a.dossier_id = ? ORDER BY a.component_id`,
      )
      .all(d.id) as { sha256: string; bytes: number }[];
    expect(sent.attachments.map((a) => [a.sha256, a.bytes])).toEqual(files.map((f) => [f.sha256, f.bytes]));
    for (const f of files) {
      const bytes = portal.readBlob(f.sha256) ?? Buffer.alloc(0);
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(f.sha256);
      expect(bytes.length).toBe(f.bytes);
    }
  }
}
