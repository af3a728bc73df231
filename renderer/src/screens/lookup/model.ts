/**
 * Pure helpers for "Tra cứu hồ sơ": cleaning a typed code, the timeline as the citizen sees it, the due
 * date's state and the payment line. No React and no DOM, so every rule is exact under unit test.
 */
import type { KioskError, Lookup, TimelineStatus } from '../../../../preload/api';
import { maskDigitRuns } from '../../lib/maskId';

/** The contract's limit on a dossier code (`DossierCode` in preload/contract/dossier.ts). */
export const CODE_MAX = 40;
export const CODE_MIN = 10;

/**
 * What may be typed into the code field: digits, dots, dashes and letters (the unit id carries one, e.g.
 * H29, and a provisional code a K). Lower case becomes upper case and anything else is dropped, so a
 * space or a stray character from a physical keyboard never reaches the lookup.
 */
export function cleanCodeInput(raw: string): string {
  return raw
    .toUpperCase()
    .replace(/[^0-9A-Z.-]/g, '')
    .slice(0, CODE_MAX);
}

/** Long enough to be worth asking main about; main owns the full format and says what is wrong. */
export function canLookUp(code: string): boolean {
  return code.length >= CODE_MIN && code.length <= CODE_MAX;
}

/**
 * The keys of the on-screen code pad: ten digits, dot, dash, and the letters a code of this centre can
 * hold: those of the centre's unit id (e.g. H from 000.00.12.H29) and K (provisional codes). A pad with
 * every letter would be a full keyboard, and these codes need only these.
 */
export function codeKeys(unitCode: string): string[] {
  const letters = new Set<string>();
  for (const ch of unitCode.toUpperCase()) if (/[A-Z]/.test(ch)) letters.add(ch);
  letters.add('K');
  return ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0', '.', '-', ...[...letters].sort()];
}

/**
 * The prefix every code of this centre starts with (`000.00.12.H29-`), offered as one key so nobody types
 * the unit id digit by digit; empty when the unit id is unknown.
 */
export function unitPrefix(unitCode: string): string {
  const clean = cleanCodeInput(unitCode);
  return clean === '' ? '' : `${clean}-`;
}

// ── the timeline ──────────────────────────────────────────────────────────────────────────────────

/**
 * The usual path of a dossier in the national model (codes 1 → 2 → 4 → 9 → 10), with the kiosk's own
 * `sent` after the reception. `supplement` (5) and `financial` (6) are detours the path comes back from;
 * `refused` (3), `withdrawn` (7) and `stopped` (8) end it. A dossier filed with staff starts at
 * `received`; one the citizen filed alone at `submitted` (it waits for an officer).
 */
export const PATH: readonly TimelineStatus[] = [
  'submitted',
  'received',
  'sent',
  'processing',
  'done',
  'returned',
];

/** After these nothing more is expected, so no "still to come" steps are shown. */
export const FINAL: ReadonlySet<TimelineStatus> = new Set(['returned', 'refused', 'withdrawn', 'stopped']);

/** Statuses after which the result will not come: lateness no longer matters to the citizen. */
const CLOSED: ReadonlySet<TimelineStatus> = new Set(['done', ...FINAL]);

export { NATIONAL_CODES, statusCode } from '../../lib/nationalStatus';

export interface TimelineItem {
  status: TimelineStatus;
  /** When it happened; null for a step still to come. */
  at: string | null;
  note: { vi: string; en: string } | null;
  /** `current`: the dossier's state now; `past`: happened before; `next`: expected, not yet happened. */
  state: 'past' | 'current' | 'next';
}

/**
 * The timeline as a list from the first event to the expected end: what happened, oldest first (the last
 * one is where the dossier is now), then the usual steps still to come, so a citizen sees both how far it
 * got and what remains. A dossier refused, withdrawn, stopped or returned has nothing to come.
 */
export function buildTimeline(
  lookup: Pick<Lookup, 'status' | 'timeline'> & { reception?: Pick<Lookup['reception'], 'state'> },
): TimelineItem[] {
  const happened = lookup.timeline
    .map((event, index) => ({ event, index }))
    // Stable by time: two events at the same instant keep the order main gave them.
    .sort((a, b) => compareIso(a.event.at, b.event.at) || a.index - b.index)
    .map(({ event }) => event);
  // `sent` is the kiosk's own step and never where a dossier is: the last national status is current.
  let current = -1;
  happened.forEach((event, i) => {
    if (event.status !== 'sent') current = i;
  });
  // The badge shows `lookup.status`: when the last event recorded is another (a status set before its
  // event, as before sync), the status now is still the current step, so both tell one story.
  if (current !== -1 && happened[current]?.status !== lookup.status && lookup.status !== 'sent') current = -1;
  const items: TimelineItem[] = happened.map((event, i) => ({
    status: event.status,
    at: event.at,
    note: event.note,
    state: i === current ? 'current' : 'past',
  }));
  if (current === -1) items.push({ status: lookup.status, at: null, note: null, state: 'current' });
  if (FINAL.has(lookup.status) || items.some((item) => item.state === 'current' && FINAL.has(item.status)))
    return items;
  const furthest = Math.max(...items.map((item) => PATH.indexOf(item.status)), PATH.indexOf(lookup.status));
  // A dossier the citizen filed alone may reach the portal before an officer receives it: the reception
  // is still to come however far it got.
  const received = items.some((item) => item.status === 'received');
  if (lookup.reception?.state === 'pending' && !received && furthest > PATH.indexOf('received'))
    items.push({ status: 'received', at: null, note: null, state: 'next' });
  for (const status of PATH.slice(furthest + 1)) items.push({ status, at: null, note: null, state: 'next' });
  return items;
}

/**
 * Whether the due date was counted again after a request for papers: the dossier asked for papers and has
 * moved on since (the citizen brought them), so the time they took is added to the date (the national
 * rule: it does not count against the agency).
 */
export function dueMovedAfterSupplement(items: readonly TimelineItem[]): boolean {
  const asked = items.findIndex((item) => item.status === 'supplement' && item.at !== null);
  return asked !== -1 && items.slice(asked + 1).some((item) => item.at !== null && item.status !== 'sent');
}

function compareIso(a: string, b: string): number {
  const ta = Date.parse(a);
  const tb = Date.parse(b);
  if (Number.isFinite(ta) && Number.isFinite(tb)) return ta - tb;
  return a.localeCompare(b);
}

// ── due date and payment ──────────────────────────────────────────────────────────────────────────

export type DueState =
  /** The result was given (or the dossier refused): lateness no longer matters to the citizen. */
  { kind: 'closed' } | { kind: 'ahead'; days: number } | { kind: 'today' } | { kind: 'late'; days: number };

/** Calendar days from `from` to `to` (both YYYY-MM-DD); NaN when either is unreadable. */
export function daysBetween(from: string, to: string): number {
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  return Math.round((b - a) / 86_400_000);
}

/** Where today (the centre's day) stands against the due date. */
export function dueState(dueDate: string, today: string, status: TimelineStatus): DueState {
  if (CLOSED.has(status)) return { kind: 'closed' };
  const days = daysBetween(today, dueDate);
  if (!Number.isFinite(days)) return { kind: 'closed' };
  if (days > 0) return { kind: 'ahead', days };
  if (days === 0) return { kind: 'today' };
  return { kind: 'late', days: -days };
}

export type PaymentState = 'none' | 'paid' | 'unpaid';

export function paymentState(paid: boolean | null): PaymentState {
  return paid === null ? 'none' : paid ? 'paid' : 'unpaid';
}

/**
 * The ID as the screen may show it. Main already masks it; this is a second lock on a public screen: any
 * run of nine or more digits that still got through is masked here too.
 */
export function safeMaskedId(idMasked: string | null): string | null {
  return idMasked === null ? null : maskDigitRuns(idMasked);
}

// ── errors ────────────────────────────────────────────────────────────────────────────────────────

/**
 * What kind of trouble a lookup met, to choose the advice under main's own message: a code that is not
 * known (check the receipt, or ask at the counter), a code that is malformed, a lookup that is not
 * available on this kiosk yet, or anything else.
 */
export type LookupProblem = 'not-found' | 'invalid' | 'unavailable' | 'other';

export function lookupProblem(error: KioskError): LookupProblem {
  const code = error.code;
  if (code === 'not-found' || code.endsWith('-not-found')) return 'not-found';
  if (code === 'invalid-dossier-code' || code === 'invalid-input' || code.startsWith('invalid'))
    return 'invalid';
  if (code === 'not-built') return 'unavailable';
  return 'other';
}

/** Dates as the citizen reads them: `2026-11-23` → `23/11/2026`. */
export function formatDay(day: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : day;
}

// ── the second factor ─────────────────────────────────────────────────────────────────────────────

/**
 * The contract's `LOOKUP_SECRET_ALPHABET` and `LOOKUP_SECRET_LENGTH` (the renderer imports only types
 * from it; a unit test keeps the copies equal): no 0/O, no 1/I.
 */
export const SECRET_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const SECRET_LENGTH = 6;

/**
 * What may be typed as the receipt's "Mã tra cứu": its alphabet's characters only, upper case, at most
 * its length. A typed O, 0, I or 1 (never in a secret) is dropped rather than guessed at.
 */
export function cleanSecretInput(raw: string): string {
  return raw
    .toUpperCase()
    .split('')
    .filter((ch) => SECRET_ALPHABET.includes(ch))
    .join('')
    .slice(0, SECRET_LENGTH);
}

export const canSendSecret = (secret: string): boolean => secret.length === SECRET_LENGTH;

/** The digits of a date of birth as typed (ddmmyyyy), at most eight. */
export function cleanBirthDigits(raw: string): string {
  return raw.replace(/\D/g, '').slice(0, 8);
}

/** `23041990` → `23/04/1990` as it is typed (`2304` → `23/04`), so the slashes come by themselves. */
export function formatBirthDigits(digits: string): string {
  const d = cleanBirthDigits(digits);
  return [d.slice(0, 2), d.slice(2, 4), d.slice(4, 8)].filter((part) => part !== '').join('/');
}

/**
 * `23041990` → `1990-04-23`, or null while the date is incomplete or not a real day between 1900 and
 * `today` (YYYY-MM-DD): nobody filing a dossier was born in the future.
 */
export function birthDateIso(digits: string, today: string): string | null {
  const m = /^(\d{2})(\d{2})(\d{4})$/.exec(cleanBirthDigits(digits));
  if (!m) return null;
  const [, dd = '', mm = '', yyyy = ''] = m;
  const date = new Date(Date.UTC(Number(yyyy), Number(mm) - 1, Number(dd)));
  const real =
    date.getUTCFullYear() === Number(yyyy) &&
    date.getUTCMonth() === Number(mm) - 1 &&
    date.getUTCDate() === Number(dd);
  const iso = `${yyyy}-${mm}-${dd}`;
  return real && Number(yyyy) >= 1900 && iso <= today ? iso : null;
}

/** A refusal of the second factor (wrong, or too many wrong tries): shown under the factor's field. */
export function factorProblem(error: KioskError): 'wrong' | 'locked' | null {
  if (error.code === 'lookup-factor-wrong') return 'wrong';
  if (error.code === 'lookup-locked') return 'locked';
  return null;
}
