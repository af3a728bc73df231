import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../../main/core/db/migrate';

const now = new Date('2026-11-23T02:00:00Z');

describe('migration 0007-staff-signin', () => {
  it('gives open sessions an end ten hours after their sign-in, and keeps accounts', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, { now, upTo: 6 });
    db.prepare(
      "INSERT INTO staff_users (id, user, display_name, role, pin_hash, created_at) VALUES (1, 'admin', 'A', 'admin', 'h', 'now')",
    ).run();
    db.prepare(
      `INSERT INTO staff_sessions (token_hash, user_id, created_at, last_seen_at, expires_at)
       VALUES ('t', 1, '2026-11-23T01:30:00.000Z', '2026-11-23T01:59:00.000Z', '2026-11-23T02:29:00.000Z')`,
    ).run();

    expect(migrate(db, { now, upTo: 7 })).toEqual([7]);
    expect(db.prepare('SELECT ends_at FROM staff_sessions').pluck().get()).toBe('2026-11-23T11:30:00.000Z');
    expect(db.prepare('SELECT user, last_sign_in_at AS last FROM staff_users').get()).toEqual({
      user: 'admin',
      last: null,
    });
  });

  it('keeps one throttle row per name and source, with counts that cannot go negative', () => {
    const db = new Database(':memory:');
    migrate(db, { now, upTo: 7 });
    const insert = db.prepare(
      `INSERT INTO staff_signin_throttle (name, source, failures, window_start, lockouts, updated_at)
       VALUES (?, ?, ?, 'now', ?, 'now')`,
    );
    insert.run('admin', 'local', 1, 0);
    insert.run('admin', '192.168.1.20', 4, 0);
    insert.run('nobody', 'local', 1, 0);
    expect(() => insert.run('admin', 'local', 2, 0)).toThrow(/UNIQUE|PRIMARY/);
    expect(() => insert.run('x', 'local', -1, 0)).toThrow(/CHECK/);
    expect(() => insert.run('x', '*lan', 0, -1)).toThrow(/CHECK/);
  });
});
