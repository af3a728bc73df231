// Opening and starting a draft: the draft's token is kept with its id and sent on every call.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Dossier, KioskError, Procedure, Result } from '../../../../preload/api';
import type { KioskClient } from '../../../../renderer/src/api';
import { openWizard, startDraft } from '../../../../renderer/src/screens/dossier/draftStart';
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
