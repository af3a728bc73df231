import { mkdirSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type Database from 'better-sqlite3';
import type { Procedure } from '../../preload/api';
import { systemClock, type Clock } from '../../main/core/clock';
import { createLogger } from '../../main/core/log';
import { handleAdmin } from './admin';
import { handleApi } from './api';
import { createBlobStore } from './blobs';
import { createCatalogue, type Catalogue } from './catalogue';
import { createGroupCommit } from './commit';
import { createWalSync } from './durable';
import { HttpError, sendError } from './http-util';
import { openPortalDb } from './schema';
import { createStore, type PortalStore, type PortalStatus } from './store';
import type { RejectRule } from './validate';

/**
 * The reference central portal: a development and test fixture that implements the kiosk ⇄ portal
 * protocol (ARCHITECTURE.md) over real HTTP with its own SQLite. A real portal adapter implements the
 * same client interface; nothing in the kiosk depends on this code.
 */
export type { RejectRule } from './validate';

export interface PortalLimits {
  /** Largest JSON body (a dossier without its files). */
  maxJsonBytes: number;
  /** Largest attachment. */
  maxBlobBytes: number;
  /** Changes returned by one GET /api/v1/dossiers at most (the kiosk asks again with the new cursor). */
  maxChangesPerPage: number;
  /** Whole request, headers and body, must arrive within this (Node's server.requestTimeout). */
  requestTimeoutMs: number;
  headersTimeoutMs: number;
  /** A connection silent this long is closed. */
  idleTimeoutMs: number;
}

export const DEFAULT_LIMITS: PortalLimits = {
  maxJsonBytes: 1024 * 1024,
  maxBlobBytes: 50 * 1024 * 1024,
  maxChangesPerPage: 500,
  requestTimeoutMs: 300_000,
  headersTimeoutMs: 20_000,
  idleTimeoutMs: 60_000,
};

export interface PortalOptions {
  dataDir: string;
  /** Kiosk bearer tokens accepted; anything else is 401. */
  tokens: readonly string[];
  adminToken?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  /** A JSON file (re-read when it changes) or the procedures themselves; none: an empty catalogue. */
  catalogue?: string | Procedure[];
  /** 422 for matching dossiers (tests); the returned `rejectRules` array can be changed while running. */
  rejectRules?: RejectRule[];
  clock?: Clock;
  limits?: Partial<PortalLimits>;
}

export interface Portal {
  url: string;
  port: number;
  dataDir: string;
  db: Database.Database;
  store: PortalStore;
  catalogue: Catalogue;
  rejectRules: RejectRule[];
  /** The bytes the portal stored for a blob, or null: what tests compare with the kiosk's file. */
  readBlob(sha256: string): Buffer | null;
  /** What the admin API does, without HTTP: for tests that only need a dossier moved. */
  admin: {
    setStatus(
      code: string,
      status: PortalStatus,
      note?: string | null,
    ): ReturnType<PortalStore['moveStatus']>;
    setPaid(code: string, paid?: boolean): ReturnType<PortalStore['setPaid']>;
  };
  close(): Promise<void>;
}

export const DEFAULT_ADMIN_TOKEN = 'admin-dev-token';

const log = createLogger('portal');

export async function createPortal(options: PortalOptions): Promise<Portal> {
  if (options.tokens.length === 0) throw new Error('the portal needs at least one kiosk token');
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  // The catalogue first: a broken file stops the start before anything is opened.
  const catalogue = createCatalogue(options.catalogue);
  mkdirSync(options.dataDir, { recursive: true });
  const db = openPortalDb(options.dataDir);
  const wal = createWalSync(db);
  const store = createStore(db, options.clock ?? systemClock, wal.now);
  const rejectRules = options.rejectRules ?? [];
  const adminToken = options.adminToken ?? DEFAULT_ADMIN_TOKEN;
  const commit = createGroupCommit(db, wal);
  const blobs = createBlobStore(options.dataDir, db, commit);
  const apiCtx = {
    tokens: options.tokens,
    store,
    blobs,
    commit,
    catalogue,
    rejectRules,
    limits,
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://portal.invalid');
    if (url.pathname.startsWith('/api/')) return handleApi(apiCtx, req, res, url);
    if (url.pathname === '/admin' || url.pathname.startsWith('/admin/')) {
      return handleAdmin({ adminToken, store }, req, res, url);
    }
    if (url.pathname === '/' && req.method === 'GET') {
      res.writeHead(302, { Location: '/admin' });
      res.end();
      return;
    }
    throw new HttpError(404, 'Không có địa chỉ này trên cổng.');
  };

  const server = createServer((req, res) => {
    const started = Date.now();
    res.once('finish', () =>
      log.debug('request', {
        method: req.method,
        path: req.url,
        status: res.statusCode,
        ms: Date.now() - started,
      }),
    );
    handle(req, res).catch((error: unknown) => {
      if (error instanceof HttpError) {
        sendError(res, error);
        return;
      }
      // The kiosk hung up mid-request (a reset, a timeout on its side): nobody is left to answer, and it
      // is the weather of a bad link, not a portal bug.
      if (req.destroyed || res.destroyed || req.socket.destroyed) {
        log.debug('client went away', { method: req.method, path: req.url });
        return;
      }
      log.error('request failed', { method: req.method, path: req.url, error });
      sendError(res, new HttpError(500, 'Cổng gặp lỗi nội bộ. Vui lòng thử lại sau.'));
    });
  });
  server.requestTimeout = limits.requestTimeoutMs;
  server.headersTimeout = Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs);
  server.setTimeout(limits.idleTimeoutMs);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const hostForUrl = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  let closed = false;
  return {
    url: `http://${hostForUrl}:${address.port}`,
    port: address.port,
    dataDir: options.dataDir,
    db,
    store,
    catalogue,
    rejectRules,
    readBlob: blobs.read,
    admin: {
      setStatus: (code, status, note = null) => store.moveStatus(code, status, note),
      setPaid: (code, paid = true) => store.setPaid(code, paid),
    },
    async close() {
      if (closed) return;
      closed = true;
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await blobs.close();
      await wal.close();
      db.close();
    },
  };
}
