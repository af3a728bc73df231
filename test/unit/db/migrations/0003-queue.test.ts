import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../../main/core/db/migrate';

const now = new Date('2026-11-23T02:00:00Z');

describe('migration 0003-queue', () => {
  it('adds the queue tables on top of 0002 and keeps staff and alert rows', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, { now, upTo: 2 });
    db.prepare(
      "INSERT INTO staff_users (user, display_name, role, pin_hash, created_at) VALUES ('a', 'A', 'admin', 'h', 'now')",
    ).run();
    db.prepare(
      "INSERT INTO alerts (level, code, vi, en, created_at) VALUES ('warning', 'x', 'vi', 'en', 'now')",
    ).run();

    expect(migrate(db, { now, upTo: 3 })).toEqual([3]);

    expect(db.prepare('SELECT user, display_name, role, pin_hash FROM staff_users').all()).toEqual([
      { user: 'a', display_name: 'A', role: 'admin', pin_hash: 'h' },
    ]);
    expect(db.prepare('SELECT level, code, vi, en FROM alerts').all()).toEqual([
      { level: 'warning', code: 'x', vi: 'vi', en: 'en' },
    ]);
    const staffId = db.prepare("SELECT id FROM staff_users WHERE user = 'a'").pluck().get();
    // A counter may name the staff account kept from before the migration.
    db.prepare("INSERT INTO counter_state (counter_id, staff_id, updated_at) VALUES (1, ?, 'now')").run(
      staffId,
    );
    expect(() =>
      db.prepare("INSERT INTO counter_state (counter_id, staff_id, updated_at) VALUES (2, 999, 'now')").run(),
    ).toThrow(/FOREIGN KEY/);
  });

  it('gives a ticket one number per service and day, and only known states', () => {
    const db = new Database(':memory:');
    migrate(db, { now, upTo: 3 });
    const issue = db.prepare(
      "INSERT INTO tickets (service_id, day, seq, number, status, issued_at, origin_service) VALUES ('s', '2026-11-23', ?, 'A001', ?, 'now', 's')",
    );
    issue.run(1, 'waiting');
    expect(() => issue.run(1, 'waiting')).toThrow(/UNIQUE/);
    expect(() => issue.run(2, 'lost')).toThrow(/CHECK/);
    expect(db.prepare('SELECT recalls FROM tickets').pluck().get()).toBe(0);
  });

  it('accepts only known print job states', () => {
    const db = new Database(':memory:');
    migrate(db, { now, upTo: 3 });
    const job = db.prepare(
      "INSERT INTO print_jobs (printer_id, kind, payload, status, next_attempt_at, created_at, updated_at) VALUES ('p', 'ticket', '{}', ?, 'now', 'now', 'now')",
    );
    job.run('queued');
    expect(() => job.run('lost')).toThrow(/CHECK/);
  });
});
