import { DossierSchema } from '../../../preload/api';
import type { ParkSlipJobPayload } from '../print/park-slip';
import { DossierDamaged } from './damage';
import {
  DOSSIER_COLUMNS,
  DOSSIER_FROM,
  type DossierRow,
  damagedDossier,
  dataOf,
  procedureOf,
  toDossier,
} from './rows';
import type { DossierContext } from './context';
import type { Keys } from './keys';
import { dossierErrors } from './messages';
import type { Dossier, StaffUser } from './types';

/**
 * Parking: staff keep a draft for a citizen who went home to fetch a paper, under a short code written
 * on a slip. The draft stays `parked` (safe from the citizen-draft wipe, kept `parkedDraftDays`) until it
 * is submitted, even after staff resume it: a second interruption must not lose it.
 *
 * Codes: 6 characters from 32 that cannot be misread for each other when read aloud or handwritten
 * (no 0/O, 1/I); 32⁶ ≈ 10⁹ codes, so a collision with the few drafts parked at once is rare, and is
 * retried.
 */
export const PARK_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const PARK_CODE_LENGTH = 6;
const MAX_TRIES = 8;

/** Where park slips go (the ticket printer's print jobs); absent when the kiosk has no ticket printer. */
export interface ParkSlipSink {
  /** Queues the slip; returns its print job id. */
  enqueue(slip: ParkSlipJobPayload): number;
}

/** A code from the injected randomness: 256 is a multiple of 32, so `byte % 32` is unbiased. */
export function parkCode(randomBytes: (n: number) => Buffer): string {
  return [...randomBytes(PARK_CODE_LENGTH)].map((b) => PARK_ALPHABET[b % PARK_ALPHABET.length]).join('');
}

export function createPark(ctx: DossierContext, keys: Keys) {
  const { db, deps } = ctx;
  const q = {
    taken: db.prepare('SELECT 1 FROM dossiers WHERE park_code = ?').pluck(),
    // A draft set aside on idle and taken back is kept by its park from now on (keep.ts).
    park: db.prepare(
      `UPDATE dossiers SET status = 'parked', park_code = ?, parked_at = ?, updated_at = ?, set_aside_day = NULL
       WHERE id = ? AND status = 'draft'`,
    ),
    // A fresh code starts with no wrong birth dates, whatever was once guessed at it (keep.ts).
    forgetFailures: db.prepare('DELETE FROM park_code_failures WHERE code = ?'),
    savedByCitizen: db.prepare('SELECT resume_birth_hash IS NOT NULL FROM dossiers WHERE id = ?').pluck(),
    byCode: db.prepare(
      `SELECT ${DOSSIER_COLUMNS} FROM ${DOSSIER_FROM} WHERE d.park_code = ? AND d.status = 'parked'`,
    ),
    touch: db.prepare('UPDATE dossiers SET updated_at = ? WHERE id = ?'),
    parked: db.prepare(
      `SELECT ${DOSSIER_COLUMNS} FROM ${DOSSIER_FROM} WHERE d.status = 'parked' ORDER BY d.parked_at, d.id`,
    ),
    // Who parked it: the dossier row keeps only who filed it (assisted_by), so the park's own audit row
    // (written in park() below, one per dossier) is the record. Read-only, by the audit log's index.
    parkedBy: db
      .prepare(
        `SELECT s.display_name FROM audit_log a JOIN staff_users s ON s.id = a.actor_id
         WHERE a.target_type = 'dossier' AND a.target_id = ? AND a.action = 'dossier.park'
         ORDER BY a.id DESC LIMIT 1`,
      )
      .pluck(),
  };

  /**
   * Parks a draft in the caller's transaction, unaudited (a parked one keeps its code); its card keys
   * (keys.ts) are written from its data, so scanning an ID card it names finds it too.
   */
  function parkRow(id: string): DossierRow {
    const current = ctx.editable(id);
    if (current.status === 'parked') return current;
    let code: string | null = null;
    for (let i = 0; i < MAX_TRIES && code === null; i++) {
      const candidate = parkCode(deps.randomBytes);
      if (q.taken.get(candidate) === undefined) code = candidate;
    }
    if (code === null) throw dossierErrors.parkCodeExhausted();
    const now = ctx.now().toISOString();
    q.park.run(code, now, now, id);
    q.forgetFailures.run(code);
    const row = ctx.row(id);
    keys.refresh(id, procedureOf(row), dataOf(row));
    return row;
  }

  return {
    parkRow,

    /** Parks a draft (a parked one keeps its code). Audited. */
    park(id: string, staff: StaffUser): Dossier {
      const row = db.transaction(() => {
        const current = ctx.editable(id);
        if (current.status === 'parked') return current;
        parkRow(id);
        deps.audit.record({
          actorId: staff.id,
          actor: staff.user,
          action: 'dossier.park',
          targetType: 'dossier',
          targetId: id,
        });
        return ctx.row(id);
      })();
      return toDossier(row, ctx.attachments(id));
    },

    /** The parked draft with this code (upper-cased by the contract). Audited. */
    resume(code: string, staff: StaffUser): Dossier {
      const row = q.byCode.get(code.trim().toUpperCase()) as DossierRow | undefined;
      if (!row) throw dossierErrors.parkCodeNotFound();
      ctx.intact(row);
      // Resuming counts as activity: the keep period runs from the last time anyone worked on it.
      q.touch.run(ctx.now().toISOString(), row.id);
      // Staff open a code the citizen locked with wrong birth dates; the kiosk's count starts again.
      q.forgetFailures.run(code.trim().toUpperCase());
      deps.audit.record({
        actorId: staff.id,
        actor: staff.user,
        action: 'dossier.resume',
        targetType: 'dossier',
        targetId: row.id,
      });
      return ctx.dossier(row.id);
    },

    /**
     * What the park slip of a parked draft prints (not its printing: the service does that). Nothing
     * that identifies the citizen: a slip can be lost.
     */
    slip(id: string): Omit<ParkSlipJobPayload, 'printedAt'> {
      const row = ctx.row(id);
      if (row.status !== 'parked' || row.parkCode === null || row.parkedAt === null)
        throw dossierErrors.notParked();
      const days = deps.config.dossier.parkedDraftDays;
      return {
        centreName: deps.config.centre.name,
        parkCode: row.parkCode,
        procedureName: procedureOf(row).name,
        keptUntil: new Date(Date.parse(row.parkedAt) + days * 86_400_000).toISOString(),
        language: 'vi',
        // Saved for later by the citizen: no staff member kept it, and it comes back by code and birth date.
        ...(q.savedByCitizen.get(id) === 1
          ? { parkedBy: null, resumeWith: 'code-and-birth-date' as const }
          : { parkedBy: (q.parkedBy.get(id) as string | undefined) ?? row.assistedName }),
      };
    },

    /**
     * Every parked draft. One whose stored data no longer reads back, or reads back as something the
     * contract does not accept (the answer is checked against it as a whole), is listed marked `damaged`
     * (staff alerted once), never a refusal of the whole list.
     */
    parked(): Dossier[] {
      return (q.parked.all() as DossierRow[]).map((row) => {
        const attachments = ctx.attachments(row.id);
        try {
          const dossier = toDossier(ctx.intact(row), attachments);
          const checked = DossierSchema.safeParse(dossier);
          if (checked.success) return dossier;
          const section = checked.error.issues[0]?.path[0];
          ctx.damaged(
            { id: row.id, code: row.code, parkCode: row.parkCode },
            section === 'delivery' ? 'delivery_json' : section === 'contact' ? 'contact_json' : 'data_json',
          );
        } catch (error) {
          if (!(error instanceof DossierDamaged)) throw error;
        }
        return damagedDossier(row, attachments);
      });
    },
  };
}

export type Park = ReturnType<typeof createPark>;
