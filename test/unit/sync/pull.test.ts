import { describe, expect, it } from 'vitest';
import type { PortalStatusChange } from '../../../main/core/sync/types';
import { failures, harness } from './support';

type Row = { status: string; at: string; noteVi: string | null; source: string };
const timeline = (h: ReturnType<typeof harness>, id: string) =>
  h.db
    .prepare(
      `SELECT status, at, note_vi AS noteVi, source FROM dossier_events WHERE dossier_id = ? ORDER BY id`,
    )
    .all(id) as Row[];

async function sentDossier() {
  const h = harness();
  const d = h.seed();
  h.sync.start();
  await h.advance(0);
  const portalCode = h.portal.dossiers.get(d.id)!.portalCode;
  const change = (
    status: PortalStatusChange['status'],
    at: string,
    note: string | null = null,
    paid: boolean | null = null,
  ) => h.portal.changeLog.push({ id: d.id, portalCode, status, at, note, paid });
  return { h, d, portalCode, change };
}

describe('status pull', () => {
  it('adds the portal statuses to the timeline, updates status and fee, and keeps the cursor', async () => {
    const { h, d, change } = await sentDossier();
    change('processing', '2026-11-23T02:05:00.000Z');
    change('financial', '2026-11-23T02:06:00.000Z');
    change('supplement', '2026-11-23T02:07:00.000Z', 'Thiếu bản sao giấy chứng sinh');
    change('done', '2026-11-23T02:08:00.000Z', null, true);

    await h.advance(60_000);
    expect(timeline(h, d.id).map((r) => [r.status, r.source])).toEqual([
      ['received', 'kiosk'],
      ['sent', 'kiosk'],
      ['processing', 'portal'],
      ['financial', 'portal'],
      ['supplement', 'portal'],
      ['done', 'portal'],
    ]);
    expect(timeline(h, d.id)[4]!.noteVi).toBe('Thiếu bản sao giấy chứng sinh');
    const row = h.db.prepare('SELECT current_status AS s, paid FROM dossiers WHERE id = ?').get(d.id);
    expect(row).toEqual({ s: 'done', paid: 1 });
    // The fake portal pages two changes at a time: one pull read both pages.
    expect(h.db.prepare(`SELECT value FROM sync_state WHERE key = 'status.cursor'`).pluck().get()).toBe('4');

    const supplement = h.alerts.filter((a) => a.code === 'dossier-supplement');
    expect(supplement).toHaveLength(1);
    expect(supplement[0]!.vi).toContain('Thiếu bản sao giấy chứng sinh');
    expect(supplement[0]!.vi).toContain(d.code);
    // The portal then marked it done: the request for papers no longer asks anything of staff.
    expect(supplement[0]!.settled).toBe(true);
    const changed = h.events.filter((e) => e.event === 'dossier.changed').map((e) => e.payload);
    expect(changed).toContainEqual({ id: d.id, code: d.code, change: 'status:supplement' });
    expect(h.db.prepare(`SELECT COUNT(*) FROM sync_events WHERE kind = 'status'`).pluck().get()).toBe(4);
  });

  it('a page the portal sends again (lost cursor) does not double the timeline', async () => {
    const { h, d, change } = await sentDossier();
    change('processing', '2026-11-23T02:05:00.000Z');
    await h.advance(60_000);
    h.db.prepare(`DELETE FROM sync_state WHERE key = 'status.cursor'`).run();
    await h.advance(60_000);
    expect(timeline(h, d.id).filter((r) => r.status === 'processing')).toHaveLength(1);
  });

  it('a payment reported with the status and instant already on the timeline updates the fee only', async () => {
    const { h, d, change } = await sentDossier();
    change('supplement', '2026-11-23T02:07:00.000Z', 'Thiếu giấy chứng sinh');
    change('supplement', '2026-11-23T02:07:00.000Z', 'Thiếu giấy chứng sinh', true);
    await h.advance(60_000);
    expect(timeline(h, d.id).filter((r) => r.status === 'supplement')).toHaveLength(1);
    expect(h.db.prepare('SELECT paid FROM dossiers WHERE id = ?').pluck().get(d.id)).toBe(1);
    expect(h.alerts.filter((a) => a.code === 'dossier-supplement')).toEqual([
      expect.objectContaining({ subject: `supplement:${d.id}`, settled: false }),
    ]);
    const changed = h.events.filter((e) => e.event === 'dossier.changed').map((e) => e.payload);
    expect(changed).toContainEqual({ id: d.id, code: d.code, change: 'paid' });
  });

  it('a change for a dossier this kiosk does not hold is skipped, and the cursor still moves', async () => {
    const { h, change } = await sentDossier();
    h.portal.changeLog.push({
      id: '11111111-1111-4111-8111-111111111111',
      portalCode: 'X',
      status: 'processing',
      at: '2026-11-23T02:05:00.000Z',
      note: null,
      paid: null,
    });
    change('processing', '2026-11-23T02:06:00.000Z');
    await h.advance(60_000);
    expect(h.db.prepare(`SELECT value FROM sync_state WHERE key = 'status.cursor'`).pluck().get()).toBe('2');
  });

  it('a failed pull keeps the cursor and tries again on the next tick', async () => {
    const { h, d, change } = await sentDossier();
    change('processing', '2026-11-23T02:05:00.000Z');
    h.portal.fail('changes', failures.server(502));
    await h.advance(60_000);
    expect(timeline(h, d.id).some((r) => r.status === 'processing')).toBe(false);
    await h.advance(60_000);
    expect(timeline(h, d.id).some((r) => r.status === 'processing')).toBe(true);
  });

  it('learns the portal code from a status change when the answer to the post was lost', async () => {
    const h = harness();
    const d = h.seed();
    // The portal stored the dossier but the kiosk never heard back, and a staff member moved it on.
    h.portal.afterCommit = () => failures.server(502);
    h.sync.start();
    await h.advance(0);
    h.portal.afterCommit = null;
    const portalCode = h.portal.dossiers.get(d.id)!.portalCode;
    h.portal.changeLog.push({
      id: d.id,
      portalCode,
      status: 'processing',
      at: '2026-11-23T02:00:30.000Z',
      note: null,
      paid: null,
    });
    h.portal.fail('submitDossier', failures.server(503), { times: 5 }); // backoff carries the post past 60 s
    await h.advance(60_000);
    const row = h.db
      .prepare('SELECT portal_code AS code, current_status AS s FROM dossiers WHERE id = ?')
      .get(d.id);
    expect(row).toEqual({ code: portalCode, s: 'processing' });
    // When the post finally goes through, the timeline keeps 'processing' as the current status.
    await h.advance(300_000);
    const after = h.db
      .prepare('SELECT portal_code AS code, current_status AS s FROM dossiers WHERE id = ?')
      .get(d.id);
    expect(after).toEqual({ code: portalCode, s: 'processing' });
    expect(h.db.prepare(`SELECT state FROM outbox WHERE dossier_id = ?`).pluck().get(d.id)).toBe('done');
  });
});

describe('catalogue pull', () => {
  it('replaces the catalogue when the ETag changed and sends If-None-Match after', async () => {
    const h = harness();
    h.sync.start();
    await h.advance(0);
    expect(h.catalogue.replaced).toEqual([{ list: [{ id: 'x' }], etag: 'W/"1"' }]);
    await h.advance(60_000);
    expect(h.catalogue.replaced).toHaveLength(1);
    expect(h.portal.calls.filter((c) => c.method === 'catalogue').map((c) => c.arg)).toEqual(['', 'W/"1"']);
    h.portal.etag = 'W/"2"';
    h.portal.procedures = [{ id: 'x' }, { id: 'y' }];
    await h.advance(60_000);
    expect(h.catalogue.replaced.at(-1)).toEqual({ list: [{ id: 'x' }, { id: 'y' }], etag: 'W/"2"' });
    expect(h.db.prepare(`SELECT COUNT(*) FROM sync_events WHERE kind = 'catalogue'`).pluck().get()).toBe(2);
  });

  it('a list the catalogue refuses keeps the previous one and is reported once', async () => {
    const h = harness();
    h.portal.procedures = [];
    h.sync.start();
    await h.advance(0);
    await h.advance(60_000);
    await h.advance(60_000);
    expect(h.catalogue.replaced).toEqual([]);
    const lines = h.db
      .prepare(`SELECT vi FROM sync_events WHERE kind = 'catalogue'`)
      .pluck()
      .all() as string[];
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('Danh mục trống.');
    expect(lines[0]).toContain('vẫn dùng danh mục cũ');
  });
});
