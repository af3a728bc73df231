/**
 * The id and token of the citizen's draft, kept in sessionStorage so a crashed or reloaded kiosk page
 * resumes the same draft (dossier.get) instead of starting over; the idle reset and "Về trang chủ" wipe
 * it together with the draft itself (dossier.discard). Only the id and the draft's token (the capability
 * dossier.create returned: without it the kiosk cannot open its own draft) are stored, never form data.
 */
const KEY = 'kiosk.dossierDraft';

export interface StoredDraft {
  id: string;
  procedureId: string;
  draftToken: string;
}

/** What a call on a draft sends: its id and, when this screen holds it, its token (staff need none). */
export interface DraftHandle {
  id: string;
  draftToken?: string;
}

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TOKEN = /^[A-Za-z0-9_-]{16,128}$/;

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
    // Stored by an older version, without a token: that draft cannot be opened from here any more.
    if (typeof value.draftToken !== 'string' || !TOKEN.test(value.draftToken)) return null;
    return { id: value.id, procedureId: value.procedureId, draftToken: value.draftToken };
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
