/**
 * From ticket to counter (issue 22), with no React: what a called ticket's dossier opens, what a scan at
 * the counter asks for, which paper a submitted dossier's reception offers, and the state of the "card
 * just scanned" panel. The components (LinkedDossier, Handover, CardScan) run the calls and render.
 *
 * A draft the citizen started (or one parked for the counter) opens in the staff-assisted wizard by its id:
 * staff need no draft token. A submitted dossier opens its reception: "Tiếp nhận" (Mẫu 01) while it waits
 * for an officer, else the paper its reception calls for, to view or print again.
 */
import type {
  CreatedDraft,
  Dossier,
  KioskError,
  ParsedScan,
  Result,
  TicketDossier,
} from '../../../../../preload/api';
import type { KioskClient } from '../../../api';
import type { PendingDossier } from '../reception/model';

/** What one tap opens: a draft in the assisted wizard, or a submitted dossier's reception. */
export type HandoverTarget =
  | { kind: 'draft'; id: string }
  /** `id` when known (a ticket names it); a receipt QR gives only the code. */
  | { kind: 'reception'; id: string | null; code: string };

/** The one tap on a called ticket's dossier. A submitted one without a code cannot be found: nothing. */
export function ticketTarget(dossier: TicketDossier): HandoverTarget | null {
  if (dossier.status !== 'submitted') return { kind: 'draft', id: dossier.id };
  return dossier.code === null ? null : { kind: 'reception', id: dossier.id, code: dossier.code };
}

/** What a scan at the counter asks: the drafts of an ID card (its QR or MRZ), or a receipt's dossier. */
export type CounterScan = { kind: 'card'; text: string } | { kind: 'receipt'; code: string };

export function counterScan(text: string, parsed: ParsedScan): CounterScan {
  return parsed.kind === 'dossier-code' ? { kind: 'receipt', code: parsed.code } : { kind: 'card', text };
}

/**
 * Which reception a submitted dossier gets: waiting for an officer (in `dossier.pending`, by id, else by
 * its code or the portal's), so "Tiếp nhận" with Mẫu 01; else its receipt, viewed or printed again.
 */
export type ReceptionView = { kind: 'pending'; row: PendingDossier } | { kind: 'receipt'; code: string };

export function receptionView(
  target: { id: string | null; code: string },
  pending: readonly PendingDossier[],
): ReceptionView {
  const code = target.code.trim().toUpperCase();
  const row =
    (target.id === null ? undefined : pending.find((r) => r.id === target.id)) ??
    pending.find((r) => r.code.toUpperCase() === code || r.portalCode?.toUpperCase() === code);
  return row ? { kind: 'pending', row } : { kind: 'receipt', code: target.code };
}

/**
 * A draft opened for staff, as a parked draft is resumed today: read by its id (no token), and when it is
 * parked, taken up by its park code (`dossier.resume`, audited, its keep period restarted). A dossier
 * submitted meanwhile comes back as it is: the caller opens its reception instead.
 */
export async function openForStaff(client: KioskClient, id: string): Promise<Result<Dossier>> {
  const got = await client.call('dossier.get', { id });
  if (!got.ok || got.value.status !== 'parked' || got.value.parkCode === null) return got;
  return client.call('dossier.resume', { parkCode: got.value.parkCode });
}

/** The "card just scanned" panel: nothing, looking, the card's drafts, or why not. */
export type CardScanState =
  | { kind: 'idle' }
  | { kind: 'looking'; seq: number }
  | { kind: 'found'; drafts: CardDraft[] }
  | { kind: 'failed'; error: KioskError };

/** What staff see of a draft a card names: no form data, no token. */
export interface CardDraft {
  id: string;
  procedureName: string;
  createdAt: string;
}

export type CardScanEvent =
  | { type: 'scanned'; seq: number }
  | { type: 'answered'; seq: number; result: Result<CreatedDraft[]> }
  | { type: 'refused'; error: KioskError }
  | { type: 'closed' };

export const idleCardScan: CardScanState = { kind: 'idle' };

export function cardScanReducer(state: CardScanState, event: CardScanEvent): CardScanState {
  switch (event.type) {
    case 'scanned':
      return { kind: 'looking', seq: event.seq };
    case 'answered':
      // An answer to a card scanned before the last one is dropped: the citizen now at the counter counts.
      if (state.kind !== 'looking' || state.seq !== event.seq) return state;
      return event.result.ok
        ? { kind: 'found', drafts: event.result.value.map(cardDraft) }
        : { kind: 'failed', error: event.result.error };
    case 'refused':
      return { kind: 'failed', error: event.error };
    case 'closed':
      return idleCardScan;
  }
}

/** Only what the list shows is kept: the drafts' new tokens and form data are not held by this panel. */
function cardDraft(d: CreatedDraft): CardDraft {
  return { id: d.id, procedureName: d.procedureName, createdAt: d.createdAt };
}

/** Whether a modal dialog is open in front of the page (a native `<dialog>` shown with showModal). */
export function modalOpen(doc: Pick<Document, 'querySelector'>): boolean {
  return doc.querySelector('dialog[open]') !== null;
}
