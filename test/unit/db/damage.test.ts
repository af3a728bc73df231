/**
 * Each way kiosk.db can break (issue 17), on a real file: what the kiosk salvages, what staff are told,
 * and that ticket numbers never repeat on the same day. Dossiers here are rows written straight into the
 * database (their manifests are dossier/manifest.ts's part, tested in test/unit/dossier/manifest.test.ts):
 * what comes back of them is what the salvage of the moved-aside file could read.
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
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Alert, Board, Session, Ticket } from '../../../preload/api';
import type { CallContext, Core } from '../../../main/core/types';
import { DB_FILE } from '../../../main/core/db/open';
import { TICKET_HIGH_WATER_FILE } from '../../../main/core/queue/high-water';
import { makeCore, quietLogs, tempDir } from '../helpers';
import { answer } from '../failures';
import { queueConfig } from '../queue/fixtures';
import { overwrite } from './overwrite';

quietLogs();

const PIN = '246810';
const STAFF_PIN = '112233';
const DOSSIERS = 300;
const window: CallContext = { transport: 'ipc', local: true };

const call = <T>(core: Core, name: string, input: unknown, ctx: CallContext = window): Promise<T> =>
  answer<T>(core.call(name, input, ctx), name);

const signIn = async (core: Core, user = 'admin', pin = PIN): Promise<CallContext> => ({
  ...window,
  token: (await call<Session>(core, 'staff.signIn', { user, pin })).token,
});

/** Submitted dossiers as submit leaves them (row, outbox row, the day's sequence), ~600 bytes each. */
function insertDossiers(db: Database.Database, n: number): void {
  const dossier = db.prepare(
    `INSERT INTO dossiers (id, procedure_id, procedure_json, status, data_json, code, day, seq, received_at,
       due_date, applicant_name, created_at, updated_at)
     VALUES (@id, 'khai-sinh', '{}', 'submitted', @data, @code, '2026-11-23', @seq, @at, '2026-11-26',
       @name, @at, @at)`,
  );
  const outbox = db.prepare(
    `INSERT INTO outbox (dossier_id, next_attempt_at, created_at, updated_at) VALUES (?, ?, ?, ?)`,
  );
  db.transaction(() => {
    for (let seq = 1; seq <= n; seq++) {
      const id = `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`;
      const at = '2026-11-23T02:00:00.000Z';
      dossier.run({
        id,
        seq,
        at,
        code: `000.00.12.H29-K01-261123-${String(seq).padStart(4, '0')}`,
        name: `Nguyễn Văn ${seq}`,
        data: JSON.stringify({ note: 'x'.repeat(500), seq }),
      });
      outbox.run(id, at, at, at);
    }
    db.prepare('INSERT INTO day_sequences (day, seq) VALUES (?, ?)').run('2026-11-23', n);
  })();
}

/**
 * A kiosk that has been used: the admin (from KIOSK_ADMIN_PIN) and one staff account, 300 submitted
 * dossiers, then (after a checkpoint, so they are only in the WAL until the next one) 5 tickets A001–A005.
 * `raw` is a second connection with auto-checkpoint off, as the WAL tests need.
 */
async function usedKiosk() {
  const made = await makeCore({ config: queueConfig, env: { KIOSK_ADMIN_PIN: PIN } });
  const admin = await signIn(made.core);
  await call(
    made.core,
    'staff.createUser',
    { user: 'thu', displayName: 'Thu', role: 'staff', pin: STAFF_PIN },
    admin,
  );
  const raw = new Database(join(made.dataDir, DB_FILE));
  raw.pragma('wal_autocheckpoint = 0');
  insertDossiers(raw, DOSSIERS);
  raw.pragma('wal_checkpoint(TRUNCATE)');
  const issued: string[] = [];
  for (let i = 0; i < 5; i++)
    issued.push((await call<Ticket>(made.core, 'queue.issueTicket', { serviceId: 'ho-tich' })).number);
  expect(issued).toEqual(['A001', 'A002', 'A003', 'A004', 'A005']);
  return { ...made, raw, issued };
}

/** Stops the kiosk cleanly (the WAL is checkpointed into kiosk.db and removed). */
async function stopCleanly(k: { core: Core; raw: Database.Database; dataDir: string }): Promise<void> {
  k.raw.close();
  await k.core.close();
  expect(existsSync(join(k.dataDir, `${DB_FILE}-wal`))).toBe(false);
}

/** The data folder as a power cut would leave it: a copy taken while the kiosk runs (kiosk.db, -wal, -shm). */
async function cutPower(k: { core: Core; raw: Database.Database; dataDir: string }): Promise<string> {
  const copy = tempDir('kiosk-powercut-');
  cpSync(k.dataDir, copy, { recursive: true });
  k.raw.close();
  await k.core.close();
  return copy;
}

/** The kiosk started again on `dataDir` without KIOSK_ADMIN_PIN: only a salvaged admin can sign in. */
async function restart(dataDir: string) {
  let again = await makeCore({ config: queueConfig, dataDir, env: {} });
  const sessions = countIn(dataDir, 'staff_sessions');
  const info = await call<{ needsAdminSetup: boolean }>(again.core, 'app.info', {});
  const adminSignsIn = (await again.core.call('staff.signIn', { user: 'admin', pin: PIN }, window)).ok;
  // Someone must read the alerts: the salvaged admin, or — the screen refusing first-start setup on a
  // used kiosk — one a technician brings back with KIOSK_ADMIN_PIN and a restart.
  let setupRefused: string | null = null;
  if (!adminSignsIn) {
    const refused = await again.core.call('staff.setupAdmin', { displayName: 'Mới', pin: '975310' }, window);
    setupRefused = refused.ok ? 'ok' : refused.error.code;
    expect(setupRefused).toBe('admin-setup-locked');
    await again.core.close();
    again = await makeCore({ config: queueConfig, dataDir, env: { KIOSK_ADMIN_PIN: '975310' } });
  }
  const staff: CallContext = adminSignsIn
    ? await signIn(again.core)
    : {
        ...window,
        token: (await call<Session>(again.core, 'staff.signIn', { user: 'admin', pin: '975310' })).token,
      };
  const alerts = await call<Alert[]>(again.core, 'staff.alerts', {}, staff);
  const board = await call<Board>(again.core, 'queue.board', {});
  const waiting = board.waiting.find((w) => w.serviceId === 'ho-tich')!.count;
  const next = (await call<Ticket>(again.core, 'queue.issueTicket', { serviceId: 'ho-tich' })).number;
  const db = new Database(join(dataDir, DB_FILE), { readonly: true });
  const count = (table: string): number =>
    db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number;
  const rows = { dossiers: count('dossiers'), outbox: count('outbox'), staff: count('staff_users') };
  const dossierSeqs = db.prepare('SELECT seq FROM dossiers ORDER BY seq').pluck().all() as number[];
  db.close();
  return { ...again, info, adminSignsIn, setupRefused, alerts, waiting, next, rows, dossierSeqs, sessions };
}

function countIn(dataDir: string, table: string): number {
  const db = new Database(join(dataDir, DB_FILE), { readonly: true });
  try {
    return db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number;
  } finally {
    db.close();
  }
}

/** The pages of kiosk.db that hold `table` (or only its b-tree leaves, its rows), from SQLite's dbstat. */
function pagesOf(path: string, table: string, only = "'leaf', 'internal', 'overflow'"): number[] {
  const db = new Database(path, { readonly: true });
  try {
    return db
      .prepare(`SELECT pageno FROM dbstat WHERE name = ? AND pagetype IN (${only}) ORDER BY pageno`)
      .pluck()
      .all(table) as number[];
  } finally {
    db.close();
  }
}

const leavesOf = (path: string, table: string): number[] => pagesOf(path, table, "'leaf'");

const asideIn = (dir: string): string[] =>
  readdirSync(dir).filter((f) => /^kiosk\.db\.corrupt-\d{8}T\d{6}$/.test(f));

const numberOf = (n: string): number => Number(n.slice(1));

describe('a damaged kiosk.db is moved aside and what can be read is salvaged', () => {
  it('the header overwritten: everything comes back (admin, staff, dossiers, the queue), and staff are told what', async () => {
    const k = await usedKiosk();
    await stopCleanly(k);
    const path = join(k.dataDir, DB_FILE);
    overwrite(path, 0, randomBytes(100));
    const damaged = readFileSync(path);

    const r = await restart(k.dataDir);
    // The moved-aside file is exactly as found: the salvage read a copy of it.
    const aside = asideIn(k.dataDir);
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(k.dataDir, aside[0]!))).toEqual(damaged);
    expect(readdirSync(k.dataDir).filter((f) => f.includes('.salvage'))).toEqual([]);

    expect(r.adminSignsIn).toBe(true);
    expect((await r.core.call('staff.signIn', { user: 'thu', pin: STAFF_PIN }, window)).ok).toBe(true);
    expect(r.rows).toEqual({ dossiers: DOSSIERS, outbox: DOSSIERS, staff: 2 });
    expect(r.sessions).toBe(0); // everyone signed in again, nobody carried over
    expect(r.waiting).toBe(5);
    expect(r.next).toBe('A006');
    const alert = r.alerts.find((a) => a.code === 'db-recovered');
    expect(alert?.level).toBe('critical');
    expect(alert?.vi).toContain(aside[0]!);
    expect(alert?.vi).toContain(`đã cứu được ${DOSSIERS} hồ sơ`);
    expect(alert?.vi).toContain('2 tài khoản nhân viên');
    expect(alert?.vi).toContain('5 vé xếp hàng');
    expect(alert?.en).toContain(`${DOSSIERS} dossiers`);
  }, 60_000);

  it('one page of dossiers overwritten with random bytes: every other row comes back, and the alert says which part was unreadable', async () => {
    const k = await usedKiosk();
    await stopCleanly(k);
    const path = join(k.dataDir, DB_FILE);
    const leaves = leavesOf(path, 'dossiers');
    expect(leaves.length).toBeGreaterThan(10);
    const page = leaves[Math.floor(leaves.length / 2)]!;
    overwrite(path, (page - 1) * 4096, randomBytes(4096));

    const r = await restart(k.dataDir);
    expect(r.adminSignsIn).toBe(true);
    // One leaf holds a handful of rows: those go, in one stretch; the rest are salvaged.
    const missing = Array.from({ length: DOSSIERS }, (_, i) => i + 1).filter(
      (s) => !r.dossierSeqs.includes(s),
    );
    expect(missing.length).toBeGreaterThan(0);
    expect(missing.length).toBeLessThan(10);
    expect(missing.at(-1)! - missing[0]!).toBe(missing.length - 1);
    // Outbox rows of lost dossiers cannot stay (they would point at nothing).
    expect(r.rows.outbox).toBe(r.rows.dossiers);
    expect(r.waiting).toBe(5);
    expect(r.next).toBe('A006');
    const alert = r.alerts.find((a) => a.code === 'db-recovered');
    expect(alert?.vi).toContain(`đã cứu được ${DOSSIERS - missing.length} hồ sơ`);
    expect(alert?.vi).toMatch(/Một phần không đọc được \(hồ sơ\)/);
  }, 60_000);

  it('a random page overwritten with random bytes: the kiosk starts, says so, and numbers never repeat', async () => {
    const k = await usedKiosk();
    await stopCleanly(k);
    const path = join(k.dataDir, DB_FILE);
    const pages = statSync(path).size / 4096;
    const page = 2 + Math.floor(Math.random() * (pages - 1));
    // The admin's row, and the table list that says where staff_users is.
    const staffPages = [...leavesOf(path, 'staff_users'), ...pagesOf(path, 'sqlite_schema')];
    overwrite(path, (page - 1) * 4096, randomBytes(4096));

    const r = await restart(k.dataDir);
    const context = `page ${page} of ${pages}`;
    // Random bytes on a page SQLite never reads again (a free page) may leave the file sound.
    const recovered = r.alerts.find((a) => a.code === 'db-recovered');
    if (recovered) expect(recovered.vi, context).toMatch(/cứu được|Không cứu được|Không đọc được/);
    if (!staffPages.includes(page)) expect(r.adminSignsIn, context).toBe(true);
    expect(numberOf(r.next), context).toBeGreaterThan(5);
  }, 60_000);

  it('the file truncated to half: what lies in the first half comes back, numbers never repeat', async () => {
    const k = await usedKiosk();
    await stopCleanly(k);
    const path = join(k.dataDir, DB_FILE);
    const staffPages = leavesOf(path, 'staff_users');
    const half = Math.floor(statSync(path).size / 8192) * 4096;
    truncateSync(path, half);

    const r = await restart(k.dataDir);
    expect(staffPages.every((p) => p * 4096 <= half)).toBe(true);
    expect(r.adminSignsIn).toBe(true);
    expect(r.rows.dossiers).toBeGreaterThan(0);
    expect(r.rows.dossiers).toBeLessThan(DOSSIERS);
    expect(numberOf(r.next)).toBeGreaterThan(5);
    const alert = r.alerts.find((a) => a.code === 'db-recovered');
    expect(alert?.vi).toContain(`đã cứu được ${r.rows.dossiers} hồ sơ`);
  }, 60_000);
});

describe('a kiosk.db that is gone', () => {
  for (const [how, apply] of [
    ['0 bytes', (path: string) => truncateSync(path, 0)],
    ['deleted', (path: string) => unlinkSync(path)],
  ] as const) {
    it(`${how}: staff are told the database itself was lost, and ticket numbers continue`, async () => {
      const k = await usedKiosk();
      await stopCleanly(k);
      apply(join(k.dataDir, DB_FILE));

      const r = await restart(k.dataDir);
      // Nothing to salvage: the admin is set up again on the kiosk's own screen.
      expect(r.info.needsAdminSetup).toBe(true);
      expect(r.adminSignsIn).toBe(false);
      expect(r.next).toBe('A006');
      const alert = r.alerts.find((a) => a.code === 'db-lost');
      expect(alert?.level).toBe('critical');
      expect(alert?.vi).toContain(how === '0 bytes' ? 'rỗng (0 byte)' : 'đã bị xoá');
      expect(alert?.vi).toContain(TICKET_HIGH_WATER_FILE);
    }, 60_000);
  }

  it('a first start in an empty folder raises no such alert', async () => {
    const { core } = await makeCore({ config: queueConfig, env: { KIOSK_ADMIN_PIN: PIN } });
    const alerts = await call<Alert[]>(core, 'staff.alerts', {}, await signIn(core));
    expect(alerts).toEqual([]);
  });
});

describe('a WAL that lost its last writes (a power cut)', () => {
  it('a bad checksum in the last frame: the WAL is kept for a technician, staff are told, numbers never repeat', async () => {
    const k = await usedKiosk();
    const dir = await cutPower(k);
    const wal = join(dir, `${DB_FILE}-wal`);
    const size = statSync(wal).size;
    const frame = 24 + 4096;
    const frames = Math.floor((size - 32) / frame);
    expect(frames).toBeGreaterThan(0);
    const last = 32 + (frames - 1) * frame;
    overwrite(
      wal,
      last + 16,
      Buffer.from(
        readFileSync(wal)
          .subarray(last + 16, last + 24)
          .map((b) => b ^ 0xff),
      ),
    );
    const found = readFileSync(wal);

    const r = await restart(dir);
    // The last ticket's transaction (A005) is what SQLite drops: its number is not handed out again.
    expect(r.waiting).toBe(4);
    expect(numberOf(r.next)).toBeGreaterThan(5);
    expect(r.adminSignsIn).toBe(true);
    const alert = r.alerts.find((a) => a.code === 'db-wal-damaged');
    expect(alert?.level).toBe('critical');
    const copy = readdirSync(dir).find((f) => f.startsWith(`${DB_FILE}-wal.damaged-`));
    expect(copy).toBeDefined();
    expect(readFileSync(join(dir, copy!))).toEqual(found);
    expect(alert?.vi).toContain(copy!);
  }, 60_000);

  it('the WAL deleted (its index left): staff are told, numbers never repeat', async () => {
    const k = await usedKiosk();
    const dir = await cutPower(k);
    unlinkSync(join(dir, `${DB_FILE}-wal`));

    const r = await restart(dir);
    expect(r.waiting).toBe(0); // the 5 tickets were only in the WAL
    expect(numberOf(r.next)).toBeGreaterThan(5);
    expect(r.adminSignsIn).toBe(true);
    expect(r.rows.dossiers).toBe(DOSSIERS); // checkpointed before the tickets
    expect(r.alerts.find((a) => a.code === 'db-wal-lost')?.level).toBe('critical');
  }, 60_000);

  it('the WAL and its index deleted before anything was checkpointed: the database is empty, staff are told', async () => {
    const made = await makeCore({ config: queueConfig, env: { KIOSK_ADMIN_PIN: PIN } });
    for (let i = 0; i < 3; i++) await call(made.core, 'queue.issueTicket', { serviceId: 'ho-tich' });
    const dir = tempDir('kiosk-powercut-');
    cpSync(made.dataDir, dir, { recursive: true });
    for (const suffix of ['-wal', '-shm']) rmSync(join(dir, DB_FILE + suffix));

    const r = await restart(dir);
    expect(r.adminSignsIn).toBe(false);
    expect(r.next).toBe('A050'); // above the reserved mark: the power cut left no exact one
    expect(r.alerts.find((a) => a.code === 'db-lost')?.vi).toContain('không còn dữ liệu nào');
  }, 60_000);

  it('the WAL and its index deleted: nothing shows the loss, but numbers still never repeat', async () => {
    const k = await usedKiosk();
    const dir = await cutPower(k);
    for (const suffix of ['-wal', '-shm']) rmSync(join(dir, DB_FILE + suffix));

    const r = await restart(dir);
    expect(r.waiting).toBe(0);
    expect(numberOf(r.next)).toBeGreaterThan(5);
    expect(r.adminSignsIn).toBe(true);
  }, 60_000);
});
