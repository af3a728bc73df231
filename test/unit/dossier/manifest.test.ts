/**
 * Nothing a citizen handed in is lost because one file broke (issue 17). Each submitted dossier is also
 * its own fsynced manifest file; when the database loses dossiers (damaged and moved aside, 0 bytes,
 * deleted, a WAL whose last frames are bad or gone), the kiosk puts them back at start, with their
 * attachments and outbox rows, says so to staff, and sends them to the portal as if nothing happened.
 */
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import {
  cpSync,
  existsSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  truncateSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleData } from '../../../main/core/catalogue/examples';
import type { CallContext } from '../../../main/core';
import type { Core } from '../../../main/core/types';
import { manualClock } from '../../../main/core/clock';
import { makeCore, quietLogs, tempDir } from '../helpers';
import { answer } from '../failures';
import { createManifests } from '../../../main/core/dossier/manifest';
import { photographMissing } from './fixtures';
import { overwrite } from '../db/overwrite';

quietLogs();

const PIN = '135790';
const PROCEDURE = 'dang-ky-khai-sinh';
const window: CallContext = { transport: 'ipc', local: true };

const call = <T = Record<string, unknown>>(core: Core, name: string, input: unknown, ctx: CallContext) =>
  answer<T>(core.call(name, input, ctx), name);

async function staffOn(core: Core): Promise<CallContext> {
  const session = await call<{ token: string }>(core, 'staff.signIn', { user: 'admin', pin: PIN }, window);
  return { ...window, token: session.token };
}

/** A draft of the example dossier, complete (its papers photographed), ready to submit; returns its id. */
async function ready(core: Core, staff: CallContext): Promise<string> {
  const draft = await call<{ id: string }>(core, 'dossier.create', { procedureId: PROCEDURE }, staff);
  await call(
    core,
    'dossier.update',
    { id: draft.id, data: exampleData(PROCEDURE), contact: { phone: '0912345678' } },
    staff,
  );
  await photographMissing((name, input) => call(core, name, input, staff), draft.id);
  return draft.id;
}

/** Files the example dossier at the kiosk with staff and returns its id and code. */
async function file(core: Core, staff: CallContext): Promise<{ id: string; code: string }> {
  const id = await ready(core, staff);
  const { code } = await call<{ code: string }>(core, 'dossier.submit', { id }, staff);
  return { id, code };
}

/** A kiosk with `n` submitted dossiers; `snapshot` copies its data folder while it is still open. */
async function kioskWith(n: number) {
  const made = await makeCore({ env: { KIOSK_ADMIN_PIN: PIN } });
  const staff = await staffOn(made.core);
  const filed: { id: string; code: string }[] = [];
  for (let i = 0; i < n; i++) filed.push(await file(made.core, staff));
  return { ...made, staff, filed };
}

/** The kiosk started again on `dataDir`: what staff see of the day and of the outbox. */
async function reopen(dataDir: string, at?: string) {
  const again = await makeCore({
    dataDir,
    env: { KIOSK_ADMIN_PIN: PIN },
    ...(at ? { clock: manualClock(at) } : {}),
  });
  const staff = await staffOn(again.core);
  const today = await call<{ code: string; sync: string }[]>(again.core, 'dossier.today', {}, staff);
  const alerts = await call<{ code: string; level: string; vi: string }[]>(
    again.core,
    'staff.alerts',
    {},
    staff,
  );
  const sync = await call<{ waiting: number }>(again.core, 'sync.status', {}, staff);
  return { ...again, staff, today, alerts, sync };
}

const codesOf = (list: { code: string }[]) => list.map((d) => d.code).sort();

/** Copies the whole data folder of a running kiosk (its database, WAL, files, manifests). */
function snapshot(dataDir: string): string {
  const copy = tempDir('kiosk-snapshot-');
  cpSync(dataDir, copy, { recursive: true });
  return copy;
}

describe('manifests', () => {
  it('writes each submitted dossier to its own file before the answer: code, data, files, outbox', async () => {
    const { dataDir, filed } = await kioskWith(1);
    const [{ id, code }] = filed as [{ id: string; code: string }];
    const manifest = JSON.parse(readFileSync(join(dataDir, 'manifests', `${id}.json`), 'utf8')) as {
      code: string;
      dossier: { status: string; data_json: string; draft_token_hash?: unknown };
      attachments: { sha256: string }[];
      blobs: { sha256: string }[];
      outbox: { state: string };
    };
    expect(manifest.code).toBe(code);
    expect(manifest.dossier.status).toBe('submitted');
    expect(JSON.parse(manifest.dossier.data_json)).toEqual(exampleData(PROCEDURE));
    expect(manifest.dossier).not.toHaveProperty('draft_token_hash');
    expect(manifest.attachments.length).toBeGreaterThan(0);
    expect(manifest.blobs.map((b) => b.sha256).sort()).toEqual(
      [...new Set(manifest.attachments.map((a) => a.sha256))].sort(),
    );
    expect(manifest.outbox.state).toBe('waiting');
  });

  it('reserves an empty file when a draft begins; a draft that is gone leaves none behind', async () => {
    const { core, dataDir, staff } = await kioskWith(0);
    const kept = await call<{ id: string }>(core, 'dossier.create', { procedureId: PROCEDURE }, staff);
    const gone = await call<{ id: string }>(core, 'dossier.create', { procedureId: PROCEDURE }, staff);
    const path = (id: string) => join(dataDir, 'manifests', `${id}.json`);
    expect(statSync(path(gone.id)).size).toBe(0);
    await call(core, 'dossier.discard', { id: gone.id }, staff);
    await core.close();
    // At the next start (and every minute) the sweep takes the discarded draft's file, not the live one's;
    // neither is taken for a dossier to restore.
    const { alerts } = await reopen(dataDir);
    expect(existsSync(path(gone.id))).toBe(false);
    expect(existsSync(path(kept.id))).toBe(true);
    expect(alerts.filter((a) => a.code === 'dossiers-restored')).toEqual([]);
  });

  it('empties the manifest again when the submit fails after writing it: nothing comes back at restart', async () => {
    const { core, dataDir, staff } = await kioskWith(0);
    const draft = { id: await ready(core, staff) };
    // The transaction fails after the manifest is filled (its audit row, the last write, is refused).
    const db = new Database(join(dataDir, 'kiosk.db'));
    db.exec(`CREATE TRIGGER fail_submit BEFORE INSERT ON audit_log WHEN NEW.action = 'dossier.submit'
             BEGIN SELECT RAISE(ABORT, 'injected'); END`);
    const refused = await core.call('dossier.submit', { id: draft.id }, staff);
    expect(refused.ok).toBe(false);
    expect(statSync(join(dataDir, 'manifests', `${draft.id}.json`)).size).toBe(0);
    db.exec('DROP TRIGGER fail_submit');
    db.close();
    await core.close();
    const { today, alerts } = await reopen(dataDir);
    expect(today).toEqual([]);
    expect(alerts.filter((a) => a.code === 'dossiers-restored')).toEqual([]);
  }, 60_000);

  it('starts as before, with no alert, when the database has every dossier', async () => {
    const { core, dataDir, filed } = await kioskWith(2);
    await core.close();
    const { today, alerts } = await reopen(dataDir);
    expect(codesOf(today)).toEqual(codesOf(filed));
    expect(alerts.filter((a) => a.code === 'dossiers-restored')).toEqual([]);
  });
});

/** Each way the database can break, and what is left of 3 submitted dossiers after a restart. */
const damage: Record<string, (dataDir: string) => void> = {
  'the header overwritten': (dir) => overwrite(join(dir, 'kiosk.db'), 0, randomBytes(100)),
  'a page in the middle overwritten with random bytes': (dir) => {
    const path = join(dir, 'kiosk.db');
    const pages = statSync(path).size / 4096;
    for (let p = Math.floor(pages / 3); p < Math.floor(pages / 3) + 3; p++)
      overwrite(path, p * 4096, randomBytes(4096));
  },
  'the file truncated to half': (dir) => {
    const path = join(dir, 'kiosk.db');
    truncateSync(path, Math.floor(statSync(path).size / 8192) * 4096);
  },
  'a 0-byte file': (dir) => truncateSync(join(dir, 'kiosk.db'), 0),
  'the file deleted': (dir) => unlinkSync(join(dir, 'kiosk.db')),
};

describe('a damaged database loses no submitted dossier', () => {
  for (const [how, apply] of Object.entries(damage)) {
    it(`${how}: all 3 dossiers are back, waiting to be sent, and staff are told`, async () => {
      const { core, dataDir, filed } = await kioskWith(3);
      await core.close();
      for (const suffix of ['-wal', '-shm']) rmSync(join(dataDir, `kiosk.db${suffix}`), { force: true });
      apply(dataDir);
      const { today, alerts, sync, core: again } = await reopen(dataDir);
      expect(codesOf(today)).toEqual(codesOf(filed));
      expect(sync.waiting).toBe(3);
      // Told loudly: the restore (unless salvage of the moved-aside file already brought them back).
      const loud = alerts.filter((a) => a.level === 'critical');
      expect(loud.length).toBeGreaterThan(0);
      // A citizen can still look their dossier up by the code on their receipt.
      for (const { code } of filed)
        expect(await call(again, 'dossier.lookup', { code }, window)).toMatchObject({
          code,
          status: 'received',
        });
      // And new dossiers continue the day's numbers (the high-water mark outside the database).
      const staff = await staffOn(again);
      const next = await file(again, staff);
      expect(codesOf([...filed, next])).not.toContain(undefined);
      expect(filed.map((d) => d.code)).not.toContain(next.code);
    }, 60_000);
  }
});

describe('a WAL that lost its last frames loses no acknowledged dossier', () => {
  /**
   * A snapshot of the running kiosk holds the last dossiers only in kiosk.db-wal (not yet checkpointed
   * into kiosk.db), as after a power cut.
   */
  async function walSnapshot() {
    const { core, dataDir, filed } = await kioskWith(3);
    const copy = snapshot(dataDir);
    await core.close();
    const wal = join(copy, 'kiosk.db-wal');
    expect(existsSync(wal) && statSync(wal).size > 32).toBe(true);
    return { copy, wal, filed };
  }

  it('a bad checksum in the last frame: the dossiers in it come back from their manifests', async () => {
    const { copy, wal, filed } = await walSnapshot();
    const size = statSync(wal).size;
    const frame = 24 + 4096;
    const last = 32 + (Math.floor((size - 32) / frame) - 1) * frame;
    // The frame header's checksum words (bytes 16–23 of the frame header).
    overwrite(wal, last + 16, randomBytes(8));
    const { today, sync } = await reopen(copy);
    expect(codesOf(today)).toEqual(codesOf(filed));
    expect(sync.waiting).toBe(3);
  }, 60_000);

  it('the WAL deleted: every dossier since the last checkpoint comes back', async () => {
    const { copy, wal, filed } = await walSnapshot();
    unlinkSync(wal);
    rmSync(`${wal.slice(0, -4)}-shm`, { force: true });
    const { today, alerts } = await reopen(copy);
    expect(codesOf(today)).toEqual(codesOf(filed));
    const restored = alerts.find((a) => a.code === 'dossiers-restored');
    expect(restored?.vi).toMatch(/khôi phục/);
    for (const { code } of filed) expect(restored?.vi).toContain(code);
  }, 60_000);

  it('a manifest written before the national statuses comes back in them (0014)', async () => {
    const { core, dataDir, filed } = await kioskWith(1);
    await core.close();
    const { id, code } = filed[0]!;
    const path = join(dataDir, 'manifests', `${id}.json`);
    const m = JSON.parse(readFileSync(path, 'utf8')) as {
      dossier: Record<string, unknown>;
      events: Record<string, unknown>[];
    };
    // As an older version wrote it: the agency accepted it, then refused it; current 'rejected'.
    const first = m.events[0]!;
    m.events.push(
      { ...first, status: 'accepted', source: 'portal' },
      { ...first, status: 'rejected', source: 'portal' },
    );
    m.dossier.current_status = 'rejected';
    writeFileSync(path, JSON.stringify(m));
    for (const suffix of ['', '-wal', '-shm']) rmSync(join(dataDir, `kiosk.db${suffix}`), { force: true });
    const { today, core: again } = await reopen(dataDir);
    expect(codesOf(today)).toEqual([code]);
    const db = new Database(join(dataDir, 'kiosk.db'), { readonly: true });
    try {
      const statuses = db
        .prepare('SELECT status FROM dossier_events WHERE dossier_id = ? ORDER BY id')
        .pluck()
        .all(id);
      expect(statuses.slice(-2)).toEqual(['received', 'stopped']);
      expect(db.prepare('SELECT current_status FROM dossiers WHERE id = ?').pluck().get(id)).toBe('stopped');
    } finally {
      db.close();
      await again.close();
    }
  }, 60_000);

  it('a manifest that is not a manifest is reported, not trusted', async () => {
    const { copy, wal, filed } = await walSnapshot();
    unlinkSync(wal);
    const first = filed[0]!;
    writeFileSync(join(copy, 'manifests', `${first.id}.json`), '{"version":1,"id":"x"');
    const { today, alerts } = await reopen(copy);
    expect(today.length).toBeLessThan(3);
    expect(alerts.find((a) => a.code === 'manifests-unreadable')?.vi).toMatch(/không đọc được/);
  }, 60_000);
});

describe('a restored dossier goes to the portal once', () => {
  it('comes back as sent when the portal had taken it before the database was lost', async () => {
    const { core, dataDir, filed } = await kioskWith(2);
    const [sent] = filed as [{ id: string; code: string }];
    // The portal took the first: the outbox says so, and the change is copied to its manifest (as the
    // kiosk does on every dossier.changed after submit).
    const db = new Database(join(dataDir, 'kiosk.db'));
    db.prepare(
      `UPDATE outbox SET state = 'done', done_at = '2026-11-23T02:10:00.000Z' WHERE dossier_id = ?`,
    ).run(sent.id);
    const manifests = createManifests({ db, dataDir, now: () => new Date('2026-11-23T02:10:00.000Z') });
    manifests.update(sent.id);
    await manifests.flush();
    db.close();
    await core.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(join(dataDir, `kiosk.db${suffix}`), { force: true });
    const { today, sync } = await reopen(dataDir);
    expect(codesOf(today)).toEqual(codesOf(filed));
    // Only the one the portal never had waits to be sent.
    expect(sync.waiting).toBe(1);
    expect(today.find((d) => d.code === sent.code)?.sync).toBe('synced');
  }, 60_000);
});

/** 20 minutes after the kiosks above filed (makeCore's clock): past the orphan sweep's 10-minute grace. */
const LATER = '2026-11-23T02:20:00.000Z';

describe('a salvage that reads the dossiers but not all their rows', () => {
  /** Overwrites the root page of `table` in the closed kiosk's database with random bytes. */
  function damageTable(dataDir: string, table: string): void {
    const path = join(dataDir, 'kiosk.db');
    const db = new Database(path, { readonly: true });
    const root = db.prepare('SELECT rootpage FROM sqlite_master WHERE name = ?').pluck().get(table) as number;
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    db.close();
    overwrite(path, (root - 1) * pageSize, randomBytes(pageSize));
  }

  for (const table of ['outbox', 'attachments', 'blobs']) {
    it(`${table} unreadable: every dossier is completed from its manifest, files kept, and still sent`, async () => {
      const { core, dataDir, filed } = await kioskWith(3);
      await core.close();
      for (const suffix of ['-wal', '-shm']) rmSync(join(dataDir, `kiosk.db${suffix}`), { force: true });
      const files = () =>
        readdirSync(join(dataDir, 'attachments'), { recursive: true }).filter((f) =>
          String(f).endsWith('.pdf'),
        );
      const before = files().length;
      expect(before).toBeGreaterThan(0);
      damageTable(dataDir, table);
      // 20 minutes later: past the orphan sweep's grace, so files without rows would be taken.
      const { today, sync, alerts, core: again, staff } = await reopen(dataDir, LATER);
      expect(codesOf(today)).toEqual(codesOf(filed));
      // Waiting to be sent, with their papers: the outbox rows, attachment rows and files are all back.
      expect(sync.waiting).toBe(3);
      expect(files().length).toBe(before);
      for (const { code } of filed) {
        const full = await call<{ attachments?: unknown[]; detail: string }>(
          again,
          'dossier.lookup',
          { code },
          staff,
        );
        expect(full.detail).toBe('full');
      }
      expect(alerts.some((a) => a.code === 'dossiers-restored' || a.code === 'db-recovered')).toBe(true);
    }, 60_000);
  }

  it('keeps the attachment files of a manifest that cannot be read, for a technician', async () => {
    const { core, dataDir, filed } = await kioskWith(1);
    await core.close();
    const manifest = join(dataDir, 'manifests', `${filed[0]!.id}.json`);
    const text = readFileSync(manifest, 'utf8');
    const shas = [...text.matchAll(/"sha256":"([0-9a-f]{64})"/g)].map((m) => m[1]!);
    expect(shas.length).toBeGreaterThan(0);
    writeFileSync(manifest, text.slice(0, 40) + '#' + text.slice(41));
    for (const suffix of ['', '-wal', '-shm']) rmSync(join(dataDir, `kiosk.db${suffix}`), { force: true });
    const { alerts } = await reopen(dataDir, LATER);
    expect(alerts.filter((a) => a.code === 'manifests-unreadable')).toHaveLength(1);
    for (const sha of shas)
      expect(existsSync(join(dataDir, 'attachments', sha.slice(0, 2), `${sha}.pdf`))).toBe(true);
  }, 60_000);
});
