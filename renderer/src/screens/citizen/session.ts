/**
 * Everything a citizen has chosen on this kiosk, in one place, so an idle reset can wipe it in one step.
 * Future features (a draft dossier, a scanned ID) belong here too, for the same reason.
 */
import type { Feature, KioskError, ParsedScan, Ticket } from '../../../../preload/api';
import { maskId } from '../../lib/maskId';
import type { QueueLink } from './queue/link';
import { readingFromScan, type CardReading } from '../dossier/lib/persons';

export type TextSize = 'small' | 'normal' | 'large';

export type CitizenScreen =
  | { name: 'home' }
  | { name: 'coming-soon'; feature: Feature }
  /** The queue service picker ("Lấy số thứ tự"), with the dossier the ticket is for when there is one. */
  | { name: 'queue'; link?: QueueLink }
  /** The ticket just issued: its number stays on screen until "Xong" or the idle reset. */
  | { name: 'ticket'; ticket: Ticket }
  /** "Tra cứu thủ tục": the catalogue and a procedure's information page. */
  | { name: 'procedures' }
  /** "Nộp hồ sơ": choose the procedure first. */
  | { name: 'dossier-pick' }
  /** The filing wizard, new for a procedure or resumed by the draft's id (after a reload). */
  | { name: 'dossier'; procedureId?: string; dossierId?: string }
  /** "Tra cứu hồ sơ", with the code of a scanned receipt when there was one. */
  | { name: 'lookup'; code?: string; secret?: string };

/**
 * What a scan on the citizen screens showed. Only the name and the masked ID are shown, never the full
 * ID number or the raw text, and the idle reset wipes it with the rest.
 */
export type ScanNotice =
  | { kind: 'person'; name: string; maskedId: string | null; drafts?: ResumableDraft[] }
  | { kind: 'receipt' }
  | { kind: 'error'; error: KioskError };

/**
 * A draft set aside when a session ended mid-filing (or parked), found by the card just scanned: only its
 * procedure and when it was started are shown; the token opens it (dossier.resumeByCard gave it).
 */
export interface ResumableDraft {
  id: string;
  procedureId: string;
  procedureName: string;
  createdAt: string;
  draftToken: string;
}

export interface CitizenSession {
  screen: CitizenScreen;
  /** The greeting (or calm error) after a card was scanned, until dismissed, an action, or the reset. */
  scan: ScanNotice | null;
  textSize: TextSize;
  highContrast: boolean;
  /** True once the citizen did anything; only then does the idle countdown run. */
  touched: boolean;
  /**
   * The card scanned in this session, to fill the applicant when a filing's form opens. In memory only
   * (never sessionStorage), wiped by the reset, by "Không phải tôi" and once a form used it.
   */
  card: CardReading | null;
}

export type CitizenAction =
  | { type: 'open'; screen: CitizenScreen }
  | { type: 'text-size'; size: TextSize }
  | { type: 'toggle-contrast' }
  | { type: 'scanned'; notice: ScanNotice; reading?: CardReading }
  | { type: 'scan-dismiss' }
  /** dossier.resumeByCard's answer for the card whose greeting is open. */
  | { type: 'drafts-found'; drafts: ResumableDraft[] }
  | { type: 'card-used' }
  /** Something outside this state changed (the language). */
  | { type: 'touched' }
  | { type: 'reset' };

export const initialCitizenSession: CitizenSession = {
  screen: { name: 'home' },
  scan: null,
  textSize: 'normal',
  highContrast: false,
  touched: false,
  card: null,
};

export function citizenReducer(state: CitizenSession, action: CitizenAction): CitizenSession {
  switch (action.type) {
    case 'open':
      // Back home, the card read goes: a citizen who is done ("Xong" on the ticket, "Về trang chủ") may
      // walk away before the idle reset, and the next person's filing must not open with their card.
      return {
        ...state,
        screen: action.screen,
        scan: null,
        card: action.screen.name === 'home' ? null : state.card,
        touched: true,
      };
    case 'scanned':
      return { ...state, scan: action.notice, card: action.reading ?? state.card, touched: true };
    case 'scan-dismiss':
      // "Không phải tôi": the card read is not this citizen's, so it fills nothing.
      return { ...state, scan: null, card: state.scan?.kind === 'person' ? null : state.card, touched: true };
    case 'drafts-found':
      return state.scan?.kind === 'person'
        ? { ...state, scan: { ...state.scan, drafts: action.drafts } }
        : state;
    case 'card-used':
      return { ...state, card: null };
    case 'text-size':
      return { ...state, textSize: action.size, touched: true };
    case 'toggle-contrast':
      return { ...state, highContrast: !state.highContrast, touched: true };
    case 'touched':
      return { ...state, touched: true };
    case 'reset':
      return initialCitizenSession;
    default:
      return assertNever(action);
  }
}

function assertNever(value: never): never {
  throw new Error(`Unhandled citizen action: ${JSON.stringify(value)}`);
}

/**
 * The classes the citizen's display choices put on <html>: text size scales the rem root, contrast swaps
 * the palette. Only citizen screens carry them; staff and display screens keep the defaults.
 */
export function rootClasses(session: Pick<CitizenSession, 'textSize' | 'highContrast'>): string[] {
  return [`text-${session.textSize}`, ...(session.highContrast ? ['high-contrast'] : [])];
}

/** Features a citizen can use here: switched on by main AND built in this renderer. Never fake one. */
export const RENDERER_FEATURES: readonly Feature[] = ['queue', 'procedures', 'dossier', 'tracking'];

/** The screen a home tile opens: the feature itself when available here, else the honest page. */
export function screenFor(feature: Feature, enabled: readonly Feature[]): CitizenScreen {
  if (!isAvailable(feature, enabled)) return { name: 'coming-soon', feature };
  switch (feature) {
    case 'queue':
      return { name: 'queue' };
    case 'procedures':
      return { name: 'procedures' };
    case 'dossier':
      return { name: 'dossier-pick' };
    case 'tracking':
      return { name: 'lookup' };
  }
}

/**
 * Screens that read scans themselves: the filing wizard fills a person from a card, the lookup reads a
 * receipt, the queue's picker links the next ticket to a scanned receipt's dossier (and hands other scans
 * back). There the shell's greeting must stay away (a card scanned to fill "Mẹ" is not a hello).
 */
export function screenReadsScans(screen: CitizenScreen): boolean {
  return screen.name === 'dossier' || screen.name === 'lookup' || screen.name === 'queue';
}

/**
 * The session a (re)loaded kiosk page starts with: the citizen's unfinished draft when the page crashed or
 * was reloaded mid-filing (its id survives in sessionStorage), else the home screen. A resumed draft counts
 * as touched, so the idle reset still wipes it.
 */
export function startSession(
  draft: { id: string; procedureId: string } | null,
  enabled: readonly Feature[],
): CitizenSession {
  if (!draft || !isAvailable('dossier', enabled)) return initialCitizenSession;
  return {
    ...initialCitizenSession,
    screen: { name: 'dossier', procedureId: draft.procedureId, dossierId: draft.id },
    touched: true,
  };
}

export function isAvailable(feature: Feature, enabled: readonly Feature[]): boolean {
  return enabled.includes(feature) && RENDERER_FEATURES.includes(feature);
}

/** The notice a parsed scan (or its refusal) puts on the citizen screen. */
export function scanNotice(
  result: { ok: true; value: ParsedScan } | { ok: false; error: KioskError },
): ScanNotice {
  if (!result.ok) return { kind: 'error', error: result.error };
  const scan = result.value;
  switch (scan.kind) {
    case 'cccd-qr':
      return { kind: 'person', name: scan.person.fullName, maskedId: maskId(scan.person.idNumber) };
    case 'mrz': {
      const name = [scan.person.surname, scan.person.givenNames].filter((part) => part !== '').join(' ');
      const id = scan.person.idNumber ?? scan.person.documentNumber;
      return { kind: 'person', name, maskedId: id ? maskId(id) : null };
    }
    case 'dossier-code':
      return { kind: 'receipt' };
  }
}

/** What a scan on a shell screen does: a receipt QR opens its lookup (when offered), anything else greets. */
export function scanAction(
  result: { ok: true; value: ParsedScan } | { ok: false; error: KioskError },
  enabled: readonly Feature[],
): CitizenAction {
  if (result.ok && result.value.kind === 'dossier-code' && isAvailable('tracking', enabled))
    return {
      type: 'open',
      screen: { name: 'lookup', code: result.value.code, secret: result.value.secret },
    };
  const reading = result.ok ? readingFromScan(result.value) : null;
  return reading
    ? { type: 'scanned', notice: scanNotice(result), reading }
    : { type: 'scanned', notice: scanNotice(result) };
}
