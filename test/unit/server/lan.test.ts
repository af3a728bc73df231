/**
 * The bridge on a real LAN: a network namespace joined to this one by a veth pair stands in for a counter
 * PC, so its address is really not loopback. From there the kiosk answers HTTPS only (with the certificate
 * of its own CA, which the PC fetches from /ca.crt and checks by fingerprint); plain HTTP gets a redirect
 * and nothing else. The kiosk's own window keeps plain HTTP on 127.0.0.1.
 * Needs root and `ip netns` (CI has both); elsewhere it is skipped, saying why.
 */
import { X509Certificate, randomBytes } from 'node:crypto';
import { execFile, spawn, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../main/core';
import { manualClock } from '../../../main/core/clock';
import { startServer, type RunningServer } from '../../../main/server';
import { TEST_FILE_WORKER } from '../file-worker';
import { FAST_SCRYPT } from '../helpers';

const id = randomBytes(2).toString('hex');
const ns = `mck-lan-${id}`;
const [hostIf, peerIf] = [`mck${id}k`, `mck${id}c`];
// A /30 in 10.201.0.0/16 chosen per run, so two runs on one machine do not collide.
const third = randomBytes(1)[0]! % 250;
const kioskIp = `10.201.${third}.1`;
const pcIp = `10.201.${third}.2`;

function sh(args: string[]): { ok: boolean; out: string } {
  const r = spawnSync(args[0]!, args.slice(1), { encoding: 'utf8', timeout: 15_000 });
  return { ok: r.status === 0, out: `${r.stdout ?? ''}${r.stderr ?? ''}`.trim() };
}

/** Why the namespace tests cannot run here, or null when they can. */
function cannotRun(): string | null {
  if (process.platform !== 'linux') return 'network namespaces are Linux only';
  if (process.getuid?.() !== 0) return 'creating network namespaces needs root';
  const probe = sh(['ip', 'netns', 'add', `${ns}-probe`]);
  if (!probe.ok) return `ip netns add failed: ${probe.out}`;
  sh(['ip', 'netns', 'delete', `${ns}-probe`]);
  return null;
}
const skipReason = cannotRun();
const execFileAsync = promisify(execFile);

interface Reply {
  status: number;
  headers: Record<string, string>;
  body: string;
  error?: string;
}

/**
 * A request from the "counter PC": Node run inside the namespace. Asynchronous: the kiosk answering it
 * runs in this very process.
 */
async function fromPc(
  url: string,
  options: { ca?: string; method?: string; body?: string } = {},
): Promise<Reply> {
  const script = `
    const u = new URL(process.argv[1]);
    const lib = require(u.protocol === 'https:' ? 'node:https' : 'node:http');
    const body = process.env.BODY || '';
    const req = lib.request(u, { method: process.env.METHOD || 'GET', ca: process.env.CA || undefined,
      headers: body ? { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) } : {},
      timeout: 8000 }, (res) => {
      let data = ''; res.setEncoding('utf8'); res.on('data', (c) => (data += c));
      res.on('end', () => console.log(JSON.stringify({ status: res.statusCode, headers: res.headers, body: data })));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (e) => console.log(JSON.stringify({ status: 0, headers: {}, body: '', error: e.code || e.message })));
    req.end(body);`;
  const { stdout } = await execFileAsync('ip', ['netns', 'exec', ns, process.execPath, '-e', script, url], {
    encoding: 'utf8',
    timeout: 15_000,
    env: {
      ...process.env,
      CA: options.ca ?? '',
      METHOD: options.method ?? 'GET',
      BODY: options.body ?? '',
    },
  });
  return JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as Reply;
}

let core: Core;
let server: RunningServer;
let dataDir: string;

describe.skipIf(skipReason !== null)(
  `the bridge on the centre's LAN${skipReason ? ` (skipped: ${skipReason})` : ''}`,
  () => {
    beforeAll(async () => {
      for (const step of [
        ['ip', 'netns', 'add', ns],
        ['ip', 'link', 'add', hostIf, 'type', 'veth', 'peer', 'name', peerIf],
        ['ip', 'link', 'set', peerIf, 'netns', ns],
        ['ip', 'addr', 'add', `${kioskIp}/30`, 'dev', hostIf],
        ['ip', 'link', 'set', hostIf, 'up'],
        ['ip', 'netns', 'exec', ns, 'ip', 'addr', 'add', `${pcIp}/30`, 'dev', peerIf],
        ['ip', 'netns', 'exec', ns, 'ip', 'link', 'set', peerIf, 'up'],
        ['ip', 'netns', 'exec', ns, 'ip', 'link', 'set', 'lo', 'up'],
      ]) {
        const r = sh(step);
        if (!r.ok) throw new Error(`${step.join(' ')}: ${r.out}`);
      }
      dataDir = mkdtempSync(join(tmpdir(), 'kiosk-lan-'));
      core = await createCore({
        dataDir,
        clock: manualClock('2026-12-07T03:00:00.000Z'),
        env: { KIOSK_ADMIN_PIN: '135790' },
        scrypt: FAST_SCRYPT,
        fileWorker: { script: TEST_FILE_WORKER },
        config: {
          centre: { name: 'UBND phường Bến Nghé', unitCode: '000.00.12.H29' },
          bridge: { lan: true },
          services: [{ id: 'ho-tich', name: { vi: 'Hộ tịch', en: 'Civil status' }, prefix: 'A' }],
          counters: [{ id: 1, services: ['ho-tich'] }],
          // A ticket printer nobody listens on: its job's events are what the next test watches.
          printers: [{ id: 'ticket', kind: 'escpos-tcp', host: '127.0.0.1', port: 9 }],
          ticketPrinter: 'ticket',
        },
      });
      // Short timeouts, so a slow client's 408 comes within the test.
      server = await startServer({ core, port: 0, timeouts: { headersMs: 500, requestMs: 1_000 } });
    }, 60_000);

    afterAll(async () => {
      await server?.close();
      await core?.close();
      sh(['ip', 'link', 'delete', hostIf]);
      sh(['ip', 'netns', 'delete', ns]);
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    });

    const lanUrl = (path: string, scheme = 'https') => `${scheme}://${kioskIp}:${server.port}${path}`;

    it('gives a counter PC its CA over plain HTTP, with the fingerprint the staff console shows', async () => {
      const reply = await fromPc(lanUrl('/ca.crt', 'http'));
      expect(reply.status).toBe(200);
      expect(reply.headers['content-type']).toBe('application/x-x509-ca-cert');
      const ca = new X509Certificate(reply.body);
      const signIn = await core.call(
        'staff.signIn',
        { user: 'admin', pin: '135790' },
        { transport: 'ipc', local: true },
      );
      expect(signIn.ok).toBe(true);
      const token = (signIn as { value: { token: string } }).value.token;
      const shown = await core.call('bridge.certificate', {}, { transport: 'ipc', local: true, token });
      expect(shown).toMatchObject({
        ok: true,
        value: { enabled: true, caFingerprint256: ca.fingerprint256 },
      });
      expect((shown as { value: { serverIps: string[] } }).value.serverIps).toContain(kioskIp);
    });

    it('answers a PC that trusts the CA over HTTPS, on the kiosk LAN address', async () => {
      const ca = (await fromPc(lanUrl('/ca.crt', 'http'))).body;
      expect((await fromPc(lanUrl('/healthz'), { ca })).status).toBe(200);
      const info = await fromPc(lanUrl('/api/app.info'), { ca, method: 'POST', body: '{}' });
      expect(info.status).toBe(200);
      expect(JSON.parse(info.body)).toMatchObject({ ok: true });
    });

    it('a PC that has not installed the CA cannot be fooled into trusting someone else: the handshake fails', async () => {
      const reply = await fromPc(lanUrl('/healthz'));
      expect(reply.status).toBe(0);
      expect(reply.error).toMatch(/SELF_SIGNED|UNABLE_TO_VERIFY|CERT/);
    });

    it('plain HTTP from the LAN gets a redirect to HTTPS and no contract call goes through', async () => {
      const page = await fromPc(lanUrl('/staff', 'http'));
      expect(page.status).toBe(308);
      expect(page.headers.location).toBe(`https://${kioskIp}:${server.port}/staff`);
      const call = await fromPc(lanUrl('/api/staff.signIn', 'http'), {
        method: 'POST',
        body: JSON.stringify({ user: 'admin', pin: '135790' }),
      });
      expect(call.status).toBe(426);
      expect(JSON.parse(call.body)).toMatchObject({ ok: false, error: { code: 'https-required' } });
    });

    it('a LAN client trickling its headers over TLS gets 408 at the timeout, not a connection held for ever', async () => {
      const ca = (await fromPc(lanUrl('/ca.crt', 'http'))).body;
      const script = `
      const tls = require('node:tls');
      const started = Date.now();
      const socket = tls.connect({ host: process.argv[1], port: Number(process.argv[2]), ca: process.env.CA }, () => {
        socket.write('GET /healthz HTTP/1.1\\r\\nHost: ' + process.argv[1] + '\\r\\n');
      });
      let answer = '';
      socket.on('data', (d) => (answer += d));
      socket.on('close', () => console.log(JSON.stringify({ first: answer.split('\\r\\n')[0], ms: Date.now() - started })));
      socket.on('error', () => {});
      setTimeout(() => { console.log(JSON.stringify({ first: 'still open', ms: Date.now() - started })); process.exit(0); }, 8000);`;
      const { stdout } = await execFileAsync(
        'ip',
        ['netns', 'exec', ns, process.execPath, '-e', script, kioskIp, String(server.port)],
        { encoding: 'utf8', timeout: 15_000, env: { ...process.env, CA: ca } },
      );
      const result = JSON.parse(stdout.trim().split('\n')[0] ?? '{}') as { first: string; ms: number };
      expect(result.first).toBe('HTTP/1.1 408 Request Timeout');
      expect(result.ms).toBeLessThan(5_000);
    });

    it('a display on the LAN sees print jobs come and go, but not what they print', async () => {
      const ca = (await fromPc(lanUrl('/ca.crt', 'http'))).body;
      // A LAN client and the kiosk's own window listen on /events; a ticket is taken; each prints the
      // first print.job event it gets.
      const script = `
      const WebSocket = require('ws');
      const socket = new WebSocket('wss://' + process.argv[1] + ':' + process.argv[2] + '/events', { ca: process.env.CA });
      socket.on('open', () => console.log('open'));
      socket.on('message', (data) => {
        const message = JSON.parse(String(data));
        if (message.event === 'print.job') { console.log(JSON.stringify(message.payload)); process.exit(0); }
      });
      setTimeout(() => { console.log('none'); process.exit(0); }, 8000);`;
      const child = spawn(
        'ip',
        ['netns', 'exec', ns, process.execPath, '-e', script, kioskIp, String(server.port)],
        {
          cwd: process.cwd(),
          env: { ...process.env, CA: ca },
        },
      );
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      const lanOpen = new Promise<void>((resolve, reject) => {
        const limit = setTimeout(() => reject(new Error(`LAN client did not connect: ${out}`)), 8_000);
        child.stdout.on('data', () => {
          if (out.startsWith('open')) {
            clearTimeout(limit);
            resolve();
          }
        });
      });
      const lanDone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      const { WebSocket } = await import('ws');
      const local = new WebSocket(`ws://127.0.0.1:${server.port}/events`);
      const localJob = new Promise<{ ref: string | null }>((resolve) =>
        local.on('message', (data: Buffer) => {
          const message = JSON.parse(String(data)) as { event: string; payload: { ref: string | null } };
          if (message.event === 'print.job') resolve(message.payload);
        }),
      );
      await new Promise((resolve) => local.once('open', resolve));
      await lanOpen;
      const ticket = await core.call(
        'queue.issueTicket',
        { serviceId: 'ho-tich' },
        { transport: 'ipc', local: true },
      );
      expect(ticket.ok).toBe(true);
      await lanDone;
      const lines = out.trim().split('\n');
      expect(lines[0]).toBe('open');
      const lanJob = JSON.parse(lines[1] ?? '{}') as { jobId: number; ref: string | null; status: string };
      expect(lanJob.jobId).toBeGreaterThan(0);
      expect(lanJob.ref).toBeNull();
      expect((await localJob).ref).toMatch(/^ticket:/);
      local.close();
    });

    it("one LAN address holds at most 8 event sockets; the kiosk's own window still connects", async () => {
      const ca = (await fromPc(lanUrl('/ca.crt', 'http'))).body;
      // Ten sockets from the "PC", one after another: each prints open or the status it was refused with.
      const script = `
      const WebSocket = require('ws');
      const results = [];
      const sockets = [];
      const next = (i) => {
        if (i === 10) { console.log(JSON.stringify(results)); sockets.forEach((s) => s.terminate()); process.exit(0); }
        const s = new WebSocket('wss://' + process.argv[1] + ':' + process.argv[2] + '/events', { ca: process.env.CA });
        sockets.push(s);
        s.on('open', () => { results.push('open'); next(i + 1); });
        s.on('unexpected-response', (_req, res) => { results.push(res.statusCode); next(i + 1); });
        s.on('error', () => {});
      };
      next(0);
      setTimeout(() => { console.log(JSON.stringify(results)); process.exit(0); }, 10000);`;
      const { stdout } = await execFileAsync(
        'ip',
        ['netns', 'exec', ns, process.execPath, '-e', script, kioskIp, String(server.port)],
        { encoding: 'utf8', timeout: 15_000, cwd: process.cwd(), env: { ...process.env, CA: ca } },
      );
      expect(JSON.parse(stdout.trim())).toEqual([...Array(8).fill('open'), 503, 503]);
      // The kiosk's own window is not counted against anyone.
      const { WebSocket } = await import('ws');
      const local = new WebSocket(`ws://127.0.0.1:${server.port}/events`);
      await new Promise<void>((resolve, reject) => {
        local.once('open', () => resolve());
        local.once('unexpected-response', () => reject(new Error('the kiosk window was refused')));
      });
      local.close();
    });

    it("the kiosk's own window keeps plain HTTP on 127.0.0.1", async () => {
      const res = await fetch(`http://127.0.0.1:${server.port}/healthz`, {
        signal: AbortSignal.timeout(5_000),
      });
      expect(res.status).toBe(200);
    });
  },
);
