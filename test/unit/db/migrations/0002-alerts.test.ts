import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../../main/core/db/migrate';

const now = new Date('2026-11-23T02:00:00Z');

describe('migration 0002-alerts', () => {
  it('adds the alerts table on top of 0001 and keeps existing rows', () => {
    const db = new Database(':memory:');
    migrate(db, { now, upTo: 1 });
    db.prepare(
      "INSERT INTO staff_users (user, display_name, role, pin_hash, created_at) VALUES ('a', 'A', 'admin', 'h', 'now')",
    ).run();
    expect(migrate(db, { now, upTo: 2 })).toEqual([2]);
    expect(db.prepare('SELECT COUNT(*) FROM staff_users').pluck().get()).toBe(1);
    const insert = db.prepare('INSERT INTO alerts (level, code, vi, en, created_at) VALUES (?, ?, ?, ?, ?)');
    insert.run('critical', 'x', 'vi', 'en', now.toISOString());
    expect(() => insert.run('panic', 'x', 'vi', 'en', now.toISOString())).toThrow(/CHECK/);
  });
});
