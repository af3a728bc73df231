/**
 * Not a bench by itself: the kiosk side of the sync bench (sync.ts), in a process of its own, so that the
 * RSS it reports is the kiosk's draining and nothing else's (not the bench's 600 MB of seeded files, not
 * the benches that ran before it). It opens the kiosk database the bench seeded (the real settings: WAL,
 * synchronous = FULL), drains the outbox to BENCH_PORTAL_URL with the kiosk's engine and client at the
 * shipped defaults, and prints one JSON line: seconds, RSS samples, CPU time.
 *
 * Environment: BENCH_DATA_DIR, BENCH_PORTAL_URL, BENCH_TOKEN, BENCH_DOSSIERS, BENCH_LIMIT_MS.
 */
import { createAlerts } from '../../main/core/alerts';
import { createAudit } from '../../main/core/audit';
import { createEventBus } from '../../main/core/events';
import { systemClock } from '../../main/core/clock';
import { parseConfig } from '../../main/core/config/load';
import { openDatabase } from '../../main/core/db/open';
import { createSync, realTimers } from '../../main/core/sync';
import { createPortalClient, socketsFor } from '../../main/core/sync/client';
import { blobPathIn } from '../unit/sync/seed';

export interface KioskDrainResult {
  seconds: number;
  /** RSS after the database and engine are open, before the first request. */
  rssStart: number;
  /** RSS every 100 ms during the drain. */
  rss: number[];
  /** User + system CPU time of this process during the drain. */
  cpuMs: number;
  /** `dossier.changed` events seen (one `sent` per dossier). */
  changed: number;
  /** JS heap in use and Buffer memory at the end: files are streamed, so neither grows with the drain. */
  heapUsed: number;
  arrayBuffers: number;
}

const env = process.env;
const dossiers = Number(env.BENCH_DOSSIERS);
const limitMs = Number(env.BENCH_LIMIT_MS ?? 240_000);

async function main(): Promise<void> {
  const dataDir = env.BENCH_DATA_DIR!;
  const { db } = openDatabase(dataDir, new Date());
  // The shipped defaults (concurrency, timeouts); only the portal's address is the bench's.
  const config = parseConfig({
    centre: { name: 'Bench', unitCode: '000.00.12.H29' },
    portal: { url: env.BENCH_PORTAL_URL!, token: env.BENCH_TOKEN! },
  });
  const client = createPortalClient({
    url: env.BENCH_PORTAL_URL!,
    token: env.BENCH_TOKEN!,
    kioskId: config.kioskId,
    timeoutMs: config.sync.requestTimeoutMs,
    maxSockets: socketsFor(config.sync.concurrency),
  });
  const audit = createAudit(db, systemClock);
  let changed = 0;
  const sync = createSync({
    db,
    client,
    clock: systemClock,
    config,
    blobPath: blobPathIn(dataDir),
    catalogue: { replace: () => ({ ok: true }), etag: () => null },
    emit: (event) => {
      if (event === 'dossier.changed') changed += 1;
    },
    // The real alerts (their settle runs for every dossier sent), as the kiosk has them.
    alerts: createAlerts(db, { clock: systemClock, bus: createEventBus(), audit }),
    audit,
    timers: realTimers,
  });
  const rssStart = process.memoryUsage.rss();
  const rss: number[] = [];
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  sync.start();
  const deadline = Date.now() + limitMs;
  try {
    for (;;) {
      rss.push(process.memoryUsage.rss());
      const s = sync.status();
      if (s.waiting === 0 && s.sending === 0 && s.synced === dossiers) break;
      if (s.attention > 0) throw new Error(`${s.attention} dossiers refused during the bench`);
      if (Date.now() > deadline)
        throw new Error(`drain not finished in ${limitMs / 1000} s: ${JSON.stringify(s)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const { heapUsed, arrayBuffers } = process.memoryUsage();
    const result: KioskDrainResult = {
      seconds,
      rssStart,
      rss,
      cpuMs: (cpu.user + cpu.system) / 1000,
      changed,
      heapUsed,
      arrayBuffers,
    };
    process.stdout.write(`result ${JSON.stringify(result)}\n`);
  } finally {
    await sync.stop();
    client.close();
    db.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stdout.write(`error ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(3);
  },
);
