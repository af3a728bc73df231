import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { exampleData, SEED_PROCEDURES } from '../../../main/core/catalogue';
import { hashDraftToken } from '../../../main/core/dossier/capability';
import type { CallContext, Core, EventMessage } from '../../../main/core/types';
import { startServer, type RunningServer } from '../../../main/server';
import type { CreatedDraft, Dossier, Result, Submitted } from '../../../preload/api';
import { lanDevice, local, makeCore, quietLogs } from '../helpers';
import { imageBytes } from './fixtures';
import { refusal, answer } from '../failures';

const PIN = '135790';
const PROCEDURE = 'dang-ky-khai-sinh';
const UNKNOWN = '3f2a7c1e-9b4d-4e8a-a1b2-c3d4e5f60718';

const servers: RunningServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

const procedure = SEED_PROCEDURES.find((p) => p.id === PROCEDURE)!;
const papers = procedure.components.filter((c) => c.required && !c.fromForm).map((c) => c.id);
const capture = { kind: 'capture', dataBase64: imageBytes('png').toString('base64') } as const;

async function setup() {
  const logs = quietLogs();
  const ctx = await makeCore({ env: { KIOSK_ADMIN_PIN: PIN } });
  const events: EventMessage[] = [];
  ctx.core.subscribe((m) => events.push(m));
  const signedIn = await ctx.core.call('staff.signIn', { user: 'admin', pin: PIN }, local);
  if (!signedIn.ok) throw new Error(signedIn.error.en);
  const staff: CallContext = { ...local, token: (signedIn.value as { token: string }).token };
  // A kiosk paired over the LAN: a citizen's public calls, no staff on it.
  const kiosk = await lanDevice(ctx.core, 'kiosk', { adminPin: PIN });
  return { ...ctx, staff, kiosk, events, logs };
}

const call = <T>(core: Core, name: string, input: unknown, ctx: CallContext = local) =>
  core.call(name, input, ctx) as Promise<Result<T>>;

const value = <T>(p: Promise<Result<T>>): Promise<T> => answer(p);

const create = (core: Core, ctx: CallContext = local) =>
  value(call<CreatedDraft>(core, 'dossier.create', { procedureId: PROCEDURE }, ctx));

/** Every public method that takes a draft id, with an input that would otherwise do something. */
const draftCalls = (id: string, extra: { draftToken?: string } = {}) =>
  [
    ['dossier.get', { id, ...extra }],
    ['dossier.update', { id, ...extra, contact: { phone: '0912345678' } }],
    ['dossier.attach', { id, ...extra, componentId: papers[0], source: capture }],
    ['dossier.arrange', { id, ...extra, componentId: papers[0], attachmentIds: [] }],
    ['dossier.check', { id, ...extra }],
    ['dossier.submit', { id, ...extra }],
    ['dossier.discard', { id, ...extra }],
  ] as const;

/** A complete draft, filled by its own token, ready to submit. */
async function fill(core: Core, draft: CreatedDraft): Promise<void> {
  const { id, draftToken } = draft;
  await value(
    call(core, 'dossier.update', {
      id,
      draftToken,
      data: exampleData(PROCEDURE),
      contact: { phone: '0912345678' },
    }),
  );
  for (const componentId of papers)
    await value(call(core, 'dossier.attach', { id, draftToken, componentId, source: capture }));
}

/** Names and 12-digit ID numbers of the example form: what a public caller must never get back. */
function personalData(): string[] {
  const found: string[] = [];
  const walk = (v: unknown, key = ''): void => {
    if (typeof v === 'string' && (/^\d{12}$/.test(v) || /name/i.test(key))) found.push(v);
    else if (v && typeof v === 'object')
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) walk(x, k);
  };
  walk(exampleData(PROCEDURE));
  return found.filter((s) => s.length > 3);
}

describe('draft capabilities (dossier.create → token)', () => {
  it('gives each draft its own 256-bit token and keeps only its SHA-256', async () => {
    const { core, dataDir } = await setup();
    const a = await create(core);
    const b = await create(core);
    expect(a.draftToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.draftToken).not.toBe(b.draftToken);
    // Only dossier.create's answer carries it: dossier.get does not hand it out again.
    const got = await value(call<Dossier>(core, 'dossier.get', { id: a.id, draftToken: a.draftToken }));
    expect(got).not.toHaveProperty('draftToken');
    const db = new Database(join(dataDir, 'kiosk.db'), { readonly: true });
    expect(db.prepare('SELECT draft_token_hash FROM dossiers WHERE id = ?').pluck().get(a.id)).toBe(
      hashDraftToken(a.draftToken),
    );
    db.close();
  });

  it('refuses every draft method without the token, exactly as for an unknown id', async () => {
    const { core, kiosk } = await setup();
    const draft = await create(core);
    await fill(core, draft);
    for (const ctx of [local, kiosk]) {
      for (const [name, input] of draftCalls(draft.id)) {
        const unknown = draftCalls(UNKNOWN).find(([n]) => n === name)![1];
        const error = await refusal(call(core, name, input, ctx));
        expect(error, name).toEqual(await refusal(call(core, name, unknown, ctx)));
        expect(error.code, name).toBe('dossier-not-found');
      }
    }
    // Nothing was changed, attached, submitted or discarded.
    const kept = await value(
      call<Dossier>(core, 'dossier.get', { id: draft.id, draftToken: draft.draftToken }),
    );
    expect(kept).toMatchObject({ status: 'draft', contact: { phone: '0912345678' } });
    expect(kept.attachments).toHaveLength(papers.length);
  });

  it("refuses another draft's token, a wrong one, and an empty one", async () => {
    const { core, kiosk } = await setup();
    const mine = await create(core);
    const theirs = await create(core);
    const wrong = `${mine.draftToken.slice(0, -1)}${mine.draftToken.endsWith('A') ? 'B' : 'A'}`;
    for (const draftToken of [theirs.draftToken, wrong, '']) {
      for (const [name, input] of draftCalls(mine.id, { draftToken })) {
        expect((await refusal(call(core, name, input, kiosk))).code, name).toBe('dossier-not-found');
      }
    }
    expect(
      await value(call<Dossier>(core, 'dossier.get', { id: mine.id, draftToken: mine.draftToken })),
    ).toMatchObject({ id: mine.id, status: 'draft' });
  });

  it('lets staff work on any draft without a token: assisted filing, a citizen’s draft, after submit', async () => {
    const { core, staff, kiosk } = await setup();
    // A citizen's draft, helped at the counter.
    const draft = await create(core);
    await value(call(core, 'dossier.update', { id: draft.id, data: exampleData(PROCEDURE) }, staff));
    for (const componentId of papers)
      await value(call(core, 'dossier.attach', { id: draft.id, componentId, source: capture }, staff));
    const [first] = (await value(call<Dossier>(core, 'dossier.get', { id: draft.id }, staff))).attachments;
    await value(
      call(
        core,
        'dossier.arrange',
        { id: draft.id, componentId: papers[0], attachmentIds: [first!.id] },
        staff,
      ),
    );
    await value(call(core, 'dossier.update', { id: draft.id, contact: { phone: '0912345678' } }, staff));
    expect(await value(call(core, 'dossier.check', { id: draft.id }, staff))).toMatchObject({
      complete: true,
    });
    const submitted = await value(call<Submitted>(core, 'dossier.submit', { id: draft.id }, staff));
    // Staff keep full access to the submitted dossier (dossier.correct reads it this way).
    const full = await value(call<Dossier>(core, 'dossier.get', { id: draft.id }, staff));
    expect(full).toMatchObject({ status: 'submitted', code: submitted.code });
    for (const text of personalData()) expect(JSON.stringify(full.data)).toContain(text);

    // A staff-started draft and a parked one resumed: no token needed either.
    const assisted = await create(core, staff);
    expect(assisted.assistedBy).not.toBeNull();
    const parked = await value(call<Dossier>(core, 'dossier.park', { id: assisted.id }, staff));
    await value(call(core, 'dossier.resume', { parkCode: parked.parkCode }, staff));
    await value(call(core, 'dossier.update', { id: assisted.id, contact: { phone: '0912345678' } }, staff));
    // An expired or made-up staff token is no staff session: public rules apply. So is a real one
    // signed in on another machine (here the kiosk's window) and sent from a LAN kiosk.
    for (const token of ['not-a-session', staff.token]) {
      const elsewhere = { ...kiosk, token };
      expect((await refusal(call(core, 'dossier.get', { id: assisted.id }, elsewhere))).code).toBe(
        'dossier-not-found',
      );
    }
  });

  it('never returns a submitted dossier’s personal data to a public caller, even with its token', async () => {
    const { core, kiosk, events, logs, dataDir } = await setup();
    const draft = await create(core);
    await fill(core, draft);
    const { id, draftToken } = draft;
    const submitted = await value(call<Submitted>(core, 'dossier.submit', { id, draftToken }));
    expect(submitted.code).toMatch(/-K01-/);

    const replies: unknown[] = [submitted];
    for (const [name, input] of draftCalls(id, { draftToken })) {
      const reply = await call(core, name, input, kiosk);
      replies.push(reply);
      if (name === 'dossier.submit') {
        // The answer was lost and the screen asks again: the same code, no second receipt, no names.
        expect(reply).toMatchObject({ ok: true, value: { code: submitted.code, receipt: { jobIds: [] } } });
      } else {
        expect(reply.ok, name).toBe(false);
        expect(!reply.ok && reply.error.code, name).toBe('dossier-submitted');
      }
    }
    const text = JSON.stringify(replies);
    const personal = personalData();
    expect(personal.length).toBeGreaterThan(1);
    for (const p of personal) expect(text).not.toContain(p);

    // The token is in no log line, audit row or event.
    expect(logs.join('\n')).not.toContain(draftToken);
    expect(JSON.stringify(events)).not.toContain(draftToken);
    const db = new Database(join(dataDir, 'kiosk.db'), { readonly: true });
    expect(JSON.stringify(db.prepare('SELECT * FROM audit_log').all())).not.toContain(draftToken);
    db.close();
    expect(readFileSync(join(dataDir, 'kiosk.db')).includes(draftToken)).toBe(false);
  });
});

describe('draft capabilities over the HTTP bridge', () => {
  async function post(server: RunningServer, method: string, body: unknown, token?: string) {
    const res = await fetch(`${server.url}/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Result<unknown> };
  }

  it('opens a draft with its token, refuses it without (422, as an unknown id), and lets staff in', async () => {
    const { core, staff } = await setup();
    const server = await startServer({ core, port: 0 });
    servers.push(server);
    const created = await post(server, 'dossier.create', { procedureId: PROCEDURE });
    expect(created.status).toBe(200);
    const draft = (created.body as { ok: true; value: CreatedDraft }).value;

    const unknown = await post(server, 'dossier.get', { id: UNKNOWN });
    expect(unknown.status).toBe(422);
    expect(await post(server, 'dossier.get', { id: draft.id })).toEqual(unknown);
    const other = await post(server, 'dossier.create', { procedureId: PROCEDURE });
    const otherToken = (other.body as { ok: true; value: CreatedDraft }).value.draftToken;
    expect(await post(server, 'dossier.update', { id: draft.id, draftToken: otherToken, data: {} })).toEqual({
      status: 422,
      body: (await post(server, 'dossier.update', { id: UNKNOWN, data: {} })).body,
    });

    const mine = await post(server, 'dossier.get', { id: draft.id, draftToken: draft.draftToken });
    expect(mine).toMatchObject({ status: 200, body: { ok: true, value: { id: draft.id, status: 'draft' } } });
    const asStaff = await post(server, 'dossier.get', { id: draft.id }, staff.token);
    expect(asStaff).toMatchObject({ status: 200, body: { ok: true, value: { id: draft.id } } });
    expect(await post(server, 'dossier.discard', { id: draft.id, draftToken: draft.draftToken })).toEqual({
      status: 200,
      body: { ok: true, value: {} },
    });
    expect((await post(server, 'dossier.get', { id: draft.id }, staff.token)).body).toMatchObject({
      ok: false,
      error: { code: 'dossier-not-found' },
    });
  });
});
