/**
 * A citizen's draft kept for later (issue 22), as async functions of the client with no React state, so
 * the screens only show their answers:
 *
 * - "Lưu lại, làm tiếp sau": dossier.saveForLater parks the draft under a code printed on a slip. The
 *   draft's handle then leaves sessionStorage (the draft is parked, not discarded: the idle reset must not
 *   wipe it), whatever the screen does next.
 * - "Làm tiếp hồ sơ đã lưu": dossier.resumeByCode with the code and the birth date gives the draft back
 *   with a new token, stored as the citizen's draft so the wizard opens it as after a reload.
 */
import type { KioskError } from '../../../../../preload/api';
import type { KioskClient } from '../../../api';
import { clearDraft, writeDraft, type DraftHandle } from './draft';

type Store = Parameters<typeof writeDraft>[1];

export type SaveOutcome =
  | { kind: 'saved'; parkCode: string; keptUntil: string; printed: boolean }
  /** The draft names no birth date yet: ask the citizen for theirs, and save again with it. */
  | { kind: 'birth-date-needed' }
  | { kind: 'failed'; error: KioskError };

export async function saveForLater(
  client: KioskClient,
  handle: DraftHandle,
  birthDate?: string,
  store?: Store,
): Promise<SaveOutcome> {
  const result = await client.call('dossier.saveForLater', {
    ...handle,
    ...(birthDate ? { birthDate } : {}),
  });
  if (!result.ok)
    return result.error.code === 'birth-date-needed'
      ? { kind: 'birth-date-needed' }
      : { kind: 'failed', error: result.error };
  clearDraft(store);
  const { parkCode, keptUntil, jobId } = result.value;
  return { kind: 'saved', parkCode, keptUntil, printed: jobId !== null };
}

/** Park codes are printed in capitals from an alphabet without 0/O and 1/I; typed text is folded to it. */
export function normaliseParkCode(text: string): string {
  return text
    .toUpperCase()
    .replace(/[^0-9A-Z]/g, '')
    .slice(0, 8);
}

export const isParkCode = (code: string): boolean => /^[0-9A-Z]{4,8}$/.test(code);

export type ResumeOutcome =
  | { kind: 'resumed'; id: string; procedureId: string }
  /** A wrong code or a wrong date: one answer for both, so neither can be guessed apart. */
  | { kind: 'wrong' }
  /** Too many wrong tries on this code: only staff can open it now. */
  | { kind: 'locked' }
  | { kind: 'failed'; error: KioskError };

/**
 * Which of the three a refusal of dossier.resumeByCode is (`park-resume-wrong`, `park-resume-locked`; a
 * code the contract refuses as malformed is wrong too). Anything else, such as the caller's wait after many
 * wrong codes (`too-many-requests`), is said in main's own words.
 */
export function resumeRefusal(error: KioskError): 'wrong' | 'locked' | 'other' {
  if (/locked/.test(error.code)) return 'locked';
  if (/wrong|not-found|invalid-input/.test(error.code)) return 'wrong';
  return 'other';
}

export async function resumeByCode(
  client: KioskClient,
  parkCode: string,
  birthDate: string,
  store?: Store,
): Promise<ResumeOutcome> {
  const result = await client.call('dossier.resumeByCode', { parkCode, birthDate });
  if (!result.ok) {
    const kind = resumeRefusal(result.error);
    return kind === 'other' ? { kind: 'failed', error: result.error } : { kind };
  }
  const { id, procedureId, draftToken } = result.value;
  writeDraft({ id, procedureId, draftToken }, store);
  return { kind: 'resumed', id, procedureId };
}
