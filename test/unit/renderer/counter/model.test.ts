// The counter console's model: what each button or key does, and what each answer leaves on screen.
import { describe, expect, it } from 'vitest';
import type { CounterView, KioskError, Ticket } from '../../../../preload/api';
import {
  chosenCounter,
  counterCommand,
  counterReducer,
  initialCounterState,
  type CounterState,
  type Lists,
} from '../../../../renderer/src/screens/staff/counter/model';
import { createShortcutGate } from '../../../../renderer/src/screens/staff/counter/shortcutGate';
import type { CounterAction } from '../../../../renderer/src/lib/queue';

const ticket = (id: number, number: string): Ticket => ({
  id,
  number,
  serviceId: 'ho-tich',
  serviceName: 'Tư pháp – Hộ tịch',
  serviceNames: { vi: 'Tư pháp – Hộ tịch', en: 'Civil status' },
  priority: false,
  priorityCategory: null,
  status: 'waiting',
  issuedAt: '2026-11-23T02:15:00.000Z',
  day: '2026-11-23',
  counterId: null,
  peopleAhead: 0,
  estimatedWaitMinutes: 0,
  code: `MCK-20261123-${number}`,
  print: { jobId: null, status: 'none' },
  dossier: null,
});

const counter = (id: number, extra: Partial<CounterView> = {}): CounterView => ({
  id,
  name: { vi: `Quầy ${id}`, en: `Counter ${id}` },
  services: ['ho-tich'],
  paused: false,
  current: null,
  ...extra,
});

const lists: Lists = { waiting: [ticket(16, 'A016')], recallable: [ticket(9, 'A009')] };
const offline: KioskError = { code: 'network', vi: 'Mất kết nối', en: 'Offline' };
const noCurrent: KioskError = { code: 'no-current-ticket', vi: 'Quầy chưa gọi ai', en: 'No current ticket' };

/** Counter 1 chosen, serving A015, its lists loaded. */
function serving(extra: Partial<CounterView> = {}): CounterState {
  return {
    ...initialCounterState(0),
    counters: [counter(1, { current: ticket(15, 'A015'), ...extra }), counter(2)],
    counterId: 1,
    lists,
  };
}

describe('choosing the counter', () => {
  it('the first answer takes the counter this browser sat at, if it still exists', () => {
    const state = counterReducer(initialCounterState(0), {
      type: 'refreshed',
      forId: undefined,
      counters: { ok: true, value: [counter(1), counter(2)] },
      waiting: undefined,
      stored: '2',
      now: 60_000,
    });
    expect(state.counterId).toBe(2);
    expect(chosenCounter(state)?.id).toBe(2);
    expect(state.now).toBe(60_000);
    expect(state.lists).toBeNull();
  });
  it('a remembered counter that was removed is not chosen', () => {
    const state = counterReducer(initialCounterState(0), {
      type: 'refreshed',
      forId: undefined,
      counters: { ok: true, value: [counter(1)] },
      waiting: undefined,
      stored: '7',
      now: 0,
    });
    expect(state.counterId).toBeUndefined();
    expect(state.counters).toHaveLength(1);
  });
  it('an answer for a chosen counter never moves the choice', () => {
    const state = counterReducer(serving(), {
      type: 'refreshed',
      forId: 1,
      counters: { ok: true, value: [counter(1), counter(2)] },
      waiting: { ok: true, value: lists },
      stored: '2',
      now: 0,
    });
    expect(state.counterId).toBe(1);
  });
  it('another counter starts with no list, notice or error of the last one', () => {
    const before = { ...serving(), notice: 'Đã gọi số A015.', error: offline };
    const state = counterReducer(before, { type: 'chose', counterId: 2 });
    expect(state).toMatchObject({ counterId: 2, lists: null, notice: '', error: undefined });
    expect(counterReducer(before, { type: 'chose', counterId: undefined }).counterId).toBeUndefined();
  });
});

describe('refreshing', () => {
  it('a failed fetch keeps what was shown', () => {
    const state = counterReducer(serving(), {
      type: 'refreshed',
      forId: 1,
      counters: { ok: false, error: offline },
      waiting: { ok: false, error: offline },
      stored: null,
      now: 5,
    });
    expect(state.counters).toEqual(serving().counters);
    expect(state.lists).toBe(lists);
    expect(state.now).toBe(5);
  });
  it('new lists replace the old; the clock ticks', () => {
    const next: Lists = { waiting: [], recallable: [] };
    const state = counterReducer(serving(), {
      type: 'refreshed',
      forId: 1,
      counters: { ok: true, value: [counter(1)] },
      waiting: { ok: true, value: next },
      stored: null,
      now: 0,
    });
    expect(state.lists).toBe(next);
    expect(chosenCounter(state)?.current).toBeNull();
    expect(counterReducer(state, { type: 'tick', now: 15_000 }).now).toBe(15_000);
  });
});

describe('buttons and keys', () => {
  it('nothing is sent before a counter is chosen', () => {
    const none = { ...serving(), counterId: undefined };
    for (const action of ['callNext', 'recall', 'served', 'noShow', 'transfer', 'pause'] as const)
      expect(counterCommand(action, none)).toBeNull();
  });
  it('call next, recall, served and no-show go to the chosen counter', () => {
    expect(counterCommand('callNext', serving())).toEqual({
      kind: 'call',
      method: 'queue.callNext',
      counterId: 1,
      done: 'called',
    });
    expect(counterCommand('recall', serving())).toMatchObject({ method: 'queue.recall', done: 'recalled' });
    expect(counterCommand('served', serving())).toMatchObject({ method: 'queue.markServed', done: 'served' });
    expect(counterCommand('noShow', serving())).toMatchObject({ method: 'queue.markNoShow', done: 'noShow' });
  });
  it('a key still asks main to recall with no current ticket, and main says why not', () => {
    expect(counterCommand('recall', serving({ current: null }))).toMatchObject({ method: 'queue.recall' });
  });
  it('transfer opens its dialog only with a current ticket', () => {
    expect(counterCommand('transfer', serving({ current: null }))).toBeNull();
    expect(counterCommand('transfer', serving())).toEqual({ kind: 'transfer' });
    const open = counterReducer(serving(), { type: 'transfer-open' });
    expect(open.transferOpen).toBe(true);
    expect(counterReducer(open, { type: 'transfer-close' }).transferOpen).toBe(false);
  });
  it('pause pauses a running counter and resumes a paused one', () => {
    expect(counterCommand('pause', serving())).toEqual({ kind: 'pause', counterId: 1, paused: true });
    expect(counterCommand('pause', serving({ paused: true }))).toEqual({
      kind: 'pause',
      counterId: 1,
      paused: false,
    });
  });
});

describe('what a call leaves on screen', () => {
  it('a call clears the last error and says what it did', () => {
    const started = counterReducer({ ...serving(), error: offline }, { type: 'call-start' });
    expect(started.error).toBeUndefined();
    const done = counterReducer(started, { type: 'call-done', notice: 'Đã gọi số A016.' });
    expect(done.notice).toBe('Đã gọi số A016.');
  });
  it('a call that failed takes away the last "done" line and shows why', () => {
    const before = { ...serving(), notice: 'Đã gọi số A015.' };
    const failed = counterReducer(counterReducer(before, { type: 'call-start' }), { type: 'call-failed' });
    expect(failed.notice).toBe('');
    expect(failed.error).toBeUndefined(); // until the staff area says it is not its own (a lost session)
    const shown = counterReducer(failed, { type: 'failed', error: noCurrent });
    expect(shown.error).toBe(noCurrent);
    expect(shown.lists).toBe(lists);
    expect(shown.counterId).toBe(1);
  });
});

describe('a shortcut is a key pressed alone, never a key of a scanner’s burst', () => {
  it('a lone G calls the next number once its moment has passed with no other key', () => {
    const gate = createShortcutGate(100);
    const ticket = gate.key('g', 1_000, 'callNext');
    expect(ticket).not.toBeNull();
    expect(gate.due(ticket ?? -1)).toBe('callNext');
    expect(gate.due(ticket ?? -1)).toBeUndefined();
  });
  it('Shift before a capital G does not make it a burst', () => {
    const gate = createShortcutGate(100);
    expect(gate.key('Shift', 1_000, undefined)).toBeNull();
    const ticket = gate.key('G', 1_030, 'callNext');
    expect(gate.due(ticket ?? -1)).toBe('callNext');
  });
  it('a card typed by a wedge scanner ("…|Nguyen Van An|…", keys 5 ms apart) presses no shortcut', () => {
    const gate = createShortcutGate(100);
    const shortcuts: Record<string, CounterAction> = { G: 'callNext', V: 'noShow', L: 'recall', T: 'pause' };
    const tickets: number[] = [];
    let at = 5_000;
    for (const ch of '001090001234||Nguyen Van An|01011990|Nam|So 1 Trang Tien') {
      const ticket = gate.key(ch, (at += 5), shortcuts[ch.toUpperCase()]);
      if (ticket !== null) tickets.push(ticket);
    }
    expect(tickets.map((t) => gate.due(t)).filter(Boolean)).toEqual([]);
  });
  it('a shortcut key that starts a burst is dropped when the next key follows at once', () => {
    const gate = createShortcutGate(100);
    const ticket = gate.key('v', 2_000, 'noShow');
    gate.key('1', 2_006, undefined);
    expect(gate.due(ticket ?? -1)).toBeUndefined();
  });
});
