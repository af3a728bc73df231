import { createHash, timingSafeEqual } from 'node:crypto';
import type { DossierContext } from './context';
import { dossierErrors } from './messages';
import type { DossierRow } from './rows';
import type { StaffUser } from './types';

/**
 * Draft capabilities. A draft's id is shown in staff lists, events and logs, so it is a name, not a key:
 * what lets a public caller (the citizen screen, a browser on the LAN) read or change a draft is the
 * token `dossier.create` returned to whoever started it. Only its SHA-256 is stored (migration 0009).
 * Staff (a valid session) need no token: assisted filing, parked drafts, corrections.
 *
 * A missing or wrong token gets exactly the answer an unknown id gets (`dossier-not-found`), after the
 * same work (a hash and a constant-time compare against a dummy when there is no row), so a caller
 * cannot learn which ids exist. After submit a public caller gets no personal data back, whatever it
 * holds: only a repeated `dossier.submit` (its answer carries none) still works with the token.
 */

/** 32 random bytes: 256 bits, as base64url (43 characters). */
export const DRAFT_TOKEN_BYTES = 32;

export const newDraftToken = (randomBytes: (n: number) => Buffer): string =>
  randomBytes(DRAFT_TOKEN_BYTES).toString('base64url');

export const hashDraftToken = (token: string): string => createHash('sha256').update(token).digest('hex');

// Compared against when the row has no hash (unknown id, a draft older than 0009), so the time taken
// does not depend on what exists.
const NO_HASH = Buffer.alloc(32);

function tokenMatches(storedHex: string | null, token: string | undefined): boolean {
  const presented = createHash('sha256')
    .update(token ?? '')
    .digest();
  const stored = storedHex === null ? NO_HASH : Buffer.from(storedHex, 'hex');
  const same = stored.length === presented.length && timingSafeEqual(stored, presented);
  return same && storedHex !== null && token !== undefined;
}

/** Who is asking about a draft: staff by their session, anyone else by the draft's token. */
export interface DraftCaller {
  staff?: StaffUser | undefined;
  draftToken?: string | undefined;
}

/** What a public caller may still do with a submitted dossier it holds the token of. */
export type AfterSubmit = 'refuse' | 'allow';

export function createDraftAccess(ctx: DossierContext) {
  const hashOf = ctx.db.prepare('SELECT draft_token_hash FROM dossiers WHERE id = ?').pluck();
  return {
    /**
     * The row, when this caller may act on it; else the refusal an unknown id gets. A public caller on a
     * submitted dossier is refused (`dossier-submitted`, no data) unless `afterSubmit` allows it.
     */
    open(id: string, caller: DraftCaller, afterSubmit: AfterSubmit = 'refuse'): DossierRow {
      if (caller.staff) return ctx.row(id);
      const stored = (hashOf.get(id) as string | null | undefined) ?? null;
      if (!tokenMatches(stored, caller.draftToken)) throw dossierErrors.notFound();
      const row = ctx.row(id);
      if (row.status === 'submitted' && afterSubmit === 'refuse') throw dossierErrors.submittedPrivate();
      return row;
    },
  };
}

export type DraftAccess = ReturnType<typeof createDraftAccess>;
