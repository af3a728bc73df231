import type { KioskError, Procedure } from '../../../preload/api';
import type {
  ChangesAnswer,
  PortalDossier,
  PortalReception,
  PortalReceptionState,
  PortalStatusChange,
} from '../../../preload/contract/portal';

export type { PortalDossier, PortalReception, PortalReceptionState, PortalStatusChange };

/**
 * The kiosk's side of the portal protocol (ARCHITECTURE.md "The portal protocol"). The reference portal
 * in test/portal implements it over HTTP; an adapter for a real portal implements the same interface.
 * The bodies' shapes (`PortalDossier`, `PortalStatusChange`, the answers) are the zod schemas of
 * preload/contract/portal.ts.
 */

/**
 * A failed call, classified: `retry` (network error, timeout, 408, 429, 5xx; `retryAfterMs` from
 * Retry-After) or `refused` (any other 4xx: never retried blindly, raised to staff with the reasons).
 */
export type PortalFailure =
  | { kind: 'retry'; status: number | null; retryAfterMs: number | null; error: KioskError }
  | { kind: 'refused'; status: number; reasons: string[]; error: KioskError };

export type PortalResult<T> = { ok: true; value: T } | { ok: false; failure: PortalFailure };

export interface PortalClient {
  /** A cheap call that proves the portal answers (online detection). */
  probe(): Promise<PortalResult<void>>;
  hasBlob(sha256: string): Promise<PortalResult<boolean>>;
  /** Streams the file (never buffers it whole); the portal verifies the hash. */
  putBlob(sha256: string, path: string, bytes: number): Promise<PortalResult<void>>;
  /**
   * 201 first time, 200 with the same body on a repeat: both are `{ portalCode }` and the reception the
   * FIRST post carried (a repeat whose reception changed meanwhile is told the older one).
   */
  submitDossier(
    dossier: PortalDossier,
  ): Promise<PortalResult<{ portalCode: string; created: boolean; reception: PortalReceptionState }>>;
  /**
   * PUT /api/v1/dossiers/{id}/reception (id: the kiosk's dossier id): the reception decided on the kiosk
   * after delivery. Idempotent; answers the reception the portal holds after the call.
   */
  setReception(id: string, reception: PortalReception): Promise<PortalResult<PortalReception>>;
  changes(cursor: string | null): Promise<PortalResult<ChangesAnswer>>;
  catalogue(
    etag: string | null,
  ): Promise<
    PortalResult<{ notModified: true } | { notModified: false; etag: string; procedures: Procedure[] }>
  >;
}
