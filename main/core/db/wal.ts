import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { endianness } from 'node:os';

/**
 * What the write-ahead log beside kiosk.db says, read with plain file reads BEFORE SQLite opens the
 * database: SQLite's first connection rebuilds the -shm index from the WAL and, at its last close,
 * checkpoints and deletes both files, so the evidence of a damaged or missing WAL is gone once it ran.
 *
 * SQLite's WAL format (https://sqlite.org/fileformat2.html#walformat): a 32-byte header (magic, version,
 * page size, checkpoint sequence, salt-1, salt-2, checksum-1, checksum-2), then frames of a 24-byte header
 * (page number, database size after commit or 0, salt-1, salt-2, checksum-1, checksum-2) and one page.
 * Checksums run cumulatively over the header's first 24 bytes, then each frame's first 8 bytes and page.
 * SQLite stops reading at the first frame whose salts or checksum do not match and silently ignores it
 * and every frame after it, even committed ones.
 */
export interface WalReport {
  /** Frames SQLite will apply (up to the last valid commit frame). */
  validFrames: number;
  /**
   * Frames of the current WAL generation (salts match) after the valid ones that fail their checksum, or
   * every frame when the header itself is damaged: writes SQLite will silently drop.
   */
  badFrames: number;
  /** Whether any of the dropped frames is a commit frame, i.e. a whole transaction went with it. */
  droppedCommit: boolean;
  headerValid: boolean;
}

const WAL_HEADER = 32;
const FRAME_HEADER = 24;
const MAGIC_LE = 0x377f0682;
const MAGIC_BE = 0x377f0683;

/** SQLite's WAL checksum over `data` (a multiple of 8 bytes), continuing from `s`. */
function checksum(data: Buffer, bigEndian: boolean, s: [number, number]): [number, number] {
  let s0 = s[0];
  let s1 = s[1];
  for (let i = 0; i + 8 <= data.length; i += 8) {
    const x0 = bigEndian ? data.readUInt32BE(i) : data.readUInt32LE(i);
    const x1 = bigEndian ? data.readUInt32BE(i + 4) : data.readUInt32LE(i + 4);
    s0 = (s0 + x0 + s1) >>> 0;
    s1 = (s1 + x1 + s0) >>> 0;
  }
  return [s0, s1];
}

function readAt(fd: number, length: number, position: number): Buffer {
  const buf = Buffer.alloc(length);
  const n = readSync(fd, buf, 0, length, position);
  return n === length ? buf : buf.subarray(0, n);
}

/** Reads a WAL file frame by frame (one page in memory at a time). Null when there is no WAL or it is empty. */
export function inspectWal(walPath: string): WalReport | null {
  if (!existsSync(walPath)) return null;
  const size = statSync(walPath).size;
  if (size < WAL_HEADER) return null;
  const fd = openSync(walPath, 'r');
  try {
    const header = readAt(fd, WAL_HEADER, 0);
    const magic = header.readUInt32BE(0);
    const pageSize = header.readUInt32BE(8);
    const frameSize = FRAME_HEADER + pageSize;
    const validPageSize = pageSize >= 512 && pageSize <= 65536 && (pageSize & (pageSize - 1)) === 0;
    const wholeFrames = validPageSize ? Math.floor((size - WAL_HEADER) / frameSize) : 0;
    const bigEndian = magic === MAGIC_BE;
    let running = checksum(header.subarray(0, 24), bigEndian, [0, 0]);
    const headerValid =
      (magic === MAGIC_LE || magic === MAGIC_BE) &&
      validPageSize &&
      running[0] === header.readUInt32BE(24) &&
      running[1] === header.readUInt32BE(28);
    if (!headerValid) {
      // SQLite ignores the whole log. Frames are counted only if the page size can be trusted.
      return { validFrames: 0, badFrames: wholeFrames, droppedCommit: wholeFrames > 0, headerValid };
    }
    const salt1 = header.readUInt32BE(16);
    const salt2 = header.readUInt32BE(20);
    let validFrames = 0;
    let badFrames = 0;
    let droppedCommit = false;
    let broken = false;
    for (let i = 0; i < wholeFrames; i++) {
      const frame = readAt(fd, frameSize, WAL_HEADER + i * frameSize);
      const salted = frame.readUInt32BE(8) === salt1 && frame.readUInt32BE(12) === salt2;
      // A frame of an older generation (the log restarted after a checkpoint): the end of this one.
      if (!salted) break;
      const commit = frame.readUInt32BE(4) !== 0;
      const stored: [number, number] = [frame.readUInt32BE(16), frame.readUInt32BE(20)];
      if (!broken) {
        const next = checksum(
          frame.subarray(FRAME_HEADER),
          bigEndian,
          checksum(frame.subarray(0, 8), bigEndian, running),
        );
        if (next[0] === stored[0] && next[1] === stored[1]) {
          running = next;
          if (commit) validFrames = i + 1;
          continue;
        }
        broken = true;
      }
      // After the first bad checksum every frame of this generation is dropped by SQLite, good or bad.
      badFrames += 1;
      if (commit) droppedCommit = true;
    }
    return { validFrames, badFrames, droppedCommit, headerValid };
  } finally {
    closeSync(fd);
  }
}

/**
 * The -shm file's view of the WAL (https://sqlite.org/walformat.html#the_wal_index_file_format): the
 * header at offset 0 (iVersion, unused, iChange, isInit, bigEndCksum, szPage, mxFrame, …), in the
 * machine's byte order, and the checkpoint info at 96 (nBackfill). Frames mxFrame − nBackfill were in the
 * WAL and not yet copied into the database. Null when there is no usable -shm.
 */
export function framesNotCheckpointed(shmPath: string): number | null {
  if (!existsSync(shmPath)) return null;
  const fd = openSync(shmPath, 'r');
  try {
    const head = readAt(fd, 100, 0);
    if (head.length < 100) return null;
    const le = endianness() === 'LE';
    const u32 = (at: number): number => (le ? head.readUInt32LE(at) : head.readUInt32BE(at));
    const isInit = head[12] === 1;
    if (!isInit || u32(0) !== 3007000) return null;
    const mxFrame = u32(16);
    const nBackfill = u32(96);
    return mxFrame > nBackfill ? mxFrame - nBackfill : 0;
  } finally {
    closeSync(fd);
  }
}
