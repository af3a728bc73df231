/**
 * The bridge on a real LAN: a network namespace joined to this one by a veth pair stands in for a counter
 * PC, so its address is really not loopback. From there the kiosk answers HTTPS only (with the certificate
 * of its own CA, which the PC fetches from /ca.crt and checks by fingerprint); plain HTTP gets a redirect
 * and nothing else. The kiosk's own window keeps plain HTTP on 127.0.0.1. Until an admin pairs the PC (a
 * one-time code from the console, entered over HTTPS), it gets the pairing call and nothing else; once
 * paired, what it may do follows its role.
 * Needs root and `ip netns` (CI has both); elsewhere it is skipped, saying why.
 */
import { X509Certificate } from 'node:crypto';
import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../main/core';
import { manualClock } from '../../../main/core/clock';
import { startServer, type RunningServer } from '../../../main/server';
import { lanPeer, netnsUnavailable } from '../../support/netns';
import { TEST_FILE_WORKER } from '../file-worker';
import { FAST_SCRYPT } from '../helpers';

// The "counter PC": a namespace and a /30 in 10.201.0.0/16 chosen per run (test/support/netns.ts).
const pc = lanPeer('mck-lan');
const { ns, kioskIp } = pc;
const skipReason = netnsUnavailable();
const execFileAsync = promisify(execFile);

interface Reply {
  status: number;
  headers: Record<string, string | string[]>;
  body: string;
  error?: string;
}

/**
 * A request from the "counter PC": Node run inside the namespace. Asynchronous: the kiosk answering it
 * runs in this very process.
 */
async function fromPc(
  url: string,
  options: { ca?: string; method?: string; body?: string; cookie?: string; bearer?: string } = {},
): Promise<Reply> {
  const script = `
    const u = new URL(process.argv[1]);
    const lib = require(u.protocol === 'https:' ? 'node:https' : 'node:http');
    const body = process.env.BODY || '';
    const headers = body ? { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) } : {};
    if (process.env.COOKIE) headers.Cookie = process.env.COOKIE;
    if (process.env.BEARER) headers.Authorization = 'Bearer ' + process.env.BEARER;
    const req = lib.request(u, { method: process.env.METHOD || 'GET', ca: process.env.CA || undefined,
      headers, timeout: 8000 }, (res) => {
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
      COOKIE: options.cookie ?? '',
      BEARER: options.bearer ?? '',
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
      pc.up();
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
      pc.down();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    });

    const lanUrl = (path: string, scheme = 'https') => `${scheme}://${kioskIp}:${server.port}${path}`;
    const window = { transport: 'ipc', local: true } as const;
    const caPem = async (): Promise<string> => (await fromPc(lanUrl('/ca.crt', 'http'))).body;
    const post = (method: string, body: unknown, options: { ca: string; cookie?: string; bearer?: string }) =>
      fromPc(lanUrl(`/api/${method}`), { ...options, method: 'POST', body: JSON.stringify(body) });

    /** An admin at the kiosk makes a code; the "PC" enters it over HTTPS. Returns its cookie. */
    async function pairPc(role: 'counter' | 'display' | 'kiosk', name: string, ca: string) {
      const signIn = await core.call('staff.signIn', { user: 'admin', pin: '135790' }, window);
      const token = (signIn as { value: { token: string } }).value.token;
      const started = await core.call('lan.startPairing', { role, name }, { ...window, token });
      const { code } = (started as { value: { code: string } }).value;
      const reply = await post('lan.pair', { code }, { ca });
      const setCookie = [reply.headers['set-cookie'] ?? []].flat();
      const cookie = /^(__Host-kiosk-device=[A-Za-z0-9_-]+);/.exec(setCookie[0] ?? '')?.[1];
      return { reply, setCookie, cookie: cookie ?? '', adminToken: token };
    }

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

    it('answers a PC that trusts the CA over HTTPS, on the kiosk LAN address; until it is paired, only pairing', async () => {
      const ca = await caPem();
      expect((await fromPc(lanUrl('/healthz'), { ca })).status).toBe(200);
      const unpaired = await post('app.info', {}, { ca });
      expect(unpaired.status).toBe(401);
      expect(JSON.parse(unpaired.body)).toMatchObject({ ok: false, error: { code: 'device-not-paired' } });
      // Signing in is refused before any PIN is checked.
      const signIn = await post('staff.signIn', { user: 'admin', pin: '135790' }, { ca });
      expect(JSON.parse(signIn.body)).toMatchObject({ ok: false, error: { code: 'device-not-paired' } });
      // The page itself is served: it is the pairing screen.
      expect((await fromPc(lanUrl('/'), { ca })).status).not.toBe(401);

      const { reply, setCookie, cookie } = await pairPc('counter', 'Quầy 1', ca);
      expect(reply.status).toBe(200);
      // The token is in the cookie only: HttpOnly (no script reads it), Secure, this host, same site.
      expect(setCookie).toHaveLength(1);
      expect(setCookie[0]).toMatch(
        /^__Host-kiosk-device=[A-Za-z0-9_-]{43}; Max-Age=34560000; Path=\/; Secure; HttpOnly; SameSite=Strict$/,
      );
      const body = JSON.parse(reply.body) as { ok: true; value: Record<string, unknown> };
      expect(body.value).toEqual({ device: { id: expect.any(String), name: 'Quầy 1', role: 'counter' } });
      expect(reply.body).not.toContain(cookie.split('=')[1]);

      const info = await post('app.info', {}, { ca, cookie });
      expect(info.status).toBe(200);
      expect(JSON.parse(info.body)).toMatchObject({ ok: true, value: { device: { role: 'counter' } } });
      // Each start renews the cookie's lifetime.
      expect(String(info.headers['set-cookie'])).toContain(cookie);
    });

    it('a counter PC files for a citizen with staff signed in on it, and its token works nowhere else', async () => {
      const ca = await caPem();
      const { cookie } = await pairPc('counter', 'Quầy 2', ca);
      const { cookie: other } = await pairPc('counter', 'Quầy 3', ca);
      const ticket = { serviceId: 'ho-tich' };
      expect(JSON.parse((await post('queue.issueTicket', ticket, { ca, cookie })).body)).toMatchObject({
        ok: false,
        error: { code: 'unauthorized' },
      });
      const signIn = JSON.parse(
        (await post('staff.signIn', { user: 'admin', pin: '135790' }, { ca, cookie })).body,
      ) as {
        value: { token: string };
      };
      const bearer = signIn.value.token;
      expect(
        JSON.parse((await post('queue.issueTicket', ticket, { ca, cookie, bearer })).body),
      ).toMatchObject({
        ok: true,
      });
      // The staff token copied to another paired PC, or sent without the device's cookie.
      expect((await post('staff.me', {}, { ca, cookie: other, bearer })).status).toBe(401);
      expect((await post('staff.me', {}, { ca, bearer })).status).toBe(401);
    });

    it('a display reads the board; taking tickets, signing in and looking up are refused', async () => {
      const ca = await caPem();
      const { cookie } = await pairPc('display', 'Màn hình sảnh', ca);
      expect(JSON.parse((await post('queue.board', {}, { ca, cookie })).body)).toMatchObject({ ok: true });
      for (const [method, input] of [
        ['queue.issueTicket', { serviceId: 'ho-tich' }],
        ['staff.signIn', { user: 'admin', pin: '135790' }],
        ['dossier.lookup', { code: '000.00.12.H29-K01-261207-0001' }],
        ['feedback.rate', { context: 'queue', rating: 'unsatisfied' }],
      ] as const) {
        const reply = await post(method, input, { ca, cookie });
        expect(reply.status, method).toBe(403);
        expect(JSON.parse(reply.body), method).toMatchObject({ ok: false, error: { code: 'device-role' } });
      }
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
      const ca = await caPem();
      const { cookie } = await pairPc('display', 'Màn hình tầng 2', ca);
      // A LAN client and the kiosk's own window listen on /events; a ticket is taken; each prints the
      // first print.job event it gets.
      const script = `
      const WebSocket = require('ws');
      const socket = new WebSocket('wss://' + process.argv[1] + ':' + process.argv[2] + '/events', { ca: process.env.CA, headers: { Cookie: process.env.COOKIE } });
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
          env: { ...process.env, CA: ca, COOKIE: cookie },
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

    it("event sockets: none unpaired, 4 per device, 8 per address; a revoked device's close at once; the window still connects", async () => {
      const ca = await caPem();
      const first = await pairPc('display', 'Màn hình A', ca);
      const second = await pairPc('display', 'Màn hình B', ca);
      // From the "PC": one socket without a cookie, then 5 with the first display's, 5 with the second's,
      // one after another, each printing open or the status it was refused with; then it waits and
      // reports which sockets the kiosk closed.
      const script = `
      const WebSocket = require('ws');
      const plan = [''].concat(Array(5).fill(process.env.A), Array(5).fill(process.env.B));
      const results = [];
      const sockets = [];
      const closed = [];
      const next = (i) => {
        if (i === plan.length) { console.log(JSON.stringify(results)); return; }
        const headers = plan[i] ? { Cookie: plan[i] } : {};
        const s = new WebSocket('wss://' + process.argv[1] + ':' + process.argv[2] + '/events', { ca: process.env.CA, headers });
        sockets.push(s);
        s.on('open', () => { results.push('open'); s.on('close', () => closed.push(i)); next(i + 1); });
        s.on('unexpected-response', (_req, res) => { results.push(res.statusCode); next(i + 1); });
        s.on('error', () => {});
      };
      next(0);
      process.stdin.on('data', () => setTimeout(() => { console.log(JSON.stringify(closed.sort((a, b) => a - b))); process.exit(0); }, 1500));
      setTimeout(() => { console.log('timeout'); process.exit(0); }, 12000);`;
      const child = spawn(
        'ip',
        ['netns', 'exec', ns, process.execPath, '-e', script, kioskIp, String(server.port)],
        { cwd: process.cwd(), env: { ...process.env, CA: ca, A: first.cookie, B: second.cookie } },
      );
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      const line = (n: number) =>
        new Promise<string>((resolve, reject) => {
          const limit = setTimeout(() => reject(new Error(`no line ${n}: ${out}`)), 12_000);
          const check = (): void => {
            // Line n is complete once n + 1 newlines have arrived.
            const lines = out.split('\n');
            if (lines.length > n + 1) {
              clearTimeout(limit);
              child.stdout.off('data', check);
              resolve(lines[n] ?? '');
            }
          };
          child.stdout.on('data', check);
          check();
        });
      const done = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      // Unpaired: 401. The first display: 4, the fifth 503. The second: 3 more fill the address's 8.
      expect(JSON.parse(await line(0))).toEqual([
        401,
        'open',
        'open',
        'open',
        'open',
        503,
        'open',
        'open',
        'open',
        'open',
        503,
      ]);
      const ids = (await core.call('lan.devices', {}, { ...window, token: first.adminToken })) as {
        value: { id: string; name: string }[];
      };
      const firstId = ids.value.find((d) => d.name === 'Màn hình A')!.id;
      await core.call('lan.revokeDevice', { deviceId: firstId }, { ...window, token: first.adminToken });
      child.stdin.write('go\n');
      // Sockets 1–4 were the first display's: closed by the revocation; the second's stay open.
      expect(JSON.parse(await line(1))).toEqual([1, 2, 3, 4]);
      await done;
      const { WebSocket } = await import('ws');
      const local = new WebSocket(`ws://127.0.0.1:${server.port}/events`);
      await new Promise<void>((resolve, reject) => {
        local.once('open', () => resolve());
        local.once('unexpected-response', () => reject(new Error('the kiosk window was refused')));
      });
      local.close();
    });

    it('an unpaired PC starting four large uploads is answered before its bodies are read; the kiosk keeps its upload slots', async () => {
      const ca = await caPem();
      // Four connections each announce a 10 MB dossier.attach and send 1 KB of it, then wait: before the
      // check came first, they held all 4 upload slots for the request timeout and the kiosk answered 503.
      const script = `
      const tls = require('node:tls');
      const answers = [];
      const sockets = [];
      for (let i = 0; i < 4; i++) {
        const s = tls.connect({ host: process.argv[1], port: Number(process.argv[2]), ca: process.env.CA }, () => {
          s.write('POST /api/dossier.attach HTTP/1.1\\r\\nHost: ' + process.argv[1] + ':' + process.argv[2] +
            '\\r\\nContent-Type: application/json\\r\\nContent-Length: 10000000\\r\\n\\r\\n' + '{"x":"' + 'a'.repeat(1024));
        });
        let got = '';
        s.on('data', (d) => { if (!got) { got = String(d).split('\\r\\n')[0]; answers.push(got); if (answers.length === 4) console.log(JSON.stringify(answers)); } });
        s.on('error', () => {});
        sockets.push(s);
      }
      process.stdin.on('data', () => process.exit(0));
      setTimeout(() => { console.log(JSON.stringify(answers)); process.exit(0); }, 8000);`;
      const child = spawn(
        'ip',
        ['netns', 'exec', ns, process.execPath, '-e', script, kioskIp, String(server.port)],
        { cwd: process.cwd(), env: { ...process.env, CA: ca } },
      );
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      const first = await new Promise<string>((resolve, reject) => {
        const limit = setTimeout(() => reject(new Error(`no answer: ${out}`)), 10_000);
        child.stdout.on('data', () => {
          if (out.includes('\n')) {
            clearTimeout(limit);
            resolve(out.split('\n')[0] ?? '');
          }
        });
      });
      expect(JSON.parse(first)).toEqual(Array(4).fill('HTTP/1.1 401 Unauthorized'));
      // Meanwhile the kiosk's own screen still gets an upload slot (its bad input is answered 400).
      const res = await fetch(`http://127.0.0.1:${server.port}/api/dossier.attach`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          id: 'not-a-draft',
          componentId: 'x',
          source: { kind: 'capture', dataBase64: 'x'.repeat(70_000) },
        }),
        signal: AbortSignal.timeout(5_000),
      });
      expect(res.status).toBe(400);
      child.stdin.write('done\n');
      await new Promise<void>((resolve) => child.once('exit', () => resolve()));
    });

    it('with the LAN off, asking for every interface (KIOSK_HOST=0.0.0.0) still serves this machine only', async () => {
      const offDir = mkdtempSync(join(tmpdir(), 'kiosk-lan-off-'));
      const off = await createCore({
        dataDir: offDir,
        env: {},
        scrypt: FAST_SCRYPT,
        fileWorker: { script: TEST_FILE_WORKER },
        config: { centre: { name: 'UBND phường Bến Nghé', unitCode: '000.00.12.H29' } },
      });
      const open = await startServer({ core: off, port: 0, host: '0.0.0.0' });
      try {
        const fromLan = await fromPc(`http://${kioskIp}:${open.port}/healthz`);
        expect(fromLan.status).toBe(0);
        expect(fromLan.error).toBe('ECONNREFUSED');
        const here = await fetch(`http://127.0.0.1:${open.port}/healthz`, {
          signal: AbortSignal.timeout(5_000),
        });
        expect(here.status).toBe(200);
      } finally {
        await open.close();
        await off.close();
        rmSync(offDir, { recursive: true, force: true });
      }
    });

    it("the kiosk's own window keeps plain HTTP on 127.0.0.1", async () => {
      const res = await fetch(`http://127.0.0.1:${server.port}/healthz`, {
        signal: AbortSignal.timeout(5_000),
      });
      expect(res.status).toBe(200);
    });
  },
);
