import { writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer, timeoutsFrom, type RunningServer, type ServerOptions } from '../../../main/server';
import { makeCore, tempDir } from '../helpers';

const servers: RunningServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

async function boot(options: Partial<ServerOptions> = {}) {
  const renderer = tempDir();
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>kiosk</title>');
  const { core } = await makeCore();
  const server = await startServer({ core, port: 0, rendererDir: renderer, ...options });
  servers.push(server);
  return server;
}

interface RawReply {
  status: number;
  headers: Map<string, string>;
  body: string;
  /** Milliseconds from connecting to the end of the answer. */
  ms: number;
}

/**
 * Writes `parts` on a plain TCP socket (what a broken client or a probe sends, which node:http's client
 * would not) with `pauseMs` between them, and reads until the server closes the connection.
 */
function raw(server: RunningServer, parts: string[], pauseMs = 0): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = connect(server.port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head = '', ...rest] = text.split('\r\n\r\n');
      const [statusLine = '', ...lines] = head.split('\r\n');
      const headers = new Map(
        lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]),
      );
      resolve({
        status: Number(statusLine.split(' ')[1]),
        headers,
        body: rest.join('\r\n\r\n'),
        ms: Date.now() - started,
      });
    });
    socket.once('connect', async () => {
      for (const part of parts) {
        if (socket.destroyed) return;
        socket.write(part);
        if (pauseMs) await new Promise((r) => setTimeout(r, pauseMs));
      }
    });
  });
}

function expectJsonError(reply: RawReply, status: number, code: string): void {
  expect(reply.status).toBe(status);
  expect(reply.headers.get('content-type')).toBe('application/json; charset=utf-8');
  expect(reply.headers.get('connection')).toBe('close');
  expect(Number(reply.headers.get('content-length'))).toBe(Buffer.byteLength(reply.body));
  expect(JSON.parse(reply.body)).toEqual({
    ok: false,
    error: { code, vi: expect.any(String), en: expect.any(String) },
  });
}

describe('errors from the HTTP layer are JSON too', () => {
  it('400 to a malformed request line', async () => {
    const server = await boot();
    expectJsonError(await raw(server, ['THIS IS NOT HTTP\r\n\r\n']), 400, 'bad-request');
    expectJsonError(await raw(server, ['GET /\0 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n']), 400, 'bad-request');
  });

  it('431 to headers over the limit', async () => {
    const server = await boot();
    const reply = await raw(server, [
      `GET / HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nX-Padding: ${'a'.repeat(20_000)}\r\n\r\n`,
    ]);
    expectJsonError(reply, 431, 'headers-too-large');
    expect(reply.headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it('408 to a client too slow with its headers, or with its body', async () => {
    const server = await boot({ timeouts: { headersMs: 300, requestMs: 600 } });
    // Headers started, never finished.
    const headers = await raw(server, [`POST /api/app.info HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\n`]);
    expectJsonError(headers, 408, 'request-timeout');
    // Headers complete, then 10 of the 100 bytes promised.
    const body = await raw(server, [
      `POST /api/app.info HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"a":"1234`,
    ]);
    expectJsonError(body, 408, 'request-timeout');
    expect(body.ms).toBeLessThan(5_000);
  });

  it('404 and 405 from the static file server', async () => {
    const server = await boot();
    const missing = await raw(server, [
      `GET /assets/missing.js HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nConnection: close\r\n\r\n`,
    ]);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(JSON.parse(missing.body)).toEqual({
      ok: false,
      error: { code: 'not-found', vi: 'Không tìm thấy.', en: 'Not found.' },
    });
    const post = await raw(server, [
      `DELETE /staff HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nConnection: close\r\n\r\n`,
    ]);
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
    expect(JSON.parse(post.body).error.code).toBe('method-not-allowed');
    // HEAD: the same status and headers, no body.
    const head = await raw(server, [
      `HEAD /assets/missing.js HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nConnection: close\r\n\r\n`,
    ]);
    expect(head.status).toBe(404);
    expect(head.body).toBe('');
  });

  it('403 as JSON to a WebSocket upgrade from a foreign page', async () => {
    const server = await boot();
    const reply = await raw(server, [
      `GET /events HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nOrigin: http://evil.example\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n`,
    ]);
    expectJsonError(reply, 403, 'foreign-origin');
  });

  it('400 as JSON to a WebSocket handshake ws refuses (no key)', async () => {
    const server = await boot();
    const reply = await raw(server, [
      `GET /events HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n\r\n`,
    ]);
    expectJsonError(reply, 400, 'bad-request');
    expect(JSON.parse(reply.body).error.en).toContain('Sec-WebSocket-Key');
  });

  it('keeps the timeouts within bounds whatever a caller asks', () => {
    expect(timeoutsFrom(undefined)).toMatchObject({ headersTimeout: 10_000, requestTimeout: 30_000 });
    expect(timeoutsFrom({ headersMs: 1, requestMs: 0 })).toMatchObject({
      headersTimeout: 100,
      requestTimeout: 100,
    });
    expect(timeoutsFrom({ headersMs: 5_000, requestMs: 1_000 })).toMatchObject({ requestTimeout: 5_000 });
    expect(timeoutsFrom({ headersMs: 1e9, requestMs: 1e9 })).toMatchObject({
      headersTimeout: 300_000,
      requestTimeout: 300_000,
    });
  });
});
