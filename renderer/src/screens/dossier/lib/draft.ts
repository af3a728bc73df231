/**
 * The id of the citizen's draft, kept in sessionStorage so a crashed or reloaded kiosk page resumes the
 * same draft (dossier.get) instead of starting over; the idle reset and "Về trang chủ" wipe it together
 * with the draft itself (dossier.discard). Only an id is stored here, never form data.
 */
const KEY = 'kiosk.dossierDraft';

export interface StoredDraft {
  id: string;
  procedureId: string;
}

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function storage(): Store | null {
  try {
    return typeof window === 'undefined' ? null : window.sessionStorage;
  } catch {
    return null; // storage blocked by policy: drafts then live only as long as the page
  }
}

export function readDraft(store: Store | null = storage()): StoredDraft | null {
  try {
    const raw = store?.getItem(KEY);
    if (!raw) return null;
    const value = JSON.parse(raw) as Partial<StoredDraft>;
    if (typeof value.id !== 'string' || !UUID.test(value.id)) return null;
    if (typeof value.procedureId !== 'string' || value.procedureId === '') return null;
    return { id: value.id, procedureId: value.procedureId };
  } catch {
    return null;
  }
}

export function writeDraft(draft: StoredDraft, store: Store | null = storage()): void {
  try {
    store?.setItem(KEY, JSON.stringify(draft));
  } catch {
    // Full or blocked storage: the draft still works, it just will not survive a reload.
  }
}

export function clearDraft(store: Store | null = storage()): void {
  try {
    store?.removeItem(KEY);
  } catch {
    // nothing to clear
  }
}
