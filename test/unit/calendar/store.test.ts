// The staff-editable calendar: an admin's changes sit on top of the shipped days, survive a restart,
// are audited with before/after, and count for the next due date without a restart.
import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { StaffUser } from '../../../preload/api';
import { createAudit } from '../../../main/core/audit';
import {
  VN_HOLIDAYS,
  createCalendarStore,
  dueDate,
  isWorkingDay,
  type CalendarStore,
} from '../../../main/core/calendar';
import { manualClock } from '../../../main/core/clock';
import { openDatabase } from '../../../main/core/db/open';
import { failure } from '../failures';
import { quietLogs, tempDir } from '../helpers';
import { insertStaff } from '../staff-rows';

quietLogs();

const admin: StaffUser = { id: 1, user: 'admin', displayName: 'Trần Văn Quản', role: 'admin' };
const clock = manualClock('2026-11-23T02:00:00.000Z');

const open: Database.Database[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

/** A store on a real database file in `dir` (the app's own openDatabase migrates it). */
function storeIn(dir: string): { db: Database.Database; store: CalendarStore } {
  const { db } = openDatabase(dir, clock.now());
  open.push(db);
  insertStaff(db, { id: 1, user: 'admin', displayName: 'Trần Văn Quản', role: 'admin' }, { ifMissing: true });
  return { db, store: createCalendarStore(db, { clock, audit: createAudit(db, clock) }) };
}

const dayOff = {
  date: '2026-03-03', // a Tuesday
  kind: 'swap-off' as const,
  name: { vi: 'Nghỉ hoán đổi (thử)', en: 'Swapped day off (test)' },
  status: 'official' as const,
  source: 'Thông báo thử nghiệm',
};

const auditRows = (db: Database.Database) =>
  (
    db.prepare('SELECT actor_id, actor, action, target_id, details FROM audit_log ORDER BY id').all() as {
      actor_id: number;
      actor: string;
      action: string;
      target_id: string;
      details: string;
    }[]
  ).map((r) => ({ ...r, details: JSON.parse(r.details) as Record<string, unknown> }));

describe('the calendar store', () => {
  it('starts as the shipped calendar: every shipped day listed as "shipped", years 2026 and 2027', () => {
    const { store } = storeIn(tempDir());
    const view = store.year(2026);
    expect(view.years).toEqual([2026, 2027]);
    expect(view.year).toMatchObject({ year: 2026, status: 'official', origin: 'shipped' });
    // In date order (the seed is grouped by decision, not sorted).
    expect(view.days.map((d) => d.date)).toEqual(
      VN_HOLIDAYS.entries
        .filter((e) => e.date.startsWith('2026-'))
        .map((e) => e.date)
        .sort(),
    );
    expect(view.days.every((d) => d.origin === 'shipped' && d.changedBy === null)).toBe(true);
    expect(store.year(2030)).toEqual({ year: null, days: [], years: [2026, 2027] });
  });

  it('adds a day off that the next due date counts, and says who added it', () => {
    const { store } = storeIn(tempDir());
    const due = () =>
      dueDate({ receivedAt: '2026-03-02T09:00:00+07:00', workingDays: 1, calendar: store.current() });
    expect(due().dueDate).toBe('2026-03-03');
    const saved = store.setDay(dayOff, admin);
    expect(saved).toMatchObject({
      ...dayOff,
      origin: 'staff',
      changedBy: 'Trần Văn Quản',
      changedAt: '2026-11-23T02:00:00.000Z',
    });
    expect(due().dueDate).toBe('2026-03-04');
    expect(store.year(2026).days.find((d) => d.date === '2026-03-03')?.origin).toBe('staff');
  });

  it('removes a shipped day (kept, marked removed) and restores it', () => {
    const { store } = storeIn(tempDir());
    expect(isWorkingDay('2026-09-01', store.current())).toBe(false);
    expect(store.removeDay('2026-09-01', admin)).toEqual({ date: '2026-09-01', origin: 'staff-removed' });
    expect(isWorkingDay('2026-09-01', store.current())).toBe(true);
    expect(store.year(2026).days.find((d) => d.date === '2026-09-01')).toMatchObject({
      kind: 'holiday',
      origin: 'staff-removed',
      changedBy: 'Trần Văn Quản',
    });
    const restored = store.restoreDay('2026-09-01', admin);
    expect(restored.day).toMatchObject({ date: '2026-09-01', kind: 'holiday', origin: 'shipped' });
    expect(isWorkingDay('2026-09-01', store.current())).toBe(false);
    expect(store.year(2026).days.find((d) => d.date === '2026-09-01')?.origin).toBe('shipped');
  });

  it('deletes a day only staff added when it is removed: nothing is left to restore', () => {
    const { store } = storeIn(tempDir());
    store.setDay(dayOff, admin);
    expect(store.removeDay(dayOff.date, admin)).toEqual({ date: dayOff.date, origin: 'none' });
    expect(store.year(2026).days.some((d) => d.date === dayOff.date)).toBe(false);
    expect(isWorkingDay(dayOff.date, store.current())).toBe(true);
    expect(store.restoreDay(dayOff.date, admin)).toEqual({ date: dayOff.date, day: null });
  });

  it('changes a shipped day, and saving it back unchanged makes it shipped again', () => {
    const { store } = storeIn(tempDir());
    const culture = VN_HOLIDAYS.entries.find((e) => e.date === '2026-11-24')!;
    expect(isWorkingDay('2026-11-24', store.current())).toBe(true); // pending: not counted
    expect(store.setDay({ ...culture, status: 'official' }, admin).origin).toBe('staff');
    expect(isWorkingDay('2026-11-24', store.current())).toBe(false);
    expect(store.setDay(culture, admin).origin).toBe('shipped');
    expect(isWorkingDay('2026-11-24', store.current())).toBe(true);
  });

  it('keeps every change after the database is closed and opened again', () => {
    const dir = tempDir();
    const first = storeIn(dir);
    first.store.setDay(dayOff, admin);
    first.store.removeDay('2026-09-01', admin);
    first.store.setYear({ year: 2028, status: 'estimated', note: 'Chờ thông báo' }, admin);
    first.db.close();
    open.splice(open.indexOf(first.db), 1);

    const { store } = storeIn(dir);
    expect(isWorkingDay(dayOff.date, store.current())).toBe(false);
    expect(isWorkingDay('2026-09-01', store.current())).toBe(true);
    expect(store.year(2028).year).toEqual({
      year: 2028,
      status: 'estimated',
      note: 'Chờ thông báo',
      origin: 'staff',
    });
    expect(store.year(2028).years).toEqual([2026, 2027, 2028]);
  });

  it('writes one audit row per change, naming the admin, with the day before and after', () => {
    const { db, store } = storeIn(tempDir());
    store.setDay(dayOff, admin);
    store.setDay({ ...dayOff, status: 'estimated' }, admin);
    store.removeDay('2026-09-01', admin);
    store.removeDay('2026-09-01', admin); // a repeat changes nothing, so it is not audited again
    store.restoreDay('2026-09-01', admin);
    store.setYear({ year: 2027, status: 'official', note: 'Đã có thông báo' }, admin);
    const rows = auditRows(db);
    expect(rows.map((r) => [r.action, r.target_id])).toEqual([
      ['calendar.setDay', '2026-03-03'],
      ['calendar.setDay', '2026-03-03'],
      ['calendar.removeDay', '2026-09-01'],
      ['calendar.restoreDay', '2026-09-01'],
      ['calendar.setYear', '2027'],
    ]);
    expect(rows.every((r) => r.actor_id === 1 && r.actor === 'admin')).toBe(true);
    expect(rows[0]?.details).toMatchObject({ before: null, after: { status: 'official' } });
    expect(rows[1]?.details).toMatchObject({
      before: { status: 'official', origin: 'staff' },
      after: { status: 'estimated' },
    });
    expect(rows[2]?.details).toMatchObject({ before: { kind: 'holiday', origin: 'shipped' }, after: null });
    expect(rows[3]?.details).toMatchObject({
      before: { origin: 'staff-removed' },
      after: { origin: 'shipped' },
    });
    expect(rows[4]?.details).toMatchObject({
      before: { status: 'estimated', origin: 'shipped' },
      after: { status: 'official', note: 'Đã có thông báo' },
    });
  });

  it('refuses a day in a year the calendar does not cover, telling the admin to add the year first', () => {
    const { db, store } = storeIn(tempDir());
    const error = failure(() => store.setDay({ ...dayOff, date: '2028-03-07' }, admin));
    expect(error).toMatchObject({ code: 'calendar-year-not-covered', field: 'date' });
    expect(error.vi).toContain('Hãy thêm năm 2028 trước');
    expect(error.en).toContain('Add the year 2028 first');
    expect(auditRows(db)).toEqual([]);
    store.setYear({ year: 2028, status: 'official', note: '' }, admin);
    expect(store.setDay({ ...dayOff, date: '2028-03-07' }, admin).origin).toBe('staff');
  });

  it('refuses a make-up working day on a weekday, and a date that does not exist', () => {
    const { db, store } = storeIn(tempDir());
    const weekday = failure(() => store.setDay({ ...dayOff, kind: 'swap-work' }, admin));
    expect(weekday).toMatchObject({ code: 'invalid-calendar-entry', field: 'kind' });
    expect(weekday.vi).toContain('thứ Bảy hoặc Chủ nhật');
    expect(failure(() => store.setDay({ ...dayOff, date: '2026-02-30' }, admin))).toMatchObject({
      code: 'invalid-date',
      field: 'date',
    });
    expect(failure(() => store.removeDay('2026-02-30', admin)).code).toBe('invalid-date');
    expect(auditRows(db)).toEqual([]);
    expect(isWorkingDay(dayOff.date, store.current())).toBe(true);
  });

  it('accepts a make-up Saturday and a holiday that falls on a Sunday', () => {
    const { store } = storeIn(tempDir());
    store.setDay({ ...dayOff, date: '2026-03-07', kind: 'swap-work' }, admin);
    expect(isWorkingDay('2026-03-07', store.current())).toBe(true);
    const sunday = store.setDay({ ...dayOff, date: '2026-03-08', kind: 'holiday' }, admin);
    expect(sunday.origin).toBe('staff');
    expect(isWorkingDay('2026-03-08', store.current())).toBe(false);
  });

  it('leaves a change half-done nowhere: a failing audit rolls the day back', () => {
    const dir = tempDir();
    const { db } = storeIn(dir);
    const audit = createAudit(db, clock);
    const broken = createCalendarStore(db, {
      clock,
      audit: {
        ...audit,
        record: () => {
          throw new Error('disk full');
        },
      },
    });
    expect(() => broken.setDay(dayOff, admin)).toThrow('disk full');
    expect(db.prepare('SELECT COUNT(*) FROM calendar_days').pluck().get()).toBe(0);
    expect(isWorkingDay(dayOff.date, broken.current())).toBe(true);
  });

  it('starts even when a stored day no longer fits the shipped data, leaving that day out', () => {
    const dir = tempDir();
    const { db } = storeIn(dir);
    // Written by hand: a weekday "make-up working day" (setDay refuses it) in a year the seed covers.
    db.prepare(
      `INSERT INTO calendar_days (date, kind, name_vi, name_en, status, changed_by, changed_at)
       VALUES ('2026-03-04', 'swap-work', 'Làm bù', 'Make-up day', 'official', 1, 'now')`,
    ).run();
    const store = createCalendarStore(db, { clock, audit: createAudit(db, clock) });
    expect(store.current().byDate.has('2026-03-04')).toBe(false);
    expect(isWorkingDay('2026-09-01', store.current())).toBe(false);
  });
});
