import type Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { closeSync, fdatasync, fsyncSync, mkdirSync, openSync, readdirSync, readSync, writev } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import type { GroupCommit } from './commit';
import { HttpError, tooLarge } from './http-util';

/**
 * Attachments on the portal's disk, stored once by SHA-256, in append-only segment files
 * (`blobs/segment-<n>.log`) with an index row per blob (`stored_blobs`: where its bytes are). This is how
 * object stores and databases keep many small files: appending to one open file and syncing it once for
 * every upload that finished meanwhile (group commit) — rather than a file per blob, which needs a create,
 * a rename and two fsyncs each. On this kind of machine creating a file alone costs about 1 ms of CPU
 * (measured: `npm run bench -- sync` prints the portal's CPU per dossier), as much as everything else the
 * portal does for a dossier.
 *
 * An upload:
 * 1. streams into the current segment while it is hashed (memory stays flat whatever the size): each
 *    batch of chunks is written where the segment ends at that moment, so uploads in flight interleave,
 *    and a blob is a list of extents (usually one or two);
 * 2. once it hashes to its address, waits for an fdatasync of the segment that started after its last
 *    write (shared by every upload that finished while one ran);
 * 3. then its index row goes into the group commit (commit.ts: one transaction and one WAL fdatasync for
 *    all the writes of a moment), and only then is it answered 201.
 *
 * So an index row only ever points at bytes that are on disk, and a 201 survives a power cut. A cut or a
 * wrong upload leaves bytes in the segment that no row points at: dead space, never read (a real store
 * would compact it; a test portal does not need to). A restart starts a new segment, so a torn tail of
 * an old one is never written after. A repeat of a stored blob is hashed and checked, not written again.
 */
export interface BlobStore {
  /** Size of the stored blob, or null when the portal does not have it. */
  bytes(sha256: string): number | null;
  /** The stored bytes (tests, the admin page), or null. Reads the extents back with positioned reads. */
  read(sha256: string): Buffer | null;
  /** Receives one upload; `created` is false when the blob was already stored. */
  receive(
    req: IncomingMessage,
    sha256: string,
    maxBytes: number,
  ): Promise<{ bytes: number; created: boolean }>;
  /** Closes the segment (after the last upload). */
  close(): Promise<void>;
}

/** A new segment once the current one holds this much (and at every start). */
const SEGMENT_BYTES = 1024 * 1024 * 1024;
/** Chunks gathered into one write at most: fewer, larger writes than the socket's 64 KiB reads. */
const WRITE_BATCH_BYTES = 1024 * 1024;

/** [segment number, offset, length] */
type Extent = [number, number, number];

interface Segment {
  n: number;
  fd: number;
  end: number;
  /** Writes issued and not yet completed, and the sync that waits for them. */
  writing: number;
  /** Bumped by each completed write; a sync covers the writes counted before it started. */
  written: number;
  synced: number;
  sync: Promise<void> | null;
}

export function createBlobStore(dataDir: string, db: Database.Database, commit: GroupCommit): BlobStore {
  const root = join(dataDir, 'blobs');
  mkdirSync(root, { recursive: true });
  const q = {
    find: db.prepare<[string], { bytes: number; extents: string }>(
      'SELECT bytes, extents FROM stored_blobs WHERE sha256 = ?',
    ),
    add: db.prepare<[string, number, string, string]>(
      'INSERT OR IGNORE INTO stored_blobs (sha256, bytes, extents, stored_at) VALUES (?, ?, ?, ?)',
    ),
  };

  const segments = new Map<number, Segment>();
  const existing = readdirSync(root)
    .map((f) => /^segment-(\d+)\.log$/.exec(f))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => Number(m[1]));
  let current = openSegment((existing.length > 0 ? Math.max(...existing) : 0) + 1);

  function openSegment(n: number): Segment {
    const fd = openSync(segmentPath(root, n), 'wx+');
    // The new name in `blobs/` is made durable before anything written to it is acknowledged.
    const dir = openSync(root, 'r');
    try {
      fsyncSync(dir);
    } finally {
      closeSync(dir);
    }
    const s: Segment = { n, fd, end: 0, writing: 0, written: 0, synced: 0, sync: null };
    segments.set(n, s);
    return s;
  }

  /** Where the next `bytes` go: the end of the current segment (a new one past SEGMENT_BYTES). */
  function reserve(bytes: number): { segment: Segment; offset: number } {
    if (current.end > 0 && current.end + bytes > SEGMENT_BYTES) current = openSegment(current.n + 1);
    const offset = current.end;
    current.end += bytes;
    return { segment: current, offset };
  }

  /** Resolves once an fdatasync that started after every write counted so far has completed. */
  async function durable(segment: Segment): Promise<void> {
    const target = segment.written;
    while (segment.synced < target) {
      if (!segment.sync) {
        const covers = segment.written;
        segment.sync = new Promise<void>((resolve, reject) =>
          fdatasync(segment.fd, (error) => {
            segment.sync = null;
            if (error) reject(error);
            else {
              segment.synced = Math.max(segment.synced, covers);
              resolve();
            }
          }),
        );
      }
      await segment.sync;
    }
  }

  function find(sha256: string): { bytes: number; extents: Extent[] } | null {
    const row = q.find.get(sha256);
    return row ? { bytes: row.bytes, extents: JSON.parse(row.extents) as Extent[] } : null;
  }

  async function receive(
    req: IncomingMessage,
    sha256: string,
    maxBytes: number,
  ): Promise<{ bytes: number; created: boolean }> {
    const declared = Number(req.headers['content-length'] ?? NaN);
    if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);

    // A repeat (the kiosk retrying after a lost answer) is checked but not written a second time.
    const stored = find(sha256) !== null;
    const hash = createHash('sha256');
    const extents: Extent[] = [];
    const touched = new Set<Segment>();
    let size = 0;
    // Past the limit the rest is read and dropped rather than failing the stream: failing would destroy
    // the socket, and the kiosk would see a reset (retry, forever) instead of the 413 (refused).
    const take = (chunk: Buffer): boolean => {
      size += chunk.length;
      if (size > maxBytes) return false;
      hash.update(chunk);
      return true;
    };
    const write = (chunks: Buffer[], bytes: number, done: (error: Error | null) => void): void => {
      const { segment, offset } = reserve(bytes);
      const last = extents[extents.length - 1];
      if (last && last[0] === segment.n && last[1] + last[2] === offset) last[2] += bytes;
      else extents.push([segment.n, offset, bytes]);
      touched.add(segment);
      segment.writing += 1;
      writev(segment.fd, chunks, offset, (error, written) => {
        segment.writing -= 1;
        segment.written += 1;
        if (!error && written !== bytes) error = new Error(`short write: ${written} of ${bytes} bytes`);
        done(error);
      });
    };
    await copyBody(req, take, stored ? null : write);
    if (size > maxBytes) throw tooLarge(maxBytes);
    if (Number.isFinite(declared) && declared !== size) {
      throw new HttpError(400, `Nhận được ${size} byte, khác Content-Length (${declared}).`);
    }
    const actual = hash.digest('hex');
    if (actual !== sha256) {
      throw new HttpError(422, 'Mã SHA-256 của tệp nhận được không khớp với địa chỉ tải lên.', [
        `Mong đợi ${sha256}, nhận được ${actual} (${size} byte).`,
      ]);
    }
    if (stored) return { bytes: size, created: false };
    for (const segment of touched) await durable(segment);
    // Another upload of the same blob may have got there first (INSERT OR IGNORE): either copy is right.
    await commit.run(() => q.add.run(sha256, size, JSON.stringify(extents), new Date().toISOString()));
    return { bytes: size, created: true };
  }

  function read(sha256: string): Buffer | null {
    const row = find(sha256);
    if (!row) return null;
    const out = Buffer.allocUnsafe(row.bytes);
    let at = 0;
    for (const [n, offset, length] of row.extents) {
      const open = segments.get(n);
      const fd = open ? open.fd : openSync(segmentPath(root, n), 'r');
      try {
        for (let got = 0; got < length;) {
          const r = readSync(fd, out, at + got, length - got, offset + got);
          if (r === 0) throw new Error(`segment ${n} ends before blob ${sha256} does`);
          got += r;
        }
      } finally {
        if (!open) closeSync(fd);
      }
      at += length;
    }
    return out;
  }

  return {
    bytes: (sha256) => find(sha256)?.bytes ?? null,
    read,
    receive,
    async close() {
      for (const s of segments.values()) {
        // Bounded: writes in flight finish on the thread pool within moments (each at most 1 MiB).
        for (let i = 0; i < 200 && (s.writing > 0 || s.sync); i++) {
          await (s.sync ?? new Promise((r) => setTimeout(r, 10)));
        }
        closeSync(s.fd);
      }
      segments.clear();
    },
  };
}

function segmentPath(root: string, n: number): string {
  return join(root, `segment-${String(n).padStart(6, '0')}.log`);
}

type WriteFn = (chunks: Buffer[], bytes: number, done: (error: Error | null) => void) => void;

/**
 * The request body, each chunk offered to `take` first (false: read and dropped), the kept ones written
 * in batches through `write` (null: hashed only). At most one write per upload is in flight: the socket
 * is paused while one runs with a full batch behind it, so memory stays at about WRITE_BATCH_BYTES per
 * upload. Settles once every write has completed, or at the first error of either side.
 */
function copyBody(
  req: IncomingMessage,
  take: (chunk: Buffer) => boolean,
  write: WriteFn | null,
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let settled = false;
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    let inFlight = false;
    let ended = false;
    const settle = (error?: Error | null): void => {
      if (settled) return;
      if (!error && (inFlight || pendingBytes > 0 || !ended)) return;
      settled = true;
      req.off('data', onData);
      if (error) {
        // Rejected once no write is in flight, so nothing is still writing for an upload already failed.
        const fail = () => reject(error);
        if (!inFlight) fail();
        else waitIdle = fail;
        return;
      }
      resolve();
    };
    let waitIdle: (() => void) | null = null;
    const flush = (): void => {
      if (!write || inFlight || pendingBytes === 0) return;
      const chunks = pending;
      const bytes = pendingBytes;
      pending = [];
      pendingBytes = 0;
      inFlight = true;
      write(chunks, bytes, (error) => {
        inFlight = false;
        if (waitIdle) {
          const w = waitIdle;
          waitIdle = null;
          w();
          return;
        }
        if (error) {
          settle(error);
          return;
        }
        if (req.isPaused() && !ended) req.resume();
        if (ended || pendingBytes >= WRITE_BATCH_BYTES) flush();
        settle();
      });
    };
    const onData = (chunk: Buffer): void => {
      if (!take(chunk) || !write) return;
      pending.push(chunk);
      pendingBytes += chunk.length;
      if (pendingBytes < WRITE_BATCH_BYTES) return;
      if (inFlight) req.pause();
      else flush();
    };
    req.on('data', onData);
    req.once('end', () => {
      ended = true;
      flush();
      settle();
    });
    req.once('error', (error) => settle(error));
    // A kiosk that hangs up mid-upload: no 'end', only a close with the body incomplete.
    req.once('close', () => {
      if (!req.complete) settle(new Error('the upload was cut off'));
    });
  });
}
