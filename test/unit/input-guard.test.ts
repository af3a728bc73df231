import { afterEach, describe, expect, it } from 'vitest';
import { findTooDeep } from '../../main/core/depth';
import { MAX_INPUT_DEPTH } from '../../main/core/input-guard';
import { startServer, type RunningServer } from '../../main/server';
import { local, makeCore, quietLogs } from './helpers';
import { post } from './server/requests';

/** JSON text `{"a":{"a":…"x"…}}` nested `depth` deep, built as text: JSON.stringify itself recurses. */
const nestedText = (depth: number, leaf = '"x"') => '{"a":'.repeat(depth) + leaf + '}'.repeat(depth);

const servers: RunningServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

async function draft() {
  const ctx = await makeCore({ env: { KIOSK_ADMIN_PIN: '135790' } });
  const created = await ctx.core.call('dossier.create', { procedureId: 'dang-ky-khai-sinh' }, local);
  if (!created.ok) throw new Error(created.error.en);
  const { id, draftToken } = created.value as { id: string; draftToken: string };
  return { ...ctx, id, draftToken };
}

const updateText = (id: string, depth: number) => `{"id":"${id}","data":{"x":${nestedText(depth)}}}`;

describe('deeply nested input', () => {
  it('dossier.update refuses a form 10,000 deep with the same 422 as 1,000 deep (core.call)', async () => {
    const logs = quietLogs();
    const { core, id, draftToken } = await draft();
    const errors = [];
    for (const depth of [20, 1_000, 10_000, 100_000]) {
      const result = await core.call('dossier.update', JSON.parse(updateText(id, depth)), local);
      expect(result.ok, `depth ${depth}`).toBe(false);
      if (!result.ok) errors.push(result.error);
    }
    // dossier.correct (staff) takes the same free-form data and refuses it the same way.
    const signIn = await core.call('staff.signIn', { user: 'admin', pin: '135790' }, local);
    const token = signIn.ok ? (signIn.value as { token: string }).token : '';
    const correct = await core.call(
      'dossier.correct',
      JSON.parse(`{"id":"${id}","data":{"x":${nestedText(10_000)}}}`),
      { ...local, token },
    );
    expect(correct.ok ? null : correct.error).toMatchObject({ code: 'form-too-large' });
    // One error, naming the same place: the first level deeper than an e-form may go.
    const path = ['data', 'x', ...Array<string>(12).fill('a')].join('.');
    for (const error of errors) expect(error).toMatchObject({ code: 'form-too-large', field: path });
    expect(logs.filter((line) => line.includes('"level":"error"'))).toEqual([]);
    // Nothing was stored.
    const kept = await core.call('dossier.get', { id, draftToken }, local);
    expect(kept.ok && (kept.value as { data: unknown }).data).toEqual({});
  });

  it('dossier.update over HTTP: 422 form-too-large at 1,000 and at 10,000 deep, never a 500', async () => {
    const { core, id } = await draft();
    const server = await startServer({ core, port: 0 });
    servers.push(server);
    for (const depth of [1_000, 10_000]) {
      const reply = await post(server, 'dossier.update', updateText(id, depth));
      expect(reply.status, `depth ${depth}`).toBe(422);
      expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'form-too-large' } });
    }
  });

  // No other schema recurses today, so these would be refused by their schemas too: the guard is there
  // for the next free-form field, and must not change what these answer.
  it('every other method refuses deep input as invalid input (400)', async () => {
    const logs = quietLogs();
    const { core, id } = await draft();
    const server = await startServer({ core, port: 0 });
    servers.push(server);
    // dossier.correct is the other method with free-form JSON (staff only: refused at the door here).
    const cases: [string, string][] = [
      ['app.info', `{"extra":${nestedText(10_000)}}`],
      ['catalogue.search', `{"query":${nestedText(10_000)}}`],
      ['identity.parseScan', `{"text":${nestedText(10_000, '[]')}}`],
      // Deep under a key dossier.update does not have: the general limit, not the form's.
      ['dossier.update', `{"id":"${id}","notAField":${nestedText(10_000)}}`],
    ];
    for (const [method, body] of cases) {
      const viaCore = await core.call(method, JSON.parse(body), local);
      expect(viaCore.ok ? 'ok' : viaCore.error.code, method).toBe('invalid-input');
      const reply = await post(server, method, body);
      expect(reply.status, method).toBe(400);
      expect(JSON.parse(reply.body).error).toMatchObject({ code: 'invalid-input', vi: expect.any(String) });
    }
    expect(logs.filter((line) => line.includes('"level":"error"'))).toEqual([]);
  });

  it('input as deep as the limit still reaches the schema', async () => {
    const { core } = await makeCore();
    const shallow = await core.call(
      'catalogue.search',
      JSON.parse(`{"query":${nestedText(MAX_INPUT_DEPTH - 2)}}`),
      local,
    );
    // Refused by the schema (a query is a string), naming the field: the guard let it through.
    expect(shallow.ok ? null : shallow.error).toMatchObject({ code: 'invalid-input', field: 'query' });
  });
});

describe('findTooDeep', () => {
  it('names the first node past the limit, in the order a recursive walk meets it', () => {
    expect(findTooDeep({ a: 1, b: [{ c: 'x' }] }, 3)).toBeNull();
    expect(findTooDeep({ a: 1, b: [{ c: 'x' }] }, 2)).toEqual({ kind: 'deep', path: ['b', '0', 'c'] });
    expect(findTooDeep({ a: { x: { y: 1 } }, b: { z: { w: 1 } } }, 2)).toEqual({
      kind: 'deep',
      path: ['a', 'x', 'y'],
    });
  });

  it('ends on a cycle and on an object shared 2^40 ways (a structured clone over IPC can hold either)', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(findTooDeep(cyclic, 32)).toMatchObject({ kind: 'deep' });
    let shared: unknown = 'leaf';
    for (let i = 0; i < 40; i++) shared = [shared, shared];
    expect(findTooDeep(shared, 64, 10_000)).toEqual({ kind: 'large' });
    expect(findTooDeep(new Array(1_000_000).fill(0), 4, 10_000)).toEqual({ kind: 'large' });
  });
});
