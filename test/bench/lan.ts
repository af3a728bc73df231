import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createCore, type Core } from '../../main/core';
import { startServer, type RunningServer } from '../../main/server';
import type { Result } from '../../preload/api';
import type { SyncStatus } from '../../preload/contract/sync';
import { startFakePrinter, type FakePrinter } from '../e2e/support/fake-printer';
import { lanPeer, netnsUnavailable, type LanPeer } from '../support/netns';
import { benchConfig, TAP_RUNS, TAP_WARMUP } from './queue';
import { ms, percentile } from './stats';
import { bundleChildren, DOSSIERS, seedOutbox, startChild, stopChild, TOKEN } from './sync';

/**
 * Ticket taps from a paired PC on the LAN, over HTTPS: the kiosk core and bridge (`bridge.lan`) run in the
 * bench process with the fake thermal printer on 127.0.0.1; the "PC" is a Node process in a network
 * namespace joined by a veth pair (test/support/netns.ts), so it reaches the kiosk from an address that is
 * not loopback, trusts the kiosk's CA and is paired with a one-time code like any device. It then signs
 * staff in on itself and sends each ticket with its device cookie and the staff token: a LAN device
 * without staff may take 60 tickets per 10 minutes (main/core/policy/lan-budget.ts) and the bench takes
 * hundreds, while staff on a paired device are not limited (the counter-PC path). Each tap is timed from
 * just before the device's request (its own clock, performance.timeOrigin + now) to the fake printer's
 * cut (this process's clock, the same conversion; the offset between the two is measured and reported).
 * Needs root and `ip netns`; elsewhere the figures say 'skipped: <reason>'.
 */

type Figures = Record<string, number | string>;

const round1 = (n: number): number => Math.round(n * 10) / 10;

const PIN = '135790';
const WINDOW = { transport: 'ipc', local: true } as const;
/** Each HTTPS call and each print job must come within this. */
const STEP_MS = 10_000;
/** The idle bench's taps must be done by then (its limit in index.ts is above it, cleanup included). */
const TAP_LIMIT_MS = 45_000;
/** The draining bench: at most this many taps and this long tapping, then this long for the drain. */
const DRAIN_TAPS_MAX = 400;
const DRAIN_TAPS_MS = 120_000;
/** A pause after each tap's cut, so the taps spread over more of the drain (a person takes seconds). */
const DRAIN_TAP_GAP_MS = 20;
const DRAIN_LIMIT_MS = 150_000;

/**
 * The PC: reads one JSON command a line on stdin, answers one JSON line on stdout. 'init' makes the
 * keep-alive HTTPS agent trusting the kiosk CA; 'call' POSTs /api/<method> and reports the status, body,
 * Set-Cookie, when it was sent (timeOrigin + now, just before the request) and how long until the
 * response's last byte; 'clock' reports this process's clock. Built-in modules only.
 */
const DEVICE_SCRIPT = `
const https = require('node:https');
const readline = require('node:readline');
let agent = null;
const out = (o) => process.stdout.write(JSON.stringify(o) + '\\n');
const now = () => performance.timeOrigin + performance.now();
readline.createInterface({ input: process.stdin }).on('line', (line) => {
  const m = JSON.parse(line);
  if (m.op === 'init') {
    agent = new https.Agent({ keepAlive: true, maxSockets: 1, ca: m.ca });
    return out({ op: 'init' });
  }
  if (m.op === 'clock') return out({ op: 'clock', at: now() });
  const body = JSON.stringify(m.input);
  const headers = { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) };
  if (m.cookie) headers.Cookie = m.cookie;
  if (m.bearer) headers.Authorization = 'Bearer ' + m.bearer;
  const url = new URL('/api/' + m.method, m.base);
  const sentAt = now();
  const t0 = performance.now();
  const req = https.request(url, { method: 'POST', agent, headers, timeout: ${STEP_MS} }, (res) => {
    let data = '';
    res.setEncoding('utf8');
    res.on('data', (c) => (data += c));
    res.on('end', () => out({ status: res.statusCode, body: data, setCookie: res.headers['set-cookie'] || [],
      sentAt, ms: performance.now() - t0, reused: req.reusedSocket }));
  });
  req.on('timeout', () => req.destroy(new Error('timeout')));
  req.on('error', (e) => out({ status: 0, body: '', setCookie: [], sentAt, ms: performance.now() - t0,
    reused: false, error: e.code || e.message }));
  req.end(body);
});
process.stdin.on('end', () => process.exit(0));
out({ op: 'ready' });
`;

interface CallReply {
  status: number;
  body: string;
  setCookie: string[];
  /** The device's clock just before the request: performance.timeOrigin + performance.now(), in ms. */
  sentAt: number;
  /** Request → the response's last byte, at the device. */
  ms: number;
  /** Whether the request went on a kept-alive connection. */
  reused: boolean;
  error?: string;
}

interface Auth {
  cookie: string;
  bearer: string;
}

interface Device {
  init(ca: string): Promise<void>;
  call(base: string, method: string, input: unknown, auth?: Partial<Auth>): Promise<CallReply>;
  clock(): Promise<number>;
  close(): Promise<void>;
}

/** Starts the PC's process in the namespace; one command at a time, each answered within STEP_MS. */
async function startDevice(peer: LanPeer): Promise<Device> {
  const [command, ...args] = peer.exec([process.execPath, '-e', DEVICE_SCRIPT]);
  const child: ChildProcess = spawn(command!, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  let pending = '';
  let stderr = '';
  const lines: string[] = [];
  let waiter: { resolve: (line: string) => void; reject: (error: Error) => void } | null = null;
  child.stdout!.on('data', (chunk: Buffer) => {
    pending += chunk.toString();
    for (let i = pending.indexOf('\n'); i >= 0; i = pending.indexOf('\n')) {
      const line = pending.slice(0, i);
      pending = pending.slice(i + 1);
      if (waiter) {
        const w = waiter;
        waiter = null;
        w.resolve(line);
      } else lines.push(line);
    }
  });
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.once('exit', (code) =>
    waiter?.reject(new Error(`the device exited (${code}): ${stderr.slice(-500)}`)),
  );
  const nextLine = (): Promise<string> => {
    const ready = lines.shift();
    if (ready !== undefined) return Promise.resolve(ready);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        waiter = null;
        reject(new Error(`the device in ${peer.ns} did not answer in ${STEP_MS} ms: ${stderr.slice(-500)}`));
      }, STEP_MS);
      waiter = {
        resolve: (line) => {
          clearTimeout(timer);
          resolve(line);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
    });
  };
  const ask = async <T>(message: object): Promise<T> => {
    child.stdin!.write(`${JSON.stringify(message)}\n`);
    return JSON.parse(await nextLine()) as T;
  };
  await nextLine(); // 'ready'
  return {
    init: async (ca) => void (await ask({ op: 'init', ca })),
    call: (base, method, input, auth = {}) => ask<CallReply>({ base, method, input, ...auth }),
    clock: async () => (await ask<{ at: number }>({ op: 'clock' })).at,
    close: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.stdin!.end();
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}

async function valueOf<T>(result: Promise<Result<unknown>>, what: string): Promise<T> {
  const r = await result;
  if (!r.ok) throw new Error(`${what}: ${r.error.code} ${r.error.en}`);
  return r.value as T;
}

function caPem(core: Core): string {
  if (!core.lanTls) throw new Error('the kiosk made no LAN certificate (see its log)');
  return core.lanTls.info().caPem;
}

/**
 * An admin on the kiosk's own window makes a pairing code for a 'kiosk' device; the PC enters it over
 * HTTPS and keeps its cookie; then staff sign in on the PC (over HTTPS, with that cookie).
 */
async function pairAndSignIn(core: Core, device: Device, base: string): Promise<Auth> {
  const { token } = await valueOf<{ token: string }>(
    core.call('staff.signIn', { user: 'admin', pin: PIN }, WINDOW),
    'admin sign-in on the window',
  );
  const { code } = await valueOf<{ code: string }>(
    core.call('lan.startPairing', { role: 'kiosk', name: 'Bench PC' }, { ...WINDOW, token }),
    'lan.startPairing',
  );
  const paired = await device.call(base, 'lan.pair', { code });
  const cookie = /^(__Host-kiosk-device=[A-Za-z0-9_-]+);/.exec(paired.setCookie[0] ?? '')?.[1];
  if (paired.status !== 200 || !cookie)
    throw new Error(`lan.pair → ${paired.status} ${paired.error ?? paired.body.slice(0, 300)}`);
  const signIn = await device.call(base, 'staff.signIn', { user: 'admin', pin: PIN }, { cookie });
  const bearer =
    signIn.status === 200 ? (JSON.parse(signIn.body) as { value: { token: string } }).value.token : '';
  if (!bearer)
    throw new Error(`staff.signIn on the PC → ${signIn.status} ${signIn.error ?? signIn.body.slice(0, 300)}`);
  return { cookie, bearer };
}

interface Tap {
  /** The device's send → the printer's cut, ms. */
  toCut: number;
  /** The device's send → the response's last byte at the device, ms. */
  https: number;
  reused: boolean;
}

/** One ticket from the PC, then its job at the printer (sequential: the next job is this ticket's). */
async function tap(device: Device, printer: FakePrinter, base: string, auth: Auth): Promise<Tap> {
  const reply = await device.call(base, 'queue.issueTicket', { serviceId: 'ho-tich' }, auth);
  if (reply.status !== 200)
    throw new Error(
      `queue.issueTicket over HTTPS → ${reply.status} ${reply.error ?? reply.body.slice(0, 300)}`,
    );
  const job = await printer.nextJob(STEP_MS);
  return {
    toCut: performance.timeOrigin + job.completedAt - reply.sentAt,
    https: reply.ms,
    reused: reply.reused,
  };
}

/**
 * The device's clock minus this one's, from the quickest of 20 round trips over its stdin/stdout (both
 * are performance.timeOrigin + now on one machine, so it should be a few hundredths of a millisecond).
 */
async function clockOffset(device: Device): Promise<string> {
  let best = { rtt: Number.POSITIVE_INFINITY, offset: 0 };
  for (let i = 0; i < 20; i++) {
    const t0 = performance.timeOrigin + performance.now();
    const at = await device.clock();
    const t1 = performance.timeOrigin + performance.now();
    if (t1 - t0 < best.rtt) best = { rtt: t1 - t0, offset: at - (t0 + t1) / 2 };
  }
  return `${best.offset.toFixed(3)} ± ${(best.rtt / 2).toFixed(3)}`;
}

function tapFigures(prefix: string, taps: readonly Tap[], watched: Watched): Figures {
  const toCut = taps.map((t) => t.toCut);
  const https = taps.map((t) => t.https);
  const afterResponse = taps.map((t) => t.toCut - t.https);
  const p95 = percentile(toCut, 95);
  return {
    [`${prefix}.p50.ms`]: ms(percentile(toCut, 50)),
    [`${prefix}.p95.ms`]: ms(p95),
    [`${prefix}.max.ms`]: ms(Math.max(...toCut)),
    [`${prefix}.goal`]: p95 <= 100 ? 'p95 ≤ 100 ms: met' : 'p95 ≤ 100 ms: MISSED',
    [`${prefix}.https.p50.ms`]: ms(percentile(https, 50)),
    [`${prefix}.https.p95.ms`]: ms(percentile(https, 95)),
    [`${prefix}.responseToCut.p95.ms`]: ms(percentile(afterResponse, 95)),
    [`${prefix}.newConnections`]: taps.filter((t) => !t.reused).length,
    [`${prefix}.eventLoop.p99.ms`]: ms(watched.loopP99),
    [`${prefix}.eventLoop.max.ms`]: ms(watched.loopMax),
    // The kiosk process's own CPU time while tapping (the drain's too, where there is one): what a tap
    // costs, apart from waiting for a core.
    [`${prefix}.kioskCpu.ms/tap`]: ms(watched.cpuMs / taps.length),
    [`${prefix}.kioskCpu.%ofOneCore`]: Math.round((watched.cpuMs / watched.wallMs) * 100),
    // Other work on the machine shows here first: the figures above are only comparable at a low load.
    [`${prefix}.loadAverage.1min`]: `${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores`,
  };
}

/** Runs each step even when one before it failed: the namespace and children must not outlive the bench. */
async function cleanUp(steps: (() => unknown)[]): Promise<void> {
  for (const step of steps) {
    try {
      await step();
    } catch {
      // keep going: the next step frees something else
    }
  }
}

const lanConfig = (printer: FakePrinter) => ({
  ...benchConfig({ kind: 'escpos-tcp', port: printer.port }),
  bridge: { lan: true },
});

interface Watched {
  loopP99: number;
  loopMax: number;
  cpuMs: number;
  wallMs: number;
}

/** Event-loop delay and this process's CPU time from now until the returned function is called. */
function watchKiosk(): () => Watched {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  return () => {
    histogram.disable();
    const cpu = process.cpuUsage(cpu0);
    return {
      loopP99: histogram.percentile(99) / 1e6,
      loopMax: histogram.max / 1e6,
      cpuMs: (cpu.user + cpu.system) / 1000,
      wallMs: performance.now() - wall0,
    };
  };
}

const WHAT =
  "a paired 'kiosk' device in a network namespace (veth, 10.201.x.2) → the kiosk's LAN address over HTTPS (its CA, one keep-alive connection); staff signed in on that device (cookie + Bearer), as at a counter PC, so the LAN ticket budget (60 / 10 min) does not apply; tap = POST /api/queue.issueTicket, until the fake printer on 127.0.0.1 has the cut";

/** (1) Tap → last byte from a paired PC over HTTPS, the kiosk otherwise idle. */
export async function benchLanTapToCut(): Promise<Figures> {
  const P = 'queue.lanTapToCut';
  const reason = netnsUnavailable();
  if (reason) return { [`${P}.p95.ms`]: `skipped: ${reason}` };
  const peer = lanPeer('mck-bench');
  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-bench-lan-'));
  let printer: FakePrinter | null = null;
  let device: Device | null = null;
  let core: Core | null = null;
  let server: RunningServer | null = null;
  try {
    peer.up();
    printer = await startFakePrinter();
    device = await startDevice(peer);
    core = await createCore({ dataDir, config: lanConfig(printer), env: { KIOSK_ADMIN_PIN: PIN } });
    server = await startServer({ core, port: 0 });
    const base = `https://${peer.kioskIp}:${server.port}`;
    await device.init(caPem(core));
    const auth = await pairAndSignIn(core, device, base);
    const offset = await clockOffset(device);
    const deadline = performance.now() + TAP_LIMIT_MS;
    const taps: Tap[] = [];
    let stopWatching: (() => Watched) | null = null;
    for (let i = 0; i < TAP_WARMUP + TAP_RUNS; i++) {
      if (performance.now() > deadline) throw new Error(`${i} taps in ${TAP_LIMIT_MS / 1000} s: stopped`);
      if (i === TAP_WARMUP) stopWatching = watchKiosk();
      const t = await tap(device, printer, base, auth);
      if (i >= TAP_WARMUP) taps.push(t);
    }
    return {
      [`${P}.what`]: WHAT,
      [`${P}.runs`]: TAP_RUNS,
      ...tapFigures(P, taps, stopWatching!()),
      [`${P}.clockOffset.ms`]: offset,
    };
  } finally {
    await cleanUp([
      () => device?.close(),
      () => server?.close(),
      () => core?.close(),
      () => printer?.close(),
      () => peer.down(),
      () => rmSync(dataDir, { recursive: true, force: true }),
    ]);
  }
}

/**
 * (2) The same taps while the kiosk's sync engine, in the same process as the bridge (as in the real
 * kiosk), drains 1,000 dossiers × 3 × 200 KB to the reference portal (its own process, as in sync.ts).
 * The PC is paired, signed in and warmed up on a first start of the kiosk with no portal configured (the
 * pairing and the staff session are kept in its database), so none of that runs during the drain; the
 * kiosk is then started again on the same data folder with the portal, and the drain begins at once.
 * Taps count while dossiers are still waiting or sending after them (sync.status on the kiosk's window).
 */
export async function benchLanTapWhileDraining(root: string): Promise<Figures> {
  const P = 'queue.lanTapWhileDraining';
  const reason = netnsUnavailable();
  if (reason) return { [`${P}.p95.ms`]: `skipped: ${reason}` };
  const work = mkdtempSync(join(tmpdir(), 'kiosk-bench-lan-sync-'));
  const kioskDir = join(work, 'kiosk');
  const peer = lanPeer('mck-bench');
  let printer: FakePrinter | null = null;
  let portal: ChildProcess | null = null;
  let device: Device | null = null;
  let core: Core | null = null;
  let server: RunningServer | null = null;
  try {
    const bundled = await bundleChildren(root, work);
    const seeded = seedOutbox(kioskDir);
    peer.up();
    printer = await startFakePrinter();
    device = await startDevice(peer);
    const started = await startChild(
      [bundled.portal],
      {
        PORTAL_PORT: '0',
        PORTAL_DATA_DIR: join(work, 'portal'),
        PORTAL_KIOSK_TOKEN: TOKEN,
        KIOSK_LOG_LEVEL: 'warn',
      },
      /url:\s+(http:\/\/\S+)/,
    );
    portal = started.child;
    const portalUrl = started.match[1]!;
    const env = { KIOSK_ADMIN_PIN: PIN };

    // First start, no portal: the outbox waits. Pair, sign in, warm up.
    core = await createCore({ dataDir: kioskDir, config: lanConfig(printer), env });
    server = await startServer({ core, port: 0 });
    await device.init(caPem(core));
    const auth = await pairAndSignIn(core, device, `https://${peer.kioskIp}:${server.port}`);
    for (let i = 0; i < TAP_WARMUP; i++)
      await tap(device, printer, `https://${peer.kioskIp}:${server.port}`, auth);
    await server.close();
    await core.close();
    server = null;
    core = null;

    // Second start, with the portal: the engine starts draining inside createCore.
    const kiosk = await createCore({
      dataDir: kioskDir,
      config: { ...lanConfig(printer), portal: { url: portalUrl, token: TOKEN } },
      env,
    });
    core = kiosk;
    const drain0 = performance.now();
    server = await startServer({ core: kiosk, port: 0 });
    const base = `https://${peer.kioskIp}:${server.port}`;
    const status = () => valueOf<SyncStatus>(kiosk.call('sync.status', {}, WINDOW), 'sync.status');
    const offset = await clockOffset(device);
    // One tap on the new listener (a new TLS connection), more until the drain is seen under way.
    let warmups = 0;
    for (;;) {
      await tap(device, printer, base, auth);
      warmups++;
      const s = await status();
      if (s.sending > 0 || s.synced > 0) break;
      if (performance.now() - drain0 > 15_000)
        throw new Error(`the drain did not start: ${JSON.stringify(s)}`);
    }
    const taps: Tap[] = [];
    let drainedAt: number | null = null;
    let last = await status();
    const stopWatching = watchKiosk();
    const tapping0 = performance.now();
    const tapsUntil = tapping0 + DRAIN_TAPS_MS;
    while (taps.length < DRAIN_TAPS_MAX && performance.now() < tapsUntil) {
      const t = await tap(device, printer, base, auth);
      last = await status();
      if (last.waiting + last.sending > 0) taps.push(t);
      else {
        drainedAt = performance.now();
        break;
      }
      await new Promise((r) => setTimeout(r, DRAIN_TAP_GAP_MS));
    }
    const tappingEnd = performance.now();
    const endedByDrain = drainedAt !== null;
    const watched = stopWatching();
    const drainUntil = drain0 + DRAIN_LIMIT_MS;
    while (drainedAt === null && performance.now() < drainUntil) {
      await new Promise((r) => setTimeout(r, 100));
      last = await status();
      if (last.waiting + last.sending === 0) drainedAt = performance.now();
    }
    if (drainedAt === null || last.synced !== DOSSIERS || last.attention > 0)
      throw new Error(`the outbox did not drain in ${DRAIN_LIMIT_MS / 1000} s: ${JSON.stringify(last)}`);
    const drainS = (drainedAt - drain0) / 1000;
    const mb = seeded.bytes / 1e6;
    return {
      [`${P}.what`]: `${WHAT}; the kiosk's sync engine, in the bridge's process, meanwhile drains ${DOSSIERS.toLocaleString('en')} dossiers × 3 × 200 KB to the reference portal (a child process) over loopback HTTP; taps ${DRAIN_TAP_GAP_MS} ms apart (after the previous cut); only taps after which dossiers were still waiting or sending count`,
      [`${P}.taps`]: taps.length,
      [`${P}.taps.s`]: round1((tappingEnd - tapping0) / 1000),
      [`${P}.taps.until`]: endedByDrain
        ? 'the drain finished (the tap it finished during is not counted)'
        : `${taps.length} taps (the cap is ${DRAIN_TAPS_MAX} taps or ${DRAIN_TAPS_MS / 1000} s); the drain went on ${round1((drainedAt - tappingEnd) / 1000)} s more without taps`,
      [`${P}.taps.warmups`]: `${TAP_WARMUP} before the restart with the portal, ${warmups} after it until the drain was seen started`,
      ...tapFigures(P, taps, watched),
      [`${P}.clockOffset.ms`]: offset,
      [`${P}.drain.s`]: round1(drainS),
      [`${P}.drain.MB/s`]: round1(mb / drainS),
      [`${P}.outbox`]: `drained (sync.status): ${last.synced} synced, ${last.waiting} waiting, ${last.sending} sending, ${last.attention} need attention`,
      [`${P}.setup.s`]: round1(seeded.seconds),
    };
  } finally {
    await cleanUp([
      () => device?.close(),
      () => server?.close(),
      () => core?.close(),
      () => (portal ? stopChild(portal) : undefined),
      () => printer?.close(),
      () => peer.down(),
      () => rmSync(work, { recursive: true, force: true }),
    ]);
  }
}
