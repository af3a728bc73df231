import { type WorkingCalendar, addDays, isWorkingDay, shippedCalendar } from '../calendar';
import { createLogger } from '../log';
import { localParts } from '../time';
import type { RefusalData, SupplementData } from '../print/forms/data';
import type { DossierContext } from './context';
import type { Drafts } from './drafts';
import { formApplicant, formProcedure, formUnit } from './forms-data';
import { buildReceiptData } from './receipt';
import { receptionErrors } from './reception-messages';
import { checkPlainText } from './sanitize';
import { type DossierRow, type SubmittedRow, asSubmitted, procedureOf } from './rows';
import type { Received, StaffUser, SupplementItem } from './types';
import type { createSubmit } from './submit';

type Submit = ReturnType<typeof createSubmit>;

const log = createLogger('dossier.reception');

/** A change the portal's status pull reports on a dossier still waiting to be received. */
export interface PortalReception {
  id: string;
  status: 'received' | 'refused';
  at: string;
  note: string | null;
}

const base64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');

/**
 * Receiving a dossier (Nghị định 118/2025/NĐ-CP; Thông tư 03/2025/TT-VPCP, Phụ lục I): staff receive what
 * a citizen submitted alone (Mẫu 01, due date counted from that moment), refuse to receive (Mẫu 03, the
 * reason required, the dossier kept and sent as refused), and print the request to complete a dossier
 * (Mẫu 02, every missing paper at once). The portal receiving or refusing a pending dossier comes in
 * through `byPortal`, inside sync's transaction. Each decision taken here on a dossier that may already
 * be on the portal leaves a `reception_updates` row, which sync sends.
 */
export function createReception(ctx: DossierContext, drafts: Drafts, submit: Submit) {
  const { db, deps } = ctx;
  const { config } = deps;
  const calendar = deps.calendar ?? shippedCalendar;
  const q = {
    // Received (2): also a pending dossier the portal asked papers for first (5), once they are brought.
    received: db.prepare(
      `UPDATE dossiers SET reception = 'received', reception_at = @at, reception_by = @by,
         reception_source = @source, due_date = @dueDate, due_estimated = @dueEstimated,
         current_status = CASE WHEN current_status IS NULL OR current_status IN ('submitted', 'supplement')
                          THEN 'received' ELSE current_status END,
         updated_at = @now
       WHERE id = @id AND reception = 'pending'`,
    ),
    refused: db.prepare(
      `UPDATE dossiers SET reception = 'refused', reception_at = @at, reception_by = @by,
         reception_source = @source, refusal_reason = @reason,
         current_status = CASE WHEN @source = 'portal' THEN current_status ELSE 'refused' END,
         updated_at = @now
       WHERE id = @id AND reception = 'pending'`,
    ),
    event: db.prepare(
      `INSERT INTO dossier_events (dossier_id, status, at, note_vi, note_en, source)
       VALUES (@id, @status, @at, @note, @note, 'kiosk')`,
    ),
    update: db.prepare(
      `INSERT INTO reception_updates (dossier_id, queued_at) VALUES (?, ?)
       ON CONFLICT (dossier_id) DO UPDATE SET queued_at = excluded.queued_at, attempts = 0, last_error = NULL`,
    ),
    receptionOf: db.prepare('SELECT reception FROM dossiers WHERE id = ?').pluck(),
    dueAndReception: db.prepare(
      'SELECT due_date AS due, reception_at AS receivedAt FROM dossiers WHERE id = ?',
    ),
    lastSupplementAt: db
      .prepare(
        `SELECT at FROM dossier_events WHERE dossier_id = ? AND status = 'supplement'
         ORDER BY at DESC, id DESC LIMIT 1`,
      )
      .pluck(),
    lastSupplement: db
      .prepare(
        `SELECT note_vi FROM dossier_events WHERE dossier_id = ? AND status = 'supplement'
         ORDER BY at DESC, id DESC LIMIT 1`,
      )
      .pluck(),
  };

  /** The due date counted from `at` with the procedure's working days and cut-off. */
  const dueFrom = (row: DossierRow, at: string) => ctx.dueFor(procedureOf(row), at);

  function refusalData(row: SubmittedRow, reason: string, officer: string | null, at: string): RefusalData {
    return {
      unit: formUnit(config),
      code: row.code,
      applicant: formApplicant(row),
      procedure: formProcedure(procedureOf(row)),
      reason,
      officer,
      at,
    };
  }

  function audit(staff: StaffUser, action: string, id: string, details: Record<string, unknown>): void {
    deps.audit.record({
      actorId: staff.id,
      actor: staff.user,
      action,
      targetType: 'dossier',
      targetId: id,
      details,
    });
  }

  /** Mẫu 01 of a dossier just received: queued on the counter's printer, and as a PDF for the screen. */
  async function printReceipt(row: SubmittedRow): Promise<{ pdf: Uint8Array; jobIds: number[] }> {
    const data = buildReceiptData({ row, attachments: ctx.attachments(row.id), config });
    const forms = deps.forms?.hasPrinter ? deps.forms : null;
    const jobIds = queued('Mẫu 01', row.id, () =>
      forms
        ? forms.receipt(data, config.dossier.receiptCopies)
        : deps.receipts.enqueue(data, config.dossier.receiptCopies),
    );
    const pdf = deps.forms ? await deps.forms.receiptPdf(data) : await deps.receipts.pdf(data);
    return { pdf, jobIds };
  }

  return {
    /** Staff receive a dossier the citizen submitted alone: Mẫu 01, due date from now (audited). */
    async receive(id: string, staff: StaffUser): Promise<Received> {
      const row = db
        .transaction(() => {
          const current = submittedOnly(ctx.row(id));
          refuseUnlessPending(current);
          const at = ctx.now().toISOString();
          const due = dueFrom(current, at);
          changedOne(
            q.received.run({
              id,
              at,
              by: staff.displayName,
              source: 'counter',
              dueDate: due.dueDate,
              dueEstimated: due.estimated ? 1 : 0,
              now: at,
            }),
          );
          q.event.run({ id, status: 'received', at, note: null });
          q.update.run(id, at);
          audit(staff, 'dossier.receive', id, { code: current.code, dueDate: due.dueDate });
          return asSubmitted(ctx.row(id));
        })
        .immediate();
      deps.bus.emit('dossier.changed', { id, code: row.code, change: 'received' });
      const { pdf, jobIds } = await printReceipt(row);
      return {
        code: row.code,
        receivedAt: row.receptionAt ?? row.receivedAt,
        dueDate: row.dueDate,
        dueDateEstimated: row.dueEstimated === 1,
        pdfBase64: base64(pdf),
        jobIds,
      };
    },

    /**
     * Staff refuse to receive (Mẫu 03): a pending dossier, or a draft being filed with staff (which is
     * then given its code and sent as refused). The dossier is kept; the reason is printed verbatim.
     */
    async refuse(id: string, reason: string, staff: StaffUser) {
      // Printed on Mẫu 03, shown on screens and sent to the portal: plain text only, as the form's data.
      checkPlainText(reason, 'reason');
      const first = ctx.row(id);
      let row: SubmittedRow;
      if (first.status !== 'submitted') {
        if (first.assistedBy === null) throw receptionErrors.notAssisted();
        const refused = submit.refuseDraft(id, { staff }, reason);
        row = refused.row;
        // Another process submitted it in between: that dossier was not refused here.
        if (!refused.fresh) refuseUnlessPending(row);
      } else {
        row = db
          .transaction(() => {
            const current = submittedOnly(ctx.row(id));
            refuseUnlessPending(current);
            const at = ctx.now().toISOString();
            changedOne(q.refused.run({ id, at, by: staff.displayName, source: 'counter', reason, now: at }));
            q.event.run({ id, status: 'refused', at, note: reason });
            q.update.run(id, at);
            // The reason is free text (it may name people): on the dossier and its timeline, not in the audit.
            audit(staff, 'dossier.refuse', id, { code: current.code, reasonLength: reason.length });
            return asSubmitted(ctx.row(id));
          })
          .immediate();
        deps.bus.emit('dossier.changed', { id, code: row.code, change: 'refused' });
      }
      const data = refusalData(
        row,
        row.refusalReason ?? reason,
        row.receptionBy ?? staff.displayName,
        row.receptionAt ?? row.receivedAt,
      );
      const forms = deps.forms?.hasPrinter ? deps.forms : null;
      const jobIds = forms ? queued('Mẫu 03', id, () => forms.form('refusal', data)) : [];
      const pdf = deps.forms ? base64(await deps.forms.pdf('refusal', data)) : '';
      return { code: row.code, pdfBase64: pdf, jobIds };
    },

    /**
     * Mẫu 02: for a draft at the counter, every problem of the completeness check (and the officer's
     * note); for a dossier the portal asked papers for, the portal's words; for one waiting to be
     * received, the officer's note. Audited: the form names the citizen.
     */
    async supplementRequest(id: string, options: { note?: string; print: boolean }, staff: StaffUser) {
      if (options.note !== undefined) checkPlainText(options.note, 'note');
      const row = ctx.row(id);
      const procedure = procedureOf(row);
      const note = options.note?.trim() || null;
      const items: SupplementItem[] = [];
      let portalNote: string | null = null;
      if (row.status !== 'submitted') {
        // A citizen's own draft is theirs: staff ask for papers on what they file with the citizen.
        if (row.assistedBy === null) throw receptionErrors.notAssisted();
        const names = new Map(procedure.components.map((c) => [c.id, c.name]));
        const declaration = procedure.components.find((c) => c.fromForm)?.name ?? 'Tờ khai';
        for (const p of drafts.check(row).problems) {
          const paper = p.componentId ? (names.get(p.componentId) ?? p.componentId) : declaration;
          items.push({ paper, request: p.vi });
        }
      } else if (row.currentStatus === 'supplement') {
        portalNote = (q.lastSupplement.get(row.id) as string | null | undefined) ?? null;
        if (portalNote) items.push({ paper: 'Theo yêu cầu của cơ quan giải quyết', request: portalNote });
      } else if (row.reception !== 'pending' || row.currentStatus === 'withdrawn') {
        throw receptionErrors.notSupplementable(row.code ?? '');
      }
      if (note) items.push({ paper: 'Ghi chú của cán bộ tiếp nhận', request: note });
      if (items.length === 0) throw receptionErrors.nothingToComplete();
      const data: SupplementData = {
        unit: formUnit(config),
        code: row.code,
        applicant: formApplicant(row),
        procedure: formProcedure(procedure),
        items,
        portalNote,
        officer: staff.displayName,
        at: ctx.now().toISOString(),
      };
      const forms = options.print && deps.forms?.hasPrinter ? deps.forms : null;
      const jobIds = forms ? queued('Mẫu 02', id, () => forms.form('supplement', data)) : [];
      const pdf = deps.forms ? base64(await deps.forms.pdf('supplement', data)) : '';
      audit(staff, 'dossier.supplementRequest', id, { code: row.code, items: items.length, jobIds });
      return { code: row.code, items, pdfBase64: pdf, jobIds };
    },

    /**
     * The portal received or refused a dossier waiting here: the reception is the portal's (no officer
     * name), the due date counted from its moment. Called inside sync's transaction; the timeline row is
     * the portal's own change, which sync writes. A dossier not pending is left as it is.
     */
    byPortal(change: PortalReception): void {
      const row = q.receptionOf.get(change.id);
      if (row !== 'pending') return;
      const full = ctx.row(change.id);
      const now = ctx.now().toISOString();
      const at = portalInstant(change.at, config.timeZone) ?? now;
      if (change.status === 'received') {
        const due = dueFrom(full, at);
        q.received.run({
          id: change.id,
          at,
          by: null,
          source: 'portal',
          dueDate: due.dueDate,
          dueEstimated: due.estimated ? 1 : 0,
          now,
        });
      } else {
        // A refusal always has a reason (Mẫu 03, Mẫu 07, the portal protocol): the portal gave none.
        const reason = change.note?.trim() || PORTAL_REFUSAL_WITHOUT_REASON;
        q.refused.run({ id: change.id, at, by: null, source: 'portal', reason, now });
      }
    },

    /**
     * The appointment date after a request for papers, when the portal gives none: the current date moved
     * on by the working days from the day of the last request (included) to the day the papers came
     * (excluded), in the centre's zone; the agency's clock does not run while the citizen fetches papers.
     * Null when there is no request on the timeline or a year the calendar does not cover.
     */
    dueAfterSupplement(id: string, resumedAt: string): string | null {
      const asked = q.lastSupplementAt.get(id) as string | undefined;
      const row = q.dueAndReception.get(id) as { due: string | null; receivedAt: string | null } | undefined;
      const due = row?.due ?? null;
      const resumed = portalInstant(resumedAt, config.timeZone);
      const from = asked === undefined ? null : portalInstant(asked, config.timeZone);
      if (due === null || resumed === null || from === null) return null;
      // Papers asked before an officer received it (Mẫu 02 instead of receiving it): the agency's clock had
      // not started, and the date counted from the reception already stands.
      const received = row?.receivedAt ? portalInstant(row.receivedAt, config.timeZone) : null;
      if (received !== null && from < received) return null;
      try {
        return shiftByPause(due, dayIn(from), dayIn(resumed), calendar.current());
      } catch (error) {
        log.warn('due date after a request for papers not counted', { id, error });
        return null;
      }
    },

    /** The paper a dossier's reception calls for, for the staff reprint. */
    refusalOf(row: SubmittedRow): RefusalData {
      return refusalData(row, row.refusalReason ?? '', row.receptionBy, row.receptionAt ?? row.receivedAt);
    },
  };

  function dayIn(iso: string): string {
    return localParts(new Date(iso), config.timeZone).date;
  }

  function submittedOnly(row: DossierRow): SubmittedRow {
    if (row.status !== 'submitted') throw receptionErrors.notSubmitted();
    return asSubmitted(row);
  }

  /** Only a pending dossier is received or refused; a row without a reception (before 0013) was received. */
  function refuseUnlessPending(row: SubmittedRow): void {
    const state = row.reception ?? 'received';
    if (state === 'received') throw receptionErrors.alreadyReceived(row.code);
    if (state === 'refused') throw receptionErrors.alreadyRefused(row.code);
    // The citizen withdrew it (7) before anyone received it: there is nothing left to receive or refuse.
    if (row.currentStatus === 'withdrawn') throw receptionErrors.withdrawn(row.code);
  }

  /**
   * A form queued after its decision committed: a failure to queue it is logged and answered with no
   * job, as submit does; staff print it again from the dossier list (the decision stands).
   */
  function queued(what: string, id: string, enqueue: () => number[]): number[] {
    try {
      return enqueue();
    } catch (error) {
      log.error(`${what} could not be queued; the decision is recorded`, { id, error });
      return [];
    }
  }
}

/** What a refusal by the portal without words says on the kiosk's records and forms. */
export const PORTAL_REFUSAL_WITHOUT_REASON = 'Cơ quan giải quyết từ chối tiếp nhận (không ghi lý do).';

/** The UPDATE changed the one row it was for (the state was checked in the same transaction). */
function changedOne(result: { changes: number }): void {
  if (result.changes !== 1) throw new Error(`reception update changed ${result.changes} rows`);
}

const OFFSET = /(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * An instant from the portal. A time without an offset is read in the centre's time zone (the portal is
 * the province's), not the machine's; an unreadable one gives null (the caller uses now).
 */
export function portalInstant(text: string, timeZone: string): string | null {
  const direct = Date.parse(text);
  if (Number.isNaN(direct)) return null;
  if (OFFSET.test(text.trim())) return new Date(direct).toISOString();
  // Read as UTC, then moved by the zone's offset at that moment.
  const asUtc = Date.parse(`${text.trim()}Z`);
  if (Number.isNaN(asUtc)) return null;
  const wall = localParts(new Date(asUtc), timeZone);
  const offset = Date.parse(`${wall.date}T00:00:00Z`) + wall.seconds * 1000 - Math.floor(asUtc / 1000) * 1000;
  return new Date(asUtc - offset).toISOString();
}

export type Reception = ReturnType<typeof createReception>;

/** At most this many days of a request for papers are counted (a bound on the loop, about a year). */
const MAX_PAUSE_DAYS = 400;

/**
 * `due` moved on by the working days d with `from` ≤ d < `to` (YYYY-MM-DD): each such day is one more
 * working day to the appointment. Throws when the calendar does not cover a year on the way.
 */
export function shiftByPause(due: string, from: string, to: string, calendar: WorkingCalendar): string {
  let paused = 0;
  for (let d = from, n = 0; d < to && n < MAX_PAUSE_DAYS; d = addDays(d, 1), n++)
    if (isWorkingDay(d, calendar)) paused++;
  let day = due;
  for (let n = 0; paused > 0 && n < 2 * MAX_PAUSE_DAYS; n++) {
    day = addDays(day, 1);
    if (isWorkingDay(day, calendar)) paused--;
  }
  return day;
}
