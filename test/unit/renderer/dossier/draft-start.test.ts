// Opening and starting a draft: the draft's token is kept with its id and sent on every call.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Dossier, KioskError, Procedure, Result } from '../../../../preload/api';
import type { KioskClient } from '../../../../renderer/src/api';
import {
  findDrafts,
  openWizard,
  setAsideDraft,
  startDraft,
  takeBack,
} from '../../../../renderer/src/screens/dossier/draftStart';
import { readDraft, writeDraft } from '../../../../renderer/src/screens/dossier/lib/draft';

const id = '3f2a7c1e-9b4d-4e8a-a1b2-c3d4e5f60718';
const draftToken = 'q2Xh0bN7rX4cT9vLw1sYk8uF3mZp6aEd5gHj2Ri0PoA';
const procedure = { id: 'dang-ky-khai-sinh' } as Procedure;
const dossier = { id, procedureId: procedure.id, status: 'draft', data: {} } as unknown as Dossier;
const notFound: KioskError = { code: 'dossier-not-found', vi: 'Không tìm thấy', en: 'Not found' };
const submitted: KioskError = { code: 'dossier-submitted', vi: 'Đã nộp', en: 'Submitted' };

/** A client that answers from `answers` and records every call. */
function fakeClient(answers: Record<string, Result<unknown>>) {
  const calls: [string, unknown][] = [];
  const client = {
    transport: 'http',
    call: (name: string, input: unknown) => {
      calls.push([name, input]);
      return Promise.resolve(answers[name] ?? { ok: false, error: notFound });
    },
    on: () => () => undefined,
    hasToken: () => false,
    setToken: () => undefined,
  } as unknown as KioskClient;
  return { client, calls };
}

const store = new Map<string, string>();
beforeEach(() => {
  store.clear();
  (globalThis as { window?: unknown }).window = {
    sessionStorage: {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
      removeItem: (k: string) => void store.delete(k),
    },
  };
});
afterEach(() => {
  delete (globalThis as { window?: unknown }).window;
});

describe('starting a draft', () => {
  it("keeps the citizen's token beside the id, and hands the wizard a handle that carries it", async () => {
    const { client, calls } = fakeClient({
      'dossier.create': { ok: true, value: { ...dossier, draftToken } },
    });
    const started = await startDraft(client, procedure, false);
    expect(started).toEqual({ ok: true, dossier, handle: { id, draftToken } });
    expect(readDraft()).toEqual({ id, procedureId: procedure.id, draftToken });
    expect(calls).toEqual([['dossier.create', { procedureId: procedure.id }]]);
  });

  it('reuses a stored draft with its token, and discards one for another procedure with its token', async () => {
    writeDraft({ id, procedureId: procedure.id, draftToken });
    const same = fakeClient({ 'dossier.get': { ok: true, value: dossier } });
    expect(await startDraft(same.client, procedure, false)).toMatchObject({ handle: { id, draftToken } });
    expect(same.calls).toEqual([['dossier.get', { id, draftToken }]]);

    const other = fakeClient({
      'dossier.discard': { ok: true, value: {} },
      'dossier.create': {
        ok: true,
        value: { ...dossier, id: '11111111-2222-4333-8444-555555555555', draftToken: 'x'.repeat(43) },
      },
    });
    await startDraft(other.client, { id: 'another' } as Procedure, false);
    expect(other.calls[0]).toEqual(['dossier.discard', { id, draftToken }]);
    expect(readDraft()?.draftToken).toBe('x'.repeat(43));
  });

  it('for staff, stores nothing: the session opens the draft, the handle still carries the token', async () => {
    const { client } = fakeClient({ 'dossier.create': { ok: true, value: { ...dossier, draftToken } } });
    expect(await startDraft(client, procedure, true)).toMatchObject({ handle: { id, draftToken } });
    expect(readDraft()).toBeNull();
  });
});

describe('opening a wizard on a draft', () => {
  it('sends the stored token of that draft, and resumes it', async () => {
    writeDraft({ id, procedureId: procedure.id, draftToken });
    const { client, calls } = fakeClient({
      'dossier.get': { ok: true, value: dossier },
      'catalogue.get': { ok: true, value: procedure },
    });
    expect(await openWizard(client, { dossierId: id }, false)).toMatchObject({
      kind: 'resumed',
      handle: { id, draftToken },
    });
    expect(calls[0]).toEqual(['dossier.get', { id, draftToken }]);
  });

  it('goes back home when the draft was submitted meanwhile (no data comes back), and forgets it', async () => {
    writeDraft({ id, procedureId: procedure.id, draftToken });
    const { client } = fakeClient({ 'dossier.get': { ok: false, error: submitted } });
    expect(await openWizard(client, { dossierId: id }, false)).toEqual({ kind: 'gone' });
    expect(readDraft()).toBeNull();
  });

  it('for staff (a parked draft), sends no token: the session is what opens it', async () => {
    const { client, calls } = fakeClient({
      'dossier.get': { ok: true, value: { ...dossier, status: 'parked' } },
      'catalogue.get': { ok: true, value: procedure },
    });
    expect(await openWizard(client, { dossierId: id }, true)).toMatchObject({ handle: { id } });
    expect(calls[0]).toEqual(['dossier.get', { id }]);
  });
});

describe('a session ending mid-filing', () => {
  it('sets the draft aside with its token (not discarded, nothing printed) and forgets it in the page', async () => {
    writeDraft({ id, procedureId: procedure.id, draftToken });
    const { client, calls } = fakeClient({ 'dossier.setAside': { ok: true, value: { kept: true } } });
    await setAsideDraft(client);
    expect(calls).toEqual([['dossier.setAside', { id, draftToken }]]);
    expect(readDraft()).toBeNull();
    expect(store.size).toBe(0);
  });

  it('forgets it even when main cannot answer, and calls nothing without a draft', async () => {
    writeDraft({ id, procedureId: procedure.id, draftToken });
    const { client, calls } = fakeClient({});
    await setAsideDraft(client);
    expect(readDraft()).toBeNull();
    await setAsideDraft(client);
    expect(calls).toHaveLength(1);
  });
});

describe('taking a draft back by card', () => {
  const found = (n: number, hour: number) => ({
    ...dossier,
    id: `3f2a7c1e-9b4d-4e8a-a1b2-c3d4e5f6071${n}`,
    procedureName: `Thủ tục ${n}`,
    createdAt: `2026-12-07T0${hour}:00:00.000Z`,
    draftToken: `token-${n}-${'x'.repeat(20)}`,
  });

  it('asks main with the scan as read, and offers the newest few with only what the greeting shows', async () => {
    const { client, calls } = fakeClient({
      'dossier.resumeByCard': { ok: true, value: [found(1, 1), found(2, 4), found(3, 2), found(4, 3)] },
    });
    const drafts = await findDrafts(client, 'scan text');
    expect(calls).toEqual([['dossier.resumeByCard', { text: 'scan text' }]]);
    expect(drafts.map((d) => d.procedureName)).toEqual(['Thủ tục 2', 'Thủ tục 4', 'Thủ tục 3']);
    expect(Object.keys(drafts[0] ?? {}).sort()).toEqual(
      ['createdAt', 'draftToken', 'id', 'procedureId', 'procedureName'].sort(),
    );
  });

  it('offers nothing when main finds none or cannot answer', async () => {
    expect(await findDrafts(fakeClient({}).client, 'x')).toEqual([]);
    const none = fakeClient({ 'dossier.resumeByCard': { ok: true, value: [] } });
    expect(await findDrafts(none.client, 'x')).toEqual([]);
  });

  it('"Làm tiếp" makes it this page’s draft with its new token (a reload keeps it) and opens the wizard on it', () => {
    const d = found(1, 1);
    const screen = takeBack({
      id: d.id,
      procedureId: d.procedureId,
      procedureName: d.procedureName,
      createdAt: d.createdAt,
      draftToken: d.draftToken,
    });
    expect(screen).toEqual({ name: 'dossier', procedureId: d.procedureId, dossierId: d.id });
    expect(readDraft()).toEqual({ id: d.id, procedureId: d.procedureId, draftToken: d.draftToken });
  });
});
