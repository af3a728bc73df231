import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../../main/core/db/migrate';

const now = new Date('2026-12-07T02:00:00Z');

function dossier(db: Database.Database, id: string, code: string | null): void {
  db.prepare(
    `INSERT INTO dossiers (id, procedure_id, procedure_json, status, code, received_at, due_date, created_at, updated_at)
     VALUES (?, 'p', '{}', ?, ?, ?, ?, 'now', 'now')`,
  ).run(id, code ? 'submitted' : 'draft', code, code ? 'now' : null, code ? '2026-12-10' : null);
}

describe('migration 0008-lookup-secret', () => {
  it('keeps submitted dossiers, without a secret their receipts never showed', () => {
    const db = new Database(':memory:');
    migrate(db, { now, upTo: 7 });
    dossier(db, 'a', '000.00.12.H29-K01-261123-0001');
    expect(migrate(db, { now, upTo: 8 })).toEqual([8]);
    expect(db.prepare('SELECT code, lookup_secret AS secret FROM dossiers').get()).toEqual({
      code: '000.00.12.H29-K01-261123-0001',
      secret: null,
    });
    db.prepare("UPDATE dossiers SET lookup_secret = 'K7Q2XF' WHERE id = 'a'").run();
    expect(() => db.prepare("UPDATE dossiers SET lookup_secret = 'K7Q' WHERE id = 'a'").run()).toThrow(
      /CHECK/,
    );
  });

  it('keeps one throttle row per subject, with a count that cannot go negative', () => {
    const db = new Database(':memory:');
    migrate(db, { now, upTo: 8 });
    const insert = db.prepare(
      `INSERT INTO dossier_lookup_throttle (subject, failures, window_start, updated_at) VALUES (?, ?, 'now', 'now')`,
    );
    insert.run('d:a', 1);
    insert.run('c:000.00.12.H29-K01-261123-0009', 4);
    expect(() => insert.run('d:a', 2)).toThrow(/UNIQUE|PRIMARY/);
    expect(() => insert.run('d:b', -1)).toThrow(/CHECK/);
  });
});
