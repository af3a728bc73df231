import Database from 'better-sqlite3';
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { createLogger } from '../log';
import { migrate } from './migrate';

const log = createLogger('db');

export const DB_FILE = 'kiosk.db';

export interface Recovery {
  /** Where the damaged file now lives, untouched, for a technician to rescue what it holds. */
  movedTo: string;
  reason: string;
}

export interface OpenedDatabase {
  db: Database.Database;
  path: string;
  /** Set when the file on disk was damaged and has been moved aside; staff must be told loudly. */
  recovered: Recovery | null;
}

function configure(db: Database.Database): void {
  db.pragma('journal_mode = WAL');
  // FULL: a dossier a citizen handed in must survive a power cut right after "submitted".
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
}

/** Returns null when the file is sound, else why not. Opening garbage throws SQLITE_NOTADB on first read. */
function checkIntegrity(path: string): string | null {
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { fileMustExist: true });
    const rows = db.pragma('integrity_check') as { integrity_check: string }[];
    const problems = rows.map((r) => r.integrity_check).filter((r) => r !== 'ok');
    return problems.length === 0 ? null : problems.slice(0, 5).join('; ');
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    db?.close();
  }
}

function stamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
}

/** Moves the damaged file and its WAL/SHM companions aside, never deleting anything. */
function moveAside(path: string, now: Date): string {
  const target = `${path}.corrupt-${stamp(now)}`;
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(path + suffix)) renameSync(path + suffix, target + suffix);
  }
  return target;
}

export function openDatabase(dataDir: string, now: Date): OpenedDatabase {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, DB_FILE);
  let recovered: Recovery | null = null;
  if (existsSync(path)) {
    const problem = checkIntegrity(path);
    if (problem !== null) {
      const movedTo = moveAside(path, now);
      recovered = { movedTo, reason: problem };
      log.error('database damaged: moved aside, starting with an empty one', { movedTo, reason: problem });
    }
  }
  const db = new Database(path);
  try {
    configure(db);
    migrate(db, { now });
  } catch (error) {
    db.close();
    throw error;
  }
  return { db, path, recovered };
}
