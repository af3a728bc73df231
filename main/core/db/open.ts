import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createLogger } from '../log';
import { TICKET_HIGH_WATER_FILE } from '../queue/high-water';
import { migrate } from './migrate';
import { removeScratchCopies, salvageInto, type Salvage, type SalvageOptions } from './salvage';
import { framesNotCheckpointed, inspectWal } from './wal';

const log = createLogger('db');

export const DB_FILE = 'kiosk.db';

export interface Recovery {
  /** Where the damaged file now lives, untouched, for a technician to rescue what it holds. */
  movedTo: string;
  reason: string;
  /** What was copied from it into the new database (salvage.ts). */
  salvage: Salvage;
}

/** kiosk.db was missing or empty although the data folder shows the kiosk had been used. */
export interface Lost {
  /** Deleted; 0 bytes; or a file with no table left (its tables were all in a WAL that is gone). */
  reason: 'missing' | 'empty' | 'no-tables';
  /** What shows the kiosk had been used (e.g. "attachments/", "ticket-sequence.json"). */
  evidence: string[];
  /** A WAL left without its database, moved aside (SQLite would otherwise apply it to the new file). */
  walMovedTo?: string;
}

/** The write-ahead log lost writes the database had acknowledged (found before SQLite opened it). */
export interface WalLoss {
  reason: 'damaged' | 'missing';
  /** Pages of changes that could not be applied. */
  frames: number;
  /** A copy of the damaged WAL as found, for a technician (SQLite discards the bad frames). */
  copiedTo?: string;
}

export interface OpenedDatabase {
  db: Database.Database;
  path: string;
  /** Set when the file on disk was damaged and has been moved aside; staff must be told loudly. */
  recovered: Recovery | null;
  /** Set when kiosk.db was 0 bytes or missing in a data folder that had been used; staff must be told. */
  lost: Lost | null;
  /** Set when the WAL beside kiosk.db was damaged or deleted and changes were lost with it. */
  walLoss: WalLoss | null;
}

function configure(db: Database.Database): void {
  db.pragma('journal_mode = WAL');
  // FULL: a dossier a citizen handed in must survive a power cut right after "submitted".
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
}

/**
 * Whether the file is sound (`problem` null, else why not) and how many tables it holds. Opening garbage
 * throws SQLITE_NOTADB on first read.
 */
function checkIntegrity(path: string): { problem: string | null; tables: number } {
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { fileMustExist: true });
    const rows = db.pragma('integrity_check') as { integrity_check: string }[];
    const problems = rows.map((r) => r.integrity_check).filter((r) => r !== 'ok');
    const tables = db
      .prepare("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'")
      .pluck()
      .get() as number;
    return { problem: problems.length === 0 ? null : problems.slice(0, 5).join('; '), tables };
  } catch (error) {
    return { problem: error instanceof Error ? error.message : String(error), tables: 0 };
  } finally {
    db?.close();
  }
}

function stamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
}

/** Moves the damaged file and its WAL/SHM companions aside, never deleting anything. */
function moveAside(path: string, now: Date, suffixes = ['', '-wal', '-shm']): string {
  const target = `${path}.corrupt-${stamp(now)}`;
  for (const suffix of suffixes) {
    if (existsSync(path + suffix)) renameSync(path + suffix, target + suffix);
  }
  return target;
}

/** What in the data folder shows the kiosk had been used (so an empty database is a loss, not a first start). */
function usageEvidence(dataDir: string): string[] {
  const found: string[] = [];
  const hasFile = (dir: string, depth: number): boolean => {
    try {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (entry.isFile()) return true;
        if (entry.isDirectory() && depth > 0 && hasFile(join(dir, entry.name), depth - 1)) return true;
      }
    } catch {
      /* absent */
    }
    return false;
  };
  if (hasFile(join(dataDir, 'attachments'), 2)) found.push('attachments/');
  if (existsSync(join(dataDir, 'manifests'))) found.push('manifests/');
  for (const file of ['dossier-sequence.json', TICKET_HIGH_WATER_FILE]) {
    if (existsSync(join(dataDir, file))) found.push(file);
  }
  try {
    if (readdirSync(dataDir).some((f) => new RegExp(`^${DB_FILE}\\.corrupt-\\d{8}T\\d{6}$`).test(f)))
      found.push(`${DB_FILE}.corrupt-*`);
  } catch {
    /* the folder was just made */
  }
  return found;
}

/**
 * Looks at the WAL and -shm before SQLite does (SQLite's first connection rebuilds the index and discards
 * what it cannot use, leaving no trace). A WAL whose committed frames fail their checksum is copied aside
 * as found; a -shm saying the WAL held changes not yet in the database while the WAL is gone is a loss.
 */
function checkWal(path: string, now: Date): WalLoss | null {
  try {
    const report = inspectWal(`${path}-wal`);
    if (report?.droppedCommit) {
      const copiedTo = `${path}-wal.damaged-${stamp(now)}`;
      copyFileSync(`${path}-wal`, copiedTo);
      log.error('the WAL is damaged: its last committed changes cannot be applied', { ...report, copiedTo });
      return { reason: 'damaged', frames: report.badFrames, copiedTo };
    }
    if (report === null && !existsSync(`${path}-wal`)) {
      const missing = framesNotCheckpointed(`${path}-shm`);
      if (missing !== null && missing > 0) {
        log.error('the WAL is missing: changes not yet in the database are lost', { frames: missing });
        return { reason: 'missing', frames: missing };
      }
    }
  } catch (error) {
    log.warn('could not inspect the WAL', { error });
  }
  return null;
}

export function openDatabase(
  dataDir: string,
  now: Date,
  options: { salvage?: SalvageOptions } = {},
): OpenedDatabase {
  mkdirSync(dataDir, { recursive: true });
  removeScratchCopies(dataDir, DB_FILE);
  const path = join(dataDir, DB_FILE);
  let recovered: { movedTo: string; reason: string } | null = null;
  let lost: Lost | null = null;
  const size = existsSync(path) ? statSync(path).size : null;
  const walLoss = size ? checkWal(path, now) : null;
  const checked = size ? checkIntegrity(path) : null;
  // A file with no table at all (only its first page: everything else was in a WAL that is gone) is empty.
  if (size === null || size === 0 || (checked?.problem === null && checked.tables === 0)) {
    const evidence = usageEvidence(dataDir);
    if (evidence.length > 0) {
      lost = { reason: size === null ? 'missing' : size === 0 ? 'empty' : 'no-tables', evidence };
      // A WAL without its database would be applied to the new, empty file: kept aside instead.
      if (existsSync(`${path}-wal`) && statSync(`${path}-wal`).size > 0) {
        lost.walMovedTo = `${path}.lost-${stamp(now)}`;
        for (const suffix of ['-wal', '-shm']) {
          if (existsSync(path + suffix)) renameSync(path + suffix, lost.walMovedTo + suffix);
        }
      }
      log.error('the database is gone although the kiosk was used: starting empty', { ...lost });
    }
  } else {
    const problem = checked?.problem ?? null;
    if (problem !== null) {
      const movedTo = moveAside(path, now);
      recovered = { movedTo, reason: problem };
      log.error('database damaged: moved aside, salvaging what can be read', { movedTo, reason: problem });
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
  // salvageInto never throws; the moved-aside file is only ever copied.
  const salvage = recovered ? salvageInto(db, recovered.movedTo, options.salvage) : null;
  return {
    db,
    path,
    recovered: recovered && salvage ? { ...recovered, salvage } : null,
    lost,
    walLoss,
  };
}
