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

export function createPortalRecords(db: Database.Database) {
  const q = {
    submitted: db.prepare(`SELECT id, code, paid FROM dossiers WHERE id = ? AND status = 'submitted'`),
    portalEvent: db
      .prepare(
        `SELECT 1 FROM dossier_events WHERE dossier_id = ? AND status = ? AND at = ? AND source = 'portal'`,
      )
      .pluck(),
    // The portal code is taken only when the dossier has none and no other dossier holds it: portal_code
    // is UNIQUE, and a code another dossier holds would fail the whole page of changes.
    status: db.prepare(
      `UPDATE dossiers SET current_status = @status,
         paid = CASE WHEN @paid IS NULL THEN paid ELSE @paid END,
         portal_code = COALESCE(portal_code,
           (SELECT @portalCode WHERE NOT EXISTS (SELECT 1 FROM dossiers WHERE portal_code = @portalCode))),
         updated_at = @now
       WHERE id = @id`,
    ),
    sent: db.prepare(
      `UPDATE dossiers SET portal_code = @portalCode,
         current_status = CASE WHEN current_status IS NULL OR current_status = 'received' THEN 'sent'
                          ELSE current_status END,
         updated_at = @now
       WHERE id = @id`,
    ),
    codeOwner: db.prepare(`SELECT id FROM dossiers WHERE portal_code = ?`).pluck(),
    event: db.prepare(
      `INSERT INTO dossier_events (dossier_id, status, at, note_vi, note_en, source)
       VALUES (@id, @status, @at, @vi, @en, @source)`,
    ),
    code: db.prepare(`SELECT code FROM dossiers WHERE id = ?`).pluck(),
  };

  return {
    /** A submitted dossier of this kiosk (a draft or an unknown id is none): its code and fee state. */
    submitted(id: string): { id: string; code: string | null; paid: number | null } | undefined {
      return q.submitted.get(id) as { id: string; code: string | null; paid: number | null } | undefined;
    },
    /** Whether the timeline already shows this status at this instant from the portal. */
    hasPortalEvent(id: string, status: string, at: string): boolean {
      return Boolean(q.portalEvent.get(id, status, at));
    },
    /** The portal's status (and fee when it says, and its code when it is free) as the current one. */
    applyPortalStatus(change: {
      id: string;
      status: string;
      paid: 0 | 1 | null;
      portalCode: string;
      now: string;
    }): void {
      q.status.run(change);
    },
    /** Delivered: the portal's code, and `sent` unless the portal has already moved the dossier on. */
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
