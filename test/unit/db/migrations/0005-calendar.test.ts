import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../../main/core/db/migrate';

const now = new Date('2026-11-23T02:00:00Z');

function migrated(): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, { now, upTo: 5 });
  db.prepare(
    "INSERT INTO staff_users (id, user, display_name, role, pin_hash, created_at) VALUES (1, 'admin', 'A', 'admin', 'h', 'now')",
  ).run();
  return db;
}

describe('migration 0005-calendar', () => {
  it('adds the calendar tables on top of 0004 and keeps dossiers', () => {
    const db = new Database(':memory:');
    migrate(db, { now, upTo: 4 });
    db.prepare(
      "INSERT INTO dossiers (id, procedure_id, procedure_json, created_at, updated_at) VALUES ('a', 'p', '{}', 'now', 'now')",
    ).run();
    expect(migrate(db, { now, upTo: 5 })).toEqual([5]);
    expect(db.prepare('SELECT COUNT(*) FROM dossiers').pluck().get()).toBe(1);
    expect(db.prepare('SELECT COUNT(*) FROM calendar_days').pluck().get()).toBe(0);
    expect(db.prepare('SELECT COUNT(*) FROM calendar_years').pluck().get()).toBe(0);
  });

  it('keeps a removal row empty, but a day row whole', () => {
    const db = migrated();
    const day = db.prepare(
      `INSERT INTO calendar_days (date, removed, kind, name_vi, name_en, status, changed_by, changed_at)
       VALUES (?, ?, ?, ?, ?, ?, 1, 'now')`,
    );
    day.run('2026-09-01', 1, null, null, null, null);
    expect(() => day.run('2026-03-03', 0, 'swap-off', null, 'Day off', 'official')).toThrow(/CHECK/);
    day.run('2026-03-03', 0, 'swap-off', 'Nghỉ', 'Day off', 'official');
    expect(() => day.run('2026-03-04', 0, 'festival', 'Lễ', 'Fest', 'official')).toThrow(/CHECK/);
    expect(() => day.run('2026-3-5', 0, 'holiday', 'Lễ', 'Fest', 'official')).toThrow(/CHECK/);
    // One row per date: a second change of the same date is an update, never a second row.
    expect(() => day.run('2026-03-03', 1, null, null, null, null)).toThrow(/UNIQUE|PRIMARY/);
  });

  it('names the admin who made each change', () => {
    const db = migrated();
    expect(() =>
      db
        .prepare(
          "INSERT INTO calendar_years (year, status, note, changed_by, changed_at) VALUES (2028, 'official', '', 99, 'now')",
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
    const year = db.prepare(
      'INSERT INTO calendar_years (year, status, note, changed_by, changed_at) VALUES (?, ?, ?, 1, ?)',
    );
    year.run(2028, 'official', 'Thông báo của Bộ Nội vụ', 'now');
    expect(() => year.run(2029, 'pending', '', 'now')).toThrow(/CHECK/);
  });
});
