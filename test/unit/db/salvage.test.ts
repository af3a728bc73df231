import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Role } from '../../../preload/api';
import { migrate } from '../../../main/core/db/migrate';
import { DB_FILE, openDatabase } from '../../../main/core/db/open';
import { salvageInto } from '../../../main/core/db/salvage';
import { quietLogs, tempDir } from '../helpers';
import { insertStaff } from '../staff-rows';
import { overwrite } from './overwrite';

quietLogs();

const now = new Date('2026-11-23T02:00:00Z');
const AT = now.toISOString();

/** A database file in `dir` at schema `upTo` (all migrations by default), filled by `fill`. */
function oldFile(dir: string, fill: (db: Database.Database) => void, upTo?: number): string {
  const path = join(dir, 'old.db');
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  migrate(db, { now, ...(upTo !== undefined ? { upTo } : {}) });
  fill(db);
  db.close();
  return path;
}

function newTarget(): Database.Database {
  return openDatabase(tempDir(), now).db;
}

const staffRow = (db: Database.Database, user: string, role: Role = 'staff'): number =>
  insertStaff(db, { user, role, pinHash: 'hash', createdAt: AT });

const overwritePage = (path: string, page: number): void =>
  overwrite(path, (page - 1) * 4096, randomBytes(4096));

describe('salvaging a moved-aside database', () => {
  it('copies the tables worth keeping, but no sessions (everyone signs in again) and no print jobs (no reprints)', () => {
    const dir = tempDir();
    const path = oldFile(dir, (db) => {
      const admin = staffRow(db, 'admin', 'admin');
      db.prepare(
        `INSERT INTO staff_sessions (token_hash, user_id, created_at, last_seen_at, expires_at, ends_at)
         VALUES ('t', ?, ?, ?, ?, ?)`,
      ).run(admin, AT, AT, AT, AT);
      db.prepare(
        `INSERT INTO print_jobs (printer_id, kind, payload, next_attempt_at, created_at, updated_at)
         VALUES ('p', 'ticket', '{}', ?, ?, ?)`,
      ).run(AT, AT, AT);
      db.prepare(
        `INSERT INTO staff_signin_throttle (name, source, failures, window_start, lockouts, locked_until, updated_at)
         VALUES ('admin', 'local', 5, ?, 1, '2026-11-23T03:00:00.000Z', ?)`,
      ).run(AT, AT);
    });
    const target = newTarget();
    const salvage = salvageInto(target, path);
    expect(salvage).toMatchObject({
      copied: { staff_users: 1, staff_signin_throttle: 1 },
      unreadable: {},
      complete: true,
    });
    expect(salvage.error).toBeUndefined();
    const count = (t: string) => target.prepare(`SELECT COUNT(*) FROM ${t}`).pluck().get();
    expect(count('staff_sessions')).toBe(0);
    expect(count('print_jobs')).toBe(0);
    // A running lock stays locked.
    expect(target.prepare('SELECT locked_until FROM staff_signin_throttle').pluck().get()).toBe(
      '2026-11-23T03:00:00.000Z',
    );
    expect(target.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('never changes the moved-aside file or its WAL, and leaves no scratch copy behind', () => {
    const dir = tempDir();
    const path = join(dir, 'old.db');
    const writer = new Database(path);
    writer.pragma('journal_mode = WAL');
    writer.pragma('wal_autocheckpoint = 0');
    migrate(writer, { now });
    staffRow(writer, 'admin', 'admin');
    // Copied while the writer is open: the row is only in the WAL, as after a power cut.
    const aside = join(dir, 'aside.db');
    copyFileSync(path, aside);
    copyFileSync(`${path}-wal`, `${aside}-wal`);
    writer.close();
    const before = [readFileSync(aside), readFileSync(`${aside}-wal`)];

    const target = newTarget();
    expect(salvageInto(target, aside).copied).toEqual({ staff_users: 1 });
    expect([readFileSync(aside), readFileSync(`${aside}-wal`)]).toEqual(before);
    expect(existsSync(`${aside}-shm`)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.includes('salvage'))).toEqual([]);
  });

  it('copies by the columns both schemas have (a file from an older version)', () => {
    const dir = tempDir();
    // Schema 6: staff_users has no last_sign_in_at yet.
    const path = oldFile(dir, (db) => staffRow(db, 'admin', 'admin'), 6);
    const target = newTarget();
    expect(salvageInto(target, path).copied).toEqual({ staff_users: 1 });
    expect(target.prepare('SELECT user, last_sign_in_at FROM staff_users').get()).toEqual({
      user: 'admin',
      last_sign_in_at: null,
    });
  });

  it('a row pointing at a row that was not saved: its reference is cleared, or it goes if it cannot be', () => {
    const dir = tempDir();
    let dossierPages: number[] = [];
    let staffPage = 0;
    const path = oldFile(dir, (db) => {
      const clerk = staffRow(db, 'thu');
      // The clerk's audit rows and a calendar change, each in a table of its own page.
      db.prepare(`INSERT INTO audit_log (at, actor_id, actor, action) VALUES (?, ?, 'thu', 'x')`).run(
        AT,
        clerk,
      );
      db.prepare(
        `INSERT INTO calendar_years (year, status, changed_by, changed_at) VALUES (2028, 'estimated', ?, ?)`,
      ).run(clerk, AT);
      const dossier = db.prepare(
        `INSERT INTO dossiers (id, procedure_id, procedure_json, data_json, created_at, updated_at)
         VALUES (?, 'p', '{}', ?, ?, ?)`,
      );
      const outbox = db.prepare(
        `INSERT INTO outbox (dossier_id, next_attempt_at, created_at, updated_at) VALUES (?, ?, ?, ?)`,
      );
      for (let i = 0; i < 60; i++) {
        const id = `d-${String(i).padStart(3, '0')}`;
        dossier.run(id, JSON.stringify({ pad: 'x'.repeat(600) }), AT, AT);
        outbox.run(id, AT, AT, AT);
      }
      const pages = (name: string) =>
        db
          .prepare(`SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf'`)
          .pluck()
          .all(name) as number[];
      dossierPages = pages('dossiers');
      staffPage = pages('staff_users')[0]!;
    });
    // The clerk's account and one page of dossiers are lost.
    overwritePage(path, staffPage);
    overwritePage(path, dossierPages[Math.floor(dossierPages.length / 2)]!);

    const target = newTarget();
    const salvage = salvageInto(target, path);
    const dossiers = target.prepare('SELECT COUNT(*) FROM dossiers').pluck().get() as number;
    expect(dossiers).toBeGreaterThan(40);
    expect(dossiers).toBeLessThan(60);
    // Outbox rows of lost dossiers go; the audit row stays, no longer naming an account that is not there.
    expect(target.prepare('SELECT COUNT(*) FROM outbox').pluck().get()).toBe(dossiers);
    expect(target.prepare('SELECT actor_id, actor FROM audit_log').all()).toEqual([
      { actor_id: null, actor: 'thu' },
    ]);
    expect(target.prepare('SELECT COUNT(*) FROM calendar_years').pluck().get()).toBe(0);
    expect(salvage.dropped).toMatchObject({ outbox: 60 - dossiers, calendar_years: 1 });
    expect(salvage.unreadable).toMatchObject({ staff_users: 1, dossiers: 1 });
    expect(target.pragma('foreign_key_check')).toEqual([]);
  });

  it('a file it cannot read at all: says why and leaves the new database as it was', () => {
    const dir = tempDir();
    const path = join(dir, 'old.db');
    writeFileSync(path, Buffer.from('not a database\n'.repeat(100)));
    const target = newTarget();
    const salvage = salvageInto(target, path);
    expect(salvage.copied).toEqual({});
    expect(salvage.error).toMatch(/not a database/);
    expect(target.prepare('SELECT COUNT(*) FROM staff_users').pluck().get()).toBe(0);
  });

  it('stops when its time is up, keeping what it copied', () => {
    const dir = tempDir();
    const path = oldFile(dir, (db) => staffRow(db, 'admin', 'admin'));
    const target = newTarget();
    const salvage = salvageInto(target, path, { budgetMs: -1 });
    expect(salvage.complete).toBe(false);
    expect(salvage.error).toBeUndefined();
  });

  it('through openDatabase: the moved-aside file is salvaged into the new one and counted in `recovered`', () => {
    const dir = tempDir();
    const first = openDatabase(dir, now);
    staffRow(first.db, 'admin', 'admin');
    first.db.close();
    overwrite(join(dir, DB_FILE), 0, randomBytes(100));
    const second = openDatabase(dir, now);
    expect(second.recovered?.salvage.copied).toEqual({ staff_users: 1 });
    expect(second.db.prepare('SELECT user FROM staff_users').pluck().all()).toEqual(['admin']);
    second.db.close();
  });
});
