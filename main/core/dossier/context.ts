import type Database from 'better-sqlite3';
import type { Alerts } from '../alerts';
import type { Audit } from '../audit';
import type { Clock } from '../clock';
import type { KioskConfig } from '../config/schema';
import type { EventBus } from '../events';
import { type CalendarSource, type DueDate, dueDate, shippedCalendar } from '../calendar';
import { createLogger } from '../log';
import type { BlobStore } from './blobs';
import {
  type DamagedPart,
  type DamagedWho,
  DossierDamaged,
  damagedAlert,
  damagedSubject,
  readRow,
} from './damage';
import type { FileDecoder } from './decode/pool';
import { dossierErrors } from './messages';
import {
  type AttachmentRow,
  DOSSIER_COLUMNS,
  DOSSIER_FROM,
  type DossierRow,
  attachmentQuery,
  toDossier,
} from './rows';
import type { Dossier, FormSink, Procedure, ProcedureSource, ReceiptSink } from './types';

/** What `createDossiers` is given. Time, randomness and the neighbouring modules come in here. */
export interface DossierDeps extends ProcedureSource {
  db: Database.Database;
  config: KioskConfig;
  /** The data folder: attachments live in `<dataDir>/attachments`. */
  dataDir: string;
  clock: Clock;
  randomBytes: (n: number) => Buffer;
  audit: Audit;
  bus: Pick<EventBus, 'emit'>;
  receipts: ReceiptSink;
  /** The counter's A4 forms (Mẫu 01 at reception, 02, 03, 06, 07); absent in tests that print none. */
  forms?: FormSink;
  /**
   * Working days for due dates, read at each submit so an admin's holiday change counts from the next
   * dossier on (main/core/calendar/store.ts); defaults to the shipped Vietnamese calendar.
   */
  calendar?: CalendarSource;
  /** The file worker that checks and converts attachments outside the kiosk's process (decode/pool.ts). */
  decoder: FileDecoder;
  /** How young an attachment file must be to be safe from the orphan sweep (tests shorten it). */
  blobGraceMs?: number;
  /** Attachment files the orphan sweep must leave although no row names them (manifest.ts keptBlobs). */
  keepBlobs?: () => ReadonlySet<string>;
  /** Where a damaged dossier is reported to staff (damage.ts); without it, only the log says so. */
  alerts?: Pick<Alerts, 'raise'>;
  /**
   * What main itself read of ID cards lately (identity/evidence.ts): at submit, the applicant's ID number
   * says whether identity was established by the chip (with passive authentication or not) or the card's
   * QR; not found, or absent, is `none`.
   */
  identityEvidence?: {
    lookup(idNumber: string): { method: 'chip' | 'qr'; passiveAuthentication: boolean } | null;
  };
}

/** The shared pieces of the dossier service's parts (drafts, attach, submit, lookup, park, sweep). */
export interface DossierContext {
  deps: DossierDeps;
  db: Database.Database;
  blobs: BlobStore;
  now(): Date;
  /** The row, or a "not found" refusal; a row whose stored data no longer reads back, `dossier-damaged`. */
  row(id: string): DossierRow;
  /** The row when it reads back whole; else staff are told (once) and `dossier-damaged` is thrown. */
  intact<R extends DossierRow>(row: R): R;
  /** A damaged dossier noticed while reading a list: staff are told once (a critical alert), and the log. */
  damaged(who: DamagedWho, part: DamagedPart): void;
  attachments(id: string): AttachmentRow[];
  dossier(id: string): Dossier;
  /** The row of a draft or parked dossier, or a refusal (not found, submitted). */
  editable(id: string): DossierRow;
  /** A random UUID v4 from the injected randomness. */
  uuid(): string;
  /**
   * The due date of a procedure received at `receivedAt` (its working days and cut-off, the centre's zone,
   * the calendar as it is now): at submit, and when an officer or the portal receives a dossier later.
   */
  dueFor(procedure: Procedure, receivedAt: string): DueDate;
}

const log = createLogger('dossier');

export function createContext(deps: DossierDeps, blobs: BlobStore): DossierContext {
  const { db } = deps;
  const byId = db.prepare(`SELECT ${DOSSIER_COLUMNS} FROM ${DOSSIER_FROM} WHERE d.id = ?`);
  const attachments = attachmentQuery(db);
  /** Dossiers already reported by this process: a list read every few seconds says it once. */
  const reported = new Set<string>();

  function report(who: DamagedWho, part: DamagedPart): void {
    if (reported.has(who.id)) return;
    reported.add(who.id);
    log.error('dossier data damaged', { id: who.id, code: who.code, part });
    const raise = (): void => {
      try {
        // `once`: an alert about it still open (raised by sync, or before a restart) is not repeated.
        if (db.open) deps.alerts?.raise(damagedAlert(who, part), damagedSubject(who.id), { once: true });
      } catch (error) {
        log.error('the damaged-dossier alert could not be raised', { id: who.id, error });
      }
    };
    // Inside a transaction the refusal that follows rolls it back, and the alert with it: raised after.
    if (db.inTransaction) queueMicrotask(raise);
    else raise();
  }

  const ctx: DossierContext = {
    deps,
    db,
    blobs,
    now: () => deps.clock.now(),
    row(id) {
      const row = byId.get(id) as DossierRow | undefined;
      if (!row) throw dossierErrors.notFound();
      return ctx.intact(row);
    },
    intact(row) {
      const reading = readRow(row);
      if (reading.ok) return row;
      const who = { id: row.id, code: row.code, parkCode: row.parkCode };
      report(who, reading.part);
      throw new DossierDamaged(who, reading.part);
    },
    damaged: report,
    attachments: (id) => attachments.all(id) as AttachmentRow[],
    dossier: (id) => toDossier(ctx.row(id), ctx.attachments(id)),
    editable(id) {
      const row = ctx.row(id);
      if (row.status === 'submitted') throw dossierErrors.submitted();
      return row;
    },
    dueFor(procedure, receivedAt) {
      return dueDate({
        receivedAt,
        workingDays: procedure.processingDays,
        cutoff: procedure.cutoff ?? undefined,
        timeZone: deps.config.timeZone,
        calendar: (deps.calendar ?? shippedCalendar).current(),
      });
    },
    uuid() {
      const b = deps.randomBytes(16);
      b[6] = ((b[6] ?? 0) & 0x0f) | 0x40; // version 4
      b[8] = ((b[8] ?? 0) & 0x3f) | 0x80; // RFC 4122 variant
      const h = b.toString('hex');
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
    },
  };
  return ctx;
}
