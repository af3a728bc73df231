import type Database from 'better-sqlite3';
import type { EventName, EventPayload, SyncStatus } from '../../../preload/api';
import type { Alerts } from '../alerts';
import type { Audit } from '../audit';
import type { Clock } from '../clock';
import type { KioskConfig } from '../config/schema';
import type { CatalogueSink } from './pull';
import type { PortalClient } from './types';
import type { SyncAttention, SyncFeedEvent } from './views';

// What the sync engine (engine.ts) is given and what it offers; its parts (status.ts, pull-loop.ts) take
// the same timers and emit.

/** Timers come in as a parameter so tests drive the probe, drain and pull loops without waiting. */
export interface SyncTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realTimers: SyncTimers = {
  setTimeout(fn, ms) {
    const t = setTimeout(fn, ms);
    t.unref(); // background sync must never keep a closing process alive
    return t;
  },
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export type SyncConfig = Pick<KioskConfig, 'sync' | 'kioskId' | 'timeZone'> & {
  centre: Pick<KioskConfig['centre'], 'unitCode'>;
};

export type Emit = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

/**
 * A status change by which the portal itself received a dossier the citizen filed alone (`received`, or
 * a later status: a portal may merge steps) or refused to receive it (`refused`, with the portal's reason
 * in `note`): the dossier's reception was `pending` on this kiosk when the change was pulled.
 */
export interface PortalReceptionChange {
  /** The kiosk's dossier id. */
  id: string;
  status: 'received' | 'refused';
  /** When the portal decided (ISO instant): the due date counts from it. */
  at: string;
  note: string | null;
}

/** What main/core/dossier offers the status pull: the reception the portal decided. */
export interface ReceptionSink {
  /**
   * Called inside the pulled page's transaction (its writes commit with the page and its cursor, or not
   * at all), before the change's own timeline row is added; once per change, as the dossier is then no
   * longer pending. Must write to the same database and must not throw for an ordinary dossier.
   */
  byPortal(change: PortalReceptionChange): void;
  /**
   * The citizen brought the papers asked for (the portal moved the dossier on from `supplement`) and the
   * portal gave no new date: the appointment date moved by the working days the request lasted, as the
   * kiosk's calendar counts them (the agency's clock stops meanwhile); null when it cannot be counted.
   * Called inside the page's transaction.
   */
  dueAfterSupplement?(id: string, resumedAt: string): string | null;
}

export interface SyncDeps {
  db: Database.Database;
  /** null: no portal configured; dossiers wait safely in the outbox and nothing runs. */
  client: PortalClient | null;
  clock: Clock;
  config: SyncConfig;
  /** Where the attachment with this hash is stored on disk (the dossier module's layout). */
  blobPath(sha256: string): string;
  catalogue: CatalogueSink;
  /** The dossier module's side of a reception the portal decided; none: the pull applies statuses only. */
  reception?: ReceptionSink;
  emit: Emit;
  alerts: Pick<Alerts, 'raise' | 'settle'>;
  /** Must write to the same database (its rows join the sync transactions). */
  audit: Pick<Audit, 'record'>;
  random?: () => number;
  timers?: SyncTimers;
  /** How long stop() waits for requests in flight before handing their rows back (default 3 s). */
  stopWaitMs?: number;
}

export interface Sync {
  /** Starts probing the portal, then draining the outbox and pulling status. No-op without a portal. */
  start(): void;
  /** Stops every loop; waits a bounded time for requests in flight, then hands their rows back. */
  stop(): Promise<void>;
  status(): SyncStatus;
  /** Staff: one dossier (after a correction) or every waiting one, now. Audited. */
  retry(dossierId: string | undefined, by: { id: number; user: string }): SyncStatus;
  attention(): SyncAttention[];
  feed(): SyncFeedEvent[];
  /** A dossier was just submitted: send it now if the portal is reachable. */
  kick(): void;
  /** Resolves when nothing is in flight (no send, probe or pull): tests and shutdown. */
  idle(): Promise<void>;
}
