import { describe, expect, it } from 'vitest';
import { retryDelayMs } from '../../../main/core/sync/backoff';
import { createSyncHandlers, dayStart } from '../../../main/core/sync';
import { alerts, feed } from '../../../main/core/sync/messages';
import type { PortalStatusChange } from '../../../main/core/sync/types';
import { harness, outboxRow, staff } from './support';

describe('retryDelayMs', () => {
  const delay = (attempts: number, random: number, retryAfterMs: number | null = null) =>
    retryDelayMs({ attempts, maxBackoffMs: 300_000, retryAfterMs, random: () => random });

  it('is a random share of an exponential ceiling (full jitter), capped', () => {
    expect([1, 2, 3, 4].map((n) => delay(n, 0.999999))).toEqual([1999, 3999, 7999, 15999]);
    expect(delay(3, 0)).toBe(0);
    expect(delay(30, 0.999999)).toBe(299_999);
    expect(delay(10_000, 0.5)).toBe(150_000);
  });

  it('waits at least what Retry-After asks, at most an hour of it', () => {
    expect(delay(1, 0.5, 30_000)).toBe(30_000);
    expect(delay(8, 0.9, 1_000)).toBe(230_400);
    expect(delay(1, 0.1, 86_400_000)).toBe(3_600_000);
  });
});

describe('dayStart', () => {
  it('is local midnight in the centre’s zone, whatever the machine’s', () => {
    // 06:30 on the 24th in Hà Nội is 23:30 on the 23rd in UTC.
    expect(dayStart(new Date('2026-11-23T23:30:00.250Z'), 'Asia/Ho_Chi_Minh')).toBe(
      '2026-11-23T17:00:00.000Z',
    );
    expect(dayStart(new Date('2026-11-23T16:59:59.000Z'), 'Asia/Ho_Chi_Minh')).toBe(
      '2026-11-22T17:00:00.000Z',
    );
  });

  it('stays right on a daylight-saving day', () => {
    // Berlin moves from +01:00 to +02:00 at 02:00 local on 29 March 2026; midnight was still +01:00.
    expect(dayStart(new Date('2026-03-29T10:00:00.000Z'), 'Europe/Berlin')).toBe('2026-03-28T23:00:00.000Z');
    expect(dayStart(new Date('2026-10-25T10:00:00.000Z'), 'Europe/Berlin')).toBe('2026-10-24T22:00:00.000Z');
  });
});

describe('sync.status and handlers', () => {
  it('counts what was synced today in the centre’s day, not yesterday’s', async () => {
    const h = harness();
    const old = h.seed();
    h.db
      .prepare(`UPDATE outbox SET state = 'done', done_at = '2026-11-22T16:59:59.000Z' WHERE dossier_id = ?`)
      .run(old.id);
    h.seed();
    h.sync.start();
    await h.advance(0);
    expect(h.sync.status()).toMatchObject({ synced: 1, waiting: 0 });
    expect(outboxRow(h.db, old.id).state).toBe('done');
  });

  it('keeps "synced today" right as dossiers go, and starts again from 0 at the centre’s midnight', async () => {
    const h = harness();
    h.seed();
    h.sync.start();
    await h.advance(0);
    expect(h.sync.status().synced).toBe(1);
    h.seed();
    h.sync.kick();
    await h.advance(0);
    expect(h.sync.status().synced).toBe(2);
    // 09:00 → 23:59:59 in Hà Nội (UTC+7): still today.
    h.clock.set(new Date('2026-11-23T16:59:59.000Z'));
    expect(h.sync.status().synced).toBe(2);
    // Past midnight there: a new day, then one more sent on it.
    h.clock.set(new Date('2026-11-23T17:00:01.000Z'));
    expect(h.sync.status().synced).toBe(0);
    h.seed();
    h.sync.kick();
    await h.advance(0);
    expect(h.sync.status().synced).toBe(1);
  });

  it('wires the four contract methods; retry needs a staff member and records who', async () => {
    const h = harness();
    const handlers = createSyncHandlers({ sync: h.sync });
    const local = { transport: 'ipc', local: true, caller: { kind: 'window' } } as const;
    expect(await handlers['sync.status']({}, local)).toMatchObject({ portalConfigured: true, online: false });
    expect(() => handlers['sync.retry']({}, local)).toThrow(/staff/);
    const withStaff = {
      ...local,
      staff: { id: staff.id, user: staff.user, displayName: 'Trần Thị Bích', role: 'staff' as const },
    };
    expect(await handlers['sync.retry']({}, withStaff)).toMatchObject({ waiting: 0 });
    expect(h.db.prepare(`SELECT actor FROM audit_log WHERE action = 'sync.retry'`).pluck().get()).toBe(
      'canbo1',
    );
    expect(await handlers['sync.attention']({}, withStaff)).toEqual([]);
    const feed = await handlers['sync.feed']({}, withStaff);
    expect(feed[0]).toMatchObject({ kind: 'retry', code: null });
    expect(feed[0]!.message.vi).toContain('canbo1');
  });
});

describe('the staff alert for a refused dossier', () => {
  it('lists the portal reasons once each, with one full stop at the end', () => {
    const why = { code: 'portal-refused', vi: 'Cổng từ chối hồ sơ.', en: 'The portal refused it.' };
    const text = alerts.refused('K01-0001', why, ['Thiếu "Giấy tờ khác".', 'Sai ngày sinh']);
    expect(text.vi).toContain('Lý do: Thiếu "Giấy tờ khác"; Sai ngày sinh. ');
    expect(text.vi).not.toMatch(/\.\./);
    expect(text.en).not.toMatch(/\.\./);
    expect(alerts.refused('K01-0002', why, []).vi).not.toContain('Lý do');
  });
});

describe('staff alerts that take in the portal words', () => {
  // Seen on screen: "Cổng yêu cầu bổ sung hồ sơ …: Nộp bản rõ hơn Hãy liên hệ công dân."
  it('end the portal note with a full stop before the next sentence starts', () => {
    const text = alerts.supplement('K01-0003', 'Nộp bản rõ hơn');
    expect(text.vi).toBe('Cổng yêu cầu bổ sung hồ sơ K01-0003: Nộp bản rõ hơn. Hãy liên hệ công dân.');
    expect(text.en).toContain('(in its words: Nộp bản rõ hơn.) Please');
    expect(alerts.supplement('K01-0003', 'Nộp bản rõ hơn.').vi).not.toMatch(/\.\./);
    expect(alerts.supplement('K01-0003', null).vi).toBe(
      'Cổng yêu cầu bổ sung hồ sơ K01-0003. Hãy liên hệ công dân.',
    );
  });

  it('end an error without a full stop before the next sentence', () => {
    const text = alerts.reception('K01-0004', 5, 'HTTP 503');
    expect(text.vi).toContain('sau 5 lần thử: HTTP 503. Ki-ốt vẫn');
    expect(text.en).toContain('attempts: HTTP 503. The kiosk');
    const why = { code: 'x', vi: 'Cổng trả lỗi 500', en: 'The portal answered 500' };
    expect(feed.retry('K01-0005', why, '10:00').vi).toContain('Cổng trả lỗi 500. Lần thử');
    expect(feed.attention('K01-0005', why).vi).toMatch(/500\.$/);
    expect(feed.offline(why).en).toContain('answered 500. Dossiers');
    expect(
      feed.status('K01-0005', { status: 'supplement', note: 'Thiếu ảnh' } as PortalStatusChange).vi,
    ).toBe('Hồ sơ K01-0005 cần bổ sung giấy tờ: Thiếu ảnh.');
  });
});
