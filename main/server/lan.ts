/**
 * One port, two protocols, for `bridge.lan`: TLS for everyone, plain HTTP for the kiosk's own window only.
 * The first byte of a connection tells them apart (a TLS ClientHello starts with 0x16, an HTTP request
 * with a letter), so counter PCs and the display reach the same `https://<ip>:8787` and the kiosk's window
 * keeps `http://127.0.0.1:8787` (no certificate to trust on the kiosk itself). A plain HTTP request from
 * the LAN gets nothing but a redirect to HTTPS, and the CA certificate at /ca.crt: a new counter PC has to
 * fetch that before it can trust anything, and its fingerprint is checked against the staff console.
 * Written here rather than taken from a library (httpolyglot does the first-byte split) because the
 * split is a dozen lines and the policy around it (who may speak plain HTTP) is the point.
 */
import type { Server as HttpServer, IncomingMessage, ServerResponse } from 'node:http';
import { createServer as createHttpServer } from 'node:http';
import { createServer as createNetServer, type Server as NetServer, type Socket } from 'node:net';
import { createServer as createTlsServer, type Server as TlsServer } from 'node:tls';
import type { LanTls } from '../core/tls';
import { isIP } from 'node:net';
import { isLoopback, parseHostHeader } from './guards';
import { sendJson } from './replies';
import { securityHeaders } from '../core/policy';

const TLS_HANDSHAKE = 0x16;
/** A connection that sends nothing for this long is closed before it is sorted. */
const FIRST_BYTE_MS = 10_000;
/** A TLS handshake not finished by then is dropped (Node's default is 120 s). */
const HANDSHAKE_MS = 10_000;
/** The plain-HTTP redirector answers one short request; a slow one is cut at this. */
const REDIRECT_TIMEOUT_MS = 10_000;
/** Connections from the LAN at once, in all and from one address (a centre has tens of devices). */
export const MAX_CONNECTIONS = 512;
export const MAX_PER_ADDRESS = 64;

export const CA_PATH = '/ca.crt';

/** The CA certificate, for installing on a counter PC or display (public: it holds no secret). */
export function serveCa(res: ServerResponse, tls: LanTls): void {
  const pem = tls.info().caPem;
  res.writeHead(200, {
    ...securityHeaders(),
    'Content-Type': 'application/x-x509-ca-cert',
    'Content-Disposition': 'attachment; filename="mot-cua-kiosk-ca.crt"',
    'Content-Length': String(Buffer.byteLength(pem)),
    'Cache-Control': 'no-store',
  });
  res.end(pem);
}

/** Plain HTTP from the LAN: the CA certificate, or a pointer to the same address over HTTPS. */
function redirector(tls: LanTls): HttpServer {
  return createHttpServer((req: IncomingMessage, res: ServerResponse) => {
    const path = req.url ?? '/';
    if (req.method === 'GET' && new URL(path, 'http://x').pathname === CA_PATH) {
      serveCa(res, tls);
      return;
    }
    // Only to an address literal (the Host the kiosk was reached by), with the path and query of a
    // normal request: never to a name, nor from an absolute-form request line.
    const parsed = parseHostHeader(req.headers.host);
    if (
      parsed &&
      isIP(parsed.name) !== 0 &&
      path.startsWith('/') &&
      (req.method === 'GET' || req.method === 'HEAD')
    ) {
      const target = new URL(path, 'https://x');
      const name = isIP(parsed.name) === 6 ? `[${parsed.name}]` : parsed.name;
      const port = parsed.port === null ? '' : `:${parsed.port}`;
      res.writeHead(308, {
        ...securityHeaders(),
        Location: `https://${name}${port}${target.pathname}${target.search}`,
        'Content-Length': '0',
      });
      res.end();
      return;
    }
    sendJson(res, 426, {
      ok: false,
      error: {
        code: 'https-required',
        vi: 'Trên mạng nội bộ, ki-ốt chỉ nhận kết nối bảo mật. Hãy mở địa chỉ bắt đầu bằng https://.',
        en: 'On the LAN the kiosk takes secure connections only. Open the address starting with https://.',
      },
    });
  });
}

export interface LanListener {
  server: NetServer;
  close(): void;
}

/**
 * Sorts each connection to `app` (plain HTTP from loopback, or TLS from anyone) or the redirector.
 * `app` is the bridge's own http.Server, never listening itself: connections are handed to it.
 */
export function lanListener(app: HttpServer, tls: LanTls): LanListener {
  const secure: TlsServer = createTlsServer(
    { ...tls.current(), minVersion: 'TLSv1.2', handshakeTimeout: HANDSHAKE_MS },
    (socket) => app.emit('connection', socket),
  );
  secure.on('tlsClientError', (_error, socket) => socket.destroy());
  tls.onRenew((pair) => secure.setSecureContext({ ...pair, minVersion: 'TLSv1.2' }));
  const plain = redirector(tls);
  plain.headersTimeout = REDIRECT_TIMEOUT_MS;
  plain.requestTimeout = REDIRECT_TIMEOUT_MS;
  // Node checks header and request timeouts (408) only on a server that has started listening; these two
  // never listen themselves (connections are handed to them), so they are told they do. Without this, a
  // LAN client trickling its headers held a connection, or an upload slot, for ever.
  app.emit('listening');
  plain.emit('listening');
  const open = new Set<Socket>();
  const perAddress = new Map<string, number>();

  const server = createNetServer((socket) => {
    const from = socket.remoteAddress ?? '';
    const local = isLoopback(from);
    const mine = perAddress.get(from) ?? 0;
    // The kiosk's own window is never turned away; the LAN gets a bounded share.
    if (!local && (open.size >= MAX_CONNECTIONS || mine >= MAX_PER_ADDRESS)) {
      socket.destroy();
      return;
    }
    open.add(socket);
    perAddress.set(from, mine + 1);
    socket.once('close', () => {
      open.delete(socket);
      const left = (perAddress.get(from) ?? 1) - 1;
      if (left <= 0) perAddress.delete(from);
      else perAddress.set(from, left);
    });
    socket.setTimeout(FIRST_BYTE_MS, () => socket.destroy());
    socket.once('error', () => socket.destroy());
    socket.once('data', (first: Buffer) => {
      socket.setTimeout(0);
      socket.pause();
      socket.unshift(first);
      if (first[0] === TLS_HANDSHAKE) secure.emit('connection', socket);
      else if (isLoopback(socket.remoteAddress)) app.emit('connection', socket);
      else plain.emit('connection', socket);
      process.nextTick(() => socket.resume());
    });
  });
  return {
    server,
    close() {
      server.close();
      // Clears the timeout checks 'listening' started (the callback takes the not-listening error).
      app.close(() => {});
      plain.close(() => {});
      for (const socket of open) socket.destroy();
    },
  };
}
