import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { build } from 'esbuild';
import { createPortal } from '../../portal';
import { seeded } from '../../support/prng';

/**
 * The crash loop shared by crash.test.ts (the default run) and scripts/soak.mjs (longer): the kiosk core
 * runs as a child process filing dossiers and syncing them to the reference portal (here, in this
 * process), and is killed with SIGKILL at random moments. After every kill the database must pass
 * SQLite's integrity and foreign-key checks; at the end, one more start drains the outbox and the two
 * sides must hold exactly the same dossiers and files: nothing lost, nothing twice, nothing orphaned.
 */
export interface CrashOptions {
  root: string;
  /** Kills in all, shared between the kiosks. */
  kills: number;
  /** Kiosks (K01, K02, …) filing at the same time, each with its own data folder, one portal. */
  kiosks: number;
  /** Most kills land this long after the core said `ready` (uniformly random): filing and sending. */
  minMs: number;
  maxMs: number;
  /** This share of kills lands during start-up instead (opening, migrating, sweeping, the first probe). */
  startupShare: number;
  seed: number;
  /** Progress lines (the soak prints them). */
  log?: (line: string) => void;
}

export interface CrashReport {
  kills: number;
  acknowledged: number;
  submitted: number;
  onPortal: number;
  files: number;
  seconds: number;
  problems: string[];
}

const TOKEN = 'crash-kiosk-token';
const READY_LIMIT_MS = 30_000;
const DRAIN_LIMIT_MS = 150_000;
/** Start-up kills land within this many ms of the spawn (the core is ready after ~2–4 s here). */
const STARTUP_KILL_MS = 2_500;

/** Bundles the child once (as scripts/bench.mjs bundles the bench): native modules stay external. */
async function bundleChild(root: string, work: string): Promise<string> {
  const outfile = join(work, 'crash-kiosk.cjs');
  await build({
    absWorkingDir: root,
    // The attachment worker beside it, where the core looks for it (main/core/dossier/decode).
    entryPoints: {
      'crash-kiosk': join(root, 'test', 'integration', 'sync', 'crash-kiosk.ts'),
      'file-worker': join(root, 'main', 'core', 'dossier', 'decode', 'worker.ts'),
    },
    outdir: work,
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: [
      'better-sqlite3',
      '@napi-rs/canvas',
      'sharp',
      'node-hid',
      'bufferutil',
      'utf-8-validate',
      'pcsclite',
      '@pokusew/pcsclite',
    ],
    loader: { '.sql': 'text' },
    logLevel: 'error',
    logOverride: { 'empty-import-meta': 'silent' },
  });
  cpSync(join(root, 'main', 'core', 'print', 'fonts'), join(work, 'fonts'), { recursive: true });
  // The administrative units, where main/core/address/dataset.ts looks in a CJS bundle (the dossier
  // check reads them for the form's addresses).
  cpSync(join(root, 'main', 'core', 'address', 'data'), join(work, 'address-data'), { recursive: true });
  return outfile;
}

interface Run {
  lines: string[];
  /** How long the core took to start, -1 if it never said `ready`. */
  readyAfterMs(): number;
  ready: Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill(): void;
}

/** Every child still running: the loop's `finally` kills them, so a failure never leaves one behind. */
const live = new Set<ReturnType<typeof spawn>>();

function startChild(root: string, entry: string, env: Record<string, string>): Run {
  const child = spawn(process.execPath, [entry], {
    cwd: root,
    env: {
      ...process.env,
      ...env,
      NODE_PATH: [join(root, 'node_modules'), process.env.NODE_PATH].filter(Boolean).join(delimiter),
      KIOSK_LOG_LEVEL: 'error',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const spawnedAt = performance.now();
  let readyAfterMs = -1;
  let buffer = '';
  let stderr = '';
  let onReady: () => void = () => undefined;
  let onFail: (e: Error) => void = () => undefined;
  const ready = new Promise<void>((resolve, reject) => {
    onReady = resolve;
    onFail = reject;
  });
  child.stdout.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    let i: number;
    while ((i = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, i);
      buffer = buffer.slice(i + 1);
      lines.push(line);
      if (line === 'ready') {
        readyAfterMs = Math.round(performance.now() - spawnedAt);
        onReady();
      }
    }
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  live.add(child);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      live.delete(child);
      onFail(new Error(`kiosk exited (${code ?? signal}) before ready: ${lines.join(' | ')} ${stderr}`));
      resolve({ code, signal });
    }),
  );
  return { lines, ready, exited, kill: () => child.kill('SIGKILL'), readyAfterMs: () => readyAfterMs };
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    p,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: no answer in ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** What SQLite says about the file a killed kiosk left (opening it also replays the WAL, as a start does). */
function integrityProblems(path: string): string[] {
  if (!existsSync(path)) return []; // killed before the core created it
  const db = new Database(path, { fileMustExist: true });
  try {
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[])
      .map((r) => r.integrity_check)
      .filter((r) => r !== 'ok');
    const foreign = db.pragma('foreign_key_check') as unknown[];
    return [...integrity, ...(foreign.length > 0 ? [`${foreign.length} foreign key violations`] : [])];
  } finally {
    db.close();
  }
}

function filesUnder(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

interface KioskState {
  id: string;
  dataDir: string;
  acknowledged: Map<string, string>;
}

/** One kiosk's share of the kills: spawn, wait a random moment, SIGKILL, check the file, again. */
async function killLoop(
  k: KioskState,
  kills: number,
  ctx: {
    root: string;
    entry: string;
    env: Record<string, string>;
    random: () => number;
    options: CrashOptions;
  },
  problems: string[],
  onKill: () => void,
): Promise<void> {
  for (let n = 0; n < kills && problems.length === 0; n++) {
    const run = startChild(ctx.root, ctx.entry, {
      ...ctx.env,
      CRASH_DATA_DIR: k.dataDir,
      CRASH_KIOSK_ID: k.id,
      CRASH_MODE: 'file',
    });
    run.ready.catch(() => undefined); // a kill before `ready` is one of the moments we want
    const duringStartup = ctx.random() < ctx.options.startupShare;
    const wait = duringStartup
      ? 100 + ctx.random() * STARTUP_KILL_MS
      : ctx.options.minMs + ctx.random() * (ctx.options.maxMs - ctx.options.minMs);
    const moment = duringStartup
      ? Promise.resolve()
      : withTimeout(run.ready, READY_LIMIT_MS, `${k.id} start`);
    const early = await Promise.race([
      run.exited.then((e) => e),
      moment.then(() => new Promise<null>((r) => setTimeout(() => r(null), wait))),
    ]);
    if (early) {
      problems.push(
        `${k.id} run ${n}: ended by itself (${early.code ?? early.signal}): ${run.lines.slice(-3).join(' | ')}`,
      );
      return;
    }
    run.kill();
    await withTimeout(run.exited, 10_000, 'kiosk exit after SIGKILL');
    ctx.options.log?.(
      `${k.id} run ${n}: killed ${Math.round(wait)} ms after ${duringStartup ? 'spawn' : 'ready'}; ${run.lines.filter((l) => l.startsWith('submitted')).length} submitted, ready after ${run.readyAfterMs()} ms`,
    );
    for (const line of run.lines) {
      const m = /^submitted (\S+) (\S+)$/.exec(line);
      if (m) k.acknowledged.set(m[1]!, m[2]!);
      if (line.startsWith('error ')) problems.push(`${k.id} run ${n}: ${line}`);
    }
    const broken = integrityProblems(join(k.dataDir, 'kiosk.db'));
    if (broken.length > 0) problems.push(`${k.id} after kill ${n + 1}: ${broken.join('; ')}`);
    onKill();
  }
}

export async function runCrashLoop(options: CrashOptions): Promise<CrashReport> {
  const started = performance.now();
  const random = seeded(options.seed);
  const work = mkdtempSync(join(tmpdir(), 'kiosk-crash-'));
  const log = options.log ?? (() => undefined);
  const problems: string[] = [];
  const portal = await createPortal({ dataDir: join(work, 'portal'), tokens: [TOKEN] });
  try {
    const entry = await bundleChild(options.root, work);
    const env = { CRASH_PORTAL_URL: portal.url, CRASH_PORTAL_TOKEN: TOKEN };
    const kiosks: KioskState[] = Array.from({ length: options.kiosks }, (_, i) => {
      const id = `K${String(i + 1).padStart(2, '0')}`;
      return { id, dataDir: join(work, id), acknowledged: new Map() };
    });
    let killed = 0;
    const ctx = { root: options.root, entry, env, random, options };
    await Promise.all(
      kiosks.map((k, i) =>
        killLoop(
          k,
          Math.floor(options.kills / options.kiosks) + (i < options.kills % options.kiosks ? 1 : 0),
          ctx,
          problems,
          () => {
            killed += 1;
            if (killed % 10 === 0) log(`${killed}/${options.kills} kills`);
          },
        ),
      ),
    );

    // Each kiosk comes back two hours later: citizens' abandoned drafts and files never committed are
    // swept at start (as in production), and it drains what is left.
    await Promise.all(
      kiosks.map(async (k) => {
        const last = startChild(options.root, entry, {
          ...env,
          CRASH_DATA_DIR: k.dataDir,
          CRASH_KIOSK_ID: k.id,
          CRASH_MODE: 'drain',
          CRASH_CLOCK_OFFSET_MS: String(2 * 3600_000),
        });
        const end = await withTimeout(last.exited, DRAIN_LIMIT_MS, `${k.id} final drain`);
        if (end.code !== 0 || !last.lines.includes('drained'))
          problems.push(`${k.id} final drain failed: ${last.lines.slice(-3).join(' | ')}`);
      }),
    );

    let submitted = 0;
    let files = 0;
    let acknowledged = 0;
    for (const k of kiosks) {
      const found = verifyKiosk(k, portal, problems);
      submitted += found.submitted;
      files += found.files;
      acknowledged += k.acknowledged.size;
    }
    const onPortal = portal.db.prepare(`SELECT COUNT(*) FROM dossiers`).pluck().get() as number;
    if (onPortal !== submitted)
      problems.push(`${onPortal} dossiers on the portal, ${submitted} submitted on the kiosks`);
    return {
      kills: killed,
      acknowledged,
      submitted,
      onPortal,
      files,
      seconds: Math.round((performance.now() - started) / 100) / 10,
      problems,
    };
  } finally {
    for (const child of live) child.kill('SIGKILL');
    await portal.close();
    rmSync(work, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  }
}

/** One kiosk against the portal: the same dossiers, the same files, nothing orphaned. */
function verifyKiosk(
  k: KioskState,
  portal: Awaited<ReturnType<typeof createPortal>>,
  problems: string[],
): { submitted: number; files: number } {
  const db = new Database(join(k.dataDir, 'kiosk.db'), { readonly: true });
  try {
    const local = db
      .prepare(
        `SELECT id, code, portal_code AS portalCode FROM dossiers WHERE status = 'submitted' ORDER BY id`,
      )
      .all() as { id: string; code: string; portalCode: string | null }[];
    const remote = portal.db
      .prepare(
        `SELECT kiosk_dossier_id AS id, local_code AS code, code AS portalCode FROM dossiers
         WHERE kiosk_id = ? ORDER BY kiosk_dossier_id`,
      )
      .all(k.id) as { id: string; code: string; portalCode: string }[];

    // Nothing lost: every submit that answered is on the kiosk with its code (and so, below, on the portal).
    const byId = new Map(local.map((d) => [d.id, d]));
    for (const [id, code] of k.acknowledged) {
      if (byId.get(id)?.code !== code) problems.push(`${k.id}: acknowledged dossier ${code} missing locally`);
    }
    // Nothing twice, nothing extra: the same set on both sides, with the portal's codes stored locally.
    if (JSON.stringify(local) !== JSON.stringify(remote)) {
      const l = new Set(local.map((d) => d.id));
      const r = new Set(remote.map((d) => d.id));
      problems.push(
        `${k.id}: sets differ: ${local.length} local, ${remote.length} on the portal; ` +
          `only local ${[...l].filter((x) => !r.has(x)).length}, only portal ${[...r].filter((x) => !l.has(x)).length}`,
      );
    }
    const notDone = db.prepare(`SELECT COUNT(*) FROM outbox WHERE state <> 'done'`).pluck().get() as number;
    if (notDone > 0) problems.push(`${k.id}: ${notDone} outbox rows not done`);

    // Files: the portal's copy of each attachment is byte-identical; no row without its file, no file
    // without its row, no attachment of anything but a submitted dossier (the drafts were swept).
    const rows = db
      .prepare(
        `SELECT a.dossier_id AS id, a.sha256, b.bytes, d.status FROM attachments a
         JOIN blobs b USING (sha256) JOIN dossiers d ON d.id = a.dossier_id ORDER BY a.dossier_id, a.component_id`,
      )
      .all() as { id: string; sha256: string; bytes: number; status: string }[];
    const body = portal.db.prepare(`SELECT body_json FROM dossiers WHERE kiosk_dossier_id = ?`).pluck();
    const sent = new Map<string, string[]>();
    for (const r of rows) {
      if (r.status !== 'submitted')
        problems.push(`${k.id}: attachment of a ${r.status} dossier left after the sweep`);
      sent.set(r.id, [...(sent.get(r.id) ?? []), r.sha256]);
      const mine = join(k.dataDir, 'attachments', r.sha256.slice(0, 2), `${r.sha256}.pdf`);
      const theirs = portal.readBlob(r.sha256);
      if (!existsSync(mine) || statSync(mine).size !== r.bytes || sha256(mine) !== r.sha256)
        problems.push(`${k.id}: local file of ${r.sha256} missing or changed`);
      if (!theirs || createHash('sha256').update(theirs).digest('hex') !== r.sha256)
        problems.push(`${k.id}: portal file of ${r.sha256} missing or different`);
    }
    for (const d of local) {
      const posted = JSON.parse((body.get(d.id) as string | undefined) ?? '{"attachments":[]}') as {
        attachments: { sha256: string }[];
      };
      const mine = [...(sent.get(d.id) ?? [])].sort();
      if (JSON.stringify(posted.attachments.map((a) => a.sha256).sort()) !== JSON.stringify(mine))
        problems.push(`${k.id}: dossier ${d.code}: the portal's attachment list differs`);
    }
    const blobRows = new Set(db.prepare(`SELECT sha256 FROM blobs`).pluck().all() as string[]);
    const referenced = new Set(rows.map((r) => r.sha256));
    for (const sha of blobRows)
      if (!referenced.has(sha)) problems.push(`${k.id}: blob row ${sha} not referenced`);
    const files = filesUnder(join(k.dataDir, 'attachments'));
    for (const f of files) {
      const m = /([0-9a-f]{64})\.pdf$/.exec(f);
      if (!m || !blobRows.has(m[1]!)) problems.push(`${k.id}: orphan file ${f}`);
    }
    const drafts = db
      .prepare(`SELECT COUNT(*) FROM dossiers WHERE status <> 'submitted'`)
      .pluck()
      .get() as number;
    if (drafts > 0) problems.push(`${k.id}: ${drafts} drafts left after the sweep`);
    return { submitted: local.length, files: files.length };
  } finally {
    db.close();
  }
}
