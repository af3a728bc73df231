import Database from 'better-sqlite3';
import {
  closeSync,
  copyFileSync,
  existsSync,
  openSync,
  readdirSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { createLogger } from '../log';

const log = createLogger('db.salvage');

/**
 * The tables copied from a moved-aside database into the new one, parents before children. Left out:
 * `staff_sessions` (everyone signs in again: a session from a damaged file is not trusted), `print_jobs`
 * (a copied job would print a ticket or receipt a second time) and `schema_migrations` (the new file's own).
 */
export const SALVAGE_TABLES = [
  'staff_users',
  'lan_devices',
  'calendar_days',
  'calendar_years',
  'day_sequences',
  'tickets',
  'counter_state',
  'dossiers',
  'blobs',
  'attachments',
  'dossier_events',
  'outbox',
  'reception_updates',
  'ratings',
  'catalogue',
  'sync_state',
  'sync_events',
  'alerts',
  'audit_log',
  'staff_signin_throttle',
  'dossier_lookup_throttle',
  // Kept drafts (migration 0016): the key first, or the keys and saved birth dates copied would match nothing.
  'kiosk_secrets',
  'draft_keys',
  'park_code_failures',
] as const;

export interface Salvage {
  /** Rows copied into the new database, per table (only tables with at least one row). */
  copied: Record<string, number>;
  /** Stretches of rows that could not be read (SQLITE_CORRUPT and friends), per table. */
  unreadable: Record<string, number>;
  /** Rows read but not kept: a constraint refused them, or they pointed at a row that was not saved. */
  dropped: Record<string, number>;
  /**
   * False when something was given up: the time budget ran out, a table had too many damaged stretches or
   * none of it could be reached, or nothing could be read at all (`error`).
   */
  complete: boolean;
  /** Set when nothing could be read: why (e.g. "file is not a database"). */
  error?: string;
  ms: number;
}

export interface SalvageOptions {
  /** Stop reading after this long; the kiosk start waits for the salvage. */
  budgetMs?: number;
  /** Rows per read. */
  batch?: number;
  /** Unreadable stretches skipped per table before the table is given up. */
  maxSkipsPerTable?: number;
}

const DEFAULTS = { budgetMs: 20_000, batch: 200, maxSkipsPerTable: 200 };
const LOWEST = Number.MIN_SAFE_INTEGER;
const HIGHEST = Number.MAX_SAFE_INTEGER;

const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;
const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** A SQLite header for a file whose first 100 bytes were overwritten (a guess at the page size). */
function writeHeader(path: string, pageSize: number, wal: boolean): void {
  const h = Buffer.alloc(100);
  h.write('SQLite format 3\0', 0, 'latin1');
  h.writeUInt16BE(pageSize === 65536 ? 1 : pageSize, 16);
  h[18] = wal ? 2 : 1; // file format write/read version: 2 = WAL
  h[19] = wal ? 2 : 1;
  h[20] = 0; // reserved bytes per page
  h[21] = 64; // max/min embedded payload fractions, leaf payload fraction: fixed by the format
  h[22] = 32;
  h[23] = 32;
  h.writeUInt32BE(1, 24); // change counter; 92 (version-valid-for) stays 0, so the size comes from the file
  h.writeUInt32BE(1, 40); // schema cookie
  h.writeUInt32BE(4, 44); // schema format
  h.writeUInt32BE(1, 56); // UTF-8
  h.writeUInt32BE(3053002, 96);
  // 32/36 (freelist) stay 0: freed pages become unreachable, which reading does not mind.
  const fd = openSync(path, 'r+');
  try {
    writeSync(fd, h, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
}

function openCopy(path: string): Database.Database {
  const db = new Database(path, { fileMustExist: true });
  try {
    // better-sqlite3 opens in SQLite's defensive mode, which ignores writable_schema; this scratch copy is
    // the only connection ever opened without it. writable_schema lets SQLite read a file shorter than its
    // header says and use the part of a damaged table list that loaded; each cell is checked as it is read;
    // nothing is written.
    db.unsafeMode(true);
    db.pragma('writable_schema = ON');
    db.pragma('cell_size_check = ON');
    db.pragma('query_only = ON');
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

/**
 * The tables SQLite could load, from its in-memory schema (PRAGMA table_list reads no page). With
 * writable_schema a table list that breaks part-way (a damaged page of sqlite_master) fails only the first
 * statement: the next is compiled against the part that loaded (SQLite's SQLITE_NoSchemaError).
 */
function tableNames(db: Database.Database): Set<string> {
  const read = (): Set<string> =>
    new Set(
      (db.pragma('table_list') as { schema: string; name: string; type: string }[])
        .filter((t) => t.schema === 'main' && t.type === 'table')
        .map((t) => t.name),
    );
  try {
    return read();
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_NOTADB') throw error;
    return read();
  }
}

/**
 * Opens the scratch copy with a readable table list. A file whose header was overwritten ("file is not a
 * database") gets a fresh header, trying the likely page sizes until the table list reads.
 */
function openReadable(scratch: string, wal: boolean): { db: Database.Database; tables: Set<string> } {
  let first: unknown;
  try {
    const db = openCopy(scratch);
    try {
      return { db, tables: tableNames(db) };
    } catch (error) {
      db.close();
      throw error;
    }
  } catch (error) {
    first = error;
  }
  if ((first as { code?: string }).code !== 'SQLITE_NOTADB') throw first;
  const size = statSync(scratch).size;
  for (const pageSize of [4096, 1024, 2048, 8192, 16384, 32768, 65536, 512]) {
    if (size < pageSize) continue;
    writeHeader(scratch, pageSize, wal);
    let db: Database.Database | undefined;
    try {
      db = openCopy(scratch);
      const tables = tableNames(db);
      if (SALVAGE_TABLES.some((t) => tables.has(t))) {
        log.warn('the old file’s header was rebuilt to read it', { pageSize });
        return { db, tables };
      }
      db.close();
    } catch {
      db?.close();
    }
  }
  throw first;
}

interface Budget {
  expired(): boolean;
}

/**
 * Reads one table in rowid order, `batch` rows at a time, handing each row to `take`. A read that throws
 * (a damaged page) is retried row by row up to the damage, then the damaged stretch is stepped over: the
 * next rowid whose seek works is found by seeking further and further ahead, then back by halves. Every
 * read seeks with `rowid >= n` (a seek for `rowid > n` lands on the page holding n, perhaps the bad one).
 */
function readTable(
  src: Database.Database,
  table: string,
  columns: string[],
  take: (row: unknown[]) => void,
  options: Required<SalvageOptions>,
  budget: Budget,
): { skips: number; finished: boolean } {
  const list = columns.map(quote).join(', ');
  const from = `FROM ${quote(table)} WHERE rowid >= ? ORDER BY rowid`;
  const batchRead = src.prepare(`SELECT rowid, ${list} ${from} LIMIT ${options.batch}`).raw();
  const oneRead = src.prepare(`SELECT rowid, ${list} ${from} LIMIT 1`).raw();
  const firstFrom = src.prepare(`SELECT rowid ${from} LIMIT 1`).pluck();
  /** The first rowid at or after `rowid`, null past the end, undefined when the seek itself fails. */
  const probe = (rowid: number): number | null | undefined => {
    try {
      return (firstFrom.get(rowid) as number | undefined) ?? null;
    } catch {
      return undefined;
    }
  };
  const emit = (row: unknown[]): number => {
    take(row.slice(1));
    return row[0] as number;
  };

  let at = LOWEST; // the next read starts here
  let skips = 0;
  for (;;) {
    if (budget.expired()) return { skips, finished: false };
    let rows: unknown[][];
    try {
      rows = batchRead.all(at) as unknown[][];
    } catch {
      // Row by row up to the damage.
      for (;;) {
        let row: unknown[] | undefined;
        try {
          row = oneRead.get(at) as unknown[] | undefined;
        } catch {
          break;
        }
        if (!row) return { skips, finished: true };
        at = emit(row) + 1;
      }
      skips += 1;
      if (skips > options.maxSkipsPerTable || at >= HIGHEST) return { skips, finished: false };
      const here = probe(at);
      if (here === null) return { skips, finished: true };
      if (here !== undefined) {
        // The seek works but the row cannot be read (its cell or overflow page is damaged): step over it.
        at = here + 1;
        continue;
      }
      // The seek fails: ahead 1, 2, 4, … until one works, then back by halves to the first that does.
      let bad = at;
      let good: { at: number; next: number | null } | null = null;
      for (let step = 1; at + step < HIGHEST; step *= 2) {
        if (budget.expired()) return { skips, finished: false };
        const next = probe(at + step);
        if (next !== undefined) {
          good = { at: at + step, next };
          break;
        }
        bad = at + step;
      }
      if (!good) return { skips, finished: false };
      while (good.at - bad > 1) {
        const mid: number = bad + Math.floor((good.at - bad) / 2);
        const next = probe(mid);
        if (next !== undefined) good = { at: mid, next };
        else bad = mid;
      }
      if (good.next === null) return { skips, finished: true };
      at = good.next;
      continue;
    }
    if (rows.length === 0) return { skips, finished: true };
    for (const row of rows) at = emit(row) + 1;
  }
}

/** Makes a row that points at a row not saved valid: its reference cleared when it may be, else it goes. */
function settleForeignKeys(db: Database.Database, dropped: Record<string, number>): void {
  for (let pass = 0; pass < 5; pass++) {
    const violations = db.prepare('PRAGMA foreign_key_check').all() as {
      table: string;
      rowid: number;
      parent: string;
      fkid: number;
    }[];
    if (violations.length === 0) return;
    for (const v of violations) {
      const fk = (
        db.prepare(`PRAGMA foreign_key_list(${quote(v.table)})`).all() as { id: number; from: string }[]
      ).find((f) => f.id === v.fkid);
      const column = fk
        ? (
            db.prepare(`PRAGMA table_info(${quote(v.table)})`).all() as {
              name: string;
              notnull: number;
              pk: number;
            }[]
          ).find((c) => c.name === fk.from)
        : undefined;
      // A key column (outbox.dossier_id: TEXT PRIMARY KEY allows NULL in SQLite) is never cleared.
      if (column && column.notnull === 0 && column.pk === 0) {
        db.prepare(`UPDATE ${quote(v.table)} SET ${quote(column.name)} = NULL WHERE rowid = ?`).run(v.rowid);
      } else {
        db.prepare(`DELETE FROM ${quote(v.table)} WHERE rowid = ?`).run(v.rowid);
        dropped[v.table] = (dropped[v.table] ?? 0) + 1;
      }
    }
  }
}

/** Scratch copies left by a salvage that was cut short (the process stopped in the middle). */
export function removeScratchCopies(dataDir: string, dbFile: string): void {
  try {
    for (const f of readdirSync(dataDir)) {
      if (f.startsWith(`${dbFile}.corrupt-`) && /\.salvage(-wal|-shm|-journal)?$/.test(f))
        rmSync(join(dataDir, f), { force: true });
    }
  } catch (error) {
    log.warn('could not remove an old salvage copy', { error });
  }
}

/**
 * Copies what can still be read from the moved-aside database `oldPath` into `target` (new, migrated).
 * The old file is never opened: a scratch copy of it (and of its WAL) is read and deleted afterwards, so
 * the file a technician gets is exactly the one that was found. Never throws: a salvage that fails leaves
 * the new database as it was and says why.
 */
export function salvageInto(target: Database.Database, oldPath: string, opts: SalvageOptions = {}): Salvage {
  const options = { ...DEFAULTS, ...opts };
  const started = Date.now();
  const budget: Budget = { expired: () => Date.now() > started + options.budgetMs };
  const result: Salvage = { copied: {}, unreadable: {}, dropped: {}, complete: true, ms: 0 };
  const scratch = join(dirname(oldPath), `${basename(oldPath)}.salvage`);
  let src: Database.Database | undefined;
  const fkWas = target.pragma('foreign_keys', { simple: true }) as number;
  try {
    copyFileSync(oldPath, scratch);
    const wal = existsSync(`${oldPath}-wal`);
    if (wal) copyFileSync(`${oldPath}-wal`, `${scratch}-wal`);
    const readable = openReadable(scratch, wal);
    const source = readable.db;
    src = source;
    const wanted = SALVAGE_TABLES.filter((t) => readable.tables.has(t));
    // Foreign keys are checked once at the end: a child whose parent was lost is settled there.
    target.pragma('foreign_keys = OFF');
    target.transaction(() => {
      for (const table of wanted) {
        const targetColumns = (
          target.prepare(`PRAGMA table_info(${quote(table)})`).all() as { name: string }[]
        ).map((c) => c.name);
        let sourceColumns: Set<string>;
        try {
          sourceColumns = new Set(
            (source.prepare(`PRAGMA table_info(${quote(table)})`).all() as { name: string }[]).map(
              (c) => c.name,
            ),
          );
        } catch {
          result.unreadable[table] = (result.unreadable[table] ?? 0) + 1;
          continue;
        }
        const columns = targetColumns.filter((c) => sourceColumns.has(c));
        if (columns.length === 0) continue;
        const insert = target.prepare(
          `INSERT OR IGNORE INTO ${quote(table)} (${columns.map(quote).join(', ')})
           VALUES (${columns.map(() => '?').join(', ')})`,
        );
        let dropped = 0;
        const read = readTable(
          source,
          table,
          columns,
          (row) => {
            try {
              if (insert.run(...row).changes === 0) dropped += 1; // a duplicate, or NOT NULL/CHECK refused
            } catch (error) {
              // A disk error can end the transaction: nothing more may be written outside it.
              if (!target.inTransaction) throw error;
              dropped += 1; // a value the new schema refuses (a type)
            }
          },
          options,
          budget,
        );
        if (dropped > 0) result.dropped[table] = dropped;
        if (read.skips > 0) result.unreadable[table] = read.skips;
        if (!read.finished) result.complete = false;
      }
      settleForeignKeys(target, result.dropped);
      // Counted again after settling: the new file held none of these rows before the salvage.
      for (const table of wanted) {
        const n = target
          .prepare(`SELECT COUNT(*) FROM ${quote(table)}`)
          .pluck()
          .get() as number;
        if (n > 0) result.copied[table] = n;
      }
    })();
  } catch (error) {
    result.copied = {};
    result.complete = false;
    result.error = message(error);
    log.error('salvage failed: the new database stays empty', { error });
  } finally {
    try {
      src?.close();
    } catch {
      /* a damaged copy may fail to close cleanly; it is deleted next */
    }
    if (fkWas) target.pragma('foreign_keys = ON');
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(scratch + suffix, { force: true });
  }
  result.ms = Date.now() - started;
  log.warn('salvaged from the moved-aside database', { ...result });
  return result;
}
