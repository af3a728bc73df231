import { DayDossierSchema, TimelineStatusSchema } from '../../../preload/api';
import { KioskFailure } from '../errors';
import { maskId, maskName } from '../identity';
import { localParts } from '../time';
import { extractApplicant } from './applicant';
import type { DossierContext } from './context';
import { DossierDamaged, isDay } from './damage';
import { createLookupGuard, DEFAULT_LOOKUP_GUARD } from './lookup-guard';
import { newLookupSecret, sameSecret } from './lookup-secret';
import { dossierErrors } from './messages';
import {
  DOSSIER_COLUMNS,
  DOSSIER_FROM,
  type DossierRow,
  type SubmittedRow,
  asSubmitted,
  channelOf,
  dataOf,
  procedureOf,
  receptionOf,
} from './rows';
import type { DayDossier, Lookup, LookupAnswer, LookupStatus } from './types';

/** The second factor a public lookup may carry (the contract allows one at most). */
export type LookupFactor = { secret: string } | { birthDate: string };

/**
 * Wrong birth dates one paired device (another kiosk on the LAN) may send in a day, across all
 * dossiers: a birth date a neighbour knows, tried once on every existing code, would otherwise open that
 * person's dossier without ever locking one; a device's token used from a script is bounded by this too.
 * The kiosk's own screen is not counted here (the person is standing at it). A citizen refused by it
 * still has the receipt's Mã tra cứu, and staff.
 */
export const CALLER_BIRTH_DATE_TRIES = 10;

/** The most pending dossiers one staff list shows (a centre with more has a bigger problem than a list). */
export const PENDING_LIST_LIMIT = 500;

/**
 * Reading submitted dossiers back: the citizen's lookup by receipt code (provisional or the portal's
 * official one) and the staff's list of a day. Neither ever shows a full ID number.
 *
 * Codes run in sequence, so anyone can walk them. The code alone therefore answers only the status and
 * the due date (`LookupStatusSchema` says why nothing more); the whole dossier needs a second factor:
 * the receipt's "Mã tra cứu" (in its QR too) or the applicant's date of birth. Not the ID's last digits:
 * staff lists and this very answer show them. Wrong factors are counted per dossier (lookup-guard.ts).
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
    giveSecret: db.prepare('UPDATE dossiers SET lookup_secret = ? WHERE id = ? AND lookup_secret IS NULL'),
    day: db.prepare(
      `SELECT ${DOSSIER_COLUMNS}, o.state AS syncState FROM ${DOSSIER_FROM}
       LEFT JOIN outbox o ON o.dossier_id = d.id
       WHERE d.status = 'submitted' AND d.day = ? ORDER BY d.seq`,
    ),
    // Waiting for an officer, any day (the dossiers_reception partial index), oldest first; one the
    // citizen withdrew on the portal before anyone received it (national 7) waits for no one.
    pending: db.prepare(
      `SELECT ${DOSSIER_COLUMNS}, o.state AS syncState FROM ${DOSSIER_FROM}
       LEFT JOIN outbox o ON o.dossier_id = d.id
       WHERE d.reception = 'pending' AND d.status = 'submitted' AND d.current_status IS NOT 'withdrawn'
       ORDER BY d.received_at, d.seq LIMIT ?`,
    ),
  };

  /**
   * Rows as a staff list shows them. Each row is read on its own: a damaged one is listed with
   * `damaged: true` (staff are alerted once) and the others as usual, never a refusal of the whole list.
   */
  function listed(rows: (DossierRow & { syncState: string | null })[], fallbackDay: string): DayDossier[] {
    return rows.flatMap((raw) => {
      const row = asSubmitted(raw);
      const sync: DayDossier['sync'] =
        raw.syncState === 'done'
          ? 'synced'
          : raw.syncState === 'sending' || raw.syncState === 'attention'
            ? raw.syncState
            : 'waiting';
      const certain = {
        id: row.id,
        code: row.code,
        portalCode: row.portalCode,
        receivedAt: row.receivedAt,
        assistedBy: row.assistedBy === null ? null : (row.assistedName ?? ''),
        channel: channelOf(row),
        reception: receptionOf(row).state,
        status: statusOf(row),
        sync,
      };
      try {
        const entry: DayDossier = {
          ...certain,
          procedureName: procedureOf(ctx.intact(row)).name,
          applicant: [row.applicantName ?? '', row.applicantId === null ? '' : `(${maskId(row.applicantId)})`]
            .filter(Boolean)
            .join(' '),
          dueDate: row.dueDate,
        };
        return [entry];
      } catch (error) {
        if (!(error instanceof DossierDamaged)) throw error;
        // What the row still says for certain; nothing read from its damaged text. A due date that
        // no longer reads is shown as the day it was received (the screen hides it beside the mark).
        const entry = DayDossierSchema.safeParse({
          ...certain,
          procedureName: '',
          applicant: '',
          dueDate: isDay(row.dueDate) ? row.dueDate : fallbackDay,
          damaged: true,
        });
        return entry.success ? [entry.data] : [];
      }
    });
  }

  /** The submitted dossier with this code (as typed: spaces and case forgiven), or a refusal. */
  function byCode(code: string): SubmittedRow {
    const wanted = code.trim();
    const row = (q.byCode.get({ code: wanted.toUpperCase() }) ?? q.byCode.get({ code: wanted })) as
      DossierRow | undefined;
    if (!row) throw dossierErrors.codeNotFound();
    return asSubmitted(row);
  }

  const guard = createLookupGuard(db, { now: ctx.now });
  const callers = createLookupGuard(db, {
    now: ctx.now,
    policy: { ...DEFAULT_LOOKUP_GUARD, limit: CALLER_BIRTH_DATE_TRIES, lockMinutes: [24 * 60] },
  });

  function full(row: SubmittedRow): Lookup {
    ctx.intact(row);
    const timeline = (
      q.events.all(row.id) as { status: string; at: string; vi: string | null; en: string | null }[]
    ).map((e) => ({
      status: TimelineStatusSchema.parse(e.status),
      at: e.at,
      note: e.vi === null ? null : { vi: e.vi, en: e.en ?? e.vi },
    }));
    return {
      detail: 'full',
      code: row.code,
      portalCode: row.portalCode,
      provisional: row.portalCode === null,
      procedureName: procedureOf(row).name,
      // Shortened even for the applicant: the screen is public and someone may stand behind them.
      applicant: maskName(row.applicantName ?? ''),
      idMasked: row.applicantId === null ? null : maskId(row.applicantId),
      receivedAt: row.receivedAt,
      dueDate: row.dueDate,
      status: statusOf(row, timeline.at(-1)?.status),
      reception: receptionOf(row),
      timeline,
      paid: row.feeAmount > 0 ? row.paid === 1 : null,
      apology: apologyOf(row),
      firstDueDate: row.firstDueDate !== null && isDay(row.firstDueDate) ? row.firstDueDate : null,
    };
  }

  /** Mẫu 04 as the portal sent it (sync's pull stores it); none when a part is missing or unreadable. */
  function apologyOf(row: SubmittedRow): Lookup['apology'] {
    const { apologyText: text, apologyDueDate: newDueDate } = row;
    return text && newDueDate !== null && isDay(newDueDate) ? { text, newDueDate } : null;
  }

  function statusOf(row: SubmittedRow, last?: Lookup['status']): Lookup['status'] {
    const current = TimelineStatusSchema.safeParse(row.currentStatus);
    return current.success ? current.data : (last ?? 'received');
  }

  /**
   * Reads no JSON column, so a dossier damaged there still tells its citizen where it stands; only a
   * damaged due date (which this answer shows) refuses it.
   */
  function statusOnly(row: SubmittedRow): LookupStatus {
    if (!isDay(row.dueDate)) ctx.intact(row);
    return {
      detail: 'status',
      code: row.code,
      portalCode: row.portalCode,
      provisional: row.portalCode === null,
      status: statusOf(row),
      reception: receptionOf(row).state,
      dueDate: row.dueDate,
    };
  }

  function matches(row: SubmittedRow, factor: LookupFactor): boolean {
    if ('secret' in factor) return sameSecret(row.lookupSecret, factor.secret);
    const born = extractApplicant(procedureOf(ctx.intact(row)), dataOf(row))?.birthDate ?? null;
    return born !== null && born === factor.birthDate;
  }

  /**
   * The factor checked against the dossier, counted per dossier (or per code when none has it). The
   * same refusals whether or not the code exists, and one transaction, so parallel tries are counted.
   * The refusal is returned, not thrown, inside it: a throw would roll the count back. The right factor
   * answers the row (the lookup shows it whole; a queue ticket is linked to it).
   */
  const withFactor = db.transaction(
    (code: string, factor: LookupFactor, caller: string | undefined): SubmittedRow | KioskFailure => {
      let row: SubmittedRow | null = null;
      try {
        row = byCode(code);
      } catch {
        row = null;
      }
      // Counted per factor: wrong birth dates (guessable) never lock out the receipt's secret.
      const kind = 'secret' in factor ? 'secret' : 'birth';
      const subject = row ? `d:${row.id}:${kind}` : `c:${code.trim().toUpperCase()}:${kind}`;
      const spray = kind === 'birth' && caller !== undefined ? `b:${caller}` : null;
      const sprayState = spray ? callers.state(spray) : null;
      if (sprayState?.locked) return dossierErrors.lookupLocked(sprayState.minutes);
      const before = guard.state(subject);
      if (before.locked) return dossierErrors.lookupLocked(before.minutes);
      if (row && matches(row, factor)) {
        guard.succeeded(subject);
        return row;
      }
      const sprayAfter = spray ? callers.failed(spray) : null;
      const after = guard.failed(subject);
      if (after.locked) return dossierErrors.lookupLocked(after.minutes);
      if (sprayAfter?.locked) return dossierErrors.lookupLocked(sprayAfter.minutes);
      return dossierErrors.factorWrong(after.triesLeft);
    },
  );

  /** The submitted dossier whose factor is right, counted and refused exactly as the lookup's. */
  function proven(code: string, factor: LookupFactor, caller?: string): SubmittedRow {
    const answer = withFactor.immediate(code, factor, caller);
    if (answer instanceof KioskFailure) throw answer;
    return answer;
  }

  return {
    byCode,

    /**
     * The row with a lookup secret: a dossier filed before receipts carried one gets it when staff
     * reprint its receipt, so the new paper opens its details like any other.
     */
    withSecret(row: SubmittedRow): SubmittedRow {
      if (row.lookupSecret !== null) return row;
      q.giveSecret.run(newLookupSecret(deps.randomBytes), row.id);
      return asSubmitted(ctx.row(row.id));
    },

    /**
     * Staff see the whole dossier. A public caller sees the status from the code alone, and the whole
     * dossier with the right second factor.
     */
    lookup(
      code: string,
      options: {
        staff: boolean;
        factor?: LookupFactor | null;
        /** A paired device (`device:<id>`; undefined for the kiosk's own screen): its wrong birth dates are counted. */
        caller?: string;
      } = { staff: false },
    ): LookupAnswer {
      if (options.staff) return full(byCode(code));
      if (!options.factor) return statusOnly(byCode(code));
      return full(proven(code, options.factor, options.caller));
    },

    /**
     * The id of the submitted dossier a receipt's QR names (`<code>#<secret>`), when its secret is right:
     * wrong secrets are counted and locked with the lookup's, and refused in the same words.
     */
    receiptHolder(code: string, secret: string): string {
      return proven(code, { secret }).id;
    },

    /** The day's submitted dossiers (the centre's day; today when not given), oldest first. */
    today(day?: string): DayDossier[] {
      const wanted = day ?? localParts(ctx.now(), deps.config.timeZone).date;
      return listed(q.day.all(wanted) as (DossierRow & { syncState: string | null })[], wanted);
    },

    /** Dossiers citizens submitted alone that wait for an officer, oldest first (at most `limit`). */
    pending(limit = PENDING_LIST_LIMIT): DayDossier[] {
      const today = localParts(ctx.now(), deps.config.timeZone).date;
      return listed(q.pending.all(limit) as (DossierRow & { syncState: string | null })[], today);
    },
  };
}

export type DossierLookup = ReturnType<typeof createLookup>;
