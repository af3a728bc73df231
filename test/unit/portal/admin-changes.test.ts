import { describe, expect, it } from 'vitest';
import type { PortalStatusChange } from '../../../main/core/sync/types';
import type { Portal } from '../../portal';
import { ADMIN, dossierWith, postDossier, send, startPortal } from './fixtures';

type Changes = { changes: PortalStatusChange[]; cursor: string };

async function submit(portal: Portal, kioskId = 'K01', localCode = '000.00.12.H29-K01-261123-0001') {
  const dossier = dossierWith([], { kioskId, localCode });
  const { portalCode } = (await postDossier(portal, dossier)).json() as { portalCode: string };
  return { dossier, portalCode };
}

const admin = (portal: Portal, path: string, body: unknown, token = ADMIN) =>
  send(portal.url, path, {
    method: 'POST',
    token,
    body: JSON.stringify(body),
    headers: { 'Content-Type': 'application/json' },
  });

const changes = async (portal: Portal, query: string): Promise<Changes> =>
  (await send(portal.url, `/api/v1/dossiers?${query}`)).json() as Changes;

describe('reference portal: status changes with a cursor', () => {
  it('reports an admin status move after the cursor, and nothing new after the returned cursor', async () => {
    const portal = await startPortal();
    const { dossier, portalCode } = await submit(portal);

    const before = await changes(portal, 'changedSince=&kiosk=K01');
    expect(before.changes).toEqual([]);

    const moved = await admin(portal, `/admin/api/dossiers/${encodeURIComponent(portalCode)}/status`, {
      status: 'supplement',
      note: 'Bản sao giấy khai sinh bị mờ, đề nghị nộp lại.',
    });
    expect(moved.status).toBe(200);

    const after = await changes(portal, `changedSince=${before.cursor}&kiosk=K01`);
    expect(after.changes).toEqual([
      {
        id: dossier.id,
        portalCode,
        status: 'supplement',
        at: expect.any(String),
        note: 'Bản sao giấy khai sinh bị mờ, đề nghị nộp lại.',
        paid: null,
        paidVia: null,
        dueDate: null,
        apology: null,
        resultElectronic: null,
      },
    ]);
    expect(Number(after.cursor)).toBeGreaterThan(Number(before.cursor));

    const none = await changes(portal, `changedSince=${after.cursor}&kiosk=K01`);
    expect(none).toEqual({ changes: [], cursor: after.cursor });

    await admin(portal, `/admin/api/dossiers/${encodeURIComponent(portalCode)}/status`, {
      status: 'processing',
    });
    const paid = await admin(portal, `/admin/api/dossiers/${encodeURIComponent(portalCode)}/paid`, {
      paid: true,
    });
    expect(paid.status).toBe(200);
    const latest = await changes(portal, `changedSince=${after.cursor}&kiosk=K01`);
    expect(latest.changes.map((c) => [c.status, c.paid])).toEqual([
      ['processing', null],
      ['processing', true],
    ]);
  });

  it('gives a kiosk only its own dossiers’ changes, and pages with limit', async () => {
    const portal = await startPortal();
    const mine = await submit(portal, 'K01');
    const theirs = await submit(portal, 'K02', '000.00.12.H29-K02-261123-0001');
    portal.admin.setStatus(theirs.portalCode, 'processing');
    portal.admin.setStatus(mine.portalCode, 'processing');
    portal.admin.setStatus(mine.portalCode, 'done');

    const k01 = await changes(portal, 'kiosk=K01');
    expect(k01.changes.map((c) => [c.portalCode, c.status])).toEqual([
      [mine.portalCode, 'processing'],
      [mine.portalCode, 'done'],
    ]);
    const page1 = await changes(portal, 'kiosk=K01&limit=1');
    expect(page1.changes.map((c) => c.status)).toEqual(['processing']);
    const page2 = await changes(portal, `kiosk=K01&limit=1&changedSince=${page1.cursor}`);
    expect(page2.changes.map((c) => c.status)).toEqual(['done']);
    expect((await send(portal.url, '/api/v1/dossiers?changedSince=abc')).status).toBe(400);
  });

  it('refuses a move no office makes (409), a supplement without a reason (422) and a wrong admin token (401)', async () => {
    const portal = await startPortal();
    const { portalCode } = await submit(portal);
    const path = `/admin/api/dossiers/${encodeURIComponent(portalCode)}`;
    expect((await admin(portal, `${path}/status`, { status: 'returned' })).status).toBe(409);
    expect((await admin(portal, `${path}/status`, { status: 'supplement', note: '  ' })).status).toBe(422);
    expect((await admin(portal, `${path}/status`, { status: 'archived' })).status).toBe(422);
    expect((await admin(portal, '/admin/api/dossiers/KHONG-CO/paid', {})).status).toBe(404);
    expect((await admin(portal, `${path}/status`, { status: 'processing' }, 'kiosk-token-one')).status).toBe(
      401,
    );
    expect(
      (await admin(portal, '/admin/api/dossiers/KHONG-CO/status', { status: 'processing' })).status,
    ).toBe(404);
    const list = (await send(portal.url, '/admin/api/dossiers', { token: ADMIN })).json() as {
      dossiers: { code: string; status: string }[];
    };
    expect(list.dossiers).toEqual([expect.objectContaining({ code: portalCode, status: 'received' })]);
  });
});

describe('reference portal: admin page', () => {
  const basic = (password: string) => `Basic ${Buffer.from(`tester:${password}`).toString('base64')}`;

  it('asks a browser to sign in, escapes what kiosks sent, and moves a dossier by form', async () => {
    const portal = await startPortal();
    const { portalCode } = await submit(portal, 'K01', '<script>alert(1)</script>');

    const anonymous = await send(portal.url, '/admin', { token: null });
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers['www-authenticate']).toMatch(/^Basic/);

    const page = await send(portal.url, '/admin', { token: null, headers: { Authorization: basic(ADMIN) } });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.text).not.toContain('<script>');
    expect(page.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const csrf = /name="csrf" value="([0-9a-f]+)"/.exec(page.text)![1]!;

    const action = `/admin/dossiers/${encodeURIComponent(portalCode)}/status`;
    const form = (fields: Record<string, string>) =>
      send(portal.url, action, {
        method: 'POST',
        token: null,
        headers: { Authorization: basic(ADMIN), 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(fields).toString(),
      });
    expect((await form({ status: 'processing' })).status).toBe(403);
    const ok = await form({ status: 'processing', note: '', csrf });
    expect(ok.status).toBe(303);
    expect(ok.headers.location).toBe('/admin');
    expect(portal.store.dossier(portalCode)?.status).toBe('processing');
  });
});
