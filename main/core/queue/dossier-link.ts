import type { ParsedInput, StaffUser, TicketDossier } from '../../../preload/api';
import { KioskFailure } from '../errors';
import { queueErrors } from './messages';

/** What `queue.issueTicket` is asked, as parsed. */
export type IssueInput = ParsedInput<'queue.issueTicket'>;

/** What a ticket is taken for: a citizen's draft (with its token) or a filed dossier's receipt QR. */
export type TicketLink =
  { draft: NonNullable<IssueInput['draft']> } | { receipt: NonNullable<IssueInput['receipt']> };

/**
 * Who asks for the ticket, as the public lookup limits it: staff (a valid session) are not limited and
 * need no draft token; anyone else is counted under `caller` (the kiosk's screen, each LAN client).
 */
export interface TicketCaller {
  caller: string;
  staff?: StaffUser | undefined;
}

/**
 * The dossier side of a ticket, given by the core (main/core/index.ts): the queue does not know the
 * dossier module. The dossier's own rules (the draft's token, the receipt's secret and its limits,
 * parking) stay there.
 */
export interface TicketDossierLink {
  /**
   * The dossier's id when what the citizen showed proves it theirs, else a refusal (KioskFailure). Called
   * before the ticket's transaction, so a wrong secret stays counted when the ticket is refused.
   */
  check(link: TicketLink, from: TicketCaller): string;
  /** Inside the ticket's transaction: readies the dossier for the counter (a draft is parked), audited. */
  hold(id: string, ticket: { id: number; number: string }): void;
  /** What a ticket shows of its dossier now (nothing personal); null when the dossier is gone. */
  resolve(id: string): TicketDossier | null;
}

/** The link the input asks for, if any; both at once is refused before anything is checked. */
export function linkOf(input: Pick<IssueInput, 'draft' | 'receipt'>): TicketLink | null {
  if (input.draft && input.receipt) throw new KioskFailure(queueErrors.linkBoth());
  if (input.draft) return { draft: input.draft };
  if (input.receipt) return { receipt: input.receipt };
  return null;
}
