import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { EVENTS_PATH, type KioskError } from '../../preload/api';
import type { CallContext, Core } from '../core';
import { addressKey } from '../core/staff/source';
import { createLogger } from '../core/log';
import { MAX_BODY_BYTES, bodyLimit, discardRest, readBody, tooMuchOutsideStrings } from './body';
import { createEventsHub } from './events';
import { isAllowedHost, isAllowedOrigin, isLoopback } from './guards';
import { errorBody, httpErrors, rawErrorResponse, sendError, sendJson } from './replies';
import { serveStatic } from './static';
import { CA_PATH, lanListener, serveCa } from './lan';
import { deviceTokenOf, setDeviceCookie } from './cookies';

const log = createLogger('server');

export { MAX_BODY_BYTES, bodyLimit } from './body';
export const DEFAULT_PORT = 8787;

/** Time to receive a request's headers, and the whole request (a large capture from a counter PC). */
const DEFAULT_TIMEOUTS = { headersMs: 10_000, requestMs: 30_000 };
/** What a test may shorten the timeouts to, and the longest they may be set. */
const TIMEOUT_BOUNDS = { min: 100, max: 300_000 };

export interface ServerOptions {
  core: Core;
  /** 0 picks a free port (tests). */
  port: number;
  /** Defaults to 127.0.0.1, or every interface when the configuration enables the LAN. */
  host?: string;
  /** The built renderer (dist/renderer); without it only the API is served. */
  rendererDir?: string;
  /**
   * A slow client is answered 408 after these (defaults 10 s for the headers, 30 s for the whole request;
   * tests shorten them). Kept within 100 ms – 5 min, and the request's at least the headers'.
   */
  timeouts?: { headersMs?: number; requestMs?: number };
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

const clamp = (ms: number): number => Math.min(TIMEOUT_BOUNDS.max, Math.max(TIMEOUT_BOUNDS.min, ms));

export function timeoutsFrom(options: ServerOptions['timeouts']): {
  headersTimeout: number;
  requestTimeout: number;
  connectionsCheckingInterval: number;
} {
  const headersTimeout = clamp(options?.headersMs ?? DEFAULT_TIMEOUTS.headersMs);
  const requestTimeout = Math.max(headersTimeout, clamp(options?.requestMs ?? DEFAULT_TIMEOUTS.requestMs));
  // Node checks the timeouts on this interval (default 30 s, which would let a slow client stay twice as
  // long as the timeout says); a quarter of the headers' timeout keeps them within 25 %.
  return { headersTimeout, requestTimeout, connectionsCheckingInterval: Math.ceil(headersTimeout / 4) };
}

/** The JSON answer to a request Node's parser refused (it names the reason in `error.code`). */
function clientErrorFor(code: string | undefined): KioskError {
  switch (code) {
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return httpErrors.requestTimeout();
    case 'HPE_HEADER_OVERFLOW':
      return httpErrors.headersTooLarge();
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      return httpErrors.tooLarge();
    default:
      return httpErrors.badRequest();
  }
}

function bearer(req: IncomingMessage): string | undefined {
  const m = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  return m?.[1];
}

/** Large bodies (captures) being read or handled at once; a fifth waits for none and is refused. */
export const MAX_LARGE_UPLOADS = 4;
/** Of those, what one LAN address may hold, so one PC cannot take every slot from the others. */
export const MAX_LARGE_UPLOADS_PER_ADDRESS = 2;

interface Uploads {
  active: number;
  byAddress: Map<string, number>;
}

/** Where the call comes from: the same for the pre-check and the call itself. */
function contextOf(req: IncomingMessage): CallContext {
  const deviceToken = deviceTokenOf(req);
  const token = bearer(req);
  return {
    transport: 'http',
    local: isLoopback(req.socket.remoteAddress),
    ...(token ? { token } : {}),
    ...(req.socket.remoteAddress ? { client: req.socket.remoteAddress } : {}),
    ...(deviceToken ? { deviceToken } : {}),
  };
}

async function handleApi(
  req: IncomingMessage,
  res: ServerResponse,
  core: Core,
  name: string,
  uploads: Uploads,
): Promise<void> {
  if (req.method !== 'POST') {
    sendError(res, httpErrors.methodNotAllowed('POST'), { Allow: 'POST' });
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
  const ctx = contextOf(req);
  // From the LAN, who may call this method is known from the URL and the headers: an unpaired client,
  // a display asking for a capture upload, a counter without staff, are answered before a byte of the
  // body is read (no upload slot, no read, no parse).
  if (!ctx.local) {
    const refused = core.admit(name, ctx);
    if (refused) {
      sendError(res, refused, { Connection: 'close' });
      discardRest(req);
      return;
    }
  }
  // The method is in the URL, so its limit is known before a byte of the body is read.
  const limit = bodyLimit(name, core.maxFileBytes);
  if (limit <= MAX_BODY_BYTES) return handleBody(req, res, core, name, limit, ctx);
  // Each large body is held in memory until its call ends: only a few at a time, two per LAN address.
  const address = ctx.local ? null : addressKey(ctx.client);
  const mine = address === null ? 0 : (uploads.byAddress.get(address) ?? 0);
  if (uploads.active >= MAX_LARGE_UPLOADS || mine >= MAX_LARGE_UPLOADS_PER_ADDRESS) {
    sendError(res, httpErrors.tooManyUploads(), { Connection: 'close', 'Retry-After': '5' });
    discardRest(req);
    return;
  }
  uploads.active++;
  if (address !== null) uploads.byAddress.set(address, mine + 1);
  try {
    await handleBody(req, res, core, name, limit, ctx);
  } finally {
    uploads.active--;
    if (address !== null) {
      const left = (uploads.byAddress.get(address) ?? 1) - 1;
      if (left > 0) uploads.byAddress.set(address, left);
      else uploads.byAddress.delete(address);
    }
  }
}

async function handleBody(
  req: IncomingMessage,
  res: ServerResponse,
  core: Core,
  name: string,
  limit: number,
  ctx: CallContext,
): Promise<void> {
  const body = await readBody(req, limit);
  if (body.kind === 'aborted') return; // the client left or timed out (answered 408 by clientError)
  if (body.kind === 'too-large') {
    sendError(res, httpErrors.tooLarge(limit), { Connection: 'close' });
    discardRest(req);
    return;
  }
  if (body.bytes.length > MAX_BODY_BYTES && tooMuchOutsideStrings(body.bytes, MAX_BODY_BYTES)) {
    sendError(res, httpErrors.tooMuchStructure(MAX_BODY_BYTES));
    return;
  }
  let input: unknown = {};
  if (body.bytes.length > 0) {
    try {
      input = JSON.parse(body.bytes.toString('utf8'));
    } catch {
      sendError(
        res,
        errorBody('invalid-json', 'Dữ liệu gửi lên không phải JSON hợp lệ.', 'The body is not valid JSON.'),
      );
      return;
    }
  }
  const result = await core.call(name, input, ctx);
  if (!result.ok) {
    sendError(res, result.error);
    return;
  }
  // A device just paired: its token goes into the HttpOnly cookie, never into JSON a script can read.
  if (name === 'lan.pair') {
    const { token, ...paired } = result.value as { token?: string };
    if (token) setDeviceCookie(res, token);
    sendJson(res, 200, { ok: true, value: paired });
    return;
  }
  // Every start of a paired device's screen renews its cookie's 400 days.
  if (name === 'app.info' && ctx.deviceToken && (result.value as { device: unknown }).device) {
    setDeviceCookie(res, ctx.deviceToken);
  }
  sendJson(res, 200, result);
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
  const uploads: Uploads = { active: 0, byAddress: new Map() };

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

  /** The response a socket is answering now: a parse error after its headers went out cannot be answered. */
  const answering = new WeakMap<Socket, ServerResponse>();

  const server = createServer(timeoutsFrom(options.timeouts), (req, res) => {
    answering.set(req.socket, res);
    res.once('finish', () => {
      if (answering.get(req.socket) === res) answering.delete(req.socket);
    });
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
    if (url.pathname === CA_PATH && req.method === 'GET' && core.lanTls) {
      serveCa(res, core.lanTls);
      return;
    }
    if (url.pathname.startsWith('/api/')) {
      // Method names are plain ASCII; a percent-escape in one can only be a typo or a probe.
      handleApi(req, res, core, url.pathname.slice(5), uploads).catch((error: unknown) => {
        log.error('api request failed', { error });
        if (!res.headersSent && !req.socket.destroyed) {
          sendError(res, errorBody('internal', 'Ki-ốt gặp lỗi ngoài ý muốn.', 'Unexpected error.'));
        }
      });
      return;
    }
    if (options.rendererDir) {
      serveStatic(req, res, options.rendererDir);
      return;
    }
    sendError(res, httpErrors.notFound());
  });

  // Node's parser refused a request (a malformed request line, headers over 16 KiB) or a client was too
  // slow (408): Node would answer in plain text; the bridge answers JSON like everywhere else.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    const started = answering.get(socket as Socket)?.headersSent ?? false;
    if (error.code === 'ECONNRESET' || !socket.writable || started) {
      socket.destroy();
      return;
    }
    socket.end(rawErrorResponse(clientErrorFor(error.code)));
  });

  server.on('upgrade', (req, socket, head) => {
    const path = new URL(req.url ?? '/', 'http://bridge').pathname;
    if (path !== EVENTS_PATH) {
      socket.end(rawErrorResponse(httpErrors.notFound()));
      return;
    }
    const refused = guard(req);
    if (refused) {
      socket.end(rawErrorResponse(refused));
      return;
    }
    hub.upgrade(req, socket, head);
  });

  // On the LAN, a front listener sorts connections: TLS from anyone, plain HTTP from the kiosk itself
  // (lan.ts). Without a certificate (it could not be made) the bridge stays on loopback: the LAN is
  // never served in clear.
  const front = lan && core.lanTls ? lanListener(server, core.lanTls) : null;
  const listening = front?.server ?? server;
  // Without LAN HTTPS nothing but this machine is served, whatever host was asked for (KIOSK_HOST=0.0.0.0
  // with the LAN off would otherwise serve plain HTTP, PINs and all, to the network).
  const address = front ? host : isLoopback(host) || host === 'localhost' ? host : '127.0.0.1';
  if (lan && !core.lanTls) log.error('LAN HTTPS unavailable: the bridge listens on 127.0.0.1 only');
  else if (address !== host) log.error('the LAN is off: the bridge listens on 127.0.0.1 only', { host });
  await new Promise<void>((resolve, reject) => {
    listening.once('error', reject);
    listening.listen(options.port, address, () => {
      listening.off('error', reject);
      resolve();
    });
  });
  port = (listening.address() as AddressInfo).port;
  const shownHost = address === '0.0.0.0' ? '127.0.0.1' : address;
  const url = `http://${shownHost}:${port}`;
  log.info('bridge listening', { url, lan, https: front !== null });

  return {
    url,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        hub.close();
        if (front) {
          front.close();
          server.closeAllConnections();
          front.server.once('close', () => resolve());
          return;
        }
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
