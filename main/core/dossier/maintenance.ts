import { createLogger } from '../log';
import { localDay } from '../time';
import { extractApplicant } from './applicant';
import type { SweepResult } from './blobs';
import type { DossierContext } from './context';
import { dossierErrors } from './messages';
import { dataOf, procedureOf } from './rows';
import { checkPlainText, toJson } from './sanitize';
import type { Dossier, FormData, StaffUser } from './types';

const log = createLogger('dossier.maintenance');

export interface DraftSweep {
  /** Citizen drafts untouched for `citizenDraftMinutes`, and drafts set aside on a day now over. */
  drafts: number;
  /** Of `drafts`, those set aside (keep.ts). */
  setAside: number;
  /** Parked drafts untouched for `parkedDraftDays`. */
  parked: number;
  blobs: SweepResult;
}

/** Keeping drafts only as long as needed (Decree 13/2023), and the staff correction of a refused dossier. */
export function createMaintenance(ctx: DossierContext) {
  const { db, deps } = ctx;
  const { config } = deps;
  const q = {
    // A draft set aside on idle (keep.ts) is kept to the end of that day in the centre's zone, not
    // `citizenDraftMinutes`; one taken back and still being filled past midnight is left until idle.
    stale: db
      .prepare(
        `SELECT id FROM dossiers
         WHERE (status = 'draft' AND set_aside_day IS NULL AND updated_at < @citizenBefore)
            OR (status = 'draft' AND set_aside_day < @today AND updated_at < @citizenBefore)
            OR (status = 'parked' AND updated_at < @parkedBefore)`,
      )
      .pluck(),
    kind: db
      .prepare(
        `SELECT CASE WHEN status = 'parked' THEN 'parked' WHEN set_aside_day IS NOT NULL THEN 'setAside'
                ELSE 'draft' END FROM dossiers WHERE id = ?`,
      )
      .pluck(),
    // Wrong birth dates on park codes (keep.ts): kept as long as a parked draft is, for every code alike.
    pruneFailures: db.prepare('DELETE FROM park_code_failures WHERE updated_at < ?'),
    removeAttachments: db.prepare('DELETE FROM attachments WHERE dossier_id = ?'),
    // The status test again in the statement: a submitted dossier is never deleted, whatever the query.
    remove: db.prepare(`DELETE FROM dossiers WHERE id = ? AND status IN ('draft', 'parked')`),
    outboxState: db.prepare('SELECT state FROM outbox WHERE dossier_id = ?').pluck(),
    correct: db.prepare(
      `UPDATE dossiers SET data_json = ?, applicant_name = ?, applicant_id = ?, updated_at = ?
       WHERE id = ? AND status = 'submitted'`,
    ),
  };

  return {
    /**
     * Wipes stale drafts and their files, then sweeps orphan attachment files. The coordinator runs it
     * at start and on a timer. A draft set aside on idle (keep.ts) goes once its day is over.
     */
    sweepDrafts(): DraftSweep {
      const now = ctx.now().getTime();
      const citizenBefore = new Date(now - config.dossier.citizenDraftMinutes * 60_000).toISOString();
      // A parked draft is kept one day beyond `parkedDraftDays`: the park slip promises "giữ đến
      // <that day>", and a citizen who comes back late on that day must still find it.
      const parkedBefore = new Date(now - (config.dossier.parkedDraftDays + 1) * 86_400_000).toISOString();
      const today = localDay(ctx.now(), config.timeZone);
      const counts = db.transaction(() => {
        const result = { drafts: 0, setAside: 0, parked: 0 };
        for (const id of q.stale.all({ citizenBefore, parkedBefore, today }) as string[]) {
          const kind = q.kind.get(id) as 'parked' | 'setAside' | 'draft';
          q.removeAttachments.run(id);
          // Its card keys (draft_keys) go with it: ON DELETE CASCADE.
          if (q.remove.run(id).changes === 0) continue;
          result[kind === 'parked' ? 'parked' : 'drafts'] += 1;
          if (kind === 'setAside') result.setAside += 1;
        }
        q.pruneFailures.run(parkedBefore);
        if (result.drafts + result.parked > 0)
          deps.audit.record({ action: 'dossier.draftsWiped', targetType: 'dossier', details: result });
        return result;
      })();
      const blobs = ctx.blobs.sweepOrphans();
      if (counts.drafts + counts.parked > 0) log.info('stale drafts wiped', counts);
      return { ...counts, blobs };
    },

    /**
     * Staff correct the form of a dossier the portal refused (outbox `attention`), before `sync.retry`.
     * The outbox state is left alone: sending it again is the sync module's decision. Audited with the
     * names of the fields that changed (not their values: personal data stays out of the audit log).
     */
    correct(id: string, data: FormData, staff: StaffUser): Dossier {
      checkPlainText(data, 'data');
      const json = toJson(data, 'data');
      const changed = db.transaction(() => {
        const row = ctx.row(id);
        if (row.status !== 'submitted' || q.outboxState.get(id) !== 'attention')
          throw dossierErrors.notAttention();
        const procedure = procedureOf(row);
        const problems = deps.validateForm(procedure, data);
        const first = problems[0];
        if (first) throw dossierErrors.formInvalid(problems.length, first);
        const before = dataOf(row);
        const fields = [...new Set([...Object.keys(before), ...Object.keys(data)])].filter(
          (k) => JSON.stringify(before[k]) !== JSON.stringify(data[k]),
        );
        const applicant = extractApplicant(procedure, data);
        q.correct.run(
          json,
          applicant?.fullName ?? null,
          applicant?.idNumber ?? null,
          ctx.now().toISOString(),
          id,
        );
        deps.audit.record({
          actorId: staff.id,
          actor: staff.user,
          action: 'dossier.correct',
          targetType: 'dossier',
          targetId: id,
          details: { code: row.code, fields },
        });
        return row.code;
      })();
      deps.bus.emit('dossier.changed', { id, code: changed, change: 'corrected' });
      return ctx.dossier(id);
    },
  };
}
