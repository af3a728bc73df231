import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../../main/core/db/migrate';

const now = new Date('2026-11-23T02:00:00Z');

describe('migration 0006-alert-subject', () => {
  it('adds a subject to alerts on top of 0005 and keeps open and acknowledged alerts', () => {
    const db = new Database(':memory:');
    migrate(db, { now, upTo: 5 });
    const insert = db.prepare(
      'INSERT INTO alerts (level, code, vi, en, created_at, acknowledged_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    insert.run('critical', 'sync-refused', 'vi 1', 'en 1', 'then', null);
    insert.run('warning', 'printer', 'vi 2', 'en 2', 'then', 'later');

    expect(migrate(db, { now, upTo: 6 })).toEqual([6]);

    expect(
      db.prepare('SELECT level, code, vi, en, acknowledged_at, subject FROM alerts ORDER BY id').all(),
    ).toEqual([
      {
        level: 'critical',
        code: 'sync-refused',
        vi: 'vi 1',
        en: 'en 1',
        acknowledged_at: null,
        subject: null,
      },
      { level: 'warning', code: 'printer', vi: 'vi 2', en: 'en 2', acknowledged_at: 'later', subject: null },
    ]);
    db.prepare("UPDATE alerts SET subject = 'dossier:a' WHERE code = 'sync-refused'").run();
    expect(db.prepare("SELECT code FROM alerts WHERE subject = 'dossier:a'").pluck().all()).toEqual([
      'sync-refused',
    ]);
  });
});
