import type Database from 'better-sqlite3';

/**
 * What the portal says of a submitted dossier, written into this module's tables (`dossiers`,
 * `dossier_events`) for main/core/sync, which owns the outbox and calls these inside its own transactions
 * (a delivery's record; a page of status changes with its cursor): sync never writes a dossier's SQL. Each
 * function is one statement, so a caller's transaction holds exactly what it did before.
 */
export interface PortalEvent {
  id: string;
  status: string;
  at: string;
  vi: string | null;
  en: string | null;
  source: 'kiosk' | 'portal';
}

/** What the status pull compares a change with. */
export interface PortalHeld {
  id: string;
  code: string | null;
  portalCode: string | null;
  paid: number | null;
  currentStatus: string | null;
  dueDate: string | null;
  paidVia: string | null;
  resultElectronic: number | null;
  apologyText: string | null;
  apologyDueDate: string | null;
}

/** A status change as written on the dossier; every field but the status null when the portal is silent. */
export interface PortalApplied {
  id: string;
  status: string;
  paid: 0 | 1 | null;
  paidVia: 'online' | 'counter' | null;
  dueDate: string | null;
  apologyText: string | null;
  apologyDueDate: string | null;
  resultElectronic: 0 | 1 | null;
  portalCode: string;
  now: string;
}

export function createPortalRecords(db: Database.Database) {
  const q = {
    submitted: db.prepare(
      `SELECT id, code, portal_code AS portalCode, paid, current_status AS currentStatus, due_date AS dueDate, paid_via AS paidVia,
         result_electronic AS resultElectronic, apology_text AS apologyText, apology_due_date AS apologyDueDate
       FROM dossiers WHERE id = ? AND status = 'submitted'`,
    ),
    portalEvent: db
      .prepare(
        `SELECT 1 FROM dossier_events WHERE dossier_id = ? AND status = ? AND at = ? AND source = 'portal'`,
      )
      .pluck(),
    // The portal code is taken only when the dossier has none and no other dossier holds it: portal_code
    // is UNIQUE, and a code another dossier holds would fail the whole page of changes.
    // A fee the portal reports unpaid again has no way it was paid. A new appointment date keeps the
    // first one given (Mẫu 01) in first_due_date, once; the portal's date is firm, not an estimate.
    status: db.prepare(
      `UPDATE dossiers SET current_status = @status,
         paid = CASE WHEN @paid IS NULL THEN paid ELSE @paid END,
         paid_via = CASE WHEN @paid = 0 THEN NULL ELSE COALESCE(@paidVia, paid_via) END,
         first_due_date = CASE WHEN @dueDate IS NOT NULL AND @dueDate IS NOT due_date
                          THEN COALESCE(first_due_date, due_date) ELSE first_due_date END,
         due_estimated = CASE WHEN @dueDate IS NULL THEN due_estimated ELSE 0 END,
         due_date = COALESCE(@dueDate, due_date),
         apology_text = COALESCE(@apologyText, apology_text),
         apology_due_date = COALESCE(@apologyDueDate, apology_due_date),
         result_electronic = COALESCE(@resultElectronic, result_electronic),
         portal_code = COALESCE(portal_code,
           (SELECT @portalCode WHERE NOT EXISTS (SELECT 1 FROM dossiers WHERE portal_code = @portalCode))),
         updated_at = @now
       WHERE id = @id`,
    ),
    // 'sent' is the kiosk's own step on the timeline, never a dossier's current (national) status.
    sent: db.prepare(`UPDATE dossiers SET portal_code = @portalCode, updated_at = @now WHERE id = @id`),
    codeOwner: db.prepare(`SELECT id FROM dossiers WHERE portal_code = ?`).pluck(),
    event: db.prepare(
      `INSERT INTO dossier_events (dossier_id, status, at, note_vi, note_en, source)
       VALUES (@id, @status, @at, @vi, @en, @source)`,
    ),
    code: db.prepare(`SELECT code FROM dossiers WHERE id = ?`).pluck(),
  };

  return {
    /** A submitted dossier of this kiosk (a draft or an unknown id is none): what a status change may alter. */
    submitted(id: string): PortalHeld | undefined {
      return q.submitted.get(id) as PortalHeld | undefined;
    },
    /** Whether the timeline already shows this status at this instant from the portal. */
    hasPortalEvent(id: string, status: string, at: string): boolean {
      return Boolean(q.portalEvent.get(id, status, at));
    },
    /**
     * The portal's status as the current one, with what the change says besides (null: unchanged): the
     * fee and how it was paid, the appointment date it now holds, Mẫu 04's apology, an electronic result;
     * and its code when it is free.
     */
    applyPortalStatus(change: PortalApplied): void {
      q.status.run(change);
    },
    /** Delivered: the portal's code (the `sent` timeline row is the caller's; the status stays). */
    markSent(id: string, portalCode: string, now: string): void {
      q.sent.run({ id, portalCode, now });
    },
    /** The dossier already holding this portal code, if any. */
    portalCodeOwner(portalCode: string): string | undefined {
      return q.codeOwner.get(portalCode) as string | undefined;
    },
    /** One row of the citizen's timeline. */
    addEvent(e: PortalEvent): void {
      q.event.run(e);
    },
    codeOf(id: string): string | null {
      return (q.code.get(id) as string | null | undefined) ?? null;
    },
  };
}

export type PortalRecords = ReturnType<typeof createPortalRecords>;
