import type Database from 'better-sqlite3';
import { createHash, randomBytes as nodeRandomBytes } from 'node:crypto';
import { readdirSync, statSync, unlinkSync } from 'node:fs';
import { mkdir, open, rename, stat, unlink, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import type { Clock } from '../clock';
import { fsyncFolder } from '../durable';
import { createLogger } from '../log';

const log = createLogger('dossier.blobs');

/**
 * Attachments stored once by content (ARCHITECTURE.md): `<data>/attachments/<aa>/<sha256>.pdf`.
 *
 * The order that keeps "a `blobs` row ⇒ its file is on disk" true through a power cut:
 *   1. `write()`: bytes to a temp file in the target folder, fsync, rename to the final name, fsync the
 *      folder (so the rename itself is durable);
 *   2. the caller's transaction inserts the `blobs` row (`insertRow`) together with the attachment that
 *      references it, after `exists()` confirms the file is still there.
 * A crash between 1 and 2 leaves a file without a row: `sweepOrphans()` removes it once it is older than
 * the grace period, which is what keeps an attach that is between steps 1 and 2 safe from the sweep.
 *
 * File times are set from the injected clock, so the grace period is measured on one clock in tests and
 * in production alike.
 */

export const BLOB_FOLDER = 'attachments';
/** A file younger than this is never swept: an attach may be between writing it and its row. */
export const DEFAULT_GRACE_MS = 10 * 60 * 1000;

const SHA = /^[0-9a-f]{64}$/;
const BLOB_FILE = /^([0-9a-f]{64})\.pdf$/;
const TEMP_PREFIX = '.tmp-';

/** Where a blob lives (the sync engine streams uploads from here). */
export function blobPath(dataDir: string, sha256: string): string {
  if (!SHA.test(sha256)) throw new Error(`not a sha256: ${sha256}`);
  return join(dataDir, BLOB_FOLDER, sha256.slice(0, 2), `${sha256}.pdf`);
}

export interface StoredBlob {
  sha256: string;
  bytes: number;
}

export interface SweepResult {
  rows: number;
  files: number;
}

export interface BlobStore {
  readonly folder: string;
  path(sha256: string): string;
  /** Steps 1 of the order above. Idempotent: the same bytes twice give one file. */
  write(bytes: Uint8Array): Promise<StoredBlob>;
  /** True when the blob's file is on disk now (checked inside the transaction that adds the row). */
  exists(sha256: string): boolean;
  /** Inside the caller's transaction: the row for a file `write` put on disk. */
  insertRow(blob: StoredBlob): void;
  /**
   * Rows of these blobs that no attachment references any more are deleted now; their files are
   * unlinked when older than the grace period (else left to the next sweep). Returns what was removed.
   */
  release(sha256s: Iterable<string>): SweepResult;
  /** Files without a row (older than the grace period), stale temp files, and unreferenced rows. */
  sweepOrphans(): SweepResult;
}

export function createBlobStore(
  db: Database.Database,
  deps: {
    dataDir: string;
    clock: Clock;
    graceMs?: number;
    randomBytes?: (n: number) => Buffer;
    /** Files to leave although no row names them (a manifest not yet put back still needs them). */
    keep?: () => ReadonlySet<string>;
  },
): BlobStore {
  const folder = join(deps.dataDir, BLOB_FOLDER);
  const graceMs = deps.graceMs ?? DEFAULT_GRACE_MS;
  const random = deps.randomBytes ?? nodeRandomBytes;
  const q = {
    insert: db.prepare('INSERT OR IGNORE INTO blobs (sha256, bytes, created_at) VALUES (?, ?, ?)'),
    has: db.prepare('SELECT 1 FROM blobs WHERE sha256 = ?').pluck(),
    deleteIfUnused: db.prepare(
      'DELETE FROM blobs WHERE sha256 = ? AND NOT EXISTS (SELECT 1 FROM attachments a WHERE a.sha256 = blobs.sha256)',
    ),
    unused: db
      .prepare(
        'SELECT sha256 FROM blobs WHERE NOT EXISTS (SELECT 1 FROM attachments a WHERE a.sha256 = blobs.sha256)',
      )
      .pluck(),
  };
  const path = (sha256: string) => blobPath(deps.dataDir, sha256);
  const isOld = (mtimeMs: number) => deps.clock.now().getTime() - mtimeMs >= graceMs;

  /** Unlinks a file with no row, unless it is young. Synchronous so no attach interleaves with it. */
  function unlinkIfOld(file: string): boolean {
    try {
      if (!isOld(statSync(file).mtimeMs)) return false;
      unlinkSync(file);
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') log.warn('could not remove a blob', { error });
      return false;
    }
  }

  return {
    folder,
    path,
    async write(bytes) {
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const target = path(sha256);
      const now = deps.clock.now();
      const existing = await stat(target).catch(() => null);
      if (existing?.isFile() && existing.size === bytes.byteLength) {
        // Already stored (content addressed). Refresh its time so a sweep running before our row
        // commits sees it as young and leaves it.
        await utimes(target, now, now);
        return { sha256, bytes: bytes.byteLength };
      }
      const sub = join(folder, sha256.slice(0, 2));
      await mkdir(sub, { recursive: true });
      const temp = join(sub, `${TEMP_PREFIX}${sha256.slice(0, 16)}-${random(6).toString('hex')}`);
      const handle = await open(temp, 'wx');
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } catch (error) {
        await handle.close();
        await unlink(temp).catch(() => undefined);
        throw error;
      }
      await handle.close();
      await utimes(temp, now, now);
      await rename(temp, target);
      fsyncFolder(sub);
      return { sha256, bytes: bytes.byteLength };
    },
    exists(sha256) {
      try {
        return statSync(path(sha256)).isFile();
      } catch {
        return false;
      }
    },
    insertRow(blob) {
      q.insert.run(blob.sha256, blob.bytes, deps.clock.now().toISOString());
    },
    release(sha256s) {
      const removed: string[] = [];
      db.transaction(() => {
        for (const sha of new Set(sha256s)) if (q.deleteIfUnused.run(sha).changes > 0) removed.push(sha);
      })();
      let files = 0;
      for (const sha of removed) if (unlinkIfOld(path(sha))) files += 1;
      return { rows: removed.length, files };
    },
    sweepOrphans() {
      // Rows first (one transaction), then files: a crash in between leaves files without rows, which
      // the next sweep removes. A blob any attachment references (a submitted dossier's included) is
      // never selected.
      const rows = db.transaction(() => {
        const unused = q.unused.all() as string[];
        for (const sha of unused) q.deleteIfUnused.run(sha);
        return unused.length;
      })();
      let files = 0;
      let subs: string[];
      try {
        subs = readdirSync(folder, { withFileTypes: true })
          .filter((d) => d.isDirectory() && /^[0-9a-f]{2}$/.test(d.name))
          .map((d) => d.name);
      } catch {
        return { rows, files };
      }
      for (const sub of subs) {
        for (const entry of readdirSync(join(folder, sub), { withFileTypes: true })) {
          if (!entry.isFile()) continue;
          const file = join(folder, sub, entry.name);
          if (entry.name.startsWith(TEMP_PREFIX)) {
            if (unlinkIfOld(file)) files += 1;
            continue;
          }
          const sha = BLOB_FILE.exec(entry.name)?.[1];
          if (!sha || sha.slice(0, 2) !== sub) continue; // not ours: leave it alone
          // Checked and unlinked without an await in between: an attach's transaction cannot slip in.
          if (q.has.get(sha) === undefined && !deps.keep?.().has(sha) && unlinkIfOld(file)) files += 1;
        }
      }
      if (rows + files > 0) log.info('orphan attachments swept', { rows, files });
      return { rows, files };
    },
  };
}
