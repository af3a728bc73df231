import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createNetServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../../main/core/clock';
import { setLogSink, type LogSink } from '../../../main/core/log';
import { createPortalClient, type HttpPortalClient } from '../../../main/core/sync/client';
import { parseRetryAfter } from '../../../main/core/sync/http-failures';
import type { PortalFailure, PortalResult } from '../../../main/core/sync/types';
import { dossierWith, tempDir } from '../portal/fixtures';

/**
 * The client's classification against tiny servers that misbehave on purpose: every failure must come
 * back as a value (retry or refused), within the timeout, never as a throw or a hang.
 */

// The client logs unexpected answers at warn; these tests send them on purpose.
let previousSink: LogSink;
beforeAll(() => {
  previousSink = setLogSink(() => undefined);
});
afterAll(() => {
  setLogSink(previousSink);
});

const servers: { server: Server; sockets: Set<Socket> }[] = [];
const clients: HttpPortalClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  for (const { server, sockets } of servers.splice(0)) {
    for (const s of sockets) s.destroy();
    await new Promise((resolve) => server.close(resolve));
  }
});

async function listen(server: Server): Promise<string> {
  const sockets = new Set<Socket>();
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  servers.push({ server, sockets });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const httpServer = (handler: (req: IncomingMessage, res: ServerResponse) => void) =>
  listen(createHttpServer(handler));

/** Answers every request with these exact bytes, then closes: for answers no well-behaved server sends. */
const rawServer = (bytes: string) =>
  listen(
    createNetServer((socket) => {
      socket.once('data', () => socket.end(bytes));
    }),
  );

const NOW = '2026-11-23T02:00:00.000Z';

function client(url: string, timeoutMs = 2000): HttpPortalClient {
  const c = createPortalClient({
    url,
    token: 'kiosk-token-one',
    kioskId: 'K01',
    timeoutMs,
    clock: manualClock(NOW),
  });
  clients.push(c);
  return c;
}

function failureOf<T>(result: PortalResult<T>): PortalFailure {
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result.value)}`);
  return result.failure;
}

const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
};

function bigFile(bytes: number): { path: string; hash: string } {
  const data = Buffer.alloc(bytes, 7);
  const path = join(tempDir('client-fail-'), 'scan.pdf');
  writeFileSync(path, data);
  return { path, hash: createHash('sha256').update(data).digest('hex') };
}

describe('portal client: answers to retry', () => {
  it('treats 500 as retry with the status, and no Retry-After as null', async () => {
    const url = await httpServer((_req, res) => json(res, 500, { error: 'boom' }));
    const failure = failureOf(await client(url).submitDossier(dossierWith([])));
    expect(failure).toMatchObject({
      kind: 'retry',
      status: 500,
      retryAfterMs: null,
      error: { code: 'portal-server-error' },
    });
    expect(failure.error.vi).toContain('500');
  });

  it('honours Retry-After in seconds (503) and as an HTTP-date (429)', async () => {
    const seconds = await httpServer((_req, res) =>
      json(res, 503, { error: 'maintenance' }, { 'Retry-After': '7' }),
    );
    expect(failureOf(await client(seconds).probe())).toMatchObject({
      kind: 'retry',
      status: 503,
      retryAfterMs: 7000,
    });

    const date = new Date(Date.parse(NOW) + 30_000).toUTCString();
    const busy = await httpServer((_req, res) =>
      json(res, 429, { error: 'slow down' }, { 'Retry-After': date }),
    );
    expect(failureOf(await client(busy).changes(null))).toMatchObject({
      kind: 'retry',
      status: 429,
      retryAfterMs: 30_000,
      error: { code: 'portal-busy' },
    });
  });

  it('retries 408 and a 5xx whose body is an HTML page', async () => {
    const slow = await httpServer((_req, res) => json(res, 408, { error: 'request timeout' }));
    expect(failureOf(await client(slow).hasBlob('a'.repeat(64)))).toMatchObject({
      kind: 'retry',
      status: 408,
    });
    const proxy = await httpServer((_req, res) => {
      res.writeHead(502, { 'Content-Type': 'text/html' });
      res.end('<html><body>Bad Gateway</body></html>');
    });
    expect(failureOf(await client(proxy).catalogue(null))).toMatchObject({ kind: 'retry', status: 502 });
  });

  it('retries a refused connection and a connection reset before any answer', async () => {
    const closed = await httpServer(() => undefined);
    const { server } = servers.pop()!;
    await new Promise((resolve) => server.close(resolve));
    expect(failureOf(await client(closed).probe())).toMatchObject({
      kind: 'retry',
      status: null,
      error: { code: 'portal-unreachable' },
    });

    const reset = await httpServer((req) => req.socket.resetAndDestroy());
    expect(failureOf(await client(reset).submitDossier(dossierWith([])))).toMatchObject({
      kind: 'retry',
      error: { code: 'portal-unreachable' },
    });
  });

  it('retries a connection reset in the middle of an upload', async () => {
    const url = await httpServer((req) => {
      req.once('data', () => req.socket.resetAndDestroy());
    });
    const f = bigFile(4 * 1024 * 1024);
    expect(failureOf(await client(url).putBlob(f.hash, f.path, 4 * 1024 * 1024))).toMatchObject({
      kind: 'retry',
      status: null,
      error: { code: 'portal-unreachable' },
    });
  });

  it('retries an answer cut short (Content-Length not reached, or a chunk never finished)', async () => {
    const short = await rawServer(
      'HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{"portalCode":"000.00',
    );
    expect(failureOf(await client(short).submitDossier(dossierWith([])))).toMatchObject({
      kind: 'retry',
      error: { code: 'portal-bad-response' },
    });
    const chunked = await rawServer(
      'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n40\r\n{"changes":[],"cur',
    );
    expect(failureOf(await client(chunked).changes(null))).toMatchObject({
      kind: 'retry',
      error: { code: 'portal-bad-response' },
    });
  });

  it('retries a 2xx answer that is not JSON or not the expected shape', async () => {
    const html = await httpServer((_req, res) => {
      res.writeHead(201, { 'Content-Type': 'text/html' });
      res.end('<html>Đăng nhập Wi-Fi</html>');
    });
    expect(failureOf(await client(html).submitDossier(dossierWith([])))).toMatchObject({
      kind: 'retry',
      status: 201,
      error: { code: 'portal-bad-response' },
    });
    const shape = await httpServer((_req, res) => json(res, 200, { changes: [{ id: 1 }], cursor: '5' }));
    expect(failureOf(await client(shape).changes('4'))).toMatchObject({
      kind: 'retry',
      error: { code: 'portal-bad-response' },
    });
  });

  it('gives up on a portal that never answers, within the timeout', async () => {
    const url = await httpServer(() => undefined);
    const started = Date.now();
    const failure = failureOf(await client(url, 300).submitDossier(dossierWith([])));
    const elapsed = Date.now() - started;
    expect(failure).toMatchObject({ kind: 'retry', status: null, error: { code: 'portal-timeout' } });
    expect(elapsed).toBeGreaterThanOrEqual(250);
    expect(elapsed).toBeLessThan(2000);
  });

  it('gives up on an answer that stalls half-way, and on one trickled slower than the deadline', async () => {
    const stall = await httpServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': 100 });
      res.write('{"procedures":[');
    });
    expect(failureOf(await client(stall, 300).catalogue(null))).toMatchObject({
      kind: 'retry',
      error: { code: 'portal-timeout' },
    });

    // A byte every 50 ms is never idle for 300 ms; the total deadline still ends it.
    const trickle = await httpServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': 10_000 });
      const timer = setInterval(() => res.write(' '), 50);
      res.on('close', () => clearInterval(timer));
    });
    const started = Date.now();
    expect(failureOf(await client(trickle, 300).changes(null))).toMatchObject({
      kind: 'retry',
      error: { code: 'portal-timeout' },
    });
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe('portal client: answers that are refused', () => {
  it('refuses 422 with the portal’s reasons, and 401 with a message staff understand', async () => {
    const invalid = await httpServer((_req, res) =>
      json(res, 422, { error: 'Hồ sơ không hợp lệ.', reasons: ['Thiếu giấy chứng sinh.', 'Sai ngày sinh.'] }),
    );
    expect(failureOf(await client(invalid).submitDossier(dossierWith([])))).toEqual({
      kind: 'refused',
      status: 422,
      reasons: ['Thiếu giấy chứng sinh.', 'Sai ngày sinh.'],
      error: expect.objectContaining({ code: 'portal-invalid' }),
    });

    const denied = await httpServer((_req, res) => json(res, 401, { error: 'token revoked' }));
    const failure = failureOf(await client(denied).changes(null));
    expect(failure).toMatchObject({ kind: 'refused', status: 401, reasons: ['token revoked'] });
    expect(failure.error.vi).toContain('Mã truy cập cổng dịch vụ công của ki-ốt không đúng hoặc đã hết hạn');
  });

  it('names each other refusal, never as a retry', async () => {
    const cases: [number, string][] = [
      [400, 'portal-refused'],
      [403, 'portal-forbidden'],
      [404, 'portal-not-found'],
      [409, 'portal-conflict'],
      [413, 'portal-too-large'],
      [301, 'portal-redirect'],
    ];
    for (const [status, code] of cases) {
      const url = await httpServer((_req, res) =>
        json(
          res,
          status,
          { error: `error ${status}` },
          status === 301 ? { Location: 'https://elsewhere/' } : {},
        ),
      );
      const failure = failureOf(await client(url).submitDossier(dossierWith([])));
      expect(failure, String(status)).toMatchObject({ kind: 'refused', status, error: { code } });
    }
  });

  it('takes the portal’s early answer to an upload (401, then close, before the body is read) as the outcome', async () => {
    // The server answers at once and hangs up while the kiosk is still writing: the write fails, but the
    // answer already came and is what counts. The answer is written on the socket and the hang-up comes
    // 100 ms later: hanging up at once with the body unread resets the connection, and a reset may
    // discard an answer the kiosk has not read yet (a portal that does that loses its own answer; the
    // test is about the kiosk, so it waits until the answer is surely there).
    const url = await httpServer((req) => {
      const body = JSON.stringify({ error: 'no token' });
      req.socket.write(
        `HTTP/1.1 401 Unauthorized\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`,
      );
      setTimeout(() => req.socket.destroy(), 100);
    });
    const f = bigFile(8 * 1024 * 1024);
    expect(failureOf(await client(url).putBlob(f.hash, f.path, 8 * 1024 * 1024))).toMatchObject({
      kind: 'refused',
      status: 401,
      error: { code: 'portal-unauthorized' },
    });
  });
});

describe('portal client: what it sends', () => {
  it('streams an upload with Content-Length (not chunked), the bearer token and the exact bytes', async () => {
    const seen: { headers: IncomingMessage['headers']; hash: string; bytes: number }[] = [];
    const url = await httpServer((req, res) => {
      const hash = createHash('sha256');
      let bytes = 0;
      req.on('data', (c: Buffer) => {
        bytes += c.length;
        hash.update(c);
      });
      req.on('end', () => {
        seen.push({ headers: req.headers, hash: hash.digest('hex'), bytes });
        json(res, 201, { ok: true });
      });
    });
    const size = 2 * 1024 * 1024 + 3;
    const f = bigFile(size);
    expect(await client(url).putBlob(f.hash, f.path, size)).toEqual({ ok: true, value: undefined });
    expect(seen).toHaveLength(1);
    expect(seen[0]!.headers['content-length']).toBe(String(size));
    expect(seen[0]!.headers['transfer-encoding']).toBeUndefined();
    expect(seen[0]!.headers.authorization).toBe('Bearer kiosk-token-one');
    expect(seen[0]!.bytes).toBe(size);
    expect(seen[0]!.hash).toBe(f.hash);
  });

  it('sends the dossier id as Idempotency-Key and the kiosk id with the cursor', async () => {
    const seen: { url: string; key: string | string[] | undefined }[] = [];
    const url = await httpServer((req, res) => {
      seen.push({ url: req.url ?? '', key: req.headers['idempotency-key'] });
      req.resume();
      req.on('end', () =>
        req.method === 'POST'
          ? json(res, 201, { portalCode: 'P-1' })
          : json(res, 200, { changes: [], cursor: '12' }),
      );
    });
    const dossier = dossierWith([]);
    await client(url).submitDossier(dossier);
    await client(url).changes('11');
    expect(seen).toEqual([
      { url: '/api/v1/dossiers', key: dossier.id },
      { url: '/api/v1/dossiers?kiosk=K01&changedSince=11', key: undefined },
    ]);
  });
});

describe('Retry-After parsing', () => {
  const now = new Date(NOW);
  it('reads seconds and HTTP-dates, clamps the past to 0 and ignores nonsense', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter(new Date(now.getTime() + 5000).toUTCString(), now)).toBe(5000);
    expect(parseRetryAfter('Sun, 06 Nov 1994 08:49:37 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter('-5', now)).toBeNull();
    expect(parseRetryAfter('1.5', now)).toBeNull();
    expect(parseRetryAfter(undefined, now)).toBeNull();
  });
});
