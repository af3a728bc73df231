import { statSync } from 'node:fs';
import type { KioskError } from '../../../preload/api';
import { createLogger } from '../log';
import { localErrors } from './messages';
import type { Built } from './payload';
import type { PortalClient, PortalFailure, PortalResult } from './types';

const log = createLogger('sync.deliver');

/** How one attempt at one dossier ended. */
export type Outcome =
  | { kind: 'sent'; code: string; portalCode: string; created: boolean }
  | {
      kind: 'retry';
      code: string | null;
      status: number | null;
      retryAfterMs: number | null;
      error: KioskError;
    }
  | { kind: 'refused'; code: string | null; status: number | null; error: KioskError; reasons: string[] }
  /** The engine stopped while this dossier was on its way: nothing is written, the lease runs out. */
  | { kind: 'stopped' };

export interface DeliverDeps {
  client: PortalClient;
  build(id: string): Built;
  blobPath(sha256: string): string;
  /** The portal answered (any HTTP answer): it is reachable. */
  answered(): void;
  /** A call failed without an HTTP answer (connection refused, reset, timeout). */
  unreachable(error: KioskError): void;
  /** Extends the lease after each step, so a slow link with many files does not lose it mid-way. */
  renew(): void;
  /** False once the engine is stopping: no further calls are started. */
  alive(): boolean;
}

/**
 * One attempt at one dossier: each distinct attachment is checked (HEAD) and uploaded only when the
 * portal lacks it, then the dossier is posted with its id as the Idempotency-Key. Files go first so the
 * portal never holds a dossier whose attachments it cannot show. Every step is repeatable, so an attempt
 * cut off anywhere (crash, reset, timeout) is simply made again.
 */
export async function deliverOne(id: string, deps: DeliverDeps): Promise<Outcome> {
  const built = deps.build(id);
  if (!built.ok) return { kind: 'refused', code: built.code, status: null, error: built.error, reasons: [] };
  const { code } = built;

  for (const blob of built.blobs) {
    if (!deps.alive()) return { kind: 'stopped' };
    const path = deps.blobPath(blob.sha256);
    if (fileBytes(path) !== blob.bytes) {
      return { kind: 'refused', code, status: null, error: localErrors.missingFile(blob.name), reasons: [] };
    }
    const has = await call(deps, () => deps.client.hasBlob(blob.sha256));
    if (!has.ok) return failed(code, has.failure);
    if (!has.value) {
      if (!deps.alive()) return { kind: 'stopped' };
      const put = await call(deps, () => deps.client.putBlob(blob.sha256, path, blob.bytes));
      if (!put.ok) return failed(code, put.failure);
    }
    deps.renew();
  }

  if (!deps.alive()) return { kind: 'stopped' };
  const posted = await call(deps, () => deps.client.submitDossier(built.dossier));
  if (!posted.ok) return failed(code, posted.failure);
  return { kind: 'sent', code, portalCode: posted.value.portalCode, created: posted.value.created };
}

function failed(code: string, failure: PortalFailure): Outcome {
  return failure.kind === 'retry'
    ? {
        kind: 'retry',
        code,
        status: failure.status,
        retryAfterMs: failure.retryAfterMs,
        error: failure.error,
      }
    : { kind: 'refused', code, status: failure.status, error: failure.error, reasons: failure.reasons };
}

/** Runs one client call; a client that throws (a bug) is treated as a retryable failure, never a crash. */
export async function call<T>(
  deps: Pick<DeliverDeps, 'answered' | 'unreachable'>,
  run: () => Promise<PortalResult<T>>,
): Promise<PortalResult<T>> {
  let result: PortalResult<T>;
  try {
    result = await run();
  } catch (error) {
    log.error('portal client threw', { error });
    return {
      ok: false,
      failure: { kind: 'retry', status: null, retryAfterMs: null, error: localErrors.unexpected() },
    };
  }
  if (result.ok || result.failure.status !== null) deps.answered();
  else deps.unreachable(result.failure.error);
  return result;
}

function fileBytes(path: string): number | null {
  try {
    return statSync(path).size;
  } catch {
    return null;
  }
}
