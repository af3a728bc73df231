import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../../main/core/db/migrate';

const now = new Date('2026-12-07T02:00:00Z');

describe('migration 0017-ticket-dossier', () => {
  it('gives tickets a dossier link: none for the tickets before it, and one that outlives its dossier', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, { now, upTo: 16 });
    const before = db.prepare(
      `INSERT INTO tickets (service_id, origin_service, day, seq, number, issued_at)
       VALUES ('ho-tich', 'ho-tich', '2026-12-07', ?, ?, 'now')`,
    );
    before.run(1, 'A001');

    expect(migrate(db, { now, upTo: 17 })).toEqual([17]);

    expect(db.prepare('SELECT number, dossier_id AS dossierId FROM tickets').all()).toEqual([
      { number: 'A001', dossierId: null },
    ]);
    db.prepare(
      `INSERT INTO dossiers (id, procedure_id, procedure_json, data_json, status, created_at, updated_at)
       VALUES ('d1', 'p', '{}', '{}', 'parked', 'now', 'now')`,
    ).run();
    db.prepare(
      `INSERT INTO tickets (service_id, origin_service, day, seq, number, issued_at, dossier_id)
       VALUES ('ho-tich', 'ho-tich', '2026-12-07', 2, 'A002', 'now', 'd1')`,
    ).run();
    // A parked draft is wiped after its days while the day's tickets stay for the report: no foreign key
    // may stop the sweep; the ticket then names a dossier that is gone (the queue shows none).
    expect(() => db.prepare("DELETE FROM dossiers WHERE id = 'd1'").run()).not.toThrow();
    expect(db.prepare("SELECT dossier_id FROM tickets WHERE number = 'A002'").pluck().get()).toBe('d1');
  });
});
