import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { appliedVersions, migrate } from '../../../main/core/db/migrate';
import { migrations } from '../../../main/core/db/migrations';

const now = new Date('2026-11-23T02:00:00Z');

describe('migrate', () => {
  it('numbers migrations 1, 2, 3 … with no gap or repeat', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    for (const m of migrations) expect(m.name).toMatch(new RegExp(`^${String(m.version).padStart(4, '0')}-`));
  });

  it('applies everything once and nothing the second time', () => {
    const db = new Database(':memory:');
    expect(migrate(db, { now })).toEqual(migrations.map((m) => m.version));
    expect(migrate(db, { now })).toEqual([]);
    expect(appliedVersions(db)).toEqual(migrations.map((m) => m.version));
  });

  it('applies pending migrations in one transaction: a failing one leaves the database untouched', () => {
    const db = new Database(':memory:');
    const broken = [
      { version: 1, name: '0001-a', sql: 'CREATE TABLE a (x INTEGER);' },
      { version: 2, name: '0002-b', sql: 'CREATE TABLE b (x INTEGER); THIS IS NOT SQL;' },
    ];
    expect(() => migrate(db, { now, migrations: broken })).toThrow();
    expect(appliedVersions(db)).toEqual([]);
    expect(db.prepare("SELECT COUNT(*) FROM sqlite_master WHERE name IN ('a', 'b')").pluck().get()).toBe(0);
  });

  it('refuses a database written by a newer version of the app', () => {
    const db = new Database(':memory:');
    migrate(db, { now });
    db.prepare("INSERT INTO schema_migrations VALUES (999, '0999-future', 'x')").run();
    expect(() => migrate(db, { now })).toThrow(/newer than this app/);
  });
});
