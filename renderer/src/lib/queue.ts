/**
 * Pure helpers for the queue screens (citizen ticket, counter console, report, waiting-room display), kept
 * free of React and the DOM so they are exact under unit test.
 */
import type { Board, PrintJobEvent, PrintStatus, Ticket } from '../../../preload/api';
import { clockParts } from './clock';

/**
 * What the ticket screen says about printing. `problem` is a job that reported an error but is still being
 * retried: the citizen is asked to write the number down now rather than wait for a retry that may fail.
 */
export type PrintView = PrintStatus | 'problem';

/** The ref main puts on a ticket's print job. */
export const ticketPrintRef = (ticketId: number): string => `ticket:${ticketId}`;

/**
 * The next print view after an event. Once printed (`done`) or given up (`failed`) the view is final: a late
 * event from a retry that raced the outcome must not take it back.
 */
export function nextPrintView(current: PrintView, event: Pick<PrintJobEvent, 'status' | 'error'>): PrintView {
  if (current === 'done' || current === 'failed' || current === 'none') return current;
  if (event.status === 'done' || event.status === 'failed') return event.status;
  if (event.error !== null) return 'problem';
  // A retry that is queued or sent again after a problem: keep asking them to write it down.
  if (current === 'problem') return 'problem';
  return event.status;
}

/** The print view for a freshly issued ticket, with any events that arrived before the ticket did. */
export function initialPrintView(
  ticket: Pick<Ticket, 'id' | 'print'>,
  early: readonly PrintJobEvent[],
): PrintView {
  let view: PrintView = ticket.print.status;
  const ref = ticketPrintRef(ticket.id);
  for (const event of early) if (event.ref === ref) view = nextPrintView(view, event);
  return view;
}

/** Seconds as whole minutes and seconds, rounded to the nearest second; null stays null. */
export function splitDuration(seconds: number | null): { m: number; s: number } | null {
  if (seconds === null || !Number.isFinite(seconds) || seconds < 0) return null;
  const total = Math.round(seconds);
  return { m: Math.floor(total / 60), s: total % 60 };
}

/** Whole minutes since `iso` at `nowMs` (never negative; 0 when `iso` is unreadable). */
export function minutesSince(iso: string, nowMs: number): number {
  const then = Date.parse(iso);
  if (!Number.isFinite(then)) return 0;
  return Math.max(0, Math.floor((nowMs - then) / 60_000));
}

/** The centre's calendar day (YYYY-MM-DD) at `date`: the report's default. */
export function centreDay(date: Date): string {
  const p = clockParts(date);
  return `${p.year}-${p.month}-${p.day}`;
}

/** "HH:MM" in the centre's time zone. */
export function centreTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const p = clockParts(d);
  return `${p.hour}:${p.minute}`;
}

/** The remembered counter of this browser, if it is still one of `ids`. */
export function rememberedCounter(stored: string | null, ids: readonly number[]): number | undefined {
  if (stored === null) return undefined;
  const id = Number(stored);
  return Number.isInteger(id) && ids.includes(id) ? id : undefined;
}

/** A keyboard shortcut of the counter console, by key (case-insensitive). */
export type CounterAction = 'callNext' | 'recall' | 'served' | 'noShow' | 'transfer' | 'pause';

/** Vietnamese mnemonics: Gọi, gọi Lại, Xong, Vắng, Chuyển, Tạm dừng. Same keys in English. */
export const COUNTER_SHORTCUTS: Readonly<Record<CounterAction, string>> = {
  callNext: 'G',
  recall: 'L',
  served: 'X',
  noShow: 'V',
  transfer: 'C',
  pause: 'T',
};

export function shortcutAction(key: string): CounterAction | undefined {
  const upper = key.toUpperCase();
  for (const [action, k] of Object.entries(COUNTER_SHORTCUTS))
    if (k === upper) return action as CounterAction;
  return undefined;
}

/** How long a new call stays highlighted on the waiting-room display. */
export const HIGHLIGHT_MS = 10_000;

/** A call the display may show large: the board's recent calls, or the newest live call event. */
export interface ShownCall {
  number: string;
  counterId: number;
  recall: boolean;
  at: string;
  fresh: boolean;
  seq: number;
}

/**
 * The number the display shows large as "Mời số". Only a number a counter is still serving: after a reload
 * the newest call on the board had often been served already, and the room saw "MỜI SỐ 1005" above that
 * counter's "Chưa gọi số". A live call is shown while fresh even if the board has not caught up with it
 * yet (the event and the board arrive separately); after that it too must agree with its counter.
 */
export function callingNow(
  board: Pick<Board, 'counters' | 'recentCalls'> | null,
  live: ShownCall | null,
): ShownCall | null {
  const serving = (number: string, counterId: number): boolean =>
    board?.counters.some((c) => c.id === counterId && !c.paused && c.current === number) === true;
  const newestOnBoard = board?.recentCalls[0];
  const liveIsNewest = !newestOnBoard || live === null || live.at >= newestOnBoard.at;
  if (live && (live.fresh || (liveIsNewest && serving(live.number, live.counterId)))) return live;
  // Recent calls come newest first: the first still being served is the one the room waits on.
  const fromBoard = board?.recentCalls.find((r) => serving(r.number, r.counterId));
  return fromBoard ? { ...fromBoard, recall: false, fresh: false, seq: 0 } : null;
}
