/**
 * What a queue ticket is taken for (issue 22): the draft the citizen asks an officer to finish ("Nhờ cán bộ
 * giúp" in the wizard), or a dossier filed at the kiosk, named by its receipt QR (scanned at the queue, or
 * "Lấy số gặp cán bộ" on the receipt). The counter then opens that dossier with one tap.
 */
import type { KioskError, MethodInput, ParsedScan, Result, Ticket } from '../../../../../preload/api';
import type { KioskClient } from '../../../api';
import { clearDraft } from '../../dossier/lib/draft';

export type QueueLink =
  /** The citizen's draft, with the token that proves it is theirs (and its procedure, to go back to it). */
  | { kind: 'draft'; id: string; draftToken?: string; procedureId: string }
  /** A submitted dossier: the receipt's code and its "Mã tra cứu". */
  | { kind: 'receipt'; code: string; secret: string };

/** The link's part of queue.issueTicket's input. */
export function linkInput(
  link: QueueLink | null,
): Pick<MethodInput<'queue.issueTicket'>, 'draft' | 'receipt'> {
  if (!link) return {};
  if (link.kind === 'receipt') return { receipt: { code: link.code, secret: link.secret } };
  return { draft: link.draftToken ? { id: link.id, draftToken: link.draftToken } : { id: link.id } };
}

/**
 * What a scan on the queue's service picker does: a receipt QR links the next ticket to its dossier (a
 * receipt without its "Mã tra cứu", printed before there was one, cannot prove it and links nothing); any
 * other scan is the shell's (a card greets).
 */
export type QueueScan =
  | { kind: 'link'; link: QueueLink & { kind: 'receipt' } }
  | { kind: 'receipt-without-secret' }
  | { kind: 'other' };

export function queueScan(
  result: { ok: true; value: ParsedScan } | { ok: false; error: KioskError },
): QueueScan {
  if (!result.ok || result.value.kind !== 'dossier-code') return { kind: 'other' };
  const { code, secret } = result.value;
  return secret
    ? { kind: 'link', link: { kind: 'receipt', code, secret } }
    : { kind: 'receipt-without-secret' };
}

/**
 * queue.issueTicket for the picker, with the link when there is one. A ticket taken for the citizen's
 * draft parks that draft for the counter: its handle then leaves sessionStorage, so neither the idle reset
 * nor a later filing touches it (the officer opens it from the ticket).
 */
export async function issueLinkedTicket(
  client: KioskClient,
  input: { serviceId: string; priority?: string },
  link: QueueLink | null,
  store?: Parameters<typeof clearDraft>[0],
): Promise<Result<Ticket>> {
  const result = await client.call('queue.issueTicket', { ...input, ...linkInput(link) });
  if (result.ok && link?.kind === 'draft') clearDraft(store);
  return result;
}
