import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { MAX_BODY_BYTES, startServer, type RunningServer } from '../../../main/server';
import { makeCore, tempDir } from '../helpers';
import { send } from './requests';
import { createEventBus } from '../../../main/core/events';
import type { Core } from '../../../main/core/types';
import { LOOKUPS_PER_MINUTE } from '../../../main/core/dossier/handlers';

const servers: RunningServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

async function boot(options: { config?: unknown; env?: NodeJS.ProcessEnv } = {}) {
  const renderer = tempDir();
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>kiosk</title>');
  mkdirSync(join(renderer, 'assets'));
  writeFileSync(join(renderer, 'assets', 'app-1234.js'), 'console.log(1)');
  const ctx = await makeCore({ env: { KIOSK_ADMIN_PIN: '135790' }, ...options });
  const server = await startServer({ core: ctx.core, port: 0, rendererDir: renderer });
  servers.push(server);
  return { ...ctx, server };
}

const api = (server: RunningServer, method: string, body: unknown, headers: Record<string, string> = {}) =>
  send(server, `/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

async function token(server: RunningServer): Promise<string> {
  const r = await api(server, 'staff.signIn', { user: 'admin', pin: '135790' });
  return (JSON.parse(r.body) as { value: { token: string } }).value.token;
}

describe('the HTTP bridge', () => {
  it('answers /healthz and serves the contract', async () => {
    const { server } = await boot();
    expect((await send(server, '/healthz')).status).toBe(200);
    const r = await api(server, 'app.info', {});
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toMatchObject({ ok: true, value: { productName: 'Một Cửa Kiosk' } });
  });

  it('refuses a page from another site (403) but not a client that sends no Origin', async () => {
    const { server } = await boot();
    const foreign = await api(server, 'app.info', {}, { Origin: 'http://evil.example' });
    expect(foreign.status).toBe(403);
    expect(JSON.parse(foreign.body)).toMatchObject({ ok: false, error: { code: 'foreign-origin' } });
    const nullOrigin = await api(server, 'app.info', {}, { Origin: 'null' });
    expect(nullOrigin.status).toBe(403);
    const same = await api(server, 'app.info', {}, { Origin: `http://127.0.0.1:${server.port}` });
    expect(same.status).toBe(200);
  });

  it('refuses DNS-rebinding requests whose Host is a domain name', async () => {
    const { server } = await boot();
    const host = `attacker.example:${server.port}`;
    const r = await api(server, 'app.info', {}, { Host: host, Origin: `http://${host}` });
    expect(r.status).toBe(403);
    const wrongPort = await api(server, 'app.info', {}, { Host: '127.0.0.1:1' });
    expect(wrongPort.status).toBe(403);
  });

  it('answers 413 to a body over the limit, and 415 to one that is not JSON', async () => {
    const { server } = await boot();
    const big = await api(server, 'staff.signIn', { user: 'admin', pin: 'x'.repeat(MAX_BODY_BYTES) });
    expect(big.status).toBe(413);
    expect(JSON.parse(big.body).error.code).toBe('too-large');
    const form = await send(server, '/api/app.info', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'a=1',
    });
    expect(form.status).toBe(415);
  });

  it('answers 404 to an unknown method, 400 to bad input or bad JSON, with the contract error', async () => {
    const { server } = await boot();
    const unknown = await api(server, 'queue.teleport', {});
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body).error).toMatchObject({ code: 'unknown-method', vi: expect.any(String) });
    const bad = await api(server, 'staff.signIn', { user: 'admin' });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).error).toMatchObject({ code: 'invalid-input', field: 'pin' });
    const junk = await send(server, '/api/app.info', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{nope',
    });
    expect(junk.status).toBe(400);
    expect((await send(server, '/api/app.info')).status).toBe(405);
  });

  it('answers 429 with a vi/en wait to a client that walks dossier codes', async () => {
    const { server } = await boot();
    const statuses: number[] = [];
    for (let i = 0; i <= LOOKUPS_PER_MINUTE; i++) {
      const code = `000.00.00.H00-K01-261123-${String(i + 1).padStart(4, '0')}`;
      statuses.push((await api(server, 'dossier.lookup', { code })).status);
    }
    expect(statuses.slice(0, -1).every((s) => s === 422)).toBe(true); // not found, but answered
    const last = await api(server, 'dossier.lookup', { code: '000.00.00.H00-K01-261123-9999' });
    expect(last.status).toBe(429);
    expect(JSON.parse(last.body).error).toMatchObject({
      code: 'too-many-requests',
      vi: expect.stringMatching(/đợi/),
    });
  });

  it('needs a staff session token for staff methods', async () => {
    const { server } = await boot();
    expect((await api(server, 'staff.me', {})).status).toBe(401);
    expect((await api(server, 'staff.me', {}, { Authorization: 'Bearer forged' })).status).toBe(401);
    const t = await token(server);
    const me = await api(server, 'staff.me', {}, { Authorization: `Bearer ${t}` });
    expect(me.status).toBe(200);
    expect(JSON.parse(me.body).value.user.user).toBe('admin');
  });

  it('serves the renderer with the CSP header and client-side routes', async () => {
    const { server } = await boot();
    for (const path of ['/', '/staff', '/display']) {
      const r = await send(server, path);
      expect(r.status, path).toBe(200);
      expect(r.body).toContain('<title>kiosk</title>');
      expect(r.headers['content-security-policy']).toContain("default-src 'none'");
      expect(r.headers['x-content-type-options']).toBe('nosniff');
    }
    const asset = await send(server, '/assets/app-1234.js');
    expect(asset.headers['cache-control']).toContain('immutable');
    // Dot segments are folded by the URL parser: what comes back is the app, never a file outside it.
    for (const path of [
      '/../../etc/passwd',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/..%2f..%2fetc%2fpasswd',
      '/.env',
    ]) {
      const r = await send(server, path);
      expect(r.body, path).not.toContain('root:');
      expect([200, 404], path).toContain(r.status);
    }
    expect((await send(server, '/assets/..%2f..%2fpackage.json')).status).toBe(404);
    expect((await send(server, '/assets/missing.js')).status).toBe(404);
  });
});

describe('the events WebSocket', () => {
  function connect(server: RunningServer, headers: Record<string, string> = {}): Promise<WebSocket> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(`ws://127.0.0.1:${server.port}/events`, { headers });
      ws.once('open', () => resolve(ws));
      ws.once('error', reject);
      ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    });
  }

  const collect = (ws: WebSocket) => {
    const got: unknown[] = [];
    ws.on('message', (d) => got.push(JSON.parse(String(d))));
    return got;
  };

  it('refuses a WebSocket from a foreign page', async () => {
    const { server } = await boot();
    await expect(connect(server, { Origin: 'http://evil.example' })).rejects.toThrow(
      /403|Unexpected server response/,
    );
  });

  it('delivers staff events only to clients that authenticated with a live session', async () => {
    // The real core for sessions, with an event bus the test drives (the hub only subscribes).
    const ctx = await makeCore({ env: { KIOSK_ADMIN_PIN: '135790' } });
    const bus = createEventBus();
    const core: Core = { ...ctx.core, subscribe: bus.subscribe };
    const server = await startServer({ core, port: 0 });
    servers.push(server);
    const t = await token(server);
    const citizen = await connect(server);
    const staff = await connect(server);
    const stale = await connect(server);
    const citizenGot = collect(citizen);
    const staffGot = collect(staff);
    const staleGot = collect(stale);
    staff.send(JSON.stringify({ type: 'auth', token: t }));
    stale.send(JSON.stringify({ type: 'auth', token: 'made-up' }));
    // A ping round trip guarantees the server has read each auth message before the event goes out.
    await Promise.all([staff, stale].map((ws) => new Promise((r) => (ws.once('pong', r), ws.ping()))));

    const alert = {
      id: 1,
      level: 'critical',
      code: 'x',
      vi: 'Máy in hỏng',
      en: 'Printer down',
      createdAt: 'now',
      acknowledgedAt: null,
    } as const;
    bus.emit('staff.alert', alert);
    await waitFor(() => staffGot.length > 0);
    // Give a wrongly-delivered message the same chance to arrive before asserting it did not.
    await Promise.all([citizen, stale].map((ws) => new Promise((r) => (ws.once('pong', r), ws.ping()))));
    expect(staffGot).toEqual([{ event: 'staff.alert', payload: alert }]);
    expect(citizenGot).toEqual([]);
    expect(staleGot).toEqual([]);
    for (const ws of [citizen, staff, stale]) ws.close();
  });
});

async function waitFor(predicate: () => boolean, timeoutMs = 2000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}
