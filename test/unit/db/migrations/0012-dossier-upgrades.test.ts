import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../../main/core/db/migrate';

const now = new Date('2026-12-07T02:00:00Z');

describe('migration 0012-dossier-upgrades', () => {
  it('adds the record of the dossier module’s data steps, leaving the dossiers as they were', () => {
    const db = new Database(':memory:');
    migrate(db, { now, upTo: 11 });
    db.prepare(
      `INSERT INTO dossiers (id, procedure_id, procedure_json, data_json, created_at, updated_at)
       VALUES ('d', 'p', '{}', '{"me":{"address":"12 Hàng Bạc"}}', 'now', 'now')`,
    ).run();
    expect(migrate(db, { now, upTo: 12 })).toEqual([12]);
    expect(db.prepare('SELECT data_json FROM dossiers').pluck().get()).toBe(
      '{"me":{"address":"12 Hàng Bạc"}}',
    );
    expect(db.prepare('SELECT count(*) FROM dossier_upgrades').pluck().get()).toBe(0);
  });

  it('records a step once, named, with a count that is not negative', () => {
    const db = new Database(':memory:');
    migrate(db, { now, upTo: 12 });
    const add = db.prepare('INSERT INTO dossier_upgrades (step, applied_at, dossiers) VALUES (?, ?, ?)');
    add.run('a-step', now.toISOString(), 2);
    expect(() => add.run('a-step', now.toISOString(), 0)).toThrow(/UNIQUE/);
    expect(() => add.run('', now.toISOString(), 0)).toThrow(/CHECK/);
    expect(() => add.run('other', now.toISOString(), -1)).toThrow(/CHECK/);
  });
});
