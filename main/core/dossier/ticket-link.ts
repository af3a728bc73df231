import { LookupSecret, type StaffUser, type TicketDossier } from '../../../preload/api';
import { KioskFailure, kioskError } from '../errors';
import type { DraftAccess } from './capability';
import type { DossierContext } from './context';
import type { DossierLookup } from './lookup';
import { dossierErrors } from './messages';
import type { Park } from './park';
import type { Dossiers } from './service';

/**
 * A queue ticket taken for a dossier (issue 22), the dossier's side. The citizen proves the dossier
 * theirs: a draft by its token (as every public draft method: capability.ts), a dossier filed at the
 * kiosk by its receipt QR's secret (as the public lookup: lookup.ts, counted and refused by the same
 * rules). A draft is then parked for the counter in the ticket's transaction, so it outlives the
 * kiosk screen's idle reset and the 30-minute citizen-draft wipe. The queue reads back only what the
 * counter needs to open it: procedure, status, receipt code; nothing personal.
 */

export const ticketLinkErrors = {
  /** A wrong token gets what an unknown id gets (capability.ts): nobody learns which drafts exist. */
  draftNotFound: () =>
    new KioskFailure(
      kioskError(
        'ticket-draft-not-found',
        'Không tìm thấy hồ sơ đang khai này để chuyển cho quầy (hồ sơ nháp có thể đã bị xoá vì để quá lâu). Chưa cấp số thứ tự nào; vui lòng lấy số không kèm hồ sơ hoặc hỏi nhân viên.',
        'This draft could not be found to hand to the counter (a draft may have been wiped after being left too long). No ticket was issued; take an ordinary ticket or ask a member of staff.',
        'draft',
      ),
    ),
};

export function createTicketDossiers(
  ctx: DossierContext,
  parts: { access: DraftAccess; park: Pick<Park, 'parkRow'>; lookup: Pick<DossierLookup, 'receiptHolder'> },
) {
  const { db, deps } = ctx;
  // One indexed read per linked ticket. The name is read with SQL so a damaged form elsewhere in the row
  // does not stop the counter from seeing its tickets (json_valid: a damaged procedure reads as none).
  // The kiosk screen's token ends with the hand-over: the counter opens the draft by its id, and a token
  // left valid would open it from the abandoned screen (or whatever read its sessionStorage) all week.
  const endToken = db.prepare(`UPDATE dossiers SET draft_token_hash = NULL WHERE id = ?`);
  const brief = db.prepare(
    `SELECT status, code, CASE WHEN json_valid(procedure_json) THEN json_extract(procedure_json, '$.name') END AS name
     FROM dossiers WHERE id = ?`,
  );

  return {
    /** The draft's id, when `draftToken` is its token (staff need none); a submitted one may be linked too. */
    draft(id: string, caller: { staff?: StaffUser | undefined; draftToken?: string | undefined }): string {
      try {
        parts.access.open(id, caller, 'allow');
      } catch (error) {
        if (error instanceof KioskFailure && error.error.code === dossierErrors.notFound().error.code)
          throw ticketLinkErrors.draftNotFound();
        throw error;
      }
      return id;
    },

    /** The filed dossier a receipt's QR names, when its secret is right (the lookup's rules and words). */
    receipt(code: string, secret: string): string {
      // The lookup's contract reads the secret forgivingly (case, spaces, dashes); so does this.
      const typed = LookupSecret.safeParse(secret);
      return parts.lookup.receiptHolder(code, typed.success ? typed.data : secret);
    },

    /**
     * In the ticket's transaction: a draft is parked for the counter (a parked one keeps its code, a
     * submitted one needs nothing). No staff member parks it: the citizen does, by taking the ticket,
     * and the audit row says so with the ticket. The draft's token ends (the counter needs none).
     */
    hold(id: string, ticket: { id: number; number: string }): void {
      if (ctx.row(id).status !== 'draft') return;
      parts.park.parkRow(id);
      endToken.run(id);
      deps.audit.record({
        actorId: null,
        actor: null,
        action: 'dossier.park',
        targetType: 'dossier',
        targetId: id,
        details: { by: 'citizen', ticketId: ticket.id, ticket: ticket.number },
      });
    },

    /** What a ticket shows of its dossier now; null when it is gone. */
    resolve(id: string): TicketDossier | null {
      const row = brief.get(id) as { status: string; code: string | null; name: unknown } | undefined;
      if (!row || (row.status !== 'draft' && row.status !== 'parked' && row.status !== 'submitted'))
        return null;
      return {
        id,
        procedureName: typeof row.name === 'string' ? row.name : '',
        status: row.status,
        code: row.status === 'submitted' ? row.code : null,
      };
    },
  };
}

export type TicketDossiers = ReturnType<typeof createTicketDossiers>;

/**
 * What the core gives the queue (queue/dossier-link.ts TicketDossierLink): the dossier service's part
 * with the public lookup's per-caller limit in front of a receipt's secret, the very budget
 * `dossier.lookup` spends (handlers.ts), so a script cannot try secrets through tickets instead.
 */
export function ticketDossierLink(deps: { dossiers: Dossiers; now: () => number }) {
  const { tickets, lookups } = deps.dossiers;
  return {
    check(
      link:
        | { draft: { id: string; draftToken?: string | undefined } }
        | { receipt: { code: string; secret: string } },
      from: { caller: string; staff?: StaffUser | undefined },
    ): string {
      if ('draft' in link)
        return tickets.draft(link.draft.id, { staff: from.staff, draftToken: link.draft.draftToken });
      if (!from.staff) {
        const wait = lookups.take(from.caller, deps.now());
        if (wait > 0) throw dossierErrors.tooManyLookups(wait);
      }
      return tickets.receipt(link.receipt.code, link.receipt.secret);
    },
    hold: tickets.hold,
    resolve: tickets.resolve,
  };
}
