/**
 * The counter console's state and what each answer does to it, with no React: which counter this browser
 * sits at, the counters and lists as last fetched, the line saying what the last action did, the error
 * region and the transfer dialog. CounterPanel runs the calls and dispatches their answers here, so the
 * rules a clerk relies on (a failed call clears the last "Đã gọi số …", a stale list is never shown for
 * another counter, transfer needs a current ticket) are tested without a browser.
 */
import type { CounterView, KioskError, Result, Ticket } from '../../../../../preload/api';
import { rememberedCounter, type CounterAction } from '../../../lib/queue';

export type Lists = { waiting: Ticket[]; recallable: Ticket[] };

export interface CounterState {
  /** null until queue.counters first answers. */
  counters: CounterView[] | null;
  counterId: number | undefined;
  /** The chosen counter's waiting list and recallable no-shows; null while loading or with no counter. */
  lists: Lists | null;
  error: KioskError | undefined;
  /** What the last action did ("Đã gọi số A015."), in a status region. */
  notice: string;
  transferOpen: boolean;
  /** The centre's clock (the device clock plus main's offset), for "waited for …". */
  now: number;
}

export type CounterEvent =
  /**
   * queue.counters and, with a counter chosen, queue.waiting answered. `forId` is the counter the refresh
   * was for; `stored` the counter this browser remembers, read when the answer came.
   */
  | {
      type: 'refreshed';
      forId: number | undefined;
      counters: Result<CounterView[]>;
      waiting: Result<Lists> | undefined;
      stored: string | null;
      now: number;
    }
  | { type: 'tick'; now: number }
  | { type: 'chose'; counterId: number | undefined }
  | { type: 'call-start' }
  | { type: 'call-done'; notice: string }
  | { type: 'call-failed' }
  /** An error the staff area did not take over (a lost session is its business, not this panel's). */
  | { type: 'failed'; error: KioskError }
  | { type: 'transfer-open' }
  | { type: 'transfer-close' };

export function initialCounterState(now: number): CounterState {
  return {
    counters: null,
    counterId: undefined,
    lists: null,
    error: undefined,
    notice: '',
    transferOpen: false,
    now,
  };
}

export function counterReducer(state: CounterState, event: CounterEvent): CounterState {
  switch (event.type) {
    case 'refreshed': {
      const next: CounterState = { ...state, now: event.now };
      if (event.counters.ok) {
        next.counters = event.counters.value;
        // No counter chosen yet: take the one this browser sat at, if it still exists.
        if (event.forId === undefined) {
          const remembered = rememberedCounter(
            event.stored,
            event.counters.value.map((c) => c.id),
          );
          if (remembered !== undefined) next.counterId = remembered;
        }
      }
      // A failed list keeps the last one shown; no counter means no list.
      if (event.waiting === undefined) next.lists = null;
      else if (event.waiting.ok) next.lists = event.waiting.value;
      return next;
    }
    case 'tick':
      return { ...state, now: event.now };
    case 'chose':
      // Another counter's list and last notice must not show under this one while it loads.
      return { ...state, counterId: event.counterId, lists: null, notice: '', error: undefined };
    case 'call-start':
      return { ...state, error: undefined };
    case 'call-done':
      return { ...state, notice: event.notice };
    case 'call-failed':
      return { ...state, notice: '' };
    case 'failed':
      return { ...state, error: event.error };
    case 'transfer-open':
      return { ...state, transferOpen: true };
    case 'transfer-close':
      return { ...state, transferOpen: false };
    default:
      return assertNever(event);
  }
}

function assertNever(value: never): never {
  throw new Error(`Unhandled counter event: ${JSON.stringify(value)}`);
}

/** The counter chosen in the list, if the list still has it. */
export function chosenCounter(state: Pick<CounterState, 'counters' | 'counterId'>): CounterView | undefined {
  return state.counters?.find((c) => c.id === state.counterId);
}

/** A call a button or a key makes; `done` names the "counter.done.*" line its answer shows. */
export type CounterCommand =
  | {
      kind: 'call';
      method: 'queue.callNext' | 'queue.recall' | 'queue.markServed' | 'queue.markNoShow';
      counterId: number;
      done: 'called' | 'recalled' | 'served' | 'noShow';
    }
  | { kind: 'pause'; counterId: number; paused: boolean }
  /** Opens the transfer dialog; the call is made when a target is picked there. */
  | { kind: 'transfer' };

const CALLS = {
  callNext: { method: 'queue.callNext', done: 'called' },
  recall: { method: 'queue.recall', done: 'recalled' },
  served: { method: 'queue.markServed', done: 'served' },
  noShow: { method: 'queue.markNoShow', done: 'noShow' },
} as const;

/**
 * What a button or shortcut does now: nothing before a counter is chosen, transfer only with a current
 * ticket, pause toggles. Recall, served and no-show are sent even with no current ticket (their buttons
 * are disabled then, but a key still asks, and main answers why not).
 */
export function counterCommand(action: CounterAction, state: CounterState): CounterCommand | null {
  const counterId = state.counterId;
  if (counterId === undefined) return null;
  switch (action) {
    case 'callNext':
    case 'recall':
    case 'served':
    case 'noShow':
      return { kind: 'call', counterId, ...CALLS[action] };
    case 'transfer':
      return chosenCounter(state)?.current ? { kind: 'transfer' } : null;
    case 'pause':
      return { kind: 'pause', counterId, paused: !(chosenCounter(state)?.paused ?? false) };
  }
}
