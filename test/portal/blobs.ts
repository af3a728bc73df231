import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream, mkdirSync, statSync } from 'node:fs';
import { mkdir, open, rename, rm, type FileHandle } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { HttpError, tooLarge } from './http-util';

/**
 * Attachments on the portal's disk, stored once by SHA-256 like the kiosk does. The file in its final place
 * is the record that the portal has a blob (a content-addressed store, as object stores are): it only ever
 * appears there verified and durable, so HEAD and the dossier check look at the file, and a PUT needs no
 * database commit of its own (the `blobs` rows are written with the dossier that uses them).
 *
 * An upload streams to a temp file while it is hashed (memory stays flat whatever the size); a verified
 * file is fsynced (once, as its stream closes), renamed into place, and the folder holding the new name is
 * fsynced before the answer, so a 201 survives a power cut. Folder fsyncs asked for in the same turn of the
 * event loop are made once (several uploads landing in one shard folder). A cut upload or a wrong hash
 * leaves nothing behind; a repeat of a stored blob is hashed and checked but not written again.
 */
export function blobPath(dataDir: string, sha256: string): string {
  return join(dataDir, 'blobs', sha256.slice(0, 2), sha256);
}

export interface BlobStore {
  /** Size of the stored blob, or null when the portal does not have it. */
  bytes(sha256: string): number | null;
  /** Receives one upload; `created` is false when the blob was already stored. */
  receive(
    req: IncomingMessage,
    sha256: string,
    maxBytes: number,
  ): Promise<{ bytes: number; created: boolean }>;
  /** Closes the folder handles it keeps (after the last upload). */
  close(): Promise<void>;
}

export function createBlobStore(dataDir: string): BlobStore {
  const root = join(dataDir, 'blobs');
  const tmpDir = join(root, 'tmp');
  mkdirSync(tmpDir, { recursive: true });
  /** Shard folders whose own name this process has made durable in `blobs/`. */
  const shards = new Set<string>();
  const folders = createFolderSync();
  const syncDir = folders.sync;

  /** Makes `blobs/<aa>` if needed, and its name durable (also when found: it may be a crash's leftover). */
  async function shard(sha256: string): Promise<string> {
    const dir = join(root, sha256.slice(0, 2));
    if (shards.has(dir)) return dir;
    try {
      await mkdir(dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    await syncDir(root);
    shards.add(dir);
    return dir;
  }

  function bytes(sha256: string): number | null {
    try {
      const s = statSync(blobPath(dataDir, sha256));
      return s.isFile() ? s.size : null;
    } catch {
      return null;
    }
  }

  async function receive(
    req: IncomingMessage,
    sha256: string,
    maxBytes: number,
  ): Promise<{ bytes: number; created: boolean }> {
    const declared = Number(req.headers['content-length'] ?? NaN);
    if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);

    // A repeat (the kiosk retrying after a lost answer) is checked but not written a second time.
    const stored = bytes(sha256) !== null;
    const tmp = join(tmpDir, `${sha256}.${randomUUID()}`);
    const hash = createHash('sha256');
    let size = 0;
    // Past the limit the rest is read and dropped rather than failing the stream: failing would destroy
    // the socket, and the kiosk would see a reset (retry, forever) instead of the 413 (refused).
    const take = (chunk: Buffer): boolean => {
      size += chunk.length;
      if (size > maxBytes) return false;
      hash.update(chunk);
      return true;
    };
    // `flush`: the file is fsynced as its stream closes (one open, one fsync, one close per upload).
    const out = stored ? discard() : createWriteStream(tmp, { flags: 'wx', flush: true });
    let written = false;
    try {
      await copyBody(req, out, take);
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
      const dir = await shard(sha256);
      // Same bytes under the same name if another upload of this blob got there first: either is right.
      await rename(tmp, join(dir, sha256));
      written = true;
      await syncDir(dir);
      return { bytes: size, created: true };
    } finally {
      if (!written && !stored) await rm(tmp, { force: true });
    }
  }

  return { bytes, receive, close: folders.close };
}

/**
 * The request body into `out`, each chunk offered to `take` first (false: read and dropped). Settles once:
 * when `out` has closed (for a file opened with `flush`, after its fsync), or at the first error of either
 * side, once `out` is destroyed and closed. Written out rather than stream.pipeline + a Transform, which cost about 1 ms
 * of CPU per three uploads more (an AbortController, a DOMException and a Transform per upload), measured
 * on the portal's busiest path.
 */
function copyBody(req: IncomingMessage, out: Writable, take: (chunk: Buffer) => boolean): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let settled = false;
    const settle = (error?: unknown): void => {
      if (settled) return;
      settled = true;
      req.off('data', onData);
      if (error === undefined) {
        resolve();
        return;
      }
      // Rejected once the file is closed, so the caller's clean-up cannot run before its open did.
      const fail = () => reject(error instanceof Error ? error : new Error(String(error)));
      out.destroy();
      if (out.closed) fail();
      else out.once('close', fail);
    };
    const onData = (chunk: Buffer): void => {
      if (!take(chunk) || out.write(chunk)) return;
      req.pause();
      out.once('drain', () => req.resume());
    };
    req.on('data', onData);
    req.once('end', () => out.end());
    req.once('error', settle);
    // A kiosk that hangs up mid-upload: no 'end', only a close with the body incomplete.
    req.once('close', () => {
      if (!req.complete) settle(new Error('the upload was cut off'));
    });
    out.once('error', settle);
    out.once('close', () => settle());
  });
}

/** A sink for the body of a repeated upload: hashed on the way, never written. */
function discard(): Writable {
  return new Writable({
    write(_chunk, _enc, done) {
      done();
    },
  });
}

/**
 * fsync of a folder, shared by every caller that asks in the same turn of the event loop: each caller's
 * rename has completed before it asks, and the one fsync starts after all of them, so it covers them all.
 * Folder handles stay open (at most the 256 shard folders and `blobs/`): an fsync is then one call, not
 * open, fsync and close.
 */
function createFolderSync(): { sync(dir: string): Promise<void>; close(): Promise<void> } {
  const pending = new Map<string, Promise<void>>();
  const handles = new Map<string, Promise<FileHandle>>();
  const handle = (dir: string): Promise<FileHandle> => {
    let h = handles.get(dir);
    if (!h) {
      h = open(dir, 'r');
      handles.set(dir, h);
      h.catch(() => handles.delete(dir)); // not kept when it failed: the next call tries again
    }
    return h;
  };
  return {
    sync(dir) {
      const queued = pending.get(dir);
      if (queued) return queued;
      const run = new Promise<void>((resolve) => setImmediate(resolve)).then(async () => {
        pending.delete(dir);
        await (await handle(dir)).sync();
      });
      pending.set(dir, run);
      return run;
    },
    async close() {
      await Promise.allSettled(pending.values());
      const all = [...handles.values()];
      handles.clear();
      for (const h of await Promise.allSettled(all)) if (h.status === 'fulfilled') await h.value.close();
    },
  };
}
