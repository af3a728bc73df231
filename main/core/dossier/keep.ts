import { parseScan } from '../identity';
import { createLogger } from '../log';
import { localDay } from '../time';
import { hashDraftToken, newDraftToken } from './capability';
import type { DossierContext } from './context';
import { DossierDamaged } from './damage';
import type { Drafts } from './drafts';
import { keepErrors } from './keep-messages';
import { type Keys, birthDateOf } from './keys';
import type { Park, ParkSlipSink } from './park';
import { dataOf, procedureOf } from './rows';
import type { CreatedDraft, StaffUser } from './types';

const log = createLogger('dossier.keep');

/** Most drafts one scanned card takes back at once (oldest first): a family files a few, not dozens. */
export const RESUMED_AT_MOST = 5;
/** Wrong birth dates a park code takes at the kiosk before it opens only for staff. */
export const WRONG_BIRTH_DATES = 5;

/** Who acts, for the audit log: a staff member by their session, else the citizen at a screen. */
const actorOf = (staff: StaffUser | null | undefined) =>
  staff ? { actorId: staff.id, actor: staff.user } : { actorId: null, actor: 'citizen' };

/**
 * A citizen's draft kept past the moment (issue 22).
 *
 * Set aside: the session ended mid-filing (idle). The screen clears, the draft stays until the end of the
 * centre's day (`set_aside_day`; maintenance.ts wipes it after), and only scanning an ID card it names
 * takes it back (keys.ts): whoever walks up to the kiosk next sees nothing. Its token stops working, so
 * the abandoned screen cannot reopen it. A draft naming no ID number could never be taken back: wiped.
 *
 * Saved for later: the citizen, still there, parks the draft (park.ts) under a code printed on a slip,
 * with a birth date to take it back with. Wrong birth dates are counted per code in the database; the
 * fifth leaves the code to staff (`dossier.resume`). A code naming no draft and a wrong date answer the
 * same, and are counted the same, so the answers never tell whether a code exists.
 *
 * Every way back hands out a new draft token and ends the old one.
 */
export function createKeep(
  ctx: DossierContext,
  parts: { drafts: Drafts; park: Park; keys: Keys; parkSlips: ParkSlipSink | undefined },
) {
  const { db, deps } = ctx;
  const { drafts, park, keys } = parts;
  const q = {
    setAside: db.prepare(
      `UPDATE dossiers SET set_aside_day = ?, draft_token_hash = NULL, updated_at = ?
       WHERE id = ? AND status = 'draft'`,
    ),
    kept: db
      .prepare(
        `SELECT 1 FROM dossiers WHERE id = ? AND (status = 'parked' OR (status = 'draft' AND set_aside_day IS NOT NULL))`,
      )
      .pluck(),
    byCard: db
      .prepare(
        `SELECT d.id FROM dossiers d
         WHERE d.id IN (SELECT dossier_id FROM draft_keys WHERE key_hash IN (SELECT value FROM json_each(@hashes)))
           AND ((d.status = 'parked' AND @staff = 1) OR (d.status = 'draft' AND d.set_aside_day = @today))
         ORDER BY d.created_at, d.id LIMIT @limit`,
      )
      .pluck(),
    newToken: db.prepare(`UPDATE dossiers SET draft_token_hash = ?, updated_at = ? WHERE id = ?`),
    // A parked draft keeps its code and its keep period (updated_at): only the abandoned token ends.
    endToken: db.prepare(`UPDATE dossiers SET draft_token_hash = NULL WHERE id = ? AND status = 'parked'`),
    saved: db.prepare(
      `UPDATE dossiers SET resume_birth_hash = ?, draft_token_hash = NULL WHERE id = ? AND status = 'parked'`,
    ),
    byCode: db.prepare(
      `SELECT id, resume_birth_hash AS birthHash FROM dossiers WHERE park_code = ? AND status = 'parked'`,
    ),
    failures: db.prepare('SELECT failures FROM park_code_failures WHERE code = ?').pluck(),
    failed: db.prepare(
      `INSERT INTO park_code_failures (code, failures, updated_at) VALUES (?, 1, ?)
       ON CONFLICT (code) DO UPDATE SET failures = failures + 1, updated_at = excluded.updated_at`,
    ),
    forgetFailures: db.prepare('DELETE FROM park_code_failures WHERE code = ?'),
  };

  const today = (): string => localDay(ctx.now(), deps.config.timeZone);

  /** A new token for a draft taken back (the old one stops working), and the draft as the caller sees it. */
  function reopen(id: string): CreatedDraft {
    const draftToken = newDraftToken(deps.randomBytes);
    // Taking it back counts as activity: a parked draft's keep period runs from the last time it was used.
    q.newToken.run(hashDraftToken(draftToken), ctx.now().toISOString(), id);
    return { ...ctx.dossier(id), draftToken };
  }

  return {
    /**
     * The citizen's session ended mid-filing: keep the draft to the end of the centre's day, found only
     * by an ID card it names; wiped now when it names none. A parked draft (taken back by its code or a
     * card, then left) stays parked with its code, but its token ends too: the screen that held it was
     * abandoned. The caller checked the token (handlers.ts).
     */
    setAside(id: string, staff?: StaffUser | null): { kept: boolean } {
      const outcome = db.transaction(() => {
        const row = ctx.editable(id);
        if (row.status === 'parked') {
          q.endToken.run(id);
          return 'parked';
        }
        if (keys.refresh(id, procedureOf(row), dataOf(row)) === 0) return 'wipe';
        q.setAside.run(today(), ctx.now().toISOString(), id);
        deps.audit.record({
          ...actorOf(staff),
          action: 'dossier.setAside',
          targetType: 'dossier',
          targetId: id,
          details: { kept: true },
        });
        return 'kept';
      })();
      if (outcome !== 'wipe') return { kept: true };
      drafts.discard(id);
      deps.audit.record({
        ...actorOf(staff),
        action: 'dossier.setAside',
        targetType: 'dossier',
        targetId: id,
        details: { kept: false },
      });
      return { kept: false };
    },

    /**
     * The drafts set aside today that name the scanned card (its ID number with its birth date, or with
     * its name for a slot without one; as the applicant, or for staff as any person), and for staff the
     * parked ones too, oldest first, each with a new token.
     * Empty when none: the answer never says more about an ID number than that. Audited per draft,
     * without the number. A citizen's screen gets no parked draft: the scan is text anyone can print
     * knowing a number and a date, and a parked draft comes back only by its code and birth date (a few
     * tries per code) or at a counter.
     */
    resumeByCard(text: string, staff?: StaffUser | null): CreatedDraft[] {
      const scan = parseScan(text, { now: ctx.now(), timeZone: deps.config.timeZone });
      const person = scan.kind === 'cccd-qr' || scan.kind === 'mrz' ? scan.person : null;
      const idNumber = person?.idNumber;
      if (!person || idNumber === undefined) throw keepErrors.notAnIdCard();
      const fullName =
        scan.kind === 'cccd-qr'
          ? scan.person.fullName
          : scan.kind === 'mrz'
            ? [scan.person.surname, scan.person.givenNames].filter((p) => p !== '').join(' ')
            : '';
      const hashes = keys.lookupHashes({ idNumber, birthDate: person.birthDate, fullName }, Boolean(staff));
      return db.transaction(() => {
        const ids = q.byCard.all({
          hashes: JSON.stringify(hashes),
          today: today(),
          staff: staff ? 1 : 0,
          limit: RESUMED_AT_MOST,
        }) as string[];
        const resumed: CreatedDraft[] = [];
        for (const id of ids) {
          try {
            ctx.row(id);
          } catch (error) {
            // A draft whose text no longer reads back is left to staff (damage.ts alerted them).
            if (error instanceof DossierDamaged) continue;
            throw error;
          }
          resumed.push(reopen(id));
          deps.audit.record({
            ...actorOf(staff),
            action: 'dossier.resumeByCard',
            targetType: 'dossier',
            targetId: id,
            details: { scan: scan.kind },
          });
        }
        return resumed;
      })();
    },

    /**
     * "Lưu lại, làm tiếp sau": parks the draft, remembers the birth date it is taken back with (the
     * applicant slot's, else the one given), and prints the slip on the ticket printer when there is one.
     * The token stops working: the code and the birth date are the way back. Audited.
     */
    saveForLater(
      id: string,
      given: string | undefined,
      staff?: StaffUser | null,
    ): { parkCode: string; keptUntil: string; jobId: number | null } {
      const { parkCode, parkedAt } = db.transaction(() => {
        const current = ctx.editable(id);
        const first = procedureOf(current).form.persons[0];
        const birthDate = (first ? birthDateOf(dataOf(current), first.path) : null) ?? given ?? null;
        if (birthDate === null) throw keepErrors.birthDateNeeded();
        const row = park.parkRow(id);
        if (row.parkCode === null || row.parkedAt === null) throw new Error(`dossier ${id} was not parked`);
        q.saved.run(keys.birthHash(id, birthDate), id);
        return { parkCode: row.parkCode, parkedAt: row.parkedAt };
      })();
      let jobId: number | null = null;
      if (parts.parkSlips) {
        try {
          jobId = parts.parkSlips.enqueue({ ...park.slip(id), printedAt: ctx.now().toISOString() });
        } catch (error) {
          // Saved all the same: the screen shows the code to write down.
          log.error('the saved-for-later slip could not be queued', { id, error });
        }
      }
      deps.audit.record({
        ...actorOf(staff),
        action: 'dossier.saveForLater',
        targetType: 'dossier',
        targetId: id,
        details: { parkCode, jobId },
      });
      // The slip's "giữ đến": the day `parkedDraftDays` after parking; the sweep keeps it to that day's end.
      const until = new Date(Date.parse(parkedAt) + deps.config.dossier.parkedDraftDays * 86_400_000);
      return { parkCode, keptUntil: localDay(until, deps.config.timeZone), jobId };
    },

    /**
     * A draft saved for later, by its code and birth date, with a new token. One refusal for a wrong
     * code and a wrong date; the fifth wrong try on a code leaves it to staff. Audited.
     */
    resumeByCode(parkCode: string, birthDate: string): CreatedDraft {
      const code = parkCode.trim().toUpperCase();
      const outcome = db.transaction(() => {
        const failures = (q.failures.get(code) as number | undefined) ?? 0;
        if (failures >= WRONG_BIRTH_DATES) return { ok: false as const, locked: true };
        const row = q.byCode.get(code) as { id: string; birthHash: string | null } | undefined;
        // The same work for a code that names no draft: a hash compared against nothing.
        if (!keys.birthMatches(row?.id ?? code, row?.birthHash ?? null, birthDate) || !row) {
          q.failed.run(code, ctx.now().toISOString());
          return { ok: false as const, locked: failures + 1 >= WRONG_BIRTH_DATES };
        }
        q.forgetFailures.run(code);
        const draft = reopen(row.id);
        deps.audit.record({
          actorId: null,
          actor: 'citizen',
          action: 'dossier.resumeByCode',
          targetType: 'dossier',
          targetId: row.id,
        });
        return { ok: true as const, draft };
      })();
      if (outcome.ok) return outcome.draft;
      throw outcome.locked ? keepErrors.codeLocked() : keepErrors.codeOrDateWrong();
    },

    /** After a draft is saved: a kept one's card keys follow its data. */
    afterUpdate(id: string): void {
      if (q.kept.get(id) === undefined) return;
      const row = ctx.row(id);
      keys.refresh(id, procedureOf(row), dataOf(row));
    },

    /** At start: kept drafts without card keys (parked before this version, a salvaged file) get theirs. */
    backfill(): void {
      const keyed = keys.backfill((id) => {
        try {
          const row = ctx.row(id);
          return { procedure: procedureOf(row), data: dataOf(row) };
        } catch (error) {
          if (error instanceof DossierDamaged) return null;
          throw error;
        }
      });
      if (keyed.length > 0) log.info('kept drafts keyed', { count: keyed.length });
    },
  };
}

export type Keep = ReturnType<typeof createKeep>;
