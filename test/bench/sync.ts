import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createReadStream, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAudit } from '../../main/core/audit';
import { systemClock } from '../../main/core/clock';
import { parseConfig } from '../../main/core/config/load';
import { openDatabase } from '../../main/core/db/open';
import { createSync, realTimers } from '../../main/core/sync';
import { createPortalClient } from '../../main/core/sync/client';
import { blobPathIn, seedDossier } from '../unit/sync/seed';

/**
 * Sync bench: drain 1,000 dossiers × 3 attachments of 200 KB from a kiosk database to the reference portal
 * on loopback (the portal in its own process, as `npm run portal` starts it, so the RSS measured here is
 * the kiosk's), and in the same run the raw ceiling: the same files PUT by a minimal client to a minimal
 * node:http server, with the same number of uploads in flight. Two more figures say where a gap comes
 * from: the minimal server writing and fsyncing each file like any durable receiver (the disk), and the
 * kiosk's own engine and client draining to a portal that stores nothing (the kiosk's share).
 * About a minute on a 2-CPU machine; it writes 1.2 GB to the temp folder and removes it.
 */
const DOSSIERS = 1_000;
const FILES_PER_DOSSIER = 3;
const FILE_BYTES = 200 * 1024;
const TOKEN = 'bench-kiosk-token';
const DRAIN_LIMIT_MS = 240_000;
/** The fsync ceiling is timed on this many files and scaled: it only explains the gap, it is not the goal. */
const FSYNC_SAMPLE = 600;

type Figures = Record<string, number | string>;

// MODE=discard: read and drop (the network ceiling); MODE=fsync: write and fsync each file; MODE=protocol:
// the portal protocol with no storage at all (HEAD 404, PUT 201, POST 201 with a code), to time the
// kiosk's own engine and client against the same ceiling.
const MINIMAL_SERVER = `
const http = require('node:http'), fs = require('node:fs'), path = require('node:path');
const mode = process.env.MODE, dir = process.env.DIR;
let n = 0;
http.createServer((req, res) => {
  const send = (status, body) => {
    const data = Buffer.from(body === undefined ? '' : JSON.stringify(body));
    res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': data.length });
    res.end(data);
  };
  const done = () => send(201);
  if (mode === 'protocol') {
    req.resume();
    req.once('end', () => {
      if (req.method === 'HEAD') return send(req.url.includes('/blobs/') ? 404 : 200);
      if (req.method === 'PUT') return send(201, {});
      if (req.method === 'POST') return send(201, { portalCode: '000.00.12.H29-261123-' + String(++n).padStart(4, '0') });
      if (req.url.startsWith('/api/v1/catalogue')) return send(200, { procedures: [] });
      return send(200, { changes: [], cursor: '0' });
    });
    return;
  }
  if (mode === 'discard') { req.resume(); req.once('end', done); return; }
  const file = path.join(dir, String(n++));
  const out = fs.createWriteStream(file);
  req.pipe(out);
  out.once('finish', () => fs.open(file, 'r+', (e, fd) => fs.fsync(fd, () => fs.close(fd, done))));
}).listen(0, '127.0.0.1', function () { process.stdout.write('port ' + this.address().port + '\\n'); });
`;

function startChild(
  args: string[],
  env: NodeJS.ProcessEnv,
  ready: RegExp,
): Promise<{ child: ChildProcess; match: RegExpExecArray }> {
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  return new Promise((resolve, reject) => {
    const limit = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`child not ready in 60 s: ${out.slice(-500)}`));
    }, 60_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const match = ready.exec(out);
      if (match) {
        clearTimeout(limit);
        child.stdout!.off('data', onData);
        child.stdout!.resume();
        resolve({ child, match });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
    child.once('exit', (code) => {
      clearTimeout(limit);
      reject(new Error(`child exited (${code}) before it was ready: ${out.slice(-500)}`));
    });
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

/** PUTs every file with `parallel` uploads in flight over keep-alive, streaming each from disk. */
async function putAll(
  port: number,
  files: { path: string; sha256: string }[],
  parallel: number,
): Promise<number> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: parallel });
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < files.length) {
      const f = files[next++]!;
      await new Promise<void>((resolve, reject) => {
        const req = http.request(
          {
            host: '127.0.0.1',
            port,
            method: 'PUT',
            path: `/api/v1/blobs/${f.sha256}`,
            agent,
            headers: { 'Content-Type': 'application/octet-stream', 'Content-Length': FILE_BYTES },
          },
          (res) => {
            res.resume();
            res.once('end', () =>
              res.statusCode === 201 ? resolve() : reject(new Error(`PUT ${res.statusCode}`)),
            );
          },
        );
        req.once('error', reject);
        createReadStream(f.path).pipe(req);
      });
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  agent.destroy();
  return (performance.now() - started) / 1000;
}

function minimalServer(mode: 'discard' | 'fsync' | 'protocol', dir: string) {
  return startChild(['-e', MINIMAL_SERVER], { MODE: mode, DIR: dir }, /port (\d+)/);
}

async function rawCeiling(
  files: { path: string; sha256: string }[],
  parallel: number,
  mode: 'discard' | 'fsync',
  dir: string,
) {
  const { child, match } = await minimalServer(mode, dir);
  try {
    return await putAll(Number(match[1]), files, parallel);
  } finally {
    await stopChild(child);
  }
}

/** Drains the outbox to `url` with the kiosk's engine and client; samples this process's RSS meanwhile. */
async function drain(
  db: ReturnType<typeof openDatabase>['db'],
  config: ReturnType<typeof parseConfig>,
  url: string,
  blobPath: (sha256: string) => string,
): Promise<{ seconds: number; rss: number[]; changed: number }> {
  const client = createPortalClient({
    url,
    token: TOKEN,
    kioskId: config.kioskId,
    timeoutMs: config.sync.requestTimeoutMs,
  });
  let changed = 0;
  const sync = createSync({
    db,
    client,
    clock: systemClock,
    config,
    blobPath,
    catalogue: { replace: () => ({ ok: true }), etag: () => null },
    emit: (event) => {
      if (event === 'dossier.changed') changed += 1;
    },
    alerts: { raise: (a) => ({ ...a, id: 1, createdAt: new Date().toISOString(), acknowledgedAt: null }) },
    audit: createAudit(db, systemClock),
    timers: realTimers,
  });
  const rss: number[] = [];
  const t0 = performance.now();
  sync.start();
  const deadline = Date.now() + DRAIN_LIMIT_MS;
  try {
    for (;;) {
      rss.push(process.memoryUsage().rss);
      const s = sync.status();
      if (s.waiting === 0 && s.sending === 0 && s.synced === DOSSIERS) break;
      if (s.attention > 0) throw new Error(`${s.attention} dossiers refused during the bench`);
      if (Date.now() > deadline)
        throw new Error(`drain not finished in ${DRAIN_LIMIT_MS / 1000} s: ${JSON.stringify(s)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    return { seconds: (performance.now() - t0) / 1000, rss, changed };
  } finally {
    await sync.stop();
    client.close();
  }
}

/** Puts every dossier back to "submitted, not sent" for the next drain. */
function resetOutbox(db: ReturnType<typeof openDatabase>['db']): void {
  const now = new Date().toISOString();
  db.transaction(() => {
    db.prepare(
      `UPDATE outbox SET state = 'waiting', attempts = 0, next_attempt_at = ?, done_at = NULL, lease_until = NULL`,
    ).run(now);
    db.prepare(`UPDATE dossiers SET portal_code = NULL, current_status = 'received'`).run();
    db.prepare(`DELETE FROM dossier_events WHERE status = 'sent'`).run();
  })();
}

const round1 = (n: number) => Math.round(n * 10) / 10;

export async function benchSync(root: string = process.cwd()): Promise<Figures> {
  const work = mkdtempSync(join(tmpdir(), 'kiosk-bench-sync-'));
  const kioskDir = join(work, 'kiosk');
  const children: ChildProcess[] = [];
  const { db } = openDatabase(kioskDir, new Date());
  try {
    // The kiosk's database with its real settings (WAL, synchronous=FULL), and 1,000 submitted dossiers.
    const files: { path: string; sha256: string }[] = [];
    const path = blobPathIn(kioskDir);
    const setup0 = performance.now();
    // One transaction for the setup (each seed's own becomes a savepoint): the setup is not what is timed.
    db.transaction(() => {
      for (let i = 0; i < DOSSIERS; i++) {
        const seeded = seedDossier(db, kioskDir, {
          now: new Date(),
          attachments: Array.from({ length: FILES_PER_DOSSIER }, () => randomBytes(FILE_BYTES)),
        });
        for (const f of seeded.files) files.push({ path: path(f.sha256), sha256: f.sha256 });
      }
    })();
    const setupS = (performance.now() - setup0) / 1000;
    const totalMB = (files.length * FILE_BYTES) / 1e6;
    // The shipped defaults (concurrency 2, 30 s timeouts); only the portal's address is the bench's.
    const config = parseConfig({
      centre: { name: 'Bench', unitCode: '000.00.12.H29' },
      portal: { url: 'http://127.0.0.1:1/', token: TOKEN },
    });
    const parallel = config.sync.concurrency;

    // 1. The ceilings (they also leave the files in the page cache for the drains).
    const rawS = await rawCeiling(files, parallel, 'discard', work);
    const fsyncDir = join(work, 'fsync');
    mkdirSync(fsyncDir);
    const fsyncFiles = files.slice(0, FSYNC_SAMPLE);
    const fsyncS =
      (await rawCeiling(fsyncFiles, parallel, 'fsync', fsyncDir)) * (files.length / fsyncFiles.length);
    rmSync(fsyncDir, { recursive: true, force: true });

    // 2. The kiosk's engine against a portal that stores nothing: the kiosk's own share of the cost.
    const minimal = await minimalServer('protocol', work);
    children.push(minimal.child);
    const engineOnly = await drain(db, config, `http://127.0.0.1:${minimal.match[1]}`, path);
    await stopChild(minimal.child);
    resetOutbox(db);

    // 3. The reference portal in its own process, exactly as `npm run portal` starts it.
    const portal = await startChild(
      [join(root, 'scripts', 'portal.mjs')],
      {
        PORTAL_PORT: '0',
        PORTAL_DATA_DIR: join(work, 'portal'),
        PORTAL_KIOSK_TOKEN: TOKEN,
        KIOSK_LOG_LEVEL: 'warn',
      },
      /url:\s+(http:\/\/\S+)/,
    );
    children.push(portal.child);
    const real = await drain(db, config, portal.match[1]!, path);

    const mbps = (seconds: number) => round1(totalMB / seconds);
    const mb = (bytes: number) => round1(bytes / 1e6);
    const sorted = [...real.rss].sort((a, b) => a - b);
    return {
      'sync.setup.s': round1(setupS),
      'sync.drain.dossiers': DOSSIERS,
      'sync.drain.files': files.length,
      'sync.drain.MB': Math.round(totalMB),
      'sync.concurrency': parallel,
      'sync.drain.s': round1(real.seconds),
      'sync.drain.dossiers/s': round1(DOSSIERS / real.seconds),
      'sync.drain.MB/s': mbps(real.seconds),
      'sync.raw.MB/s': mbps(rawS),
      'sync.drain/raw.%': Math.round((rawS / real.seconds) * 100),
      'sync.raw-fsync.MB/s': mbps(fsyncS),
      'sync.drain/raw-fsync.%': Math.round((fsyncS / real.seconds) * 100),
      'sync.engine-only.MB/s': mbps(engineOnly.seconds),
      'sync.engine-only/raw.%': Math.round((rawS / engineOnly.seconds) * 100),
      'sync.kiosk.rss.peak.MB': mb(sorted.at(-1)!),
      'sync.kiosk.rss.median.MB': mb(sorted[Math.floor(sorted.length / 2)]!),
      'sync.dossier.changed.events': real.changed,
    };
  } finally {
    for (const child of children) await stopChild(child);
    if (db.open) db.close();
    rmSync(work, { recursive: true, force: true });
  }
}
