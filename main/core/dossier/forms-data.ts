import type Database from 'better-sqlite3';
import { TimelineStatusSchema } from '../../../preload/api';
import type { KioskConfig } from '../config/schema';
import type {
  FormApplicant,
  FormProcedure,
  FormUnit,
  TrackedDossier,
  TrackedStatus,
  TrackingData,
} from '../print/forms/data';
import { DossierDamaged } from './damage';
import type { DossierContext } from './context';
import { receptionErrors } from './reception-messages';
import {
  DOSSIER_COLUMNS,
  DOSSIER_FROM,
  type DossierRow,
  applicantOf,
  asSubmitted,
  channelOf,
  procedureOf,
  receptionOf,
} from './rows';
import type { Procedure } from './types';

/**
 * The forms' data (main/core/print/forms/data.ts) from the stored dossiers: what the forms print comes
 * from the rows and the configuration, nothing guessed. A name the form has not got yet (a draft refused
 * at the counter) prints as a dotted line, for the officer to write by hand, as on paper forms.
 */
export const HAND_WRITTEN = '……………………………………';

/** The most dossiers one Mẫu 06/07 export holds. */
export const MAX_TRACKED_DOSSIERS = 5000;
/** The widest range of days one export covers. */
export const MAX_TRACKED_DAYS = 366;

export function formUnit(config: KioskConfig): FormUnit {
  return {
    centreName: config.centre.name,
    agency: config.centre.agency ?? null,
    receivingUnit: config.centre.receivingUnit,
    address: config.centre.address ?? null,
    phone: config.centre.phone ?? null,
    timeZone: config.timeZone,
  };
}

export function formApplicant(row: DossierRow): FormApplicant {
  const { fullName, idNumber, address, phone, email } = applicantOf(row);
  return { fullName: fullName?.trim() || HAND_WRITTEN, idNumber, address, phone, email };
}

export function formProcedure(procedure: Procedure): FormProcedure {
  return { code: procedure.code, name: procedure.name, legalBasis: [...procedure.legalBasis] };
}

const STATUSES: ReadonlySet<string> = new Set<TrackedStatus>(TimelineStatusSchema.options);
const isTracked = (s: string): s is TrackedStatus => STATUSES.has(s);

/** Whole days from `from` to `to` (YYYY-MM-DD), both included. */
function daysIn(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

/**
 * The dossiers submitted on the days `from`…`to` (the centre's days), in order of their codes, with
 * their timelines: what Mẫu 06 and Mẫu 07 print. A damaged dossier is left out (staff are alerted).
 */
export function createTracking(ctx: DossierContext) {
  const db: Database.Database = ctx.db;
  const q = {
    count: db
      .prepare(
        `SELECT COUNT(*) FROM dossiers d WHERE d.status = 'submitted' AND d.day BETWEEN @from AND @to
           AND (@channel IS NULL OR (@channel = 'counter') = (d.assisted_by IS NOT NULL))`,
      )
      .pluck(),
    rows: db.prepare(
      `SELECT ${DOSSIER_COLUMNS} FROM ${DOSSIER_FROM}
       WHERE d.status = 'submitted' AND d.day BETWEEN @from AND @to
         AND (@channel IS NULL OR (@channel = 'counter') = (d.assisted_by IS NOT NULL))
       ORDER BY d.day, d.seq`,
    ),
    events: db.prepare(
      `SELECT status, at, note_vi AS note, source FROM dossier_events WHERE dossier_id = ? ORDER BY at, id`,
    ),
  };

  function tracked(row: DossierRow): TrackedDossier {
    const submitted = asSubmitted(ctx.intact(row));
    const procedure = procedureOf(submitted);
    const applicant = formApplicant(submitted);
    const reception = receptionOf(submitted);
    const events = (
      q.events.all(submitted.id) as { status: string; at: string; note: string | null; source: string }[]
    ).flatMap((e) =>
      isTracked(e.status)
        ? [
            {
              status: e.status,
              at: e.at,
              note: e.note,
              source: e.source === 'portal' ? 'portal' : 'kiosk',
            } as const,
          ]
        : [],
    );
    return {
      code: submitted.code,
      portalCode: submitted.portalCode,
      procedure: { code: procedure.code, name: procedure.name },
      applicant: { fullName: applicant.fullName, address: applicant.address, phone: applicant.phone },
      sets: procedure.sets,
      channel: channelOf(submitted),
      reception: reception.state,
      submittedAt: submitted.receivedAt,
      receivedAt: reception.state === 'received' ? reception.at : null,
      receivedBy: reception.by,
      dueDate: submitted.dueDate,
      dueEstimated: submitted.dueEstimated === 1 || reception.state === 'pending',
      refusalReason: reception.reason,
      events,
    };
  }

  return {
    data(input: { from: string; to: string; channel?: 'kiosk' | 'counter' | undefined }): TrackingData {
      const days = daysIn(input.from, input.to);
      // NaN (a day that does not exist, if a caller got past the contract) is out of range too.
      if (!(days >= 1 && days <= MAX_TRACKED_DAYS)) throw receptionErrors.trackingRange(MAX_TRACKED_DAYS);
      const params = { from: input.from, to: input.to, channel: input.channel ?? null };
      const count = q.count.get(params) as number;
      if (count > MAX_TRACKED_DOSSIERS) throw receptionErrors.trackingTooMany(count, MAX_TRACKED_DOSSIERS);
      const dossiers = (q.rows.all(params) as DossierRow[]).flatMap((row) => {
        try {
          return [tracked(row)];
        } catch (error) {
          if (error instanceof DossierDamaged) return [];
          throw error;
        }
      });
      return {
        unit: formUnit(ctx.deps.config),
        from: input.from,
        to: input.to,
        printedAt: ctx.now().toISOString(),
        dossiers,
      };
    },
  };
}
