import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { startFaultProxy, type Fault } from './fault-proxy';
import { seeded } from '../../support/prng';
import { staff } from './support';
import { expectSameSets, freePort, outboxDone, quiet, startKiosk, startPortal, waitFor } from './live';

/**
 * The sync engine with the real HTTP client against the reference portal (test/portal) on 127.0.0.1.
 * Every dossier must arrive exactly once, with identical attachments, whatever happens on the way.
 */
describe('sync against the reference portal', () => {
  it('offline → 50 dossiers submitted → portal starts → all 50 arrive once, files identical, codes stored', async () => {
    quiet();
    const port = await freePort();
    const kiosk = startKiosk(`http://127.0.0.1:${port}`);
    kiosk.sync.start();
    // Each has its own scan plus the same 40 KB form as the others (stored and uploaded once).
    const common = randomBytes(40_000);
    for (let i = 0; i < 50; i++) kiosk.seed([3000 + i, common]);
    kiosk.sync.kick();
    await new Promise((r) => setTimeout(r, 300));
    expect(kiosk.sync.status()).toMatchObject({ online: false, waiting: 50, synced: 0 });

    const portal = await startPortal({ port });
    const back = Date.now();
    await waitFor('the first delivery', () => kiosk.sync.status().synced > 0, 5000);
    expect(Date.now() - back).toBeLessThan(5000);
    await waitFor('all 50 delivered', () => outboxDone(kiosk.db), 30_000);

    expectSameSets(kiosk, portal);
    expect(portal.db.prepare('SELECT COUNT(*) FROM dossiers').pluck().get()).toBe(50);
    expect(kiosk.sync.status()).toMatchObject({
      online: true,
      waiting: 0,
      sending: 0,
      attention: 0,
      synced: 50,
    });
  });

  it('through resets, 500s, 429s, stalls, cut answers and answers lost after commit: each dossier once', async () => {
    quiet();
    const portal = await startPortal();
    const random = seeded(20261123);
    // The first requests of each kind get each fault in turn (so every fault is exercised whatever the
    // seed); after that a seeded fifth of all requests get a random one.
    const scripted: Record<string, Fault[]> = {
      put: ['reset-upload', 'error-500', 'truncate', 'stall', 'busy-429'],
      post: ['drop-after-commit', 'truncate', 'busy-429', 'stall', 'error-500', 'drop-after-commit'],
      head: ['error-500', 'stall'],
    };
    const any: Fault[] = ['reset-upload', 'error-500', 'busy-429', 'stall', 'truncate', 'drop-after-commit'];
    const proxy = await startFaultProxy({
      upstream: portal.url,
      plan: ({ method, path }) => {
        const kind =
          method === 'PUT'
            ? 'put'
            : method === 'POST'
              ? 'post'
              : method === 'HEAD' && path.includes('/blobs/')
                ? 'head'
                : null;
        if (kind === null) return 'pass'; // probes, status and catalogue pulls
        const next = scripted[kind]!.shift();
        if (next) return next;
        return random() < 0.2 ? any[Math.floor(random() * any.length)]! : 'pass';
      },
    });
    const kiosk = startKiosk(proxy.url, { requestTimeoutMs: 300 });
    for (let i = 0; i < 16; i++) kiosk.seed([2000 + i * 7, 65_000 + i]);
    kiosk.sync.start();
    await waitFor('all delivered through the faults', () => outboxDone(kiosk.db), 60_000);
    await proxy.close();

    expectSameSets(kiosk, portal);
    const faults = new Set(proxy.log.map((l) => l.fault));
    for (const f of any) expect(faults, f).toContain(f);
    // The answer lost after commit really happened on a POST, and the retry got the portal's first code.
    expect(proxy.log.some((l) => l.method === 'POST' && l.fault === 'drop-after-commit')).toBe(true);
    expect(kiosk.sync.attention()).toEqual([]);
    const sent = kiosk.db.prepare(`SELECT COUNT(*) FROM dossier_events WHERE status = 'sent'`).pluck().get();
    expect(sent).toBe(16);
  });

  it('422 → staff attention with the reasons, never retried; corrected and retried, it goes through', async () => {
    quiet();
    const portal = await startPortal({
      rejectRules: [(d) => (d.data.hoTen ? null : ['Thiếu họ tên người yêu cầu (mục 1 tờ khai).'])],
    });
    const kiosk = startKiosk(portal.url);
    const bad = kiosk.seed([1500], { hoTen: '' });
    kiosk.seed([1600]);
    kiosk.sync.start();
    await waitFor(
      'one sent, one refused',
      () => kiosk.sync.status().attention === 1 && kiosk.sync.status().synced === 1,
      5000,
    );
    const [refused] = kiosk.sync.attention();
    expect(refused).toMatchObject({
      dossierId: bad.id,
      httpStatus: 422,
      reasons: ['Thiếu họ tên người yêu cầu (mục 1 tờ khai).'],
    });
    expect(kiosk.alerts.filter((a) => a.code === 'sync-refused')).toHaveLength(1);
    // Not retried blindly: after several backoff ceilings the portal has seen it once.
    await new Promise((r) => setTimeout(r, 1500));
    expect(kiosk.sync.attention()).toHaveLength(1);
    expect(portal.db.prepare('SELECT COUNT(*) FROM dossiers').pluck().get()).toBe(1);

    kiosk.db
      .prepare(`UPDATE dossiers SET data_json = ? WHERE id = ?`)
      .run(JSON.stringify({ hoTen: 'Lê Thị C' }), bad.id);
    kiosk.sync.retry(bad.id, staff);
    await waitFor('the corrected dossier delivered', () => outboxDone(kiosk.db), 5000);
    expectSameSets(kiosk, portal);
  });

  it('status pull: the portal’s statuses reach the timeline, a supplement request alerts staff', async () => {
    quiet();
    const portal = await startPortal();
    const kiosk = startKiosk(portal.url);
    const d = kiosk.seed([1200]);
    kiosk.sync.start();
    await waitFor('delivered', () => outboxDone(kiosk.db), 5000);
    const portalCode = kiosk.db
      .prepare('SELECT portal_code FROM dossiers WHERE id = ?')
      .pluck()
      .get(d.id) as string;
    portal.admin.setStatus(portalCode, 'processing');
    portal.admin.setStatus(portalCode, 'supplement', 'Bổ sung bản sao giấy chứng sinh có chứng thực.');
    portal.admin.setPaid(portalCode, true);
    await waitFor(
      'the supplement alert',
      () => kiosk.alerts.some((a) => a.code === 'dossier-supplement'),
      5000,
    );
    await waitFor(
      'the fee paid',
      () => kiosk.db.prepare('SELECT paid FROM dossiers WHERE id = ?').pluck().get(d.id) === 1,
      5000,
    );
    const timeline = kiosk.db
      .prepare(`SELECT status, note_vi AS note, source FROM dossier_events WHERE dossier_id = ? ORDER BY id`)
      .all(d.id);
    expect(timeline).toEqual(
      expect.arrayContaining([
        { status: 'received', note: null, source: 'kiosk' },
        expect.objectContaining({ status: 'sent', source: 'kiosk' }),
        { status: 'processing', note: null, source: 'portal' },
        { status: 'supplement', note: 'Bổ sung bản sao giấy chứng sinh có chứng thực.', source: 'portal' },
      ]),
    );
    expect(kiosk.db.prepare('SELECT current_status FROM dossiers WHERE id = ?').pluck().get(d.id)).toBe(
      'supplement',
    );
    const alert = kiosk.alerts.find((a) => a.code === 'dossier-supplement')!;
    expect(alert.vi).toContain('Bổ sung bản sao giấy chứng sinh có chứng thực.');
  });

  it('reception: sent pending, received at the counter, the portal holds it received; one the portal receives reaches the dossier module', async () => {
    quiet();
    const portal = await startPortal();
    const byPortal: { id: string; status: string }[] = [];
    const kiosk = startKiosk(portal.url, {}, { reception: { byPortal: (c) => void byPortal.push(c) } });
    const atCounter = kiosk.seed([900], undefined, { state: 'pending' });
    const atPortal = kiosk.seed([901], undefined, { state: 'pending' });
    kiosk.sync.start();
    await waitFor('delivered', () => outboxDone(kiosk.db), 5000);
    const codeOf = (id: string) =>
      kiosk.db.prepare('SELECT portal_code FROM dossiers WHERE id = ?').pluck().get(id) as string;
    expect(portal.store.dossier(codeOf(atCounter.id))).toMatchObject({
      status: 'submitted',
      channel: 'kiosk',
    });

    // What dossier.receive writes: the reception and, in the same transaction, the row sync delivers.
    const at = new Date().toISOString();
    kiosk.db.transaction(() => {
      kiosk.db
        .prepare(
          `UPDATE dossiers SET reception = 'received', reception_at = ?, reception_by = 'Trần Thị Bích',
             reception_source = 'counter' WHERE id = ?`,
        )
        .run(at, atCounter.id);
      kiosk.db
        .prepare('INSERT INTO reception_updates (dossier_id, queued_at) VALUES (?, ?)')
        .run(atCounter.id, at);
    })();
    portal.admin.setStatus(codeOf(atPortal.id), 'received');

    await waitFor(
      'the reception taken',
      () => portal.store.dossier(codeOf(atCounter.id))?.reception === 'received',
      5000,
    );
    expect(portal.store.dossier(codeOf(atCounter.id))).toMatchObject({
      status: 'received',
      reception_at: at,
      reception_by: 'Trần Thị Bích',
    });
    await waitFor(
      'the row gone',
      () => kiosk.db.prepare('SELECT COUNT(*) FROM reception_updates').pluck().get() === 0,
      5000,
    );
    await waitFor('the portal’s reception', () => byPortal.length > 0, 5000);
    expect(byPortal).toEqual([expect.objectContaining({ id: atPortal.id, status: 'received' })]);
  });
});
