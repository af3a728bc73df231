import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { PortalReceptionChange } from '../../../main/core/sync';
import { RECEPTION_ALERT_AFTER } from '../../../main/core/sync/reception';
import { failures, harness, outboxRow, START } from './support';

/**
 * The reception push and pull (README "Reception updates"): a dossier the citizen filed alone goes to the
 * portal pending; received or refused at the counter afterwards, the portal learns it by PUT at the next
 * status tick; the portal receiving or refusing it itself reaches the dossier module through the pull.
 */
const PULL_MS = 60_000;
const PENDING = { state: 'pending' } as const;
const OFFICER = 'Trần Thị Bích';

/** What the dossier module does when an officer receives a dossier at the counter (dossier.receive). */
function receiveAtCounter(db: Database.Database, id: string, at: string, queue = true): void {
  db.transaction(() => {
    db.prepare(
      `UPDATE dossiers SET reception = 'received', reception_at = ?, reception_by = ?,
         reception_source = 'counter' WHERE id = ?`,
    ).run(at, OFFICER, id);
    if (queue) db.prepare(`INSERT INTO reception_updates (dossier_id, queued_at) VALUES (?, ?)`).run(id, at);
  })();
}

const updateRow = (db: Database.Database, id: string) =>
  db
    .prepare(`SELECT attempts, last_error AS lastError FROM reception_updates WHERE dossier_id = ?`)
    .get(id) as { attempts: number; lastError: string | null } | undefined;

const sentBody = (h: ReturnType<typeof harness>, id: string) =>
  JSON.parse(h.portal.dossiers.get(id)!.body) as { channel: string };

const LATER = '2026-11-23T02:30:00.000Z';

describe('reception push', () => {
  it('a self-service dossier goes pending; received at the counter afterwards, the portal holds it received after the next tick', async () => {
    const h = harness();
    const d = h.seed({ reception: PENDING });
    h.sync.start();
    await h.advance(0);
    const held = h.portal.dossiers.get(d.id)!;
    expect(held.reception).toEqual({ state: 'pending', at: null, by: null, reason: null });
    expect(sentBody(h, d.id).channel).toBe('kiosk');

    receiveAtCounter(h.db, d.id, LATER);
    expect(h.portal.count('setReception')).toBe(0);
    await h.advance(PULL_MS);
    expect(held.reception).toEqual({ state: 'received', at: LATER, by: OFFICER, reason: null });
    expect(updateRow(h.db, d.id)).toBeUndefined();
    expect(h.portal.count('setReception', d.id)).toBe(1);
    // Sent once: the next tick has nothing to say.
    await h.advance(PULL_MS);
    expect(h.portal.count('setReception')).toBe(1);
    const feed = h.sync.feed().map((e) => e.message.vi);
    expect(feed).toContain(`Đã báo cổng: hồ sơ ${d.code} đã được tiếp nhận.`);
  });

  it('with the portal down for a tick the row stays (attempts 1), then goes through', async () => {
    const h = harness();
    const d = h.seed({ reception: PENDING });
    h.sync.start();
    await h.advance(0);
    receiveAtCounter(h.db, d.id, LATER);

    h.portal.fail('setReception', failures.network());
    await h.advance(PULL_MS);
    expect(updateRow(h.db, d.id)).toMatchObject({ attempts: 1, lastError: expect.stringContaining('cổng') });
    expect(h.portal.dossiers.get(d.id)!.reception.state).toBe('pending');
    expect(h.sync.status().online).toBe(false);

    // The probe finds the portal again; the tick that follows sends it.
    await h.advance(4000);
    expect(h.portal.dossiers.get(d.id)!.reception.state).toBe('received');
    expect(updateRow(h.db, d.id)).toBeUndefined();
  });

  it('a row waits for the portal code; a dossier never delivered is not PUT', async () => {
    const h = harness();
    const d = h.seed({ reception: PENDING });
    h.portal.fail('submitDossier', failures.refused(422, ['Thiếu chữ ký']));
    h.sync.start();
    await h.advance(0);
    receiveAtCounter(h.db, d.id, LATER);
    await h.advance(PULL_MS * 2);
    expect(h.portal.count('setReception')).toBe(0);
    expect(updateRow(h.db, d.id)).toEqual({ attempts: 0, lastError: null });
  });

  it('first answer lost, then received before the retry: the repeat POST gets the pending answer, a row is made and the PUT fixes it', async () => {
    const h = harness();
    const d = h.seed({ reception: PENDING });
    let lose = true;
    h.portal.afterCommit = () => (lose ? ((lose = false), failures.network()) : null);
    h.sync.start();
    await h.advance(0);
    expect(outboxRow(h.db, d.id).state).toBe('waiting');

    // Received at the counter with no row (the POST to come carries it): only the answer shows the
    // portal holds the older reception.
    receiveAtCounter(h.db, d.id, LATER, false);
    // The PUT of the tick that follows the reconnection meets a busy portal, so the row can be seen.
    h.portal.fail('setReception', failures.server(503));
    await h.advance(4000);
    expect(outboxRow(h.db, d.id).state).toBe('done');
    expect(h.portal.dossiers.get(d.id)!.posts).toBe(2);
    expect(h.portal.dossiers.get(d.id)!.reception.state).toBe('pending');
    expect(updateRow(h.db, d.id)).toMatchObject({ attempts: 1 });
    await h.advance(PULL_MS);
    expect(h.portal.dossiers.get(d.id)!.reception).toMatchObject({ state: 'received', by: OFFICER });
    expect(updateRow(h.db, d.id)).toBeUndefined();
  });

  it('a delivery whose answer holds the current reception drops a row queued before it (no PUT)', async () => {
    const h = harness();
    const d = h.seed({ reception: PENDING });
    receiveAtCounter(h.db, d.id, LATER);
    h.sync.start();
    await h.advance(0);
    expect(h.portal.dossiers.get(d.id)!.reception.state).toBe('received');
    expect(updateRow(h.db, d.id)).toBeUndefined();
    await h.advance(PULL_MS);
    expect(h.portal.count('setReception')).toBe(0);
  });

  it(`a PUT the portal refuses (409) ${RECEPTION_ALERT_AFTER} times raises one staff alert, and keeps trying`, async () => {
    const h = harness();
    const d = h.seed({ reception: PENDING });
    h.sync.start();
    await h.advance(0);
    receiveAtCounter(h.db, d.id, LATER);
    h.portal.fail('setReception', failures.refused(409, ['Cổng đã từ chối tiếp nhận hồ sơ này']), {
      times: RECEPTION_ALERT_AFTER + 1,
    });
    const alerts = () => h.alerts.filter((a) => a.subject === `reception-update:${d.id}`);
    for (let tick = 1; tick < RECEPTION_ALERT_AFTER; tick++) await h.advance(PULL_MS);
    expect(updateRow(h.db, d.id)?.attempts).toBe(RECEPTION_ALERT_AFTER - 1);
    expect(alerts()).toHaveLength(0);
    await h.advance(PULL_MS);
    expect(alerts()).toHaveLength(1);
    expect(alerts()[0]!.vi).toContain(d.code);
    expect(alerts()[0]!.vi).toContain('Cổng đã từ chối tiếp nhận hồ sơ này');
    await h.advance(PULL_MS);
    expect(updateRow(h.db, d.id)?.attempts).toBe(RECEPTION_ALERT_AFTER + 1);
    expect(alerts()).toHaveLength(1);
    // The portal takes it at last: the row goes and the alert closes by itself.
    await h.advance(PULL_MS);
    expect(updateRow(h.db, d.id)).toBeUndefined();
    expect(alerts()[0]!.settled).toBe(true);
  });
});

describe('what the POST carries', () => {
  it('reception and channel from the row: pending alone, received with staff, refused with its reason, none as received', async () => {
    const h = harness();
    const alone = h.seed({ reception: PENDING });
    const assisted = h.seed({ assistedBy: 1, reception: { state: 'received', at: START, by: OFFICER } });
    const refused = h.seed({
      assistedBy: 1,
      reception: { state: 'refused', at: START, by: OFFICER, reason: 'Không thuộc thẩm quyền' },
    });
    const before = h.seed(); // reception NULL: a row the migration should have marked
    const noReason = h.seed({ reception: { state: 'refused', at: START, by: OFFICER } });
    h.sync.start();
    await h.advance(0);
    const of = (id: string) => ({ ...sentBody(h, id), reception: h.portal.dossiers.get(id)!.reception });
    expect(of(alone.id)).toMatchObject({ channel: 'kiosk', reception: { state: 'pending', at: null } });
    expect(of(assisted.id)).toMatchObject({
      channel: 'counter',
      reception: { state: 'received', at: START, by: OFFICER, reason: null },
    });
    expect(of(refused.id)).toMatchObject({
      reception: { state: 'refused', at: START, reason: 'Không thuộc thẩm quyền' },
    });
    expect(of(before.id)).toMatchObject({
      channel: 'kiosk',
      reception: { state: 'received', at: START, by: null },
    });
    // A refusal with no reason cannot be sent as one: set aside as a damaged record, never half-sent.
    expect(h.portal.dossiers.has(noReason.id)).toBe(false);
    expect(outboxRow(h.db, noReason.id)).toMatchObject({ state: 'attention' });
  });
});

describe('reception pull', () => {
  const setup = () => {
    const calls: (PortalReceptionChange & { inTransaction: boolean })[] = [];
    const h = harness({
      reception: {
        byPortal(change) {
          calls.push({ ...change, inTransaction: h.db.inTransaction });
          // As the dossier module does: the dossier is no longer pending.
          h.db
            .prepare(
              `UPDATE dossiers SET reception = ?, reception_at = ?, reception_source = 'portal' WHERE id = ?`,
            )
            .run(change.status, change.at, change.id);
        },
      },
    });
    return { h, calls };
  };

  it("'received' on a pending dossier is the portal receiving it; a received one already has that status", async () => {
    const { h, calls } = setup();
    const pending = h.seed({ reception: PENDING });
    const received = h.seed({ assistedBy: 1, reception: { state: 'received', at: START, by: OFFICER } });
    h.sync.start();
    await h.advance(0);
    for (const d of [pending, received]) {
      const { portalCode } = h.portal.dossiers.get(d.id)!;
      h.portal.changeLog.push({
        id: d.id,
        portalCode,
        status: 'received',
        at: LATER,
        note: null,
        paid: null,
      });
    }
    await h.advance(PULL_MS);
    expect(calls).toEqual([
      { id: pending.id, status: 'received', at: LATER, note: null, inTransaction: true },
    ]);
    // The pending one gets the portal's reception on its timeline; the received one was already
    // national status 2 (received at the counter) and gets no second row.
    const rows = h.db
      .prepare(`SELECT dossier_id FROM dossier_events WHERE status = 'received' AND source = 'portal'`)
      .pluck()
      .all();
    expect(rows).toEqual([pending.id]);
    // The same page again (a lost cursor) does not call it twice.
    h.db.prepare(`DELETE FROM sync_state WHERE key = 'status.cursor'`).run();
    await h.advance(PULL_MS);
    expect(calls).toHaveLength(1);
  });

  it("'refused' on a pending dossier is the portal refusing to receive it, with its reason", async () => {
    const { h, calls } = setup();
    const d = h.seed({ reception: PENDING });
    h.sync.start();
    await h.advance(0);
    const { portalCode } = h.portal.dossiers.get(d.id)!;
    h.portal.changeLog.push({
      id: d.id,
      portalCode,
      status: 'refused',
      at: LATER,
      note: 'Không thuộc thẩm quyền',
      paid: null,
    });
    await h.advance(PULL_MS);
    expect(calls).toEqual([
      { id: d.id, status: 'refused', at: LATER, note: 'Không thuộc thẩm quyền', inTransaction: true },
    ]);
  });

  it('a portal that merges steps: processing on a pending dossier received it; a request for papers did not', async () => {
    const { h, calls } = setup();
    const merged = h.seed({ reception: PENDING });
    const asked = h.seed({ reception: PENDING });
    h.sync.start();
    await h.advance(0);
    for (const [d, status] of [
      [merged, 'processing'],
      [asked, 'supplement'],
    ] as const) {
      const { portalCode } = h.portal.dossiers.get(d.id)!;
      h.portal.changeLog.push({ id: d.id, portalCode, status, at: LATER, note: null, paid: null });
    }
    await h.advance(PULL_MS);
    expect(calls).toEqual([
      { id: merged.id, status: 'received', at: LATER, note: null, inTransaction: true },
    ]);
  });
});
