import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createGroupCommit } from '../../portal/commit';
import { createWalSync, type WalSync } from '../../portal/durable';
import { openPortalDb } from '../../portal/schema';
import { createPortal } from '../../portal';
import { dossierWith, postDossier, tempDir, TOKEN, upload } from './fixtures';

/** A WAL sync the test finishes by hand, counting how many were asked for. */
function heldSync() {
  const waiting: (() => void)[] = [];
  const wal: WalSync & { syncs: number; finish(): void } = {
    syncs: 0,
    after() {
      wal.syncs += 1;
      return new Promise<void>((resolve) => waiting.push(resolve));
    },
    now() {},
    close: () => Promise.resolve(),
    finish() {
      for (const resolve of waiting.splice(0)) resolve();
    },
  };
  return wal;
}

const turn = () => new Promise((r) => setImmediate(r));

describe('reference portal: group commit', () => {
  it('answers nobody before the WAL sync, and writes of the same moment share one transaction and one sync', async () => {
    const db = new Database(join(tempDir(), 'g.db'));
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE t (x INTEGER NOT NULL)');
    const wal = heldSync();
    const commit = createGroupCommit(db, wal);
    const settled: string[] = [];
    const a = commit.run(() => db.prepare('INSERT INTO t VALUES (1)').run()).then(() => settled.push('a'));
    const b = commit.run(() => db.prepare('INSERT INTO t VALUES (2)').run()).then(() => settled.push('b'));
    // One write that fails is rolled back alone; only its caller hears of it.
    const bad = commit.run(() => {
      db.prepare('INSERT INTO t VALUES (3)').run();
      db.prepare('INSERT INTO t VALUES (NULL)').run();
    });
    const badOutcome = bad.then(
      () => 'ok',
      (e: Error) => e.message,
    );
    await turn();
    await turn();
    // Committed, not yet durable: nobody has been answered.
    expect(db.prepare('SELECT x FROM t ORDER BY x').pluck().all()).toEqual([1, 2]);
    expect(wal.syncs).toBe(1);
    expect(settled).toEqual([]);

    wal.finish();
    await Promise.all([a, b]);
    expect(settled).toEqual(['a', 'b']);
    expect(await badOutcome).toMatch(/NOT NULL/);
    db.close();
  });

  it('every caller in a batch hears of a failed sync (none was answered)', async () => {
    const db = new Database(join(tempDir(), 'g.db'));
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE t (x)');
    const wal: WalSync = {
      after: () => Promise.reject(new Error('EIO')),
      now() {},
      close: () => Promise.resolve(),
    };
    const commit = createGroupCommit(db, wal);
    const results = await Promise.allSettled([commit.run(() => 1), commit.run(() => 2)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    db.close();
  });
});

describe('reference portal: WAL sync', () => {
  it('needs WAL mode, makes every write since the last sync durable, and closes after its last sync', async () => {
    const dir = tempDir();
    const plain = new Database(join(dir, 'plain.db'));
    expect(() => createWalSync(plain)).toThrow(/WAL/);
    plain.close();

    const db = openPortalDb(dir);
    expect(db.pragma('synchronous', { simple: true })).toBe(1); // NORMAL: the sync is ours
    const wal = createWalSync(db);
    db.prepare(`INSERT INTO day_sequences (unit_code, day, seq) VALUES ('u', '261123', 1)`).run();
    const syncs = [wal.after(), wal.after(), wal.after()];
    wal.now();
    await Promise.all(syncs);
    await wal.close();
    db.close();
  });

  it('a dossier the portal answered 201 is there after it stops and starts again', async () => {
    const dataDir = tempDir();
    const one = await createPortal({ dataDir, tokens: [TOKEN] });
    const file = Buffer.from('%PDF-1.7\nbền vững\n%%EOF\n');
    await upload(one, file);
    const dossier = dossierWith([{ data: file }]);
    expect((await postDossier(one, dossier)).status).toBe(201);
    // The file's row is written with the dossier that uses it.
    expect(
      one.db.prepare('SELECT bytes FROM blobs WHERE sha256 = ?').pluck().get(dossier.attachments[0]!.sha256),
    ).toBe(file.length);
    await one.close();

    const two = await createPortal({ dataDir, tokens: [TOKEN] });
    try {
      expect(two.db.prepare('SELECT kiosk_dossier_id FROM dossiers').pluck().all()).toEqual([dossier.id]);
    } finally {
      await two.close();
    }
  });
});
