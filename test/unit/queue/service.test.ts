import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Board, Call, EventMessage, Session, Ticket } from '../../../preload/api';
import type { CallContext, Core } from '../../../main/core/types';
import { lanDevice, makeCore, remote } from '../helpers';
import { queueConfig } from './fixtures';
import { answer, outcome } from '../failures';

async function setup(config: unknown = queueConfig) {
  const ctx = await makeCore({ config, env: { KIOSK_ADMIN_PIN: '135790' } });
  // On the LAN: a counter PC with the admin signed in on it, a kiosk where citizens take tickets, and
  // the waiting-room display.
  const counter = await lanDevice(ctx.core, 'counter', { client: '192.168.1.50' });
  const kiosk = await lanDevice(ctx.core, 'kiosk', { client: '192.168.1.60' });
  const display = await lanDevice(ctx.core, 'display', { client: '192.168.1.70' });
  const signIn = await ctx.core.call('staff.signIn', { user: 'admin', pin: '135790' }, counter);
  if (!signIn.ok) throw new Error(signIn.error.en);
  const staff = { ...counter, token: (signIn.value as Session).token };
  const events: EventMessage[] = [];
  ctx.core.subscribe((m) => events.push(m));
  return { ...ctx, counter, kiosk, display, staff, events };
}

const value = <T>(p: ReturnType<Core['call']>): Promise<T> => answer<T>(p);

/** A citizen takes a ticket at the kiosk `from`. */
const issue = (core: Core, from: CallContext, serviceId: string, priority?: string | boolean) =>
  value<Ticket>(
    core.call('queue.issueTicket', priority === undefined ? { serviceId } : { serviceId, priority }, from),
  );

describe('issuing tickets', () => {
  it('numbers each service from its first number with its prefix, without gaps', async () => {
    const { core, kiosk } = await setup();
    const numbers = [];
    for (let i = 0; i < 3; i++) numbers.push((await issue(core, kiosk, 'ho-tich')).number);
    numbers.push((await issue(core, kiosk, 'dat-dai')).number);
    expect(numbers).toEqual(['A001', 'A002', 'A003', 'C001']);
  });

  it('never repeats a number after a restart, and starts again the next service day', async () => {
    const first = await setup();
    await issue(first.core, first.kiosk, 'ho-tich');
    await issue(first.core, first.kiosk, 'ho-tich');
    await first.core.close();
    const again = await makeCore({ config: queueConfig, dataDir: first.dataDir, clock: first.clock });
    expect((await issue(again.core, first.kiosk, 'ho-tich')).number).toBe('A003');
    first.clock.advance(24 * 3_600_000);
    const nextDay = await issue(again.core, first.kiosk, 'ho-tich');
    expect(nextDay.number).toBe('A001');
    expect(nextDay.day).toBe('2026-11-24');
  });

  it('refuses clearly when the day’s numbers run out or the service is closed', async () => {
    const { core, kiosk } = await setup();
    for (let i = 0; i < 3; i++) await issue(core, kiosk, 'dat-dai');
    const full = await core.call('queue.issueTicket', { serviceId: 'dat-dai' }, kiosk);
    expect(!full.ok && full.error).toMatchObject({
      code: 'day-full',
      vi: expect.stringContaining('Đất đai'),
    });

    const closed = await setup({
      ...queueConfig,
      services: [
        {
          id: 'x',
          name: { vi: 'Chứng thực', en: 'Cert' },
          prefix: 'B',
          hours: { open: '13:00', close: '14:00' },
        },
      ],
      counters: [],
    });
    // The test clock stands at 09:00 in Hà Nội.
    const r = await closed.core.call('queue.issueTicket', { serviceId: 'x' }, closed.kiosk);
    expect(!r.ok && r.error).toMatchObject({ code: 'service-closed', vi: expect.stringContaining('13:00') });
    const services = await value<{ id: string; open: boolean }[]>(
      closed.core.call('queue.services', {}, closed.kiosk),
    );
    expect(services).toEqual([expect.objectContaining({ id: 'x', open: false })]);
  });

  it('marks priority tickets and refuses an unknown category or service', async () => {
    const { core, kiosk } = await setup();
    const t = await issue(core, kiosk, 'ho-tich', 'elderly');
    expect(t).toMatchObject({ priority: true, priorityCategory: 'elderly' });
    expect(await issue(core, kiosk, 'ho-tich', true)).toMatchObject({
      priority: true,
      priorityCategory: null,
    });
    expect(
      await outcome(core.call('queue.issueTicket', { serviceId: 'ho-tich', priority: 'vip' }, kiosk)),
    ).toBe('unknown-priority');
    expect(await outcome(core.call('queue.issueTicket', { serviceId: 'nope' }, kiosk))).toBe(
      'unknown-service',
    );
  });

  it('tells people how many are ahead, priority tickets counted first', async () => {
    const { core, kiosk } = await setup();
    await issue(core, kiosk, 'ho-tich');
    await issue(core, kiosk, 'ho-tich');
    expect((await issue(core, kiosk, 'ho-tich', 'pregnant')).peopleAhead).toBe(0);
    expect((await issue(core, kiosk, 'ho-tich')).peopleAhead).toBe(3);
    expect((await issue(core, kiosk, 'dat-dai')).peopleAhead).toBe(0);
  });

  it('estimates the wait only once there is service history', async () => {
    const { core, kiosk, clock, staff } = await setup();
    expect((await issue(core, kiosk, 'ho-tich')).estimatedWaitMinutes).toBeNull();
    for (let i = 0; i < 3; i++) await issue(core, kiosk, 'ho-tich');
    // Serve three tickets in 4 minutes each at counter 2.
    for (let i = 0; i < 3; i++) {
      await value(core.call('queue.callNext', { counterId: 2 }, staff));
      clock.advance(4 * 60_000);
      await value(core.call('queue.markServed', { counterId: 2 }, staff));
    }
    await issue(core, kiosk, 'ho-tich'); // one waiting ahead
    const t = await issue(core, kiosk, 'ho-tich');
    expect(t.peopleAhead).toBe(2);
    // 2 ahead × 4 min ÷ 2 open counters serving civil status = 4 → rounded up to 5.
    expect(t.estimatedWaitMinutes).toBe(5);
  });
});

describe('counters', () => {
  it('calls in order, announces the call, and keeps the board free of personal data', async () => {
    const { core, kiosk, display, staff, events } = await setup();
    await issue(core, kiosk, 'ho-tich');
    await issue(core, kiosk, 'dat-dai');
    const a = await value<Ticket>(core.call('queue.callNext', { counterId: 1 }, staff));
    expect(a).toMatchObject({ number: 'A001', status: 'called', counterId: 1 });
    const calls = events.filter((e) => e.event === 'queue.called').map((e) => e.payload as Call);
    expect(calls).toEqual([
      expect.objectContaining({
        number: 'A001',
        counterId: 1,
        recall: false,
        announcement: { vi: 'Mời số A một đến quầy số một', en: 'Number A 0 0 1, please go to counter 1.' },
      }),
    ]);

    const board = await value<Board>(core.call('queue.board', {}, display));
    expect(board.counters.find((c) => c.id === 1)).toMatchObject({ current: 'A001', paused: false });
    expect(board.recentCalls[0]).toMatchObject({ number: 'A001', counterId: 1 });
    expect(board.waiting.find((w) => w.serviceId === 'dat-dai')?.count).toBe(1);
    expect(JSON.stringify(board)).not.toMatch(/admin|Quản trị/);

    // Calling the next one finishes the current as served.
    const c = await value<Ticket>(core.call('queue.callNext', { counterId: 1 }, staff));
    expect(c.number).toBe('C001');
    expect(await outcome(core.call('queue.callNext', { counterId: 1 }, staff))).toBe('queue-empty');
  });

  it('serves only the counter’s own services', async () => {
    const { core, kiosk, staff } = await setup();
    await issue(core, kiosk, 'dat-dai');
    expect(await outcome(core.call('queue.callNext', { counterId: 2 }, staff))).toBe('queue-empty');
    expect((await value<Ticket>(core.call('queue.callNext', { counterId: 3 }, staff))).number).toBe('C001');
  });

  it('lets a no-show be recalled within the window, not after', async () => {
    const { core, kiosk, clock, staff, events } = await setup();
    await issue(core, kiosk, 'ho-tich');
    await issue(core, kiosk, 'ho-tich');
    const first = await value<Ticket>(core.call('queue.callNext', { counterId: 2 }, staff));
    await value(core.call('queue.markNoShow', { counterId: 2 }, staff));
    const waiting = await value<{ recallable: Ticket[] }>(
      core.call('queue.waiting', { counterId: 2 }, staff),
    );
    expect(waiting.recallable.map((t) => t.number)).toEqual(['A001']);

    clock.advance(9 * 60_000);
    const back = await value<Ticket>(core.call('queue.recall', { counterId: 2, ticketId: first.id }, staff));
    expect(back).toMatchObject({ number: 'A001', status: 'called' });
    expect(events.filter((e) => e.event === 'queue.called').at(-1)?.payload).toMatchObject({ recall: true });
    await value(core.call('queue.markNoShow', { counterId: 2 }, staff));
    clock.advance(11 * 60_000);
    expect(await outcome(core.call('queue.recall', { counterId: 2, ticketId: first.id }, staff))).toBe(
      'not-recallable',
    );
  });

  it('repeats the announcement of the current ticket', async () => {
    const { core, kiosk, staff, events } = await setup();
    await issue(core, kiosk, 'ho-tich');
    expect(await outcome(core.call('queue.recall', { counterId: 1 }, staff))).toBe('no-current-ticket');
    await value(core.call('queue.callNext', { counterId: 1 }, staff));
    await value(core.call('queue.recall', { counterId: 1 }, staff));
    const calls = events.filter((e) => e.event === 'queue.called').map((e) => (e.payload as Call).recall);
    expect(calls).toEqual([false, true]);
  });

  it('transfers a ticket to another service or counter, keeping its number', async () => {
    const { core, kiosk, staff } = await setup();
    await issue(core, kiosk, 'ho-tich');
    await issue(core, kiosk, 'ho-tich');
    await value(core.call('queue.callNext', { counterId: 1 }, staff));
    const moved = await value<Ticket>(
      core.call('queue.transfer', { counterId: 1, toServiceId: 'dat-dai' }, staff),
    );
    expect(moved).toMatchObject({ number: 'A001', serviceId: 'dat-dai', status: 'waiting' });
    expect((await value<Ticket>(core.call('queue.callNext', { counterId: 3 }, staff))).number).toBe('A001');

    await value(core.call('queue.callNext', { counterId: 1 }, staff)); // A002
    await value(core.call('queue.transfer', { counterId: 1, toCounterId: 2 }, staff));
    expect(await outcome(core.call('queue.callNext', { counterId: 1 }, staff))).toBe('queue-empty');
    expect((await value<Ticket>(core.call('queue.callNext', { counterId: 2 }, staff))).number).toBe('A002');
    expect(await outcome(core.call('queue.transfer', { counterId: 2, toCounterId: 2 }, staff))).toBe(
      'transfer-target',
    );
    // To a counter that does not serve the ticket's service: it joins that counter's service.
    const toLand = await value<Ticket>(core.call('queue.transfer', { counterId: 2, toCounterId: 3 }, staff));
    expect(toLand).toMatchObject({ number: 'A002', serviceId: 'dat-dai' });
    expect(await outcome(core.call('queue.transfer', { counterId: 1, toCounterId: 2 }, staff))).toBe(
      'no-current-ticket',
    );
  });

  it('a paused counter calls nobody and shows as paused', async () => {
    const { core, kiosk, display, staff } = await setup();
    await issue(core, kiosk, 'ho-tich');
    await value(core.call('queue.pause', { counterId: 2, paused: true }, staff));
    expect(await outcome(core.call('queue.callNext', { counterId: 2 }, staff))).toBe('counter-paused');
    const board = await value<Board>(core.call('queue.board', {}, display));
    expect(board.counters.find((c) => c.id === 2)?.paused).toBe(true);
    await value(core.call('queue.pause', { counterId: 2, paused: false }, staff));
    expect(await outcome(core.call('queue.callNext', { counterId: 2 }, staff))).toBe('ok');
  });

  it('needs a staff session for counter actions, and audits each one with who did it', async () => {
    const { core, kiosk, counter, staff, dataDir } = await setup();
    expect(await outcome(core.call('queue.callNext', { counterId: 1 }, counter))).toBe('unauthorized');
    expect(
      await outcome(core.call('queue.callNext', { counterId: 1 }, { ...remote, token: staff.token })),
    ).toBe('device-not-paired');
    const t = await issue(core, kiosk, 'ho-tich');
    await value(core.call('queue.callNext', { counterId: 1 }, staff));
    await value(core.call('queue.markServed', { counterId: 1 }, staff));
    await value(core.call('queue.pause', { counterId: 1, paused: true }, staff));
    const db = new Database(join(dataDir, 'kiosk.db'), { readonly: true });
    const rows = db
      .prepare(
        "SELECT actor, action, target_type AS type, target_id AS id FROM audit_log WHERE action LIKE 'queue.%' ORDER BY id",
      )
      .all();
    db.close();
    expect(rows).toEqual([
      { actor: null, action: 'queue.issueTicket', type: 'ticket', id: String(t.id) },
      { actor: 'admin', action: 'queue.callNext', type: 'ticket', id: String(t.id) },
      { actor: 'admin', action: 'queue.markServed', type: 'ticket', id: String(t.id) },
      { actor: 'admin', action: 'queue.pause', type: 'counter', id: '1' },
    ]);
  });
});
