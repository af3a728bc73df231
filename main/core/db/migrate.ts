import type Database from 'better-sqlite3';
import { createLogger } from '../log';
import { migrations as allMigrations, type Migration } from './migrations';

const log = createLogger('db.migrate');

export function appliedVersions(db: Database.Database): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  return db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all() as number[];
}

/**
 * Applies every pending migration in one transaction: either the database moves to the newest schema
 * or it stays exactly as it was. `upTo` lets a migration's test start from the schema before it.
 */
export function migrate(
  db: Database.Database,
  options: { now: Date; upTo?: number; migrations?: readonly Migration[] } = { now: new Date() },
): number[] {
  const list = options.migrations ?? allMigrations;
  const applied = new Set(appliedVersions(db));
  const newest = Math.max(0, ...applied);
  const known = Math.max(0, ...list.map((m) => m.version));
  if (newest > known) {
    // A newer app wrote this file; running old code on it could lose data.
    throw new Error(`database schema ${newest} is newer than this app knows (${known})`);
  }
  const pending = list.filter((m) => !applied.has(m.version) && m.version <= (options.upTo ?? Infinity));
  if (pending.length === 0) return [];
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  db.transaction(() => {
    for (const m of pending) {
      db.exec(m.sql);
      record.run(m.version, m.name, options.now.toISOString());
    }
  })();
  log.info('migrations applied', { versions: pending.map((m) => m.version) });
  return pending.map((m) => m.version);
}
