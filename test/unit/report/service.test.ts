import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CallContext } from '../../../main/core';
import type { Core } from '../../../main/core/types';
import type { Indicators } from '../../../preload/api';
import { createIndicators, createReportHandlers, indicatorsCsv } from '../../../main/core/report';
import { computeIndicators } from '../../../main/core/report/indicators';
import { answer, failure } from '../failures';
import { FAST_SCRYPT, makeCore, quietLogs, tempDir } from '../helpers';
import { hashPin } from '../../../main/core/staff/pin';
import {
  type Harness,
  addStaff,
  baseConfig,
  birthData,
  birthProcedure,
  feeProcedure,
  fromUsb,
  harness,
  imageBytes,
  staff,
} from '../dossier/fixtures';

/**
 * report.indicators on a real, migrated database: dossiers filed through the dossier service, statuses
 * written as the status pull writes them (the portal's own time texts), ratings as the feedback module
 * keeps them; then the same through the core's dispatcher with a staff session.
 */

quietLogs();

let h: Harness | undefined;
afterEach(() => h?.close());

const NOVEMBER_WEEK = { from: '2026-11-23', to: '2026-11-30' };

async function filed(h: Harness): Promise<{ a: string; b: string; c: string }> {
  addStaff(h.db);
  writeFileSync(join(h.importDir, 'p.jpg'), imageBytes('jpeg'));
  const birth = async (actor = {}) => {
    const { id } = h.dossiers.create(birthProcedure.id, actor);
    h.dossiers.update({ id, data: birthData, contact: { phone: '0912345678' } });
    await h.dossiers.attach({ id, componentId: 'giay-chung-sinh', source: fromUsb('p.jpg') });
    await h.dossiers.attach({ id, componentId: 'anh-cccd', source: fromUsb('p.jpg') });
    return id;
  };
  // Monday 23 November 2026, 09:00 in Hà Nội. A: with staff (counter); B: the citizen alone (kiosk).
  const a = h.dossiers.submit(await birth({ staff }), { staff });
  const b = h.dossiers.submit(await birth());
  const { id: cDraft } = h.dossiers.create(feeProcedure.id, { staff });
  h.dossiers.update({
    id: cDraft,
    data: { nguoiYeuCau: { fullName: 'Lê Văn Cường' } },
    contact: { phone: '0912345678' },
  });
  await h.dossiers.attach({ id: cDraft, componentId: 'ban-chinh', source: fromUsb('p.jpg') });
  const c = h.dossiers.submit(cDraft, { staff });
  expect([a.dueDate, c.dueDate]).toEqual(['2026-11-26', '2026-11-25']); // 3 and 2 working days

  // B's birth certificate file is gone (handed in on paper only): B is not digitised.
  h.db.prepare(`DELETE FROM attachments WHERE dossier_id = ? AND component_id = 'giay-chung-sinh'`).run(b.id);
  const event = h.db.prepare(
    `INSERT INTO dossier_events (dossier_id, status, at, source) VALUES (?, ?, ?, 'portal')`,
  );
  // A: papers asked on the 24th 10:00 (a time without offset: the centre's, not the machine's), brought
  // on the 27th 10:00, done on the 29th 20:00: minus the 3 days paused, the 26th 20:00, its due day. On
  // time; with the first time read as UTC (17:00 here) the pause is 7 h shorter and A is late.
  // Written out of order (as a page of portal changes may be): the rules read them in time order.
  event.run(a.id, 'done', '2026-11-29T13:00:00Z');
  event.run(a.id, 'supplement', '2026-11-24T10:00:00');
  event.run(a.id, 'processing', '2026-11-27T10:00:00+07:00');
  // C: done on the 26th 10:00 Hà Nội, due the 25th: late. Its fee paid (how: not known before 0014).
  event.run(c.id, 'done', '2026-11-26T03:00:00.000Z');
  h.db.prepare('UPDATE dossiers SET paid = 1 WHERE id = ?').run(c.id);
  const rate = h.db.prepare(
    `INSERT INTO ratings (at, day, context, dossier_code, rating) VALUES ('2026-11-24T03:00:00Z', '2026-11-24', ?, ?, ?)`,
  );
  rate.run('submit', a.code, 'very-satisfied');
  rate.run('lookup', b.code, 'unsatisfied');
  rate.run('queue', null, 'unsatisfied'); // the queue's: not a dossier's
  return { a: a.id, b: b.id, c: c.id };
}

/** What the week above gives, worked out by hand. */
function expectWeek(result: Indicators): void {
  expect(result.all).toEqual({
    key: 'all',
    label: 'Tất cả',
    received: { total: 3, kiosk: 1, counter: 2, refused: 0 },
    digitised: { count: 2, of: 3, share: 2 / 3 }, // A and C; B misses a file
    onTime: { count: 1, of: 2, share: 0.5 }, // A (its pause subtracted); C late
    paidOnline: { count: 0, of: 1, share: 0 }, // C paid, not known to be online
    satisfied: { count: 1, of: 2, share: 0.5 },
  });
  expect(result.byProcedure.map((r) => [r.key, r.received.total, r.onTime.count, r.onTime.of])).toEqual([
    ['chung-thuc', 1, 0, 1],
    ['khai-sinh', 2, 1, 1],
  ]);
  expect(result.byField.map((r) => [r.label, r.received.total])).toEqual([['Hộ tịch', 3]]);
  expect(result.days.map((d) => [d.day, d.received, d.finished, d.onTime])).toEqual([
    ['2026-11-23', 3, 0, 0],
    ['2026-11-24', 0, 0, 0],
    ['2026-11-25', 0, 0, 0],
    ['2026-11-26', 0, 1, 0],
    ['2026-11-27', 0, 0, 0],
    ['2026-11-28', 0, 0, 0],
    ['2026-11-29', 0, 1, 1],
    ['2026-11-30', 0, 0, 0],
  ]);
}

describe('report.indicators on the database', () => {
  it('reads the dossiers, their timelines, files and ratings of the range', async () => {
    h = harness(tempDir());
    await filed(h);
    const indicators = createIndicators({ db: h.db, timeZone: 'Asia/Ho_Chi_Minh' });
    expectWeek(indicators.indicators(NOVEMBER_WEEK));
    // The next week holds none of it: A and C finished, B was submitted, everyone rated in this one.
    const next = indicators.indicators({ from: '2026-12-01', to: '2026-12-07' });
    expect(next.all).toMatchObject({ received: { total: 0 }, onTime: { of: 0 }, satisfied: { of: 0 } });
  });

  it('reads what migration 0014 adds where the database has it, and as unknown where it has not', async () => {
    h = harness(tempDir());
    const { a, c } = await filed(h);
    const has = () =>
      new Set(
        (h?.db.prepare('PRAGMA table_info(dossiers)').all() as { name: string }[]).map((col) => col.name),
      );
    for (const [name, type] of [
      ['paid_via', 'TEXT'],
      ['result_electronic', 'INTEGER'],
      ['first_due_date', 'TEXT'],
    ] as const)
      if (!has().has(name)) h.db.exec(`ALTER TABLE dossiers ADD COLUMN ${name} ${type}`);
    // C paid online; A's result on paper; C's appointment moved by the portal to the 27th (an extension):
    // still scored against the 25th it was first given, so still late.
    h.db.prepare(`UPDATE dossiers SET paid_via = 'online' WHERE id = ?`).run(c);
    h.db.prepare('UPDATE dossiers SET result_electronic = 0 WHERE id = ?').run(a);
    h.db
      .prepare(`UPDATE dossiers SET first_due_date = due_date, due_date = '2026-11-27' WHERE id = ?`)
      .run(c);
    const withColumns = createIndicators({ db: h.db, timeZone: 'Asia/Ho_Chi_Minh' }).indicators(
      NOVEMBER_WEEK,
    );
    expect(withColumns.all).toMatchObject({
      paidOnline: { count: 1, of: 1 },
      digitised: { count: 1, of: 3 }, // C only: A's result is on paper, B misses a file
      onTime: { count: 1, of: 2 },
    });

    // A database before 0014: the same rows read as not known (and C's due date as its only one, the 27th).
    for (const name of ['paid_via', 'result_electronic', 'first_due_date'])
      h.db.exec(`ALTER TABLE dossiers DROP COLUMN ${name}`);
    const without = createIndicators({ db: h.db, timeZone: 'Asia/Ho_Chi_Minh' }).indicators(NOVEMBER_WEEK);
    expect(without.all).toMatchObject({
      paidOnline: { count: 0, of: 1 },
      digitised: { count: 2, of: 3 },
      onTime: { count: 2, of: 2 },
    });
  });

  it("finds a finish by its instant in the centre's zone, whatever day its stored text begins with", async () => {
    h = harness(tempDir());
    const { b } = await filed(h);
    // 17:30 UTC on 30 November is 00:30 on 1 December in Hà Nội: December's, though its text says 30.
    h.db
      .prepare(`INSERT INTO dossier_events (dossier_id, status, at, source) VALUES (?, 'done', ?, 'portal')`)
      .run(b, '2026-11-30T17:30:00Z');
    const indicators = createIndicators({ db: h.db, timeZone: 'Asia/Ho_Chi_Minh' });
    expect(indicators.indicators({ from: '2026-12-01', to: '2026-12-07' }).all.onTime.of).toBe(1);
    expect(indicators.indicators({ from: '2026-11-30', to: '2026-11-30' }).all.onTime.of).toBe(0);
  });

  it('a rating by the portal code counts for its dossier, the last one given', async () => {
    h = harness(tempDir());
    const { c } = await filed(h);
    h.db.prepare(`UPDATE dossiers SET portal_code = 'G22-C' WHERE id = ?`).run(c);
    const rate = h.db.prepare(
      `INSERT INTO ratings (at, day, context, dossier_code, rating) VALUES (?, '2026-12-02', 'lookup', ?, ?)`,
    );
    rate.run('2026-12-02T02:00:00Z', 'G22-C', 'unsatisfied');
    rate.run('2026-12-02T03:00:00Z', 'G22-C', 'very-satisfied');
    rate.run('2026-12-02T03:00:00Z', 'NOT-HERE', 'very-satisfied');
    const result = createIndicators({ db: h.db, timeZone: 'Asia/Ho_Chi_Minh' }).indicators({
      from: '2026-12-01',
      to: '2026-12-07',
    });
    expect(result.all.satisfied).toEqual({ count: 1, of: 1, share: 1 });
    expect(result.byProcedure.map((r) => [r.key, r.satisfied.count, r.satisfied.of])).toEqual([
      ['chung-thuc', 1, 1],
    ]);
  });

  it('reads no timeline row outside the range: the finished ones by the index, never a scan', () => {
    h = harness(tempDir());
    const db = h.db;
    const statements: string[] = [];
    const prepare = db.prepare.bind(db);
    db.prepare = ((sql: string) => {
      statements.push(sql);
      return prepare(sql);
    }) as typeof db.prepare;
    createIndicators({ db, timeZone: 'Asia/Ho_Chi_Minh' });
    db.prepare = prepare as typeof db.prepare;
    const params = { from: '2026-11-23', to: '2026-11-30', lo: '2026-11-21', hi: '2026-12-03', ids: '[]' };
    const plans = statements
      .filter((sql) => sql.includes('dossier_events'))
      .map((sql) => {
        const names = new Set([...sql.matchAll(/@(\w+)/g)].map((m) => m[1] ?? ''));
        const bound = Object.fromEntries(Object.entries(params).filter(([k]) => names.has(k)));
        const rows = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(bound) as { detail: string }[];
        return rows.map((r) => r.detail).join(' | ');
      });
    expect(plans.length).toBeGreaterThan(0);
    for (const plan of plans) expect(plan).not.toMatch(/SCAN (dossier_events|e)\b/);
    expect(plans.join(' ')).toContain('dossier_events_done');
  });

  it('the CSV asked within a minute of the figures is those figures; later, computed again', async () => {
    h = harness(tempDir());
    await filed(h);
    let now = Date.parse('2026-12-01T02:00:00Z');
    const indicators = createIndicators({ db: h.db, timeZone: 'Asia/Ho_Chi_Minh', now: () => now });
    const handlers = createReportHandlers({ indicators });
    const csv = () => handlers['report.indicatorsCsv'](NOVEMBER_WEEK, undefined as never);
    const shown = indicators.indicators(NOVEMBER_WEEK);
    // A rating arrives after the screen drew the figures (B's code at lookup: 2 of 3 satisfied).
    h.db
      .prepare(
        `INSERT INTO ratings (at, day, context, dossier_code, rating) VALUES ('x', '2026-11-25', 'submit', ?, 'satisfied')`,
      )
      .run(h.db.prepare(`SELECT code FROM dossiers WHERE assisted_by IS NULL`).pluck().get());
    now += 59_000;
    expect(await csv()).toEqual(indicatorsCsv(shown));
    now += 2_000;
    const fresh = indicators.indicators(NOVEMBER_WEEK);
    expect(fresh.all.satisfied.of).toBe(shown.all.satisfied.of + 1);
    now += 61_000;
    expect(await csv()).toEqual(indicatorsCsv(fresh));
    h.db.prepare(`DELETE FROM ratings WHERE at = 'x'`).run();
    now += 61_000;
    expect(await csv()).toEqual(indicatorsCsv(shown)); // computed again: the rating is gone
  });

  it('refuses more than 366 days in words', () => {
    h = harness(tempDir());
    const indicators = createIndicators({ db: h.db, timeZone: 'Asia/Ho_Chi_Minh' });
    expect(indicators.indicators({ from: '2026-01-01', to: '2027-01-01' }).days).toHaveLength(366);
    const refused = failure(() => indicators.indicators({ from: '2026-01-01', to: '2027-01-02' }));
    expect(refused).toMatchObject({ code: 'indicators-range', field: 'to' });
    expect(refused.vi).toContain('366 ngày');
  });
});

describe('report.* through the core', () => {
  const PIN = '246813';
  const window: CallContext = { transport: 'ipc', local: true };
  const call = <T>(core: Core, name: string, input: unknown, ctx: CallContext) =>
    answer<T>(core.call(name, input, ctx), name);

  it('staff get the figures and the CSV; without a session, nothing', async () => {
    const dataDir = tempDir();
    h = harness(dataDir);
    await filed(h);
    const pinHash = await hashPin(PIN, { params: FAST_SCRYPT });
    h.db.prepare('UPDATE staff_users SET pin_hash = ? WHERE id = ?').run(pinHash, staff.id);
    h.close();
    h = undefined;
    const { core } = await makeCore({ dataDir, config: baseConfig });
    const denied = await core.call('report.indicators', NOVEMBER_WEEK, window);
    expect(denied.ok ? null : denied.error.code).toBe('unauthorized');

    // The counter officer who filed A and C, with a PIN, signs in: a staff account is enough.
    const { token } = await call<{ token: string }>(
      core,
      'staff.signIn',
      { user: staff.user, pin: PIN },
      window,
    );
    const staffCtx = { ...window, token };
    expectWeek(await call<Indicators>(core, 'report.indicators', NOVEMBER_WEEK, staffCtx));

    const tooLong = await core.call('report.indicators', { from: '2026-01-01', to: '2027-01-02' }, staffCtx);
    expect(tooLong.ok ? null : tooLong.error.code).toBe('indicators-range');

    const { filename, csv } = await call<{ filename: string; csv: string }>(
      core,
      'report.indicatorsCsv',
      NOVEMBER_WEEK,
      staffCtx,
    );
    expect(filename).toBe('chi-so-766-2026-11-23_2026-11-30.csv');
    const lines = csv.split('\r\n');
    expect(lines[0]?.startsWith('\uFEFFNhóm,Mã,Tên,Hồ sơ tiếp nhận')).toBe(true);
    expect(lines[0]).toContain('Tỷ lệ đúng hạn (%)');
    // The whole: 3 received (1 kiosk, 2 counter, 0 refused); digitised 2/3 66.7; on time 1/2 50.0;
    // online 0/1 0.0; satisfied 1/2 50.0. Then the field, then each procedure.
    expect(lines[1]).toBe('Tổng,all,2026-11-23 – 2026-11-30,3,1,2,0,2,3,66.7,1,2,50.0,0,1,0.0,1,2,50.0');
    expect(lines[2]?.startsWith('Lĩnh vực,Hộ tịch,Hộ tịch,3,')).toBe(true);
    expect(lines.slice(3, 5).map((l) => l.split(',').slice(0, 2).join(','))).toEqual([
      'Thủ tục,chung-thuc',
      'Thủ tục,khai-sinh',
    ]);
  });
});

describe('indicatorsCsv', () => {
  it('leaves an empty cell for a share with nothing to score and neutralises a name that is a formula', () => {
    const result = computeIndicators(
      { from: '2026-12-01', to: '2026-12-01', timeZone: 'Asia/Ho_Chi_Minh' },
      [
        {
          code: 'X-1',
          procedureId: 'x',
          procedureName: '=HYPERLINK("http://evil")',
          field: '+Lĩnh vực',
          day: '2026-12-01',
          channel: 'kiosk',
          reception: 'received',
          receivedAt: null,
          dueDate: '2026-12-03',
          feeAmount: 0,
          paid: false,
          paidVia: null,
          resultElectronic: null,
          papers: [],
          attached: new Set(),
          events: [],
        },
      ],
      [],
    );
    const lines = indicatorsCsv(result).csv.split('\r\n');
    expect(lines[1]).toBe('Tổng,all,2026-12-01 – 2026-12-01,1,1,0,0,1,1,100.0,0,0,,0,0,,0,0,');
    expect(lines[2]).toBe(`Lĩnh vực,'+Lĩnh vực,'+Lĩnh vực,1,1,0,0,1,1,100.0,0,0,,0,0,,0,0,`);
    expect(lines[3]).toBe(`Thủ tục,x,"'=HYPERLINK(""http://evil"")",1,1,0,0,1,1,100.0,0,0,,0,0,,0,0,`);
  });
});
