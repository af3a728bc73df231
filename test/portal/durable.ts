import type Database from 'better-sqlite3';
import { close, fdatasync, fdatasyncSync, openSync } from 'node:fs';

/**
 * When the portal's database writes are durable. The database runs in WAL mode with synchronous = NORMAL:
 * a commit appends to the WAL file without waiting for the disk, and SQLite itself syncs the WAL before
 * each checkpoint and the database file after it (so nothing it checkpoints is ever lost). What NORMAL
 * alone would lose in a power cut is the tail of the WAL since the last sync — so nobody is told about a
 * write before an fdatasync of the WAL file that started after its commit has completed:
 *
 * - `after()` (POSTs, through the group commit): the fdatasync runs on the thread pool while the event
 *   loop goes on receiving uploads; every commit made while one is running shares the next one. This is
 *   the group commit a database server does, and why a POST no longer stalls every upload in flight for
 *   the length of an fsync.
 * - `now()` (admin moves, rare): the same, synchronously, before the function returns.
 *
 * An fsync is of the file, whichever descriptor asks, so a descriptor of our own covers SQLite's writes.
 * The WAL file keeps its inode while the connection is open (it is rewritten from the start after a
 * checkpoint, never replaced), and this descriptor is closed before the database is.
 */
export interface WalSync {
  after(): Promise<void>;
  now(): void;
  close(): Promise<void>;
}

export function createWalSync(db: Database.Database): WalSync {
  if (db.pragma('journal_mode', { simple: true }) !== 'wal')
    throw new Error('the portal database must be in WAL mode');
  // 'r+': Windows needs write access to flush a file; nothing is ever written through it.
  const fd = openSync(`${db.name}-wal`, 'r+');
  let waiting: { resolve(): void; reject(error: unknown): void }[] = [];
  let running: Promise<void> | null = null;

  function start(): void {
    const batch = waiting;
    waiting = [];
    running = new Promise<void>((done) => {
      fdatasync(fd, (error) => {
        for (const w of batch) {
          if (error) w.reject(error);
          else w.resolve();
        }
        running = null;
        if (waiting.length > 0) start();
        done();
      });
    });
  }

  return {
    after() {
      return new Promise<void>((resolve, reject) => {
        waiting.push({ resolve, reject });
        // One in flight: commits made meanwhile wait for the next, which starts after theirs.
        if (!running) start();
      });
    },
    now() {
      fdatasyncSync(fd);
    },
    async close() {
      while (running) await running;
      await new Promise<void>((resolve) => close(fd, () => resolve()));
    },
  };
}
