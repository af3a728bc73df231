import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { CounterView, CreatedDraft, KioskError, Ticket } from '../../../preload/api';
import { exampleData, SEED_PROCEDURES } from '../../../main/core/catalogue';
import { LOOKUPS_PER_MINUTE } from '../../../main/core/dossier/handlers';
import type { CallContext } from '../../../main/core/types';
import { lanDevice, makeCore, quietLogs } from '../helpers';
import { photographMissing } from '../dossier/fixtures';
import { answer, refusal } from '../failures';

quietLogs();

/**
 * A queue ticket taken for a dossier (issue 22), through `core.call` as the kiosk and a counter PC reach
 * it: a draft the citizen hands to staff (its token proves it theirs; it is parked for the counter), or
 * a dossier filed at the kiosk, recognised by its receipt QR (the secret checked, counted and limited as
 * the public lookup does). Every ticket the queue answers says which dossier, read fresh; nothing personal.
 */

const PIN = '135790';
const PROCEDURE = 'cap-phieu-ly-lich-tu-phap-so-1';
const PROCEDURE_NAME = SEED_PROCEDURES.find((p) => p.id === PROCEDURE)!.name;
const SERVICE = 'ho-tich';
/** Counter 2 of the demo configuration serves only hộ tịch. */
const COUNTER = 2;

async function setup(dataDir?: string, clock?: Awaited<ReturnType<typeof makeCore>>['clock']) {
  const ctx = await makeCore({
    env: { KIOSK_ADMIN_PIN: PIN },
    ...(dataDir ? { dataDir } : {}),
    ...(clock ? { clock } : {}),
  });
  const { core } = ctx;
  // A kiosk on the LAN where citizens file and take tickets; each call from its own address unless a
  // test means one caller, so the per-address limits are not what other tests meet.
  const kiosk = await lanDevice(core, 'kiosk', { adminPin: PIN, client: '10.1.0.1', name: 'Ki-ốt' });
  let nextAddress = 2;
  const citizen = (): CallContext => ({ ...kiosk, client: `10.1.0.${nextAddress++}` });
  const counterPc = await lanDevice(core, 'counter', { adminPin: PIN, client: '10.9.9.9', name: 'Quầy' });
  const signIn = await answer<{ token: string }>(
    core.call('staff.signIn', { user: 'admin', pin: PIN }, counterPc),
  );
  const staff: CallContext = { ...counterPc, token: signIn.token };
  const call = <T>(name: string, input: unknown, from: CallContext) =>
    answer<T>(core.call(name, input, from), name);
  return { ...ctx, core, kiosk, citizen, staff, call };
}

type Setup = Awaited<ReturnType<typeof setup>>;

const ticketFor = (s: Setup, link: Record<string, unknown>, from: CallContext = s.citizen()) =>
  s.call<Ticket>('queue.issueTicket', { serviceId: SERVICE, ...link }, from);

const refusedTicket = (s: Setup, link: Record<string, unknown>, from: CallContext = s.citizen()) =>
  refusal(s.core.call('queue.issueTicket', { serviceId: SERVICE, ...link }, from), 'queue.issueTicket');

/** How many tickets exist (a refused link issues none). */
const ticketCount = (s: Setup) => {
  const db = new Database(join(s.dataDir, 'kiosk.db'), { readonly: true });
  const n = db.prepare('SELECT COUNT(*) FROM tickets').pluck().get() as number;
  db.close();
  return n;
};

/** A citizen's draft started at the kiosk, with some of the form typed. */
async function draftAtKiosk(s: Setup): Promise<CreatedDraft> {
  const from = s.citizen();
  const draft = await s.call<CreatedDraft>('dossier.create', { procedureId: PROCEDURE }, from);
  await s.call(
    'dossier.update',
    { id: draft.id, draftToken: draft.draftToken, data: exampleData(PROCEDURE) },
    from,
  );
  return draft;
}

/** Staff finish and submit a dossier (the counter's part); returns its receipt code. */
async function submitAtCounter(s: Setup, id: string): Promise<string> {
  await s.call('dossier.update', { id, contact: { phone: '0912345678' } }, s.staff);
  await photographMissing((name, input) => s.call(name, input, s.staff), id);
  return (await s.call<{ code: string }>('dossier.submit', { id }, s.staff)).code;
}

/** A dossier filed and submitted; its code and the receipt's secret (as its QR carries them). */
async function filed(s: Setup): Promise<{ id: string; code: string; secret: string }> {
  const draft = await s.call<{ id: string }>('dossier.create', { procedureId: PROCEDURE }, s.staff);
  await s.call('dossier.update', { id: draft.id, data: exampleData(PROCEDURE) }, s.staff);
  const code = await submitAtCounter(s, draft.id);
  const db = new Database(join(s.dataDir, 'kiosk.db'), { readonly: true });
  const secret = db.prepare('SELECT lookup_secret FROM dossiers WHERE code = ?').pluck().get(code) as string;
  db.close();
  return { id: draft.id, code, secret };
}

const expectBilingual = (error: KioskError) => {
  expect(error.vi.length).toBeGreaterThan(20);
  expect(error.en.length).toBeGreaterThan(20);
};

describe('a ticket taken for a citizen’s draft', () => {
  it('needs the draft’s token: a wrong or missing one issues nothing and says so in both languages', async () => {
    const s = await setup();
    const draft = await draftAtKiosk(s);
    for (const link of [
      { draft: { id: draft.id, draftToken: 'not-the-token' } },
      { draft: { id: draft.id } },
      { draft: { id: '3f2a7c1e-9b4d-4e8a-a1b2-c3d4e5f60718', draftToken: draft.draftToken } },
    ]) {
      const error = await refusedTicket(s, link);
      expect(error).toMatchObject({ code: 'ticket-draft-not-found', field: 'draft' });
      expect(error.vi).toContain('Chưa cấp số thứ tự nào');
      expectBilingual(error);
    }
    expect(ticketCount(s)).toBe(0);
    // Untouched: still the citizen's draft, which they may still discard.
    const db = new Database(join(s.dataDir, 'kiosk.db'), { readonly: true });
    expect(db.prepare('SELECT status FROM dossiers WHERE id = ?').pluck().get(draft.id)).toBe('draft');
    db.close();
    // A draft and a receipt at once: refused before anything is checked.
    const both = await refusedTicket(s, {
      draft: { id: draft.id, draftToken: draft.draftToken },
      receipt: { code: '000.00.12.H29-261123-0001', secret: 'ABCDEF' },
    });
    expect(both.code).toBe('ticket-link-both');
    expectBilingual(both);
    expect(ticketCount(s)).toBe(0);
  }, 30_000);

  it('parks the draft for the counter (the screen’s idle reset cannot wipe it), audited as the citizen’s', async () => {
    const s = await setup();
    const draft = await draftAtKiosk(s);
    const from = s.citizen();
    const ticket = await ticketFor(s, { draft: { id: draft.id, draftToken: draft.draftToken } }, from);
    expect(ticket.number).toBe('A001');
    expect(ticket.dossier).toEqual({
      id: draft.id,
      procedureName: PROCEDURE_NAME,
      status: 'parked',
      code: null,
    });
    // The kiosk screen's token ends with the hand-over: it neither opens nor wipes the draft now.
    const reopen = await refusal(
      s.core.call('dossier.get', { id: draft.id, draftToken: draft.draftToken }, from),
    );
    expect(reopen.code).toBe('dossier-not-found');
    const discard = await refusal(
      s.core.call('dossier.discard', { id: draft.id, draftToken: draft.draftToken }, from),
    );
    expect(discard.code).toBe('dossier-not-found');
    const db = new Database(join(s.dataDir, 'kiosk.db'), { readonly: true });
    expect(
      db.prepare('SELECT status, park_code IS NOT NULL AS coded FROM dossiers WHERE id = ?').get(draft.id),
    ).toEqual({
      status: 'parked',
      coded: 1,
    });
    const audit = db
      .prepare(
        `SELECT actor_id AS actorId, details FROM audit_log WHERE action = 'dossier.park' AND target_id = ?`,
      )
      .all(draft.id) as { actorId: number | null; details: string }[];
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actorId).toBeNull();
    expect(JSON.parse(audit[0]!.details)).toEqual({ by: 'citizen', ticketId: ticket.id, ticket: 'A001' });
    db.close();
    // Nothing personal on the ticket: no name, no ID number of the form typed.
    const text = JSON.stringify(ticket);
    for (const personal of ['079195001234', 'Lê', '1995-03-08']) expect(text).not.toContain(personal);
    // The board stays as it was: numbers and counts only.
    expect(JSON.stringify(await s.call('queue.board', {}, s.citizen()))).not.toContain(draft.id);
  }, 30_000);

  it('the counter sees the dossier on the waiting list, when calling and as its current ticket, after a restart too', async () => {
    const s = await setup();
    const draft = await draftAtKiosk(s);
    await ticketFor(s, {}); // A001, an ordinary ticket
    const linked = await ticketFor(s, { draft: { id: draft.id, draftToken: draft.draftToken } });
    await s.core.close();

    const again = await setup(s.dataDir, s.clock);
    const expected = { id: draft.id, procedureName: PROCEDURE_NAME, status: 'parked', code: null };
    const waiting = await again.call<{ waiting: Ticket[] }>(
      'queue.waiting',
      { counterId: COUNTER },
      again.staff,
    );
    expect(waiting.waiting.map((t) => [t.number, t.dossier])).toEqual([
      ['A001', null],
      ['A002', expected],
    ]);
    expect(
      (await again.call<Ticket>('queue.callNext', { counterId: COUNTER }, again.staff)).dossier,
    ).toBeNull();
    const called = await again.call<Ticket>('queue.callNext', { counterId: COUNTER }, again.staff);
    expect(called).toMatchObject({ id: linked.id, number: 'A002', dossier: expected });
    const counters = await again.call<CounterView[]>('queue.counters', {}, again.staff);
    expect(counters.find((c) => c.id === COUNTER)?.current?.dossier).toEqual(expected);
    // Recalled, it still says which dossier.
    expect((await again.call<Ticket>('queue.recall', { counterId: COUNTER }, again.staff)).dossier).toEqual(
      expected,
    );
  }, 30_000);

  it('read fresh: once staff submit the draft the ticket says submitted with its code; a dossier gone shows none', async () => {
    const s = await setup();
    const draft = await draftAtKiosk(s);
    await ticketFor(s, { draft: { id: draft.id, draftToken: draft.draftToken } });
    await s.call<Ticket>('queue.callNext', { counterId: COUNTER }, s.staff);
    const code = await submitAtCounter(s, draft.id);
    const current = async () =>
      (await s.call<CounterView[]>('queue.counters', {}, s.staff)).find((c) => c.id === COUNTER)?.current;
    expect((await current())?.dossier).toEqual({
      id: draft.id,
      procedureName: PROCEDURE_NAME,
      status: 'submitted',
      code,
    });

    // A second ticket for a draft that is later wiped (the parked-draft sweep, or by hand): no dossier.
    const other = await draftAtKiosk(s);
    const t = await ticketFor(s, { draft: { id: other.id, draftToken: other.draftToken } });
    expect(t.dossier?.status).toBe('parked');
    const db = new Database(join(s.dataDir, 'kiosk.db'));
    db.prepare('DELETE FROM attachments WHERE dossier_id = ?').run(other.id);
    db.prepare('DELETE FROM dossiers WHERE id = ?').run(other.id);
    db.close();
    const waiting = await s.call<{ waiting: Ticket[] }>('queue.waiting', { counterId: COUNTER }, s.staff);
    expect(waiting.waiting.find((w) => w.id === t.id)?.dossier).toBeNull();
  }, 30_000);
});

describe('a ticket taken with a receipt’s QR (a dossier filed at the kiosk)', () => {
  it('links the filed dossier when the secret is right (typed forgivingly), as submitted with its code', async () => {
    const s = await setup();
    const { id, code, secret } = await filed(s);
    const typed = `${secret.slice(0, 3).toLowerCase()}-${secret.slice(3)}`;
    const ticket = await ticketFor(s, { receipt: { code, secret: typed } });
    expect(ticket.dossier).toEqual({ id, procedureName: PROCEDURE_NAME, status: 'submitted', code });
    const called = await s.call<Ticket>('queue.callNext', { counterId: COUNTER }, s.staff);
    expect(called.dossier).toEqual(ticket.dossier);
  }, 30_000);

  it('a wrong secret is refused in the lookup’s words and counted with the lookup’s tries; nothing is issued', async () => {
    const s = await setup();
    const { code, secret } = await filed(s);
    const wrong = secret === 'ZZZZZZ' ? 'YYYYYY' : 'ZZZZZZ';
    const byTicket = await refusedTicket(s, { receipt: { code, secret: wrong } });
    const byLookup = await refusal(s.core.call('dossier.lookup', { code, secret: wrong }, s.citizen()));
    // The same refusal, and one count: the ticket's try left one fewer for the lookup.
    expect(byTicket.code).toBe('lookup-factor-wrong');
    expect(byLookup.code).toBe('lookup-factor-wrong');
    expect(byTicket.vi).toContain('Còn 4 lần thử');
    expect(byLookup.vi).toBe(byTicket.vi.replace('Còn 4', 'Còn 3'));
    expect(byLookup.en).toBe(byTicket.en.replace('4 tries', '3 tries'));
    // A code that names no dossier gets the very same answer (nobody learns which codes exist).
    const unknown = await refusedTicket(s, { receipt: { code: `${code.slice(0, -1)}9`, secret: wrong } });
    expect(unknown).toMatchObject({ code: 'lookup-factor-wrong' });
    // The fifth wrong try locks the secret, for tickets and lookups alike.
    for (let i = 0; i < 3; i++) await refusedTicket(s, { receipt: { code, secret: wrong } });
    expect((await refusedTicket(s, { receipt: { code, secret } })).code).toBe('lookup-locked');
    expect(ticketCount(s)).toBe(0);
  }, 30_000);

  it('spends the public lookup’s per-caller budget: a script cannot try secrets through tickets instead', async () => {
    const s = await setup();
    const { code, secret } = await filed(s);
    const one = s.citizen();
    for (let i = 0; i < LOOKUPS_PER_MINUTE - 1; i++) await s.call('dossier.lookup', { code }, one);
    // The last of the minute's budget goes to the ticket …
    expect((await ticketFor(s, { receipt: { code, secret } }, one)).dossier?.code).toBe(code);
    // … so the same caller's next ticket by receipt, and its next lookup, wait.
    const limited = await refusedTicket(s, { receipt: { code, secret } }, one);
    expect(limited.code).toBe('too-many-requests');
    expectBilingual(limited);
    expect((await refusal(s.core.call('dossier.lookup', { code }, one))).code).toBe('too-many-requests');
    // An ordinary ticket is not a lookup; another caller is not limited; staff are not limited.
    expect((await ticketFor(s, {}, one)).dossier).toBeNull();
    expect((await ticketFor(s, { receipt: { code, secret } })).dossier?.code).toBe(code);
    expect((await ticketFor(s, { receipt: { code, secret } }, s.staff)).dossier?.code).toBe(code);
  }, 30_000);
});
