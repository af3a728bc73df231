import { spawn, type ChildProcess } from 'node:child_process';
import { randomFillSync } from 'node:crypto';
import { cpSync, createReadStream, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BuildOptions, BuildResult } from 'esbuild';
import { parseConfig } from '../../main/core/config/load';
import { openDatabase } from '../../main/core/db/open';
import { UPLOADS_PER_DOSSIER } from '../../main/core/sync/deliver';
import { blobPathIn, seedDossier } from '../unit/sync/seed';
import type { KioskDrainResult } from './sync-kiosk';

/**
 * Sync bench: drain 1,000 dossiers × 3 attachments of 200 KB from a kiosk database to the reference portal
 * on loopback, and in the same run the raw ceiling: the same files PUT by a minimal client to a minimal
 * node:http server that reads and drops them, the faster of two runs — with as many uploads in flight as
 * the kiosk may have (sync.concurrency dossiers × UPLOADS_PER_DOSSIER files each) and with
 * sync.concurrency. Ceiling and drain are measured in ROUNDS back-to-back pairs (a fresh portal each) and
 * the median pair is reported: the machine's speed drifts from one minute to the next.
 *
 * The kiosk (sync-kiosk.ts) and the portal (test/portal/main.ts, as `npm run portal` runs it) each run in
 * their own process, so the RSS and CPU time reported are each side's own. Two more figures say where a
 * gap comes from: the minimal server storing each file durably as any honest receiver must (appended to
 * one file, answered after an fdatasync: the disk's share), and the kiosk draining to a portal that stores
 * nothing (the kiosk's own share). About two minutes on a 2-CPU machine; it writes ~2.5 GB to the temp
 * folder and removes it.
 */
export const DOSSIERS = 1_000;
const FILES_PER_DOSSIER = 3;
const FILE_BYTES = 200 * 1024;
/** The kiosk's token at the reference portal (PORTAL_KIOSK_TOKEN). */
export const TOKEN = 'bench-kiosk-token';
const DRAIN_LIMIT_MS = 150_000;
/** Raw ceiling + drain pairs; the median one is reported. */
const ROUNDS = Number(process.env.BENCH_SYNC_ROUNDS ?? 3);
/** BENCH_CPU_PROF=<folder>: the kiosk and portal children write V8 CPU profiles there (--cpu-prof). */
const PROFILE = process.env.BENCH_CPU_PROF
  ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_CPU_PROF]
  : [];

interface Round {
  rawSameS: number;
  raw2S: number;
  rawS: number;
  /** CPU time of the faster ceiling run: its client and its server together. */
  rawCpuMs: number | null;
  real: KioskDrainResult;
  portalCpuMs: number | null;
}

type Figures = Record<string, number | string>;

// MODE=discard: read and drop (the network ceiling); MODE=durable: what a receiver that must not lose an
// acknowledged file does at the least (append it to one log file and answer after an fdatasync that
// started after the write: the reference portal's segment store without the hash and the index);
// MODE=protocol: the portal protocol with no storage at all (HEAD 404, PUT 201,
// POST 201 with a code), to time the kiosk's own engine and client against the same ceiling.
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
    // A POST's body is read for its reception, which the answer holds (SubmitAnswer); the rest is dropped.
    const body = [];
    if (req.method === 'POST') req.on('data', (c) => body.push(c));
    else req.resume();
    req.once('end', () => {
      if (req.method === 'HEAD') return send(req.url.includes('/blobs/') ? 404 : 200);
      if (req.method === 'PUT') return send(201, {});
      if (req.method === 'POST') {
        const { reception } = JSON.parse(Buffer.concat(body).toString('utf8'));
        return send(201, { portalCode: '000.00.12.H29-261123-' + String(++n).padStart(4, '0'), reception });
      }
      if (req.url.startsWith('/api/v1/catalogue')) return send(200, { procedures: [] });
      return send(200, { changes: [], cursor: '0' });
    });
    return;
  }
  if (mode === 'discard') { req.resume(); req.once('end', done); return; }
  // durable: the body gathered, appended to one log file, and answered once an fdatasync that started
  // after its write has completed (one sync for all the PUTs finished meanwhile).
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.once('end', () => {
    const body = Buffer.concat(chunks), at = end;
    end += body.length;
    fs.write(log, body, 0, body.length, at, (e) => e ? send(500) : afterSync((e) => e ? send(500) : done()));
  });
}).listen(0, '127.0.0.1', function () { process.stdout.write('port ' + this.address().port + '\\n'); });
const log = mode === 'durable' ? fs.openSync(path.join(dir, 'log'), 'w') : -1;
let end = 0, waiting = [], syncing = false;
function afterSync(cb) {
  waiting.push(cb);
  if (!syncing) syncNow();
}
function syncNow() {
  syncing = true;
  const batch = waiting;
  waiting = [];
  fs.fdatasync(log, (e) => { syncing = false; for (const f of batch) f(e); if (waiting.length) syncNow(); });
}
`;

export function startChild(
  args: string[],
  env: NodeJS.ProcessEnv,
  ready: RegExp,
): Promise<{ child: ChildProcess; match: RegExpExecArray }> {
  const child = spawn(process.execPath, [...PROFILE, ...args], {
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

export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

/** CPU time (user + system) a process has used so far, from /proc; null where there is none. */
function cpuMsOf(pid: number | undefined): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // clock ticks of 1/100 s on Linux
  } catch {
    return null;
  }
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

function minimalServer(mode: 'discard' | 'durable' | 'protocol', dir: string) {
  return startChild(['-e', MINIMAL_SERVER], { MODE: mode, DIR: dir }, /port (\d+)/);
}

async function rawCeiling(
  files: { path: string; sha256: string }[],
  parallel: number,
  mode: 'discard' | 'durable',
  dir: string,
) {
  const { child, match } = await minimalServer(mode, dir);
  try {
    const server0 = cpuMsOf(child.pid);
    const client0 = process.cpuUsage();
    const seconds = await putAll(Number(match[1]), files, parallel);
    const client = process.cpuUsage(client0);
    const server1 = cpuMsOf(child.pid);
    // CPU time the ceiling's client and server used between them: what the drain's two processes are
    // compared against on the same cores (the bench process does nothing else while it PUTs).
    const serverMs = server0 === null || server1 === null ? null : server1 - server0;
    const cpuMs = serverMs === null ? null : (client.user + client.system) / 1000 + serverMs;
    return { seconds, cpuMs };
  } finally {
    await stopChild(child);
  }
}

/**
 * The kiosk child and the portal, bundled once as scripts/bench.mjs bundles the bench (native modules
 * stay external). esbuild is loaded from the checkout at run time: it cannot itself be bundled.
 */
export async function bundleChildren(root: string, work: string): Promise<{ kiosk: string; portal: string }> {
  const { build } = createRequire(join(root, 'package.json'))('esbuild') as {
    build(options: BuildOptions): Promise<BuildResult>;
  };
  const outdir = join(work, 'bundle');
  await build({
    absWorkingDir: root,
    entryPoints: {
      'sync-kiosk': join(root, 'test', 'bench', 'sync-kiosk.ts'),
      portal: join(root, 'test', 'portal', 'main.ts'),
    },
    outdir,
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['better-sqlite3', '@napi-rs/canvas', 'node-hid', 'bufferutil', 'utf-8-validate'],
    loader: { '.sql': 'text' },
    logLevel: 'error',
    logOverride: { 'empty-import-meta': 'silent' },
  });
  cpSync(join(root, 'main', 'core', 'print', 'fonts'), join(outdir, 'fonts'), { recursive: true });
  return { kiosk: join(outdir, 'sync-kiosk.cjs'), portal: join(outdir, 'portal.cjs') };
}

/** Runs the kiosk child until it has drained the outbox to `url`. */
function drain(entry: string, dataDir: string, url: string): Promise<KioskDrainResult> {
  const child = spawn(process.execPath, [...PROFILE, entry], {
    env: {
      ...process.env,
      BENCH_DATA_DIR: dataDir,
      BENCH_PORTAL_URL: url,
      BENCH_TOKEN: TOKEN,
      BENCH_DOSSIERS: String(DOSSIERS),
      BENCH_LIMIT_MS: String(DRAIN_LIMIT_MS),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (out += c.toString()));
  return new Promise((resolve, reject) => {
    const limit = setTimeout(() => child.kill('SIGKILL'), DRAIN_LIMIT_MS + 20_000);
    child.once('exit', (code) => {
      clearTimeout(limit);
      const line = /^result (.*)$/m.exec(out);
      if (code === 0 && line) resolve(JSON.parse(line[1]!) as KioskDrainResult);
      else reject(new Error(`kiosk drain failed (${code}): ${out.slice(-800)}`));
    });
  });
}

/** Puts every dossier back to "submitted, not sent" for the next drain. */
function resetOutbox(dataDir: string): void {
  const { db } = openDatabase(dataDir, new Date());
  const now = new Date().toISOString();
  try {
    db.transaction(() => {
      db.prepare(
        `UPDATE outbox SET state = 'waiting', attempts = 0, next_attempt_at = ?, done_at = NULL, lease_until = NULL`,
      ).run(now);
      db.prepare(`UPDATE dossiers SET portal_code = NULL, current_status = 'received'`).run();
      db.prepare(`DELETE FROM dossier_events WHERE status = 'sent'`).run();
    })();
  } finally {
    db.close();
  }
}

/**
 * The kiosk's database with its real settings (WAL, synchronous=FULL) in `kioskDir`, and DOSSIERS submitted
 * dossiers of FILES_PER_DOSSIER random files of FILE_BYTES each, all waiting in the outbox.
 */
export function seedOutbox(kioskDir: string): {
  files: { path: string; sha256: string }[];
  bytes: number;
  seconds: number;
} {
  const files: { path: string; sha256: string }[] = [];
  const path = blobPathIn(kioskDir);
  const setup0 = performance.now();
  const { db } = openDatabase(kioskDir, new Date());
  try {
    // One transaction for the setup (each seed's own becomes a savepoint): the setup is not what is timed.
    db.transaction(() => {
      for (let i = 0; i < DOSSIERS; i++) {
        const seeded = seedDossier(db, kioskDir, {
          now: new Date(),
          attachments: Array.from({ length: FILES_PER_DOSSIER }, () =>
            randomFillSync(Buffer.alloc(FILE_BYTES)),
          ),
        });
        for (const f of seeded.files) files.push({ path: path(f.sha256), sha256: f.sha256 });
      }
    })();
  } finally {
    db.close();
  }
  return { files, bytes: files.length * FILE_BYTES, seconds: (performance.now() - setup0) / 1000 };
}

const round1 = (n: number) => Math.round(n * 10) / 10;

export async function benchSync(root: string = process.cwd()): Promise<Figures> {
  const work = mkdtempSync(join(tmpdir(), 'kiosk-bench-sync-'));
  const kioskDir = join(work, 'kiosk');
  const children: ChildProcess[] = [];
  try {
    const bundled = await bundleChildren(root, work);
    const { files, seconds: setupS } = seedOutbox(kioskDir);
    const totalMB = (files.length * FILE_BYTES) / 1e6;
    const config = parseConfig({ centre: { name: 'Bench', unitCode: '000.00.12.H29' } });
    // The most uploads the kiosk has in flight: the ceiling gets exactly as many.
    const parallel = config.sync.concurrency * UPLOADS_PER_DOSSIER;

    // The machine's speed drifts (other tenants of the host): a ceiling measured a minute apart from the
    // drain can be off by half. So the headline ratio is measured in ROUNDS rounds, each a raw ceiling
    // right before a drain to a fresh portal, and the median round is reported (its figures, its ratio).
    //
    // The raw ceiling of a round is the faster of two runs, with as many uploads in flight as the kiosk
    // and with sync.concurrency (what the ceiling used before the kiosk sent a dossier's files at once):
    // the ratio is never flattered. The first one also leaves the files in the page cache for the drains.
    const rounds: Round[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      const rawSame = await rawCeiling(files, parallel, 'discard', work);
      const raw2 = await rawCeiling(files, config.sync.concurrency, 'discard', work);
      const faster = rawSame.seconds <= raw2.seconds ? rawSame : raw2;
      // The reference portal in its own process, as `npm run portal` starts it (without the wrapper
      // process, so its CPU time can be read), on a new data folder.
      const portalDir = join(work, `portal-${r}`);
      const portal = await startChild(
        [bundled.portal],
        { PORTAL_PORT: '0', PORTAL_DATA_DIR: portalDir, PORTAL_KIOSK_TOKEN: TOKEN, KIOSK_LOG_LEVEL: 'warn' },
        /url:\s+(http:\/\/\S+)/,
      );
      children.push(portal.child);
      const portalCpu0 = cpuMsOf(portal.child.pid);
      const real = await drain(bundled.kiosk, kioskDir, portal.match[1]!);
      const portalCpu1 = cpuMsOf(portal.child.pid);
      await stopChild(portal.child);
      rmSync(portalDir, { recursive: true, force: true });
      resetOutbox(kioskDir);
      const portalCpuMs = portalCpu0 === null || portalCpu1 === null ? null : portalCpu1 - portalCpu0;
      rounds.push({
        rawSameS: rawSame.seconds,
        raw2S: raw2.seconds,
        rawS: faster.seconds,
        rawCpuMs: faster.cpuMs,
        real,
        portalCpuMs,
      });
    }
    const byRatio = [...rounds].sort((a, b) => a.rawS / a.real.seconds - b.rawS / b.real.seconds);
    const median = byRatio[Math.floor(byRatio.length / 2)]!;
    const { rawSameS, raw2S, rawS, real } = median;

    // Where a gap comes from, once each: the disk's share (a minimal durable receiver) and the kiosk's
    // own (its engine against a portal that stores nothing).
    const durableDir = join(work, 'durable');
    mkdirSync(durableDir);
    const durableS = (await rawCeiling(files, parallel, 'durable', durableDir)).seconds;
    rmSync(durableDir, { recursive: true, force: true });
    const minimal = await minimalServer('protocol', work);
    children.push(minimal.child);
    const engineOnly = await drain(bundled.kiosk, kioskDir, `http://127.0.0.1:${minimal.match[1]}`);
    await stopChild(minimal.child);

    const mbps = (seconds: number) => round1(totalMB / seconds);
    const mb = (bytes: number) => round1(bytes / 1e6);
    const percent = (ceilingS: number, s: number) => Math.round((ceilingS / s) * 100);
    const sorted = [...real.rss].sort((a, b) => a - b);
    const perDossier = (ms: number) => round1(ms / DOSSIERS);
    return {
      'sync.setup.s': round1(setupS),
      'sync.drain.dossiers': DOSSIERS,
      'sync.drain.files': files.length,
      'sync.drain.MB': Math.round(totalMB),
      'sync.concurrency': config.sync.concurrency,
      'sync.uploads.in-flight.max': parallel,
      'sync.drain.s': round1(real.seconds),
      'sync.drain.dossiers/s': round1(DOSSIERS / real.seconds),
      'sync.drain.MB/s': mbps(real.seconds),
      'sync.raw.MB/s': mbps(rawS),
      'sync.raw.what': `minimal client → node:http server that reads and drops each body (no disk, no fsync, no hash); the faster of ${parallel} and ${config.sync.concurrency} PUTs in flight`,
      'sync.drain/raw.%': percent(rawS, real.seconds),
      'sync.drain/raw.rounds.%': rounds.map((r) => percent(r.rawS, r.real.seconds)).join(' / '),
      'sync.drain.rounds.MB/s': rounds.map((r) => mbps(r.real.seconds)).join(' / '),
      'sync.raw.rounds.MB/s': rounds.map((r) => mbps(r.rawS)).join(' / '),
      [`sync.raw.${parallel}-in-flight.MB/s`]: mbps(rawSameS),
      [`sync.raw.${config.sync.concurrency}-in-flight.MB/s`]: mbps(raw2S),
      'sync.raw-durable.MB/s': mbps(durableS),
      'sync.raw-durable.what': `minimal client → server appending each file to one log file, 201 after an fdatasync that started after the write (one for all PUTs finished meanwhile); ${parallel} PUTs in flight; measured once, after the rounds`,
      'sync.drain/raw-durable.%': percent(durableS, real.seconds),
      'sync.engine-only.MB/s': mbps(engineOnly.seconds),
      'sync.engine-only/raw.%': percent(rawS, engineOnly.seconds),
      'sync.kiosk.rss.start.MB': mb(real.rssStart),
      'sync.kiosk.rss.peak.MB': mb(sorted.at(-1)!),
      'sync.kiosk.rss.median.MB': mb(sorted[Math.floor(sorted.length / 2)]!),
      'sync.kiosk.heap.end.MB': mb(real.heapUsed),
      'sync.kiosk.buffers.end.MB': mb(real.arrayBuffers),
      'sync.kiosk.cpu.ms/dossier': perDossier(real.cpuMs),
      'sync.portal.cpu.ms/dossier': median.portalCpuMs === null ? 'n/a' : perDossier(median.portalCpuMs),
      // The same bytes cost the ceiling's client and server this much CPU between them: kiosk and portal
      // share the machine's cores the same way, so the ratio can be no better than about raw/(kiosk+portal).
      'sync.raw.cpu.ms/dossier': median.rawCpuMs === null ? 'n/a' : perDossier(median.rawCpuMs),
      'sync.dossier.changed.events': real.changed,
    };
  } finally {
    for (const child of children) await stopChild(child);
    rmSync(work, { recursive: true, force: true });
  }
}
