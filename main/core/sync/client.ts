import { statSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { z } from 'zod';
import {
  CatalogueAnswerSchema,
  ChangesAnswerSchema,
  ReceptionAnswerSchema,
  ReceptionStateSchema,
  SubmitAnswerSchema,
} from '../../../preload/contract/portal';
import { systemClock, type Clock } from '../clock';
import { createLogger } from '../log';
import { httpRequest, type HttpBody, type HttpOutcome } from './http';
import { UPLOADS_PER_DOSSIER } from './deliver';
import {
  networkFailure,
  portalErrors,
  retryFailure,
  statusFailure,
  type PortalOperation,
} from './http-failures';
import type { PortalClient, PortalDossier, PortalFailure, PortalResult } from './types';

/**
 * The kiosk's HTTP client for the portal protocol (ARCHITECTURE.md "The portal protocol"). It makes one
 * attempt per call and classifies the outcome; retrying, backoff and scheduling are the sync engine's.
 * Every answer is checked against its expected shape: a body that does not parse is a `retry` (a proxy
 * cut it, a portal mid-deploy), never a crash and never half-trusted.
 */
export interface PortalClientOptions {
  /** Base URL, e.g. `https://dvc.example.gov.vn/kiosk` (http or https; a path prefix is kept). */
  url: string;
  /** Bearer token of this kiosk. */
  token: string;
  /** This kiosk's id: `changes()` asks only for this kiosk's dossiers. */
  kioskId: string;
  /** Idle timeout and total deadline of every request (config `sync.requestTimeoutMs`). */
  timeoutMs: number;
  /** A new connection must be established within this; default min(timeoutMs, 10 s). */
  connectTimeoutMs?: number;
  /**
   * An upload's deadline grows with its size at this assumed worst rate, so a 10 MB scan on a slow link is
   * not cut off at `timeoutMs` forever (a stall is still caught by the idle timeout). Default 16 KiB/s for
   * the link, shared by the uploads in flight when this one starts (the engine sends several at once).
   */
  minUploadBytesPerSecond?: number;
  /** Answers larger than this are refused as unreadable (the catalogue is the largest). Default 32 MiB. */
  maxResponseBytes?: number;
  /** The network comes in through a parameter: tests and adapters may pass their own agent. */
  agent?: http.Agent;
  /**
   * Sockets to the portal at most (default 8). Give `socketsFor(sync.concurrency)`: a request waiting in
   * the agent for a free socket is already spending its deadline.
   */
  maxSockets?: number;
  clock?: Clock;
}

export interface HttpPortalClient extends PortalClient {
  /** Closes idle keep-alive sockets of the client's own agent (not of an agent passed in). */
  close(): void;
}

const SHA256 = /^[0-9a-f]{64}$/;

/**
 * The kiosk reads only the code of a submission's answer and the state of its reception (to tell whether
 * the portal holds an older one); the rest of it is the portal's business.
 */
const SubmitAnswer = SubmitAnswerSchema.pick({ portalCode: true }).extend({
  reception: z.object({ state: ReceptionStateSchema }),
});

const log = createLogger('sync.client');

/**
 * Sockets the sync engine can use at once: every upload it may have in flight (`concurrency` dossiers ×
 * UPLOADS_PER_DOSSIER files), plus the probe and the status pull. Fewer, and uploads queue inside the
 * agent with their deadline running (at sync.concurrency 3 or more, with the old fixed 8).
 */
export const socketsFor = (concurrency: number): number => concurrency * UPLOADS_PER_DOSSIER + 2;

export function createPortalClient(options: PortalClientOptions): HttpPortalClient {
  const base = new URL(options.url);
  if (base.protocol !== 'http:' && base.protocol !== 'https:') {
    throw new Error(`portal url must be http or https, got ${base.protocol}`);
  }
  const basePath = base.pathname.replace(/\/+$/, '');
  const clock = options.clock ?? systemClock;
  const timeoutMs = options.timeoutMs;
  const connectMs = options.connectTimeoutMs ?? Math.min(timeoutMs, 10_000);
  const minRate = options.minUploadBytesPerSecond ?? 16 * 1024;
  const maxResponseBytes = options.maxResponseBytes ?? 32 * 1024 * 1024;
  // Keep-alive: a drain is thousands of small requests; a new TCP (and TLS) handshake for each would
  // dominate. An idle socket is dropped after 4 s (or a second before the server's Keep-Alive hint,
  // which Node honours), before a typical server closes it under a request; a rare race still shows as
  // `reset` → retry, which idempotency makes harmless.
  const ownsAgent = options.agent === undefined;
  const agent =
    options.agent ??
    new (base.protocol === 'https:' ? https.Agent : http.Agent)({
      keepAlive: true,
      timeout: 4_000,
      maxSockets: options.maxSockets ?? 8,
    });

  /** Uploads this client has in flight: they share the link, so each gets its part of `minRate`. */
  let uploading = 0;

  const urlOf = (path: string, query?: Record<string, string>): URL => {
    const url = new URL(base.origin + basePath + path);
    for (const [k, v] of Object.entries(query ?? {})) url.searchParams.set(k, v);
    return url;
  };

  async function call(
    operation: PortalOperation,
    method: 'GET' | 'HEAD' | 'PUT' | 'POST',
    url: URL,
    extra: { headers?: Record<string, string | number>; body?: HttpBody; totalMs?: number } = {},
  ): Promise<HttpOutcome> {
    const outcome = await httpRequest({
      method,
      url,
      headers: {
        Authorization: `Bearer ${options.token}`,
        Accept: 'application/json',
        'User-Agent': 'mot-cua-kiosk',
        ...extra.headers,
      },
      body: extra.body,
      timeouts: { connectMs, idleMs: timeoutMs, totalMs: extra.totalMs ?? timeoutMs },
      maxResponseBytes,
      agent,
    });
    if (outcome.kind === 'network') {
      log.debug('portal call failed', { operation, reason: outcome.reason, detail: outcome.detail });
    } else if (outcome.status >= 300) {
      log.debug('portal answered', { operation, status: outcome.status });
    }
    return outcome;
  }

  const failed = (failure: PortalFailure): { ok: false; failure: PortalFailure } => ({ ok: false, failure });

  /** The usual ending: a network failure, an unexpected status, or the JSON parsed by `schema`. */
  function finish<S extends z.ZodType, T>(
    outcome: HttpOutcome,
    operation: PortalOperation,
    expected: readonly number[],
    schema: S,
    map: (value: z.infer<S>, status: number) => T,
  ): PortalResult<T> {
    if (outcome.kind === 'network') return failed(networkFailure(outcome.reason, timeoutMs));
    if (!expected.includes(outcome.status)) {
      return failed(statusFailure(outcome.status, outcome.headers, outcome.body, operation, clock.now()));
    }
    let json: unknown;
    try {
      json = JSON.parse(outcome.body.toString('utf8'));
    } catch {
      return failed(retryFailure(portalErrors.badResponse(), outcome.status));
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      log.warn('portal answer has an unexpected shape', {
        operation,
        issues: parsed.error.issues.slice(0, 3),
      });
      return failed(retryFailure(portalErrors.badResponse(), outcome.status));
    }
    return { ok: true, value: map(parsed.data, outcome.status) };
  }

  return {
    /**
     * HEAD of the catalogue: no body, and only 200 counts. (HEAD of a blob would be cheaper still, but its
     * 404 "not there" cannot be told from a wrong portal.url.) The token is checked too, so a 401 shows up
     * at the first probe rather than at the first dossier.
     */
    async probe() {
      const outcome = await call('probe', 'HEAD', urlOf('/api/v1/catalogue'));
      if (outcome.kind === 'network') return failed(networkFailure(outcome.reason, timeoutMs));
      if (outcome.status === 200) return { ok: true, value: undefined };
      return failed(statusFailure(outcome.status, outcome.headers, outcome.body, 'probe', clock.now()));
    },

    async hasBlob(sha256) {
      if (!SHA256.test(sha256)) throw new Error(`not a SHA-256: ${sha256}`);
      const outcome = await call('blob-check', 'HEAD', urlOf(`/api/v1/blobs/${sha256}`));
      if (outcome.kind === 'network') return failed(networkFailure(outcome.reason, timeoutMs));
      if (outcome.status === 200) return { ok: true, value: true };
      if (outcome.status === 404) return { ok: true, value: false };
      return failed(statusFailure(outcome.status, outcome.headers, outcome.body, 'blob-check', clock.now()));
    },

    async putBlob(sha256, path, bytes) {
      if (!SHA256.test(sha256)) throw new Error(`not a SHA-256: ${sha256}`);
      // Checked before sending: a missing or resized file would only fail at the portal (or hang waiting
      // for bytes that never come). It is the kiosk's own problem, so it is refused, with status 0.
      // statSync: a few microseconds on a local disk, where the promise version costs a thread-pool hop.
      const size = fileSize(path);
      if (size !== bytes) {
        log.warn('attachment file missing or changed', { sha256, expected: bytes, found: size });
        return failed({ kind: 'refused', status: 0, reasons: [], error: portalErrors.fileMissing() });
      }
      uploading += 1;
      let outcome: HttpOutcome;
      try {
        outcome = await call('blob-upload', 'PUT', urlOf(`/api/v1/blobs/${sha256}`), {
          headers: { 'Content-Type': 'application/octet-stream', 'Content-Length': bytes },
          body: { kind: 'file', path, bytes },
          totalMs: timeoutMs + Math.ceil(((bytes * uploading) / minRate) * 1000),
        });
      } finally {
        uploading -= 1;
      }
      if (outcome.kind === 'network') return failed(networkFailure(outcome.reason, timeoutMs));
      if (outcome.status === 200 || outcome.status === 201) return { ok: true, value: undefined };
      return failed(statusFailure(outcome.status, outcome.headers, outcome.body, 'blob-upload', clock.now()));
    },

    async submitDossier(dossier: PortalDossier) {
      const data = Buffer.from(JSON.stringify(dossier), 'utf8');
      const outcome = await call('dossier', 'POST', urlOf('/api/v1/dossiers'), {
        headers: {
          'Content-Type': 'application/json; charset=utf-8',
          'Content-Length': data.length,
          'Idempotency-Key': dossier.id,
        },
        body: { kind: 'buffer', data },
      });
      return finish(outcome, 'dossier', [200, 201], SubmitAnswer, (v, status) => ({
        portalCode: v.portalCode,
        created: status === 201,
        reception: v.reception.state,
      }));
    },

    async setReception(id, reception) {
      const data = Buffer.from(JSON.stringify(reception), 'utf8');
      const outcome = await call(
        'reception',
        'PUT',
        urlOf(`/api/v1/dossiers/${encodeURIComponent(id)}/reception`),
        {
          headers: { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': data.length },
          body: { kind: 'buffer', data },
        },
      );
      return finish(outcome, 'reception', [200], ReceptionAnswerSchema, (v) => v.reception);
    },

    async changes(cursor) {
      const query: Record<string, string> = { kiosk: options.kioskId };
      if (cursor !== null) query.changedSince = cursor;
      const outcome = await call('changes', 'GET', urlOf('/api/v1/dossiers', query));
      return finish(outcome, 'changes', [200], ChangesAnswerSchema, (v) => v);
    },

    async catalogue(etag) {
      const outcome = await call('catalogue', 'GET', urlOf('/api/v1/catalogue'), {
        headers: etag ? { 'If-None-Match': etag } : {},
      });
      if (outcome.kind === 'response' && outcome.status === 304 && etag) {
        return { ok: true, value: { notModified: true } as const };
      }
      const header = outcome.kind === 'response' ? outcome.headers.etag : undefined;
      return finish(outcome, 'catalogue', [200], CatalogueAnswerSchema, (v) => ({
        notModified: false as const,
        etag: header ?? '',
        procedures: v.procedures,
      }));
    },

    close() {
      if (ownsAgent) agent.destroy();
    },
  };
}

function fileSize(path: string): number {
  try {
    const s = statSync(path);
    return s.isFile() ? s.size : -1;
  } catch {
    return -1;
  }
}
