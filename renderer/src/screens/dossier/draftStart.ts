/**
 * Opening a wizard: the procedure, and the draft when one is resumed (a reload, or staff resuming a
 * parked draft); and starting a draft after the privacy notice, reusing the citizen's stored one for the
 * same procedure and wiping one left from another. Async functions of the client, no React state, so the
 * wizard only applies their answers.
 *
 * A draft is opened with the token dossier.create returned (kept in sessionStorage for the citizen's
 * reload); staff need none, so a parked draft resumed at the counter is opened by its id alone.
 */
import type { Dossier, KioskError, Procedure } from '../../../../preload/api';
import type { KioskClient } from '../../api';
import type { ResumableDraft } from '../citizen/session';
import { clearDraft, readDraft, writeDraft, type DraftHandle } from './lib/draft';

export type Opened =
  | { kind: 'new'; procedure: Procedure }
  | { kind: 'resumed'; procedure: Procedure; dossier: Dossier; handle: DraftHandle }
  /** The draft was submitted meanwhile (another tab, staff): nothing to resume. */
  | { kind: 'gone' }
  | { kind: 'failed'; error: KioskError };

/** The handle of a draft this screen opens: with the citizen's stored token when it is that draft. */
function handleOf(id: string, assisted: boolean): DraftHandle {
  const stored = assisted ? null : readDraft();
  return stored?.id === id ? { id, draftToken: stored.draftToken } : { id };
}

export async function openWizard(
  client: KioskClient,
  ids: { procedureId?: string | undefined; dossierId?: string | undefined },
  assisted: boolean,
): Promise<Opened> {
  if (ids.dossierId) {
    const handle = handleOf(ids.dossierId, assisted);
    const d = await client.call('dossier.get', handle);
    // A submitted dossier is not shown again to a citizen (dossier-submitted): back to the start.
    const submitted = d.ok ? d.value.status === 'submitted' : d.error.code === 'dossier-submitted';
    if (!d.ok || submitted) {
      if (!assisted) clearDraft();
      return d.ok || submitted ? { kind: 'gone' } : { kind: 'failed', error: d.error };
    }
    const p = await client.call('catalogue.get', { id: d.value.procedureId });
    return p.ok
      ? { kind: 'resumed', procedure: p.value, dossier: d.value, handle }
      : { kind: 'failed', error: p.error };
  }
  const p = await client.call('catalogue.get', { id: ids.procedureId ?? '' });
  return p.ok ? { kind: 'new', procedure: p.value } : { kind: 'failed', error: p.error };
}

export async function startDraft(
  client: KioskClient,
  procedure: Procedure,
  assisted: boolean,
): Promise<{ ok: true; dossier: Dossier; handle: DraftHandle } | { ok: false; error: KioskError }> {
  const stored = assisted ? null : readDraft();
  const storedHandle = stored ? { id: stored.id, draftToken: stored.draftToken } : null;
  if (stored && storedHandle && stored.procedureId === procedure.id) {
    const r = await client.call('dossier.get', storedHandle);
    if (r.ok && r.value.status === 'draft') return { ok: true, dossier: r.value, handle: storedHandle };
  } else if (storedHandle) {
    await client.call('dossier.discard', storedHandle); // abandoned, for another procedure
    clearDraft();
  }
  const created = await client.call('dossier.create', { procedureId: procedure.id });
  if (!created.ok) return { ok: false, error: created.error };
  const { draftToken, ...dossier } = created.value;
  if (!assisted) writeDraft({ id: dossier.id, procedureId: procedure.id, draftToken });
  return { ok: true, dossier, handle: { id: dossier.id, draftToken } };
}

/**
 * The citizen's session ended (idle) mid-filing: the draft is set aside, to be taken back by scanning an
 * ID card it names until the end of the day, instead of wiped; nothing of it stays in the page (its
 * handle leaves sessionStorage first, so even a failed call leaves nothing to reopen). No slip: the
 * citizen has left.
 */
export async function setAsideDraft(client: KioskClient): Promise<void> {
  const stored = readDraft();
  if (!stored) return;
  clearDraft();
  await client.call('dossier.setAside', { id: stored.id, draftToken: stored.draftToken });
}

/** The most drafts a greeting offers: one large button each. */
export const RESUMABLE_SHOWN = 3;

/**
 * Drafts the scanned card takes back (dossier.resumeByCard with the scan's text), newest first, at most
 * a few; none when main finds none or cannot answer. Only what the greeting shows and the token.
 */
export async function findDrafts(client: KioskClient, text: string): Promise<ResumableDraft[]> {
  const found = await client.call('dossier.resumeByCard', { text });
  if (!found.ok) return [];
  return [...found.value]
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    .slice(0, RESUMABLE_SHOWN)
    .map((d) => ({
      id: d.id,
      procedureId: d.procedureId,
      procedureName: d.procedureName,
      createdAt: d.createdAt,
      draftToken: d.draftToken,
    }));
}

/**
 * "Làm tiếp hồ sơ đang dở": the draft becomes this page's draft (its new token kept, so a reload still
 * opens it), and the screen that opens it.
 */
export function takeBack(draft: ResumableDraft): { name: 'dossier'; procedureId: string; dossierId: string } {
  writeDraft({ id: draft.id, procedureId: draft.procedureId, draftToken: draft.draftToken });
  return { name: 'dossier', procedureId: draft.procedureId, dossierId: draft.id };
}
