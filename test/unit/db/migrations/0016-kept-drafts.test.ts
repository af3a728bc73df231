import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../../main/core/db/migrate';

const now = new Date('2026-12-07T02:00:00Z');
const HASH = 'ab'.repeat(32);

function schema16() {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, { now, upTo: 15 });
  db.prepare(
    `INSERT INTO dossiers (id, procedure_id, procedure_json, status, park_code, created_at, updated_at)
     VALUES ('parked', 'p', '{}', 'parked', 'ABCDEF', 'now', 'now'), ('draft', 'p', '{}', 'draft', NULL, 'now', 'now')`,
  ).run();
  expect(migrate(db, { now, upTo: 16 })).toEqual([16]);
  return db;
}

const keysOf = (db: Database.Database) =>
  db.prepare('SELECT dossier_id FROM draft_keys ORDER BY dossier_id').pluck().all();

describe('migration 0016-kept-drafts', () => {
  it('leaves every dossier as it was: not set aside, no birth date to resume with', () => {
    const db = schema16();
    expect(db.prepare('SELECT id, set_aside_day, resume_birth_hash FROM dossiers ORDER BY id').all()).toEqual(
      [
        { id: 'draft', set_aside_day: null, resume_birth_hash: null },
        { id: 'parked', set_aside_day: null, resume_birth_hash: null },
      ],
    );
  });

  it('holds a day, hashes of 64 hex characters and a key of 32 bytes or more, nothing else', () => {
    const db = schema16();
    const aside = db.prepare("UPDATE dossiers SET set_aside_day = ? WHERE id = 'draft'");
    aside.run('2026-12-07');
    expect(() => aside.run('7/12/2026')).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE dossiers SET resume_birth_hash = '1990-01-01'").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO draft_keys VALUES ('001090001234', 'draft')").run()).toThrow(
      /CHECK/,
    );
    expect(() => db.prepare("INSERT INTO draft_keys VALUES (?, 'nobody')").run(HASH)).toThrow(/FOREIGN KEY/);
    const secret = db.prepare("INSERT INTO kiosk_secrets VALUES ('k', ?, 'now')");
    expect(() => secret.run(Buffer.alloc(16))).toThrow(/CHECK/);
    secret.run(Buffer.alloc(32));
  });

  it('drops a draft’s keys with it, and when it is submitted', () => {
    const db = schema16();
    const key = db.prepare('INSERT INTO draft_keys VALUES (?, ?)');
    key.run(HASH, 'draft');
    key.run(HASH, 'parked');
    db.prepare(
      "UPDATE dossiers SET set_aside_day = '2026-12-07', resume_birth_hash = ? WHERE id = 'parked'",
    ).run(HASH);
    db.prepare("DELETE FROM dossiers WHERE id = 'draft'").run();
    expect(keysOf(db)).toEqual(['parked']);
    db.prepare(
      `UPDATE dossiers SET status = 'submitted', code = 'C', received_at = 'now', due_date = '2026-12-10'
       WHERE id = 'parked'`,
    ).run();
    expect(keysOf(db)).toEqual([]);
    expect(
      db.prepare("SELECT set_aside_day, resume_birth_hash FROM dossiers WHERE id = 'parked'").get(),
    ).toEqual({
      set_aside_day: null,
      resume_birth_hash: null,
    });
  });
});
