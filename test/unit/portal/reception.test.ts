import { describe, expect, it } from 'vitest';
import type { PortalStatusChange } from '../../../main/core/sync/types';
import type { PortalReception } from '../../../preload/contract/portal';
import type { Portal } from '../../portal';
import { ADMIN, dossierWith, postDossier, send, startPortal } from './fixtures';

const PENDING: PortalReception = { state: 'pending', at: null, by: null, reason: null };
const RECEIVED: PortalReception = {
  state: 'received',
  at: '2026-11-23T03:00:00.000Z',
  by: 'Trần Thị Bích',
  reason: null,
};

async function submitPending(portal: Portal) {
  const dossier = dossierWith([], { reception: PENDING });
  const reply = await postDossier(portal, dossier);
  expect(reply.status).toBe(201);
  const { portalCode } = reply.json() as { portalCode: string };
  return { dossier, portalCode };
}

const put = (portal: Portal, id: string, body: unknown) =>
  send(portal.url, `/api/v1/dossiers/${id}/reception`, {
    method: 'PUT',
    body: JSON.stringify(body),
    headers: { 'Content-Type': 'application/json' },
  });

const changes = async (portal: Portal) =>
  ((await send(portal.url, '/api/v1/dossiers')).json() as { changes: PortalStatusChange[] }).changes;

const basic = `Basic ${Buffer.from(`tester:${ADMIN}`).toString('base64')}`;

describe('reference portal: reception (Nghị định 118/2025)', () => {
  it('holds a self-service dossier pending; a repeat POST whose reception changed gets the first answer', async () => {
    const portal = await startPortal();
    const { dossier, portalCode } = await submitPending(portal);
    const held = (await send(portal.url, `/api/v1/dossiers/${portalCode}`)).json();
    expect(held).toMatchObject({ status: 'submitted', channel: 'kiosk', reception: PENDING });

    // Received at the counter before the kiosk heard the first answer: not a conflicting body.
    const repeat = await postDossier(portal, { ...dossier, reception: RECEIVED });
    expect(repeat.status).toBe(200);
    expect(repeat.json()).toMatchObject({ portalCode, reception: PENDING });
    expect(portal.store.dossier(portalCode)?.reception).toBe('pending');

    // Sent first by a kiosk of before the scoring fields, sent again after its upgrade: the same dossier.
    const upgraded = await postDossier(portal, {
      ...dossier,
      channel: 'counter',
      papers: [{ componentId: 'to-khai', digitised: true, fromNationalStore: false }],
      identity: { method: 'chip', passiveAuthentication: true },
    });
    expect(upgraded.status).toBe(200);
    // A change of content is still a conflict.
    const changed = await postDossier(portal, { ...dossier, procedureId: 'khac' });
    expect(changed.status).toBe(409);
  });

  it('takes a reception by PUT, answers a repeat with what it holds, and refuses refused after received', async () => {
    const portal = await startPortal();
    const { dossier, portalCode } = await submitPending(portal);

    const first = await put(portal, dossier.id, RECEIVED);
    expect(first.status).toBe(200);
    expect(first.json()).toEqual({ id: dossier.id, portalCode, reception: RECEIVED });
    // Idempotent: the same state again (even with another moment) answers the same body.
    const again = await put(portal, dossier.id, { ...RECEIVED, at: '2026-11-23T04:00:00.000Z' });
    expect(again.status).toBe(200);
    expect(again.json()).toEqual(first.json());

    const refuse = await put(portal, dossier.id, {
      state: 'refused',
      at: '2026-11-23T05:00:00.000Z',
      by: 'Trần Thị Bích',
      reason: 'Thiếu bản chính giấy tờ tùy thân',
    });
    expect(refuse.status).toBe(409);
    expect((refuse.json() as { reasons: string[] }).reasons.join(' ')).toContain('đã tiếp nhận');

    const held = (await send(portal.url, `/api/v1/dossiers/${portalCode}`)).json() as {
      status: string;
      timeline: { status: string }[];
    };
    expect(held.status).toBe('received');
    expect(held.timeline.map((e) => e.status)).toEqual(['submitted', 'received']);
    // What the kiosk told the portal is not a change it pulls back.
    expect(await changes(portal)).toEqual([]);
  });

  it('refuses received after the portal itself refused to receive it (409 with its reason)', async () => {
    const portal = await startPortal();
    const { dossier, portalCode } = await submitPending(portal);
    expect(portal.admin.setStatus(portalCode, 'refused')).toMatchObject({ ok: false, status: 422 });
    expect(portal.admin.setStatus(portalCode, 'refused', 'Không thuộc thẩm quyền')).toMatchObject({
      ok: true,
    });
    expect(portal.store.dossier(portalCode)).toMatchObject({
      reception: 'refused',
      refusal_reason: 'Không thuộc thẩm quyền',
      reception_by: null,
    });
    expect((await changes(portal)).map((c) => [c.status, c.note])).toEqual([
      ['refused', 'Không thuộc thẩm quyền'],
    ]);

    const late = await put(portal, dossier.id, RECEIVED);
    expect(late.status).toBe(409);
    expect(late.text).toContain('Không thuộc thẩm quyền');
    expect(portal.store.dossier(portalCode)?.reception).toBe('refused');
  });

  it('a request for papers first leaves it pending: then the portal or a kiosk still decides the reception', async () => {
    const portal = await startPortal();
    const a = await submitPending(portal);
    const b = await submitPending(portal);
    for (const d of [a, b]) {
      expect(portal.admin.setStatus(d.portalCode, 'supplement', 'Thiếu bản sao CCCD')).toMatchObject({
        ok: true,
      });
      expect(portal.store.dossier(d.portalCode)?.reception).toBe('pending');
      // Not processed before it is received.
      expect(portal.admin.setStatus(d.portalCode, 'processing')).toMatchObject({ ok: false, status: 409 });
    }
    expect(portal.admin.setStatus(a.portalCode, 'received')).toMatchObject({ ok: true });
    expect(portal.store.dossier(a.portalCode)).toMatchObject({ status: 'received', reception: 'received' });
    const taken = await put(portal, b.dossier.id, RECEIVED);
    expect(taken.status).toBe(200);
    expect(portal.store.dossier(b.portalCode)).toMatchObject({ status: 'received', reception: 'received' });
  });

  it('refuses a malformed reception listing every problem, and an unknown dossier with 404', async () => {
    const portal = await startPortal();
    const { dossier } = await submitPending(portal);
    const bad = await put(portal, dossier.id, { state: 'refused', at: null, by: 5, reason: null });
    expect(bad.status).toBe(422);
    const reasons = (bad.json() as { reasons: string[] }).reasons.join('\n');
    for (const field of ['"at"', '"by"', '"reason"']) expect(reasons).toContain(field);

    const unknown = await put(portal, '3f0c9a57-1a7b-4c55-9a0e-1f2d3c4b5a69', RECEIVED);
    expect(unknown.status).toBe(404);
    // A dossier sent refused must carry its reason.
    const noReason = await postDossier(
      portal,
      dossierWith([], { reception: { state: 'refused', at: RECEIVED.at, by: null, reason: null } }),
    );
    expect(noReason.status).toBe(422);
    expect(noReason.text).toContain('reception.reason');
  });

  it('admin page: lists pending dossiers to receive or refuse (with a reason), then shows the refusal', async () => {
    const portal = await startPortal();
    const a = await submitPending(portal);
    const b = await submitPending(portal);
    const page = async () =>
      (await send(portal.url, '/admin', { token: null, headers: { Authorization: basic } })).text;
    const pendingPart = (html: string) =>
      html.slice(html.indexOf('Chờ tiếp nhận ('), html.indexOf('Tất cả hồ sơ'));

    const first = await page();
    expect(first).toContain('Chờ tiếp nhận (2)');
    expect(pendingPart(first)).toContain(a.portalCode);
    expect(pendingPart(first)).toContain('>Tiếp nhận</button>');
    expect(pendingPart(first)).toContain('>Từ chối tiếp nhận</button>');
    const csrf = /name="csrf" value="([0-9a-f]+)"/.exec(first)![1]!;
    const form = (code: string, fields: Record<string, string>) =>
      send(portal.url, `/admin/dossiers/${encodeURIComponent(code)}/status`, {
        method: 'POST',
        token: null,
        headers: { Authorization: basic, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ csrf, ...fields }).toString(),
      });

    expect((await form(a.portalCode, { status: 'received', note: '' })).status).toBe(303);
    expect((await form(b.portalCode, { status: 'refused', note: '' })).status).toBe(422);
    expect((await form(b.portalCode, { status: 'refused', note: 'Hồ sơ nộp sai nơi' })).status).toBe(303);

    const after = await page();
    expect(after).toContain('Chờ tiếp nhận (0)');
    expect(portal.store.dossier(a.portalCode)).toMatchObject({ status: 'received', reception: 'received' });
    const refusedRow = after.slice(after.lastIndexOf(`<strong>${b.portalCode}</strong>`));
    expect(refusedRow).toContain('3 · Không được tiếp nhận');
    expect(refusedRow).toContain('Hồ sơ nộp sai nơi');
    expect((await changes(portal)).map((c) => c.status)).toEqual(['received', 'refused']);
  });
});
