import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../../main/core/db/migrate';

const now = new Date('2026-12-07T02:00:00Z');

function insertDossier(db: Database.Database, id: string, hash?: string | null): void {
  db.prepare(
    `INSERT INTO dossiers (id, procedure_id, procedure_json, created_at, updated_at${hash === undefined ? '' : ', draft_token_hash'})
     VALUES (?, 'p', '{}', 'now', 'now'${hash === undefined ? '' : ', ?'})`,
  ).run(...(hash === undefined ? [id] : [id, hash]));
}

describe('migration 0009-draft-tokens', () => {
  it('leaves drafts from before it without a token (staff only), and keeps their data', () => {
    const db = new Database(':memory:');
    migrate(db, { now, upTo: 8 });
    insertDossier(db, 'old');
    expect(migrate(db, { now, upTo: 9 })).toEqual([9]);
    expect(db.prepare('SELECT id, draft_token_hash AS hash FROM dossiers').get()).toEqual({
      id: 'old',
      hash: null,
    });
  });

  it('holds a SHA-256 in hex, nothing else', () => {
    const db = new Database(':memory:');
    migrate(db, { now, upTo: 9 });
    insertDossier(db, 'a', 'ab'.repeat(32));
    expect(() => insertDossier(db, 'b', 'not-a-hash')).toThrow(/CHECK/);
  });
});
