import type { KioskError, Procedure } from '../../../preload/api';

/**
 * The kiosk's side of the portal protocol (ARCHITECTURE.md "The portal protocol"). The reference portal
 * in test/portal implements it over HTTP; an adapter for a real portal implements the same interface.
 */

/** What the kiosk POSTs to /api/v1/dossiers (Idempotency-Key: the dossier's id). */
export interface PortalDossier {
  /** The kiosk's dossier id (UUID), also the Idempotency-Key. */
  id: string;
  /** The kiosk's provisional code. */
  localCode: string;
  kioskId: string;
  unitCode: string;
  procedureId: string;
  procedureCode: string;
  /** ISO 8601 instant. */
  receivedAt: string;
  dueDate: string;
  data: Record<string, unknown>;
  delivery: unknown;
  contact: unknown;
  /** Staff display name for an assisted filing, else null. */
  assistedBy: string | null;
  attachments: { componentId: string; sha256: string; bytes: number; name: string; pages: number }[];
}

export interface PortalStatusChange {
  /** The kiosk's dossier id. */
  id: string;
  portalCode: string;
  status: 'accepted' | 'processing' | 'supplement' | 'done' | 'returned' | 'rejected';
  at: string;
  /** The reason for `supplement`/`rejected`, in Vietnamese (the portal's words). */
  note: string | null;
  paid: boolean | null;
}

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
  /** 201 first time, 200 with the same body on a repeat: both are `{ portalCode }`. */
  submitDossier(dossier: PortalDossier): Promise<PortalResult<{ portalCode: string; created: boolean }>>;
  changes(cursor: string | null): Promise<PortalResult<{ changes: PortalStatusChange[]; cursor: string }>>;
  catalogue(
    etag: string | null,
  ): Promise<
    PortalResult<{ notModified: true } | { notModified: false; etag: string; procedures: Procedure[] }>
  >;
}
