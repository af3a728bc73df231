import type Database from 'better-sqlite3';
import {
  closeSync,
  existsSync,
  fdatasyncSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { open, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { fsyncFolder } from '../durable';
import { createLogger } from '../log';
import { blobPath } from './blobs';
import { nationalCurrent, nationalEvents } from './legacy-status';

const log = createLogger('dossier.manifest');

/** `<data>/manifests/<dossier id>.json`, beside `<data>/attachments/`. */
export const MANIFEST_FOLDER = 'manifests';
const MANIFEST_FILE = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.json$/;
/** A manifest is a few KB; one larger than this is not ours. */
const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;

type Row = Record<string, unknown>;

/**
 * A submitted dossier as it stands in the database, table by table: everything needed to put it back
 * if the database loses it. Rows are kept by column name, so a manifest written by this version restores
 * into a later schema (columns both have).
 */
const ManifestSchema = z.object({
  version: z.literal(1),
  id: z.string(),
  code: z.string(),
  writtenAt: z.string(),
  /** Who assisted, by name: the staff row's id may not exist in the database it is restored into. */
  assistedBy: z.object({ user: z.string(), displayName: z.string() }).nullable(),
  dossier: z.record(z.string(), z.unknown()),
  attachments: z.array(z.record(z.string(), z.unknown())),
  blobs: z.array(z.record(z.string(), z.unknown())),
  events: z.array(z.record(z.string(), z.unknown())),
  outbox: z.record(z.string(), z.unknown()).nullable(),
});
export type Manifest = z.infer<typeof ManifestSchema>;

export interface Restored {
  /** Codes of the dossiers put back from their manifests. */
  codes: string[];
  /** Codes of dossiers the database had, but without some of their rows (outbox, files, timeline), completed. */
  completed: string[];
  /** Of those, attachment files that were not on disk (their rows are back; the files are not). */
  missingFiles: number;
  /** Manifest files that could not be read or put back, by name, with why. */
  failed: { file: string; reason: string }[];
}

export interface Manifests {
  /**
   * Inside the submit transaction: writes the dossier's manifest, fsynced, before the transaction
   * commits. Throws when the disk refuses, which rolls the submit back (nothing half-done).
   */
  write(id: string): void;
  /**
   * A submit whose transaction failed after `write`: the file is emptied again (a reservation), unless
   * the database does hold the dossier as submitted. Truncating needs no free space.
   */
  unfill(id: string): void;
  /** After a change the portal or staff made (sent, corrected …): the manifest follows, off the event loop. */
  update(id: string): void;
  /**
   * Every dossier whose manifest exists and which the database lacks, put back (at start). `thorough`
   * (after the database was damaged, lost or lost WAL frames): the dossiers it does have are completed
   * from their manifests too — a salvage can bring a dossier back without its outbox row or its files.
   */
  restore(options?: { thorough?: boolean }): Restored;
  /** Attachment files named by manifests that could not be put back: the orphan sweep leaves them. */
  keptBlobs(): ReadonlySet<string>;
  /** Empty reserved files of drafts that are gone (discarded, wiped): removed. */
  sweepReserved(): number;
  /** Waits for updates still being written (close). */
  flush(): Promise<void>;
}

/**
 * When a draft begins: its manifest's file, empty, with its folder entry made durable now, off the path
 * to the receipt (submit then only fills it). An empty manifest means "a draft, nothing to restore".
 */
export function reserveManifest(dataDir: string, id: string): void {
  const folder = join(dataDir, MANIFEST_FOLDER);
  mkdirSync(folder, { recursive: true });
  closeSync(openSync(join(folder, `${id}.json`), 'a'));
  fsyncFolder(folder);
}

/**
 * Per-dossier manifests (issue 17): nothing a citizen handed in is lost because one file broke. The
 * database is the kiosk's working copy; each submitted dossier is also its own small file, written and
 * fsynced inside the submit transaction, so a dossier is never acknowledged (receipt, code) without it.
 * At start, every manifest whose dossier the database lacks (a damaged file moved aside, a 0-byte or
 * deleted kiosk.db, a WAL that lost its last frames) is put back with its attachments' rows and its
 * outbox row, so it still reaches the portal (once: the portal's Idempotency-Key is the dossier's id).
 */
export function createManifests(deps: {
  db: Database.Database;
  dataDir: string;
  now: () => Date;
}): Manifests {
  const { db, dataDir } = deps;
  const folder = join(dataDir, MANIFEST_FOLDER);
  const q = {
    dossier: db.prepare('SELECT * FROM dossiers WHERE id = ?'),
    assisted: db.prepare(
      'SELECT u.user, u.display_name AS displayName FROM dossiers d JOIN staff_users u ON u.id = d.assisted_by WHERE d.id = ?',
    ),
    attachments: db.prepare('SELECT * FROM attachments WHERE dossier_id = ? ORDER BY component_id, position'),
    blobs: db.prepare(
      'SELECT b.* FROM blobs b WHERE b.sha256 IN (SELECT sha256 FROM attachments WHERE dossier_id = ?)',
    ),
    events: db.prepare('SELECT * FROM dossier_events WHERE dossier_id = ? ORDER BY id'),
    outbox: db.prepare('SELECT * FROM outbox WHERE dossier_id = ?'),
    submittedIds: db.prepare(`SELECT id FROM dossiers WHERE status = 'submitted'`).pluck(),
    exists: db.prepare('SELECT 1 FROM dossiers WHERE id = ?').pluck(),
  };
  let folderMade = false;
  const pending = new Map<string, Promise<void>>();
  const kept = new Set<string>();

  function snapshot(id: string): Manifest | null {
    const dossier = q.dossier.get(id) as Row | undefined;
    if (!dossier || dossier.status !== 'submitted' || typeof dossier.code !== 'string') return null;
    const assisted = q.assisted.get(id) as { user: string; displayName: string } | undefined;
    // The draft's capability is of no use once submitted, and must not sit in a second file.
    const { draft_token_hash: _drop, ...kept } = dossier;
    return {
      version: 1,
      id,
      code: dossier.code,
      writtenAt: deps.now().toISOString(),
      assistedBy: assisted ?? null,
      dossier: kept,
      attachments: q.attachments.all(id) as Row[],
      blobs: q.blobs.all(id) as Row[],
      events: q.events.all(id) as Row[],
      outbox: (q.outbox.get(id) as Row | undefined) ?? null,
    };
  }

  function ensureFolder(): void {
    if (folderMade) return;
    mkdirSync(folder, { recursive: true });
    folderMade = true;
  }

  const pathOf = (id: string): string => join(folder, `${id}.json`);

  return {
    write(id) {
      const manifest = snapshot(id);
      if (!manifest) throw new Error(`no submitted dossier ${id} to write a manifest for`);
      ensureFolder();
      // Into the empty file reserved when the draft began (reserveManifest): its folder entry is already
      // durable, so only the file's data is synced here — one fdatasync on the path to the receipt,
      // not a folder fsync as well. A draft from before reservations gets a new file and the folder sync.
      const path = pathOf(id);
      const reserved = existsSync(path);
      const text = Buffer.from(JSON.stringify(manifest));
      const fd = openSync(path, reserved ? 'r+' : 'w');
      try {
        writeSync(fd, text, 0, text.length, 0);
        ftruncateSync(fd, text.length);
        fdatasyncSync(fd);
      } finally {
        closeSync(fd);
      }
      if (!reserved) fsyncFolder(folder);
    },

    unfill(id) {
      try {
        const row = q.dossier.get(id) as Row | undefined;
        if (row?.status === 'submitted') return;
        const path = pathOf(id);
        if (!existsSync(path)) return;
        const fd = openSync(path, 'r+');
        try {
          ftruncateSync(fd, 0);
          fdatasyncSync(fd);
        } finally {
          closeSync(fd);
        }
      } catch (error) {
        log.error('a failed submit left its manifest filled', { id, error });
      }
    },

    update(id) {
      let manifest: Manifest | null;
      try {
        manifest = snapshot(id);
      } catch (error) {
        log.error('manifest not updated: the dossier could not be read', { id, error });
        return;
      }
      if (!manifest) return;
      const text = JSON.stringify(manifest);
      // One write at a time per dossier, in the order the changes came.
      const before = pending.get(id) ?? Promise.resolve();
      const next = before.then(async () => {
        ensureFolder();
        const final = pathOf(id);
        const temp = `${final}.tmp-update`;
        const handle = await open(temp, 'w');
        try {
          await handle.writeFile(text);
          await handle.sync();
        } finally {
          await handle.close();
        }
        await rename(temp, final);
      });
      const settled = next.catch((error: unknown) => {
        // The database still has the change; the manifest keeps the state before it, which restores to
        // something the portal's idempotency makes safe (a dossier sent twice is taken once).
        log.error('manifest update failed', { id, error });
      });
      pending.set(id, settled);
      void settled.then(() => {
        if (pending.get(id) === settled) pending.delete(id);
      });
    },

    keptBlobs: () => kept,

    restore(options = {}) {
      const result: Restored = { codes: [], completed: [], missingFiles: 0, failed: [] };
      if (!existsSync(folder)) return result;
      const known = new Set(q.submittedIds.all() as string[]);
      let names: string[];
      try {
        names = readdirSync(folder);
      } catch (error) {
        result.failed.push({ file: folder, reason: error instanceof Error ? error.message : String(error) });
        return result;
      }
      for (const name of names.sort()) {
        const id = MANIFEST_FILE.exec(name)?.[1];
        if (!id || (known.has(id) && !options.thorough)) continue;
        const path = join(folder, name);
        try {
          const size = statSync(path).size;
          // Reserved for a draft and never filled: nothing was submitted.
          if (size === 0) continue;
          if (size > MAX_MANIFEST_BYTES) throw new Error('larger than a manifest can be');
          const manifest = ManifestSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
          if (manifest.id !== id) throw new Error('the file name and the dossier id differ');
          if (known.has(id)) {
            if (complete(db, manifest)) result.completed.push(manifest.code);
            continue;
          }
          result.missingFiles += putBack(db, dataDir, manifest);
          result.codes.push(manifest.code);
        } catch (error) {
          result.failed.push({ file: name, reason: error instanceof Error ? error.message : String(error) });
          // Its files stay until a technician has put it back: read the hashes even from broken JSON.
          try {
            for (const m of readFileSync(path, 'latin1').matchAll(/"sha256":"([0-9a-f]{64})"/g))
              if (m[1]) kept.add(m[1]);
          } catch {
            // unreadable: nothing more to keep
          }
        }
      }
      if (result.codes.length > 0 || result.failed.length > 0)
        log.error('dossiers restored from manifests', { ...result });
      return result;
    },

    sweepReserved() {
      if (!existsSync(folder)) return 0;
      let removed = 0;
      for (const name of readdirSync(folder)) {
        const id = MANIFEST_FILE.exec(name)?.[1];
        if (!id || q.exists.get(id)) continue;
        const path = join(folder, name);
        try {
          if (statSync(path).size !== 0) continue; // a manifest with content is never swept
          unlinkSync(path);
          removed++;
        } catch (error) {
          log.warn('reserved manifest not removed', { name, error });
        }
      }
      return removed;
    },

    async flush() {
      await Promise.all([...pending.values()]);
    },
  };
}

/** The columns a table has now: a manifest's row is inserted by the names both know. */
function columnsOf(db: Database.Database, table: string): Set<string> {
  return new Set((db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name));
}

/** Inserts a manifest's row by the columns the table has; returns how many rows went in (0 or 1). */
function insertRow(db: Database.Database, table: string, row: Row, mode: 'OR IGNORE' | '' = ''): number {
  const have = columnsOf(db, table);
  const names = Object.keys(row).filter((k) => have.has(k));
  if (names.length === 0) return 0;
  return db
    .prepare(`INSERT ${mode} INTO ${table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`)
    .run(...names.map((k) => row[k] as unknown)).changes;
}

/**
 * A dossier the database has, completed from its manifest: attachments, files' rows, outbox row and
 * timeline that a salvage could not read are added (nothing the database has is changed). True when
 * anything was missing.
 */
function complete(db: Database.Database, m: Manifest): boolean {
  return db.transaction(() => {
    let added = 0;
    for (const blob of m.blobs) added += insertRow(db, 'blobs', blob, 'OR IGNORE');
    for (const attachment of m.attachments) added += insertRow(db, 'attachments', attachment, 'OR IGNORE');
    const hasOutbox = db.prepare('SELECT 1 FROM outbox WHERE dossier_id = ?').get(m.id) !== undefined;
    if (!hasOutbox && m.outbox) {
      added += insertRow(db, 'outbox', {
        ...m.outbox,
        ...(m.outbox.state === 'sending' ? { state: 'waiting', lease_until: null } : {}),
      });
    }
    const hasEvents = db.prepare('SELECT 1 FROM dossier_events WHERE dossier_id = ?').get(m.id) !== undefined;
    if (!hasEvents)
      for (const { id: _id, ...event } of nationalEvents(m.events))
        added += insertRow(db, 'dossier_events', event);
    return added > 0;
  })();
}

/**
 * One dossier back into the database, in one transaction. Returns how many of its attachment files are
 * missing on disk (their rows go back anyway: the data and the code matter more than one scan).
 */
function putBack(db: Database.Database, dataDir: string, m: Manifest): number {
  const findUser = db.prepare('SELECT id FROM staff_users WHERE user = ?').pluck();
  return db.transaction(() => {
    // A draft with this id (a submit whose commit the database lost) is replaced by what was submitted.
    db.prepare('DELETE FROM attachments WHERE dossier_id = ?').run(m.id);
    db.prepare('DELETE FROM dossier_events WHERE dossier_id = ?').run(m.id);
    db.prepare('DELETE FROM outbox WHERE dossier_id = ?').run(m.id);
    db.prepare('DELETE FROM dossiers WHERE id = ?').run(m.id);
    const assistedBy = m.assistedBy
      ? ((findUser.get(m.assistedBy.user) as number | undefined) ?? null)
      : null;
    // A manifest written before migration 0014 speaks the old status names (legacy-status.ts).
    const current = nationalCurrent(m.dossier.current_status, m.events, m.dossier.reception);
    insertRow(db, 'dossiers', { ...m.dossier, current_status: current, assisted_by: assistedBy });
    let missing = 0;
    for (const blob of m.blobs) {
      const sha = String(blob.sha256);
      let present = false;
      try {
        present = existsSync(blobPath(dataDir, sha));
      } catch {
        present = false;
      }
      if (!present) missing++;
      insertRow(db, 'blobs', blob, 'OR IGNORE');
    }
    for (const attachment of m.attachments) insertRow(db, 'attachments', attachment);
    // Event ids are the database's own: new ones, in the manifest's order.
    for (const { id: _id, ...event } of nationalEvents(m.events)) insertRow(db, 'dossier_events', event);
    // A lease ("sending") means nothing after a restart: waiting again, to be sent (or found sent).
    const outbox = m.outbox ?? {
      dossier_id: m.id,
      state: 'waiting',
      next_attempt_at: m.writtenAt,
      created_at: m.writtenAt,
      updated_at: m.writtenAt,
    };
    insertRow(db, 'outbox', {
      ...outbox,
      ...(outbox.state === 'sending' ? { state: 'waiting', lease_until: null } : {}),
    });
    // A reception decided at the counter on a dossier the citizen filed alone may not have reached the
    // portal yet (its queue row is not in the manifest): queued again, the PUT is idempotent.
    if (m.assistedBy === null && m.dossier.reception_source === 'counter') {
      db.prepare('INSERT OR IGNORE INTO reception_updates (dossier_id, queued_at) VALUES (?, ?)').run(
        m.id,
        m.writtenAt,
      );
    }
    const day = m.dossier.day;
    const seq = m.dossier.seq;
    if (typeof day === 'string' && typeof seq === 'number') {
      db.prepare(
        'INSERT INTO day_sequences (day, seq) VALUES (?, ?) ON CONFLICT (day) DO UPDATE SET seq = MAX(seq, excluded.seq)',
      ).run(day, seq);
    }
    return missing;
  })();
}
