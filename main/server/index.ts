import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EVENTS_PATH, type KioskError, type Result } from '../../preload/api';
import type { Core } from '../core';
import { createLogger } from '../core/log';
import { securityHeaders } from '../core/policy';
import { createEventsHub } from './events';
import { isAllowedHost, isAllowedOrigin, isLoopback } from './guards';
import { statusForError } from './http-status';
import { serveStatic } from './static';

const log = createLogger('server');

/** Contract calls are small JSON; attachments (later) get their own streaming route. */
export const MAX_BODY_BYTES = 64 * 1024;
export const DEFAULT_PORT = 8787;

export interface ServerOptions {
  core: Core;
  /** 0 picks a free port (tests). */
  port: number;
  /** Defaults to 127.0.0.1, or every interface when the configuration enables the LAN. */
  host?: string;
  /** The built renderer (dist/renderer); without it only the API is served. */
  rendererDir?: string;
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

const errorBody = (code: string, vi: string, en: string): KioskError => ({ code, vi, en });

function sendJson(
  res: ServerResponse,
  status: number,
  body: Result<unknown> | Record<string, unknown>,
): void {
  const data = JSON.stringify(body);
  res.writeHead(status, {
    ...securityHeaders(),
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(data)),
    'Cache-Control': 'no-store',
  });
  res.end(data);
}

function sendError(res: ServerResponse, error: KioskError): void {
  sendJson(res, statusForError(error), { ok: false, error });
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? '0');
    if (declared > limit) {
      resolve('too-large');
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) over = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(over ? 'too-large' : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function bearer(req: IncomingMessage): string | undefined {
  const m = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  return m?.[1];
}

async function handleApi(req: IncomingMessage, res: ServerResponse, core: Core, name: string): Promise<void> {
  if (req.method !== 'POST') {
    res.setHeader('Allow', 'POST');
    sendJson(res, 405, {
      ok: false,
      error: errorBody('method-not-allowed', 'Chỉ chấp nhận POST.', 'Only POST is accepted.'),
    });
    return;
  }
  // Requiring JSON also stops an HTML form on another site from posting here (forms cannot send it).
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') {
    sendError(
      res,
      errorBody(
        'unsupported-media-type',
        'Yêu cầu phải gửi dữ liệu JSON (Content-Type: application/json).',
        'Send JSON (Content-Type: application/json).',
      ),
    );
    return;
  }
  const body = await readBody(req, MAX_BODY_BYTES);
  if (body === 'too-large') {
    res.setHeader('Connection', 'close');
    sendError(
      res,
      errorBody(
        'too-large',
        'Dữ liệu gửi lên quá lớn.',
        `The request is larger than ${MAX_BODY_BYTES} bytes.`,
      ),
    );
    return;
  }
  let input: unknown = {};
  if (body.length > 0) {
    try {
      input = JSON.parse(body.toString('utf8'));
    } catch {
      sendError(
        res,
        errorBody('invalid-json', 'Dữ liệu gửi lên không phải JSON hợp lệ.', 'The body is not valid JSON.'),
      );
      return;
    }
  }
  const result = await core.call(name, input, {
    token: bearer(req),
    transport: 'http',
    local: isLoopback(req.socket.remoteAddress),
    ...(req.socket.remoteAddress ? { client: req.socket.remoteAddress } : {}),
  });
  if (result.ok) sendJson(res, 200, result);
  else sendError(res, result.error);
}

/**
 * The bridge: the contract over HTTP (`POST /api/<method>`), events over a WebSocket (`/events`), the
 * built renderer at `/`, `/staff` and `/display`, and `GET /healthz`.
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { core } = options;
  const lan = core.bridge.lan;
  const host = options.host ?? (lan ? '0.0.0.0' : '127.0.0.1');
  const hub = createEventsHub(core);
  let port = options.port;

  const guard = (req: IncomingMessage): KioskError | null => {
    if (!isAllowedHost(req.headers.host, { port, lan })) {
      return errorBody('foreign-origin', 'Địa chỉ truy cập không hợp lệ.', 'This host name is not allowed.');
    }
    if (!isAllowedOrigin(req.headers.origin, req.headers.host, core.bridge.allowedOrigins)) {
      return errorBody(
        'foreign-origin',
        'Trang web này không được phép gọi ki-ốt.',
        'This origin may not call the kiosk.',
      );
    }
    return null;
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://bridge');
    const refused = guard(req);
    if (refused) {
      sendError(res, refused);
      return;
    }
    if (url.pathname === '/healthz') {
      sendJson(res, 200, { status: 'ok' });
      return;
    }
    if (url.pathname.startsWith('/api/')) {
      // Method names are plain ASCII; a percent-escape in one can only be a typo or a probe.
      handleApi(req, res, core, url.pathname.slice(5)).catch((error: unknown) => {
        log.error('api request failed', { error });
        if (!res.headersSent) {
          sendError(res, errorBody('internal', 'Ki-ốt gặp lỗi ngoài ý muốn.', 'Unexpected error.'));
        }
      });
      return;
    }
    if (options.rendererDir) {
      serveStatic(req, res, options.rendererDir);
      return;
    }
    sendJson(res, 404, { ok: false, error: errorBody('not-found', 'Không tìm thấy.', 'Not found.') });
  });

  server.on('upgrade', (req, socket, head) => {
    const path = new URL(req.url ?? '/', 'http://bridge').pathname;
    if (path !== EVENTS_PATH || guard(req)) {
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    hub.upgrade(req, socket, head);
  });
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  const shownHost = host === '0.0.0.0' ? '127.0.0.1' : host;
  const url = `http://${shownHost}:${port}`;
  log.info('bridge listening', { url, lan });

  return {
    url,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        hub.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
