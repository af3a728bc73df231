import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../../main/core/db/migrate';

const now = new Date('2026-11-23T02:00:00Z');

function draft(db: Database.Database, id: string): void {
  db.prepare(
    "INSERT INTO dossiers (id, procedure_id, procedure_json, created_at, updated_at) VALUES (?, 'p', '{}', 'now', 'now')",
  ).run(id);
}

describe('migration 0004-dossiers', () => {
  it('adds dossier tables on top of 0003 and keeps queue rows', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, { now, upTo: 3 });
    expect(migrate(db, { now, upTo: 4 })).toEqual([4]);
    draft(db, 'a');
    expect(db.prepare('SELECT status FROM dossiers').pluck().get()).toBe('draft');
  });

  it('refuses a submitted dossier without a code, and two dossiers with one day sequence', () => {
    const db = new Database(':memory:');
    migrate(db, { now, upTo: 4 });
    draft(db, 'a');
    expect(() => db.prepare("UPDATE dossiers SET status = 'submitted' WHERE id = 'a'").run()).toThrow(
      /CHECK/,
    );
    draft(db, 'b');
    db.prepare("UPDATE dossiers SET day = '2026-11-23', seq = 1 WHERE id = 'a'").run();
    expect(() => db.prepare("UPDATE dossiers SET day = '2026-11-23', seq = 1 WHERE id = 'b'").run()).toThrow(
      /UNIQUE/,
    );
  });

  it('keeps attachments tied to stored blobs and removes them with their draft', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, { now, upTo: 4 });
    draft(db, 'a');
    const attach = db.prepare(
      "INSERT INTO attachments (id, dossier_id, component_id, position, name, kind, pages, sha256, created_at) VALUES ('x', 'a', 'c', 0, 'n', 'pdf', 1, ?, 'now')",
    );
    const sha = 'ab'.repeat(32);
    expect(() => attach.run(sha)).toThrow(/FOREIGN KEY/);
    db.prepare("INSERT INTO blobs (sha256, bytes, created_at) VALUES (?, 10, 'now')").run(sha);
    attach.run(sha);
    db.prepare("DELETE FROM dossiers WHERE id = 'a'").run();
    expect(db.prepare('SELECT COUNT(*) FROM attachments').pluck().get()).toBe(0);
  });

  it('accepts only known outbox states', () => {
    const db = new Database(':memory:');
    migrate(db, { now, upTo: 4 });
    draft(db, 'a');
    const insert = db.prepare(
      "INSERT INTO outbox (dossier_id, state, next_attempt_at, created_at, updated_at) VALUES ('a', ?, 'now', 'now', 'now')",
    );
    expect(() => insert.run('lost')).toThrow(/CHECK/);
    insert.run('waiting');
  });
});
