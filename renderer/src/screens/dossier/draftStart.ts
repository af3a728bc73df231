/**
 * Opening a wizard: the procedure, and the draft when one is resumed (a reload, or staff resuming a
 * parked draft); and starting a draft after the privacy notice, reusing the citizen's stored one for the
 * same procedure and wiping one left from another. Async functions of the client, no React state, so the
 * wizard only applies their answers.
 */
import type { Dossier, KioskError, Procedure } from '../../../../preload/api';
import type { KioskClient } from '../../api';
import { clearDraft, readDraft, writeDraft } from './lib/draft';

export type Opened =
  | { kind: 'new'; procedure: Procedure }
  | { kind: 'resumed'; procedure: Procedure; dossier: Dossier }
  /** The draft was submitted meanwhile (another tab, staff): nothing to resume. */
  | { kind: 'gone' }
  | { kind: 'failed'; error: KioskError };

export async function openWizard(
  client: KioskClient,
  ids: { procedureId?: string | undefined; dossierId?: string | undefined },
  assisted: boolean,
): Promise<Opened> {
  if (ids.dossierId) {
    const d = await client.call('dossier.get', { id: ids.dossierId });
    if (!d.ok || d.value.status === 'submitted') {
      if (!assisted) clearDraft();
      return d.ok ? { kind: 'gone' } : { kind: 'failed', error: d.error };
    }
    const p = await client.call('catalogue.get', { id: d.value.procedureId });
    return p.ok
      ? { kind: 'resumed', procedure: p.value, dossier: d.value }
      : { kind: 'failed', error: p.error };
  }
  const p = await client.call('catalogue.get', { id: ids.procedureId ?? '' });
  return p.ok ? { kind: 'new', procedure: p.value } : { kind: 'failed', error: p.error };
}

export async function startDraft(
  client: KioskClient,
  procedure: Procedure,
  assisted: boolean,
): Promise<{ ok: true; dossier: Dossier } | { ok: false; error: KioskError }> {
  const stored = assisted ? null : readDraft();
  if (stored && stored.procedureId === procedure.id) {
    const r = await client.call('dossier.get', { id: stored.id });
    if (r.ok && r.value.status === 'draft') return { ok: true, dossier: r.value };
  } else if (stored) {
    await client.call('dossier.discard', { id: stored.id }); // abandoned, for another procedure
    clearDraft();
  }
  const created = await client.call('dossier.create', { procedureId: procedure.id });
  if (!created.ok) return { ok: false, error: created.error };
  if (!assisted) writeDraft({ id: created.value.id, procedureId: procedure.id });
  return { ok: true, dossier: created.value };
}
