import { TimelineStatusSchema } from '../../../preload/api';
import { maskId, maskName } from '../identity';
import { localParts } from '../queue/time';
import type { DossierContext } from './context';
import { dossierErrors } from './messages';
import {
  DOSSIER_COLUMNS,
  DOSSIER_FROM,
  type DossierRow,
  type SubmittedRow,
  asSubmitted,
  procedureOf,
} from './rows';
import type { DayDossier, Lookup } from './types';

/**
 * Reading submitted dossiers back: the citizen's lookup by receipt code (provisional or the portal's
 * official one) and the staff's list of a day. Neither ever shows a full ID number.
 */
export function createLookup(ctx: DossierContext) {
  const { db, deps } = ctx;
  const q = {
    byCode: db.prepare(
      `SELECT ${DOSSIER_COLUMNS} FROM ${DOSSIER_FROM}
       WHERE d.status = 'submitted' AND (d.code = @code OR d.portal_code = @code)`,
    ),
    events: db.prepare(
      'SELECT status, at, note_vi AS vi, note_en AS en FROM dossier_events WHERE dossier_id = ? ORDER BY at, id',
    ),
    day: db.prepare(
      `SELECT ${DOSSIER_COLUMNS}, o.state AS syncState FROM ${DOSSIER_FROM}
       LEFT JOIN outbox o ON o.dossier_id = d.id
       WHERE d.status = 'submitted' AND d.day = ? ORDER BY d.seq`,
    ),
  };

  /** The submitted dossier with this code (as typed: spaces and case forgiven), or a refusal. */
  function byCode(code: string): SubmittedRow {
    const wanted = code.trim();
    const row = (q.byCode.get({ code: wanted.toUpperCase() }) ?? q.byCode.get({ code: wanted })) as
      DossierRow | undefined;
    if (!row) throw dossierErrors.codeNotFound();
    return asSubmitted(row);
  }

  return {
    byCode,

    lookup(code: string): Lookup {
      const row = byCode(code);
      const timeline = (
        q.events.all(row.id) as { status: string; at: string; vi: string | null; en: string | null }[]
      ).map((e) => ({
        status: TimelineStatusSchema.parse(e.status),
        at: e.at,
        note: e.vi === null ? null : { vi: e.vi, en: e.en ?? e.vi },
      }));
      const current = TimelineStatusSchema.safeParse(row.currentStatus);
      return {
        code: row.code,
        portalCode: row.portalCode,
        provisional: row.portalCode === null,
        procedureName: procedureOf(row).name,
        // Public: codes run in sequence, so a full name here would let anyone walk them and read names.
        applicant: maskName(row.applicantName ?? ''),
        idMasked: row.applicantId === null ? null : maskId(row.applicantId),
        receivedAt: row.receivedAt,
        dueDate: row.dueDate,
        status: current.success ? current.data : (timeline.at(-1)?.status ?? 'received'),
        timeline,
        paid: row.feeAmount > 0 ? row.paid === 1 : null,
      };
    },

    /** The day's submitted dossiers (the centre's day; today when not given), oldest first. */
    today(day?: string): DayDossier[] {
      const wanted = day ?? localParts(ctx.now(), deps.config.timeZone).date;
      const rows = q.day.all(wanted) as (DossierRow & { syncState: string | null })[];
      return rows
        .map((raw) => ({ ...asSubmitted(raw), syncState: raw.syncState }))
        .map((row) => ({
          id: row.id,
          code: row.code,
          portalCode: row.portalCode,
          procedureName: procedureOf(row).name,
          applicant: [row.applicantName ?? '', row.applicantId === null ? '' : `(${maskId(row.applicantId)})`]
            .filter(Boolean)
            .join(' '),
          receivedAt: row.receivedAt,
          dueDate: row.dueDate,
          assistedBy: row.assistedBy === null ? null : (row.assistedName ?? ''),
          sync:
            row.syncState === 'done'
              ? 'synced'
              : row.syncState === 'sending' || row.syncState === 'attention'
                ? row.syncState
                : 'waiting',
        }));
    },
  };
}

export type DossierLookup = ReturnType<typeof createLookup>;
