/**
 * Pure helpers for receiving dossiers at the counter (Nghị định 118/2025/NĐ-CP, Thông tư 03/2025/TT-VPCP):
 * the "Chờ tiếp nhận" list as a reducer (a row received or refused stays, changed, until staff refresh),
 * when a refusal may be sent, which paper a dossier's reception calls for, and the range of an export of
 * Mẫu 06/07. No React, no DOM.
 */
import type { MethodOutput, ReceptionState, TimelineStatus } from '../../../../../preload/api';

export type PendingDossier = MethodOutput<'dossier.pending'>[number];
export type Received = MethodOutput<'dossier.receive'>;
export type Refused = MethodOutput<'dossier.refuse'>;
export type SupplementRequest = MethodOutput<'dossier.supplementRequest'>;

/** The contract's bound for a refusal's reason (`dossier.refuse`, trimmed): at least this many characters. */
export const REASON_MIN = 5;
export const REASON_MAX = 1000;
/** The contract's bound for one export of Mẫu 06/07 (`MAX_TRACKING_DAYS`): the renderer imports no values. */
export const TRACKING_MAX_DAYS = 366;

/** A refusal is sent only with a reason the citizen can read on Mẫu 03. */
export function canRefuse(reason: string): boolean {
  const trimmed = reason.trim();
  return trimmed.length >= REASON_MIN && trimmed.length <= REASON_MAX;
}

/** The paper staff print a dossier in this state: the slip while pending, Mẫu 01 once received, Mẫu 03. */
export type Paper = 'slip' | 'receipt' | 'refusal' | 'supplement';

export function paperOf(state: ReceptionState): Exclude<Paper, 'supplement'> {
  return state === 'pending' ? 'slip' : state === 'received' ? 'receipt' : 'refusal';
}

/**
 * A waiting dossier's national status: its own (1, Mới đăng ký) until an officer decides here, then 2 once
 * received or 3 once refused, before the list is loaded again. A request for papers at reception (Mẫu 02)
 * leaves it waiting: it is not a reception.
 */
export function pendingStatus(row: PendingDossier, outcome: Outcome | undefined): TimelineStatus {
  return outcome?.kind === 'received' ? 'received' : outcome?.kind === 'refused' ? 'refused' : row.status;
}

/** What staff did to a row, and the paper it gave (its PDF and print jobs). */
export type Outcome =
  | { kind: 'received'; paper: 'receipt'; code: string; dueDate: string; pdfBase64: string; jobIds: number[] }
  | { kind: 'refused'; paper: 'refusal'; code: string; pdfBase64: string; jobIds: number[] }
  | { kind: 'supplement'; paper: 'supplement'; code: string; pdfBase64: string; jobIds: number[] };

export interface PendingState {
  rows: PendingDossier[] | null;
  /** By dossier id: what was done to it since the list was opened. */
  outcomes: Record<string, Outcome>;
  /** The row whose call is under way, so its buttons wait. */
  busy: string | null;
}

export type PendingAction =
  | { type: 'loaded'; rows: PendingDossier[] }
  | { type: 'busy'; id: string | null }
  | { type: 'received'; id: string; received: Received }
  | { type: 'refused'; id: string; refused: Refused }
  | { type: 'supplement'; id: string; request: SupplementRequest };

export const initialPending: PendingState = { rows: null, outcomes: {}, busy: null };

/** Oldest first: the citizen who has waited longest is received first. */
function oldestFirst<T extends { receivedAt: string }>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => a.receivedAt.localeCompare(b.receivedAt));
}

export function pendingReducer(state: PendingState, action: PendingAction): PendingState {
  switch (action.type) {
    case 'loaded': {
      // A row received or refused here leaves dossier.pending's answer; it stays on screen, changed, so
      // staff see its new due date and can download its paper. The next visit starts clean.
      const fresh = new Set(action.rows.map((r) => r.id));
      const kept = (state.rows ?? []).filter((r) => !fresh.has(r.id) && state.outcomes[r.id] !== undefined);
      return { ...state, rows: oldestFirst([...action.rows, ...kept]) };
    }
    case 'busy':
      return { ...state, busy: action.id };
    case 'received': {
      const { received } = action;
      return {
        ...state,
        busy: null,
        rows: update(state.rows, action.id, { reception: 'received', dueDate: received.dueDate }),
        outcomes: {
          ...state.outcomes,
          [action.id]: {
            kind: 'received',
            paper: 'receipt',
            code: received.code,
            dueDate: received.dueDate,
            pdfBase64: received.pdfBase64,
            jobIds: received.jobIds,
          },
        },
      };
    }
    case 'refused':
      return {
        ...state,
        busy: null,
        rows: update(state.rows, action.id, { reception: 'refused' }),
        outcomes: {
          ...state.outcomes,
          [action.id]: { kind: 'refused', paper: 'refusal', ...action.refused },
        },
      };
    case 'supplement':
      return {
        ...state,
        busy: null,
        outcomes: {
          ...state.outcomes,
          [action.id]: {
            kind: 'supplement',
            paper: 'supplement',
            code: action.request.code ?? '',
            pdfBase64: action.request.pdfBase64,
            jobIds: action.request.jobIds,
          },
        },
      };
  }
}

function update(
  rows: PendingDossier[] | null,
  id: string,
  change: Partial<PendingDossier>,
): PendingDossier[] | null {
  return rows === null ? null : rows.map((r) => (r.id === id ? { ...r, ...change } : r));
}

/** Whether a row may still be received, refused or asked for papers (not once it was received or refused). */
export function isOpen(row: PendingDossier, outcome: Outcome | undefined): boolean {
  return row.reception === 'pending' && (outcome === undefined || outcome.kind === 'supplement');
}

/** The file name of a form's PDF: the paper and the code, safe for every file system. */
export function paperFileName(paper: Paper, code: string): string {
  const stem = { slip: 'phieu-nop', receipt: 'mau-01', supplement: 'mau-02', refusal: 'mau-03' }[paper];
  return `${stem}-${code.replace(/[^0-9A-Za-z.-]/g, '_') || 'ho-so'}.pdf`;
}

/** What is wrong with an export's range of days, if anything. */
export function rangeProblem(from: string, to: string): 'order' | 'too-long' | null {
  if (from > to) return 'order';
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;
  return days > TRACKING_MAX_DAYS ? 'too-long' : null;
}
