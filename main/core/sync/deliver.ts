import { statSync } from 'node:fs';
import type { KioskError } from '../../../preload/api';
import { createLogger } from '../log';
import { localErrors } from './messages';
import type { BlobToSend, Built } from './payload';
import type { PortalClient, PortalFailure, PortalReceptionState, PortalResult } from './types';

const log = createLogger('sync.deliver');

/** How one attempt at one dossier ended. */
export type Outcome =
  | {
      kind: 'sent';
      code: string;
      portalCode: string;
      created: boolean;
      /** The reception the portal holds (its first answer's): an older one is PUT (reception.ts). */
      reception: PortalReceptionState;
    }
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
  /** Which attempt at this dossier this is (1 = the first): later ones check before uploading. */
  attempt: number;
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
 * Files of one dossier uploaded at once. A durable receiver answers each upload only after an fsync of
 * the file and of its folder; with one upload at a time the link idles through every one of those waits.
 * Two or three in flight keep it busy. With `sync.concurrency` dossiers in flight, at most
 * concurrency × this uploads are (the bench measures its ceiling with the same number).
 */
export const UPLOADS_PER_DOSSIER = 3;

type Step = { ok: true } | { ok: false; failure: PortalFailure } | { ok: false; stopped: true };

/**
 * One attempt at one dossier: each distinct attachment is uploaded (PUT by SHA-256, up to
 * UPLOADS_PER_DOSSIER at once), then the dossier is posted with its id as the Idempotency-Key. Files go
 * first so the portal never holds a dossier whose attachments it cannot show. Every step is repeatable, so
 * an attempt cut off anywhere (crash, reset, timeout) is simply made again.
 *
 * A file is checked first (HEAD) only when the portal may already have it: on a later attempt (an earlier
 * one may have uploaded it) or when another dossier holds the same file. On a first attempt a file only
 * this dossier holds cannot be there, and the check would cost a round trip per file for nothing (three
 * per dossier on a link where each is tens of milliseconds). Uploading a file the portal has is harmless
 * (200), only slower, so the rule is about speed, never about correctness.
 */
export async function deliverOne(id: string, deps: DeliverDeps): Promise<Outcome> {
  const built = deps.build(id);
  if (!built.ok) return { kind: 'refused', code: built.code, status: null, error: built.error, reasons: [] };
  const { code } = built;

  // Every file is looked at before anything is sent: a dossier with a file gone is not half-uploaded.
  for (const blob of built.blobs) {
    if (fileBytes(deps.blobPath(blob.sha256)) !== blob.bytes) {
      return { kind: 'refused', code, status: null, error: localErrors.missingFile(blob.name), reasons: [] };
    }
  }

  const steps: Step[] = [];
  let next = 0;
  let failing = false;
  // A small pool: each runner takes the next file until none is left or one has failed. The attempt waits
  // for every upload it started (none is left running behind it), then reports the first failure in
  // file order, so the same faults always give the same outcome.
  const runner = async (): Promise<void> => {
    for (let blob = built.blobs[next]; blob !== undefined && !failing; blob = built.blobs[next]) {
      const index = next++;
      const step = await upload(blob, deps);
      steps[index] = step;
      if (!step.ok) failing = true;
    }
  };
  await Promise.all(Array.from({ length: Math.min(UPLOADS_PER_DOSSIER, built.blobs.length) }, runner));
  for (const step of steps) {
    if (step === undefined || step.ok) continue;
    return 'stopped' in step ? { kind: 'stopped' } : failed(code, step.failure);
  }

  if (!deps.alive()) return { kind: 'stopped' };
  const posted = await call(deps, () => deps.client.submitDossier(built.dossier));
  if (!posted.ok) return failed(code, posted.failure);
  const { portalCode, created, reception } = posted.value;
  return { kind: 'sent', code, portalCode, created, reception };
}

/** One file: checked first when the portal may have it (see deliverOne), uploaded unless it does. */
async function upload(blob: BlobToSend, deps: DeliverDeps): Promise<Step> {
  if (!deps.alive()) return { ok: false, stopped: true };
  let held = false;
  if (deps.attempt > 1 || blob.shared) {
    const has = await call(deps, () => deps.client.hasBlob(blob.sha256));
    if (!has.ok) return { ok: false, failure: has.failure };
    held = has.value;
  }
  if (!held) {
    if (!deps.alive()) return { ok: false, stopped: true };
    const path = deps.blobPath(blob.sha256);
    const put = await call(deps, () => deps.client.putBlob(blob.sha256, path, blob.bytes));
    if (!put.ok) return { ok: false, failure: put.failure };
  }
  deps.renew();
  return { ok: true };
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
