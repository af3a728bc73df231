import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../../main/core/db/migrate';

const now = new Date('2026-11-23T02:00:00Z');

describe('migration 0001-staff', () => {
  it('creates staff accounts, sessions and the audit log with their constraints', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    expect(migrate(db, { now, upTo: 1 })).toEqual([1]);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['staff_users', 'staff_sessions', 'audit_log']));

    const insertUser = db.prepare(
      'INSERT INTO staff_users (user, display_name, role, pin_hash, created_at) VALUES (?, ?, ?, ?, ?)',
    );
    insertUser.run('lan', 'Chị Lan', 'staff', 'h', now.toISOString());
    expect(() => insertUser.run('lan', 'Trùng', 'staff', 'h', now.toISOString())).toThrow(/UNIQUE/);
    expect(() => insertUser.run('x', 'X', 'root', 'h', now.toISOString())).toThrow(/CHECK/);

    const insertSession = db.prepare(
      'INSERT INTO staff_sessions (token_hash, user_id, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?)',
    );
    expect(() => insertSession.run('t', 999, 'a', 'a', 'a')).toThrow(/FOREIGN KEY/);
    insertSession.run('t', 1, 'a', 'a', 'a');
    db.prepare('DELETE FROM staff_users WHERE id = 1').run();
    expect(db.prepare('SELECT COUNT(*) FROM staff_sessions').pluck().get()).toBe(0);
  });
});
