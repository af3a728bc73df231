import Database from 'better-sqlite3';
import { closeSync, copyFileSync, openSync, readSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { framesNotCheckpointed, inspectWal } from '../../../main/core/db/wal';
import { tempDir } from '../helpers';

/**
 * A WAL as a power cut leaves it: three committed transactions not yet checkpointed, copied (with its
 * -shm) while the writer is still open. Returns the copy's path.
 */
function walAfterPowerCut(): string {
  const dir = tempDir();
  const path = join(dir, 'k.db');
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('wal_autocheckpoint = 0');
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)');
  db.pragma('wal_checkpoint(TRUNCATE)');
  for (let i = 0; i < 3; i++) db.prepare('INSERT INTO t (v) VALUES (?)').run(`row ${i}`);
  const copy = join(dir, 'copy.db');
  for (const suffix of ['', '-wal', '-shm']) copyFileSync(path + suffix, copy + suffix);
  db.close();
  return copy;
}

function flip(path: string, at: number): void {
  const fd = openSync(path, 'r+');
  try {
    const b = Buffer.alloc(1);
    readSync(fd, b, 0, 1, at);
    b[0] = b[0]! ^ 0xff;
    writeSync(fd, b, 0, 1, at);
  } finally {
    closeSync(fd);
  }
}

const FRAME = 24 + 4096;

describe('reading the WAL before SQLite does', () => {
  it('a sound WAL: every committed frame is applied, none dropped', () => {
    const path = walAfterPowerCut();
    expect(inspectWal(`${path}-wal`)).toEqual({
      validFrames: 3,
      badFrames: 0,
      droppedCommit: false,
      headerValid: true,
    });
    expect(framesNotCheckpointed(`${path}-shm`)).toBe(3);
  });

  it('a bad checksum in the last frame: its commit is dropped, as SQLite will', () => {
    const path = walAfterPowerCut();
    const last = 32 + 2 * FRAME;
    flip(`${path}-wal`, last + 16);
    expect(inspectWal(`${path}-wal`)).toMatchObject({ validFrames: 2, badFrames: 1, droppedCommit: true });
    const db = new Database(path);
    expect(db.prepare('SELECT COUNT(*) FROM t').pluck().get()).toBe(2);
    db.close();
  });

  it('a damaged page in an earlier frame drops every frame after it, good or bad', () => {
    const path = walAfterPowerCut();
    flip(`${path}-wal`, 32 + FRAME + 24 + 100);
    expect(inspectWal(`${path}-wal`)).toMatchObject({ validFrames: 1, badFrames: 2, droppedCommit: true });
  });

  it('a torn frame of a transaction that never committed is not a loss', () => {
    const path = walAfterPowerCut();
    // A fourth frame with the log's salts but no commit mark and a wrong checksum.
    const wal = `${path}-wal`;
    const fd = openSync(wal, 'r+');
    try {
      const frame = Buffer.alloc(FRAME);
      readSync(fd, frame, 0, FRAME, 32 + 2 * FRAME);
      frame.writeUInt32BE(0, 4); // not a commit frame
      frame[30] = frame[30]! ^ 0xff;
      writeSync(fd, frame, 0, FRAME, statSync(wal).size);
    } finally {
      closeSync(fd);
    }
    expect(inspectWal(wal)).toMatchObject({ validFrames: 3, badFrames: 1, droppedCommit: false });
  });

  it('a damaged header: SQLite ignores the whole log', () => {
    const path = walAfterPowerCut();
    flip(`${path}-wal`, 20); // salt-2
    expect(inspectWal(`${path}-wal`)).toMatchObject({
      headerValid: false,
      badFrames: 3,
      droppedCommit: true,
    });
  });

  it('no WAL, or an empty one: nothing to say', () => {
    expect(inspectWal(join(tempDir(), 'none-wal'))).toBeNull();
    expect(framesNotCheckpointed(join(tempDir(), 'none-shm'))).toBeNull();
  });
});
