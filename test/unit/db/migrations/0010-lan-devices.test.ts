import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../../main/core/db/migrate';

const now = new Date('2026-12-07T02:00:00Z');

function addDevice(db: Database.Database, id: string, role: string, hash = 'ab'.repeat(32)): void {
  db.prepare(
    `INSERT INTO lan_devices (id, name, role, token_hash, paired_at, paired_by) VALUES (?, 'Quầy 1', ?, ?, 'now', 'admin')`,
  ).run(id, role, hash);
}

describe('migration 0010-lan-devices', () => {
  it('keeps the sessions signed in before it as the kiosk window’s (no device)', () => {
    const db = new Database(':memory:');
    migrate(db, { now, upTo: 9 });
    db.prepare(
      `INSERT INTO staff_users (id, user, display_name, role, pin_hash, created_at) VALUES (1, 'admin', 'A', 'admin', 'h', 'now')`,
    ).run();
    db.prepare(
      `INSERT INTO staff_sessions (token_hash, user_id, created_at, last_seen_at, expires_at, ends_at) VALUES ('t', 1, 'now', 'now', 'later', 'later')`,
    ).run();
    expect(migrate(db, { now, upTo: 10 })).toEqual([10]);
    expect(db.prepare('SELECT device_id FROM staff_sessions').pluck().get()).toBeNull();
  });

  it('holds a role it knows, a SHA-256 per token, and one device per token', () => {
    const db = new Database(':memory:');
    migrate(db, { now, upTo: 10 });
    addDevice(db, 'd-1', 'counter');
    expect(() => addDevice(db, 'd-2', 'printer', 'cd'.repeat(32))).toThrow(/CHECK/);
    expect(() => addDevice(db, 'd-3', 'display', 'short')).toThrow(/CHECK/);
    expect(() => addDevice(db, 'd-4', 'display')).toThrow(/UNIQUE/);
  });
});
