import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { exampleData } from '../../../main/core/catalogue/examples';
import type { CallContext } from '../../../main/core/types';
import type { Alert, Dossier, MethodOutput } from '../../../preload/api';
import { local, makeCore, quietLogs } from '../helpers';
import { seeded } from '../../support/prng';
import { startPortal, TOKEN, waitFor } from '../sync/live';
import { photographMissing } from './fixtures';
import { refusal as refusalOf, answer } from '../failures';

quietLogs();

/**
 * Bit rot inside one dossier's row: a few bytes of its JSON text changed on disk, in place, so the
 * database's pages and cells stay valid and `PRAGMA integrity_check` still answers "ok". That dossier is
 * marked damaged wherever it is listed, refused with `dossier-damaged` where it is read, set aside by sync
 * with one critical alert; every other dossier, list, lookup, receipt, report and the outbox go on.
 */

const PIN = '135790';
const PROCEDURE = 'cap-phieu-ly-lich-tu-phap-so-1';
const OTHER = 'xac-nhan-tinh-trang-hon-nhan';
type DayDossier = MethodOutput<'dossier.today'>[number];
const DAMAGED_WORDS = 'Hồ sơ bị hỏng dữ liệu';

type Call = <T = unknown>(name: string, input: unknown, ctx?: CallContext) => Promise<T>;

async function open(dataDir?: string, portalUrl?: string) {
  const env: Record<string, string> = { KIOSK_ADMIN_PIN: PIN };
  if (portalUrl) Object.assign(env, { KIOSK_PORTAL_URL: portalUrl, KIOSK_PORTAL_TOKEN: TOKEN });
  const made = await makeCore({ env, ...(dataDir ? { dataDir } : {}) });
  const signIn = await made.core.call('staff.signIn', { user: 'admin', pin: PIN }, local);
  if (!signIn.ok) throw new Error(signIn.error.en);
  const staff: CallContext = { ...local, token: (signIn.value as { token: string }).token };
  const call: Call = <T>(name: string, input: unknown, ctx = staff) =>
    answer<T>(made.core.call(name, input, ctx), name);
  const refusal = (name: string, input: unknown, ctx: CallContext = staff) =>
    refusalOf(made.core.call(name, input, ctx), name);
  return { ...made, staff, call, refusal };
}

/** Files a dossier at the counter; its phone (and for PROCEDURE, its purpose `mucDich`) is its own text. */
async function file(call: Call, n: number, procedureId: string): Promise<{ id: string; code: string }> {
  const draft = await call<{ id: string }>('dossier.create', { procedureId });
  const example = exampleData(procedureId);
  const data =
    procedureId === PROCEDURE ? { ...example, mucDich: `Bổ sung hồ sơ xin việc số ${n}` } : example;
  await call('dossier.update', { id: draft.id, data, contact: { phone: `098765000${n}` } });
  await photographMissing(call, draft.id);
  const { code } = await call<{ code: string }>('dossier.submit', { id: draft.id });
  return { id: draft.id, code };
}

type Filed = { id: string; code: string };

/**
 * Three dossiers filed (the second of another procedure, so its copy of the procedure is its own text
 * among the dossiers) and one draft parked, on a kiosk with no portal yet: they wait in the outbox.
 */
async function fileSome() {
  const first = await open();
  const filed: [Filed, Filed, Filed] = [
    await file(first.call, 1, PROCEDURE),
    await file(first.call, 2, OTHER),
    await file(first.call, 3, PROCEDURE),
  ];
  const draft = await first.call<{ id: string }>('dossier.create', { procedureId: PROCEDURE });
  await first.call('dossier.update', { id: draft.id, data: { ghiChu: 'CHO-BO-SUNG-7Q' } });
  const parked = await first.call<Dossier>('dossier.park', { id: draft.id });
  await first.core.close();
  return { dataDir: first.dataDir, filed, parked };
}

/**
 * Overwrites `replace(found)` over every place `text` is in the `dossiers` table's pages of the closed
 * database file (the live cell, and any stale copy a page still holds in its free space), same length,
 * so no page or cell changes shape.
 */
function damage(dataDir: string, text: string, replace: (found: Buffer) => Buffer): void {
  const path = join(dataDir, 'kiosk.db');
  // Everything must be in the main file: a WAL left behind would put the old page back over the damage.
  expect(!existsSync(`${path}-wal`) || statSync(`${path}-wal`).size === 0).toBe(true);
  const before = new Database(path, { readonly: true });
  const pageSize = before.pragma('page_size', { simple: true }) as number;
  const pages = new Set(
    before.prepare(`SELECT pageno FROM dbstat WHERE name = 'dossiers'`).pluck().all() as number[],
  );
  before.close();
  const bytes = readFileSync(path);
  const needle = Buffer.from(text, 'utf8');
  let changes = 0;
  for (let at = bytes.indexOf(needle); at >= 0; at = bytes.indexOf(needle, at + 1)) {
    if (!pages.has(Math.floor(at / pageSize) + 1)) continue;
    const changed = replace(Buffer.from(bytes.subarray(at, at + needle.length)));
    expect(changed.length).toBe(needle.length);
    changed.copy(bytes, at);
    changes += 1;
  }
  expect(changes).toBeGreaterThan(0);
  writeFileSync(path, bytes);
  const after = new Database(path, { readonly: true });
  expect(after.pragma('integrity_check', { simple: true })).toBe('ok');
  after.close();
}

/** `count` bytes from `from` replaced by seeded random bytes, each different from the one it replaces. */
function randomBytesAt(from: number, count: number, seed: number) {
  const random = seeded(seed);
  return (found: Buffer): Buffer => {
    for (let i = from; i < from + count; i++) {
      let b = found[i] ?? 0;
      while (b === found[i]) b = Math.floor(random() * 256);
      found[i] = b;
    }
    return found;
  };
}

/** A dossier's column as the database now returns it (invalid UTF-8 comes back as U+FFFD). */
function storedText(dataDir: string, id: string, column: 'data_json' | 'procedure_json'): string {
  const db = new Database(join(dataDir, 'kiosk.db'), { readonly: true });
  try {
    return db.prepare(`SELECT ${column} FROM dossiers WHERE id = ?`).pluck().get(id) as string;
  } finally {
    db.close();
  }
}

function canParse(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** The kiosk after the damage, now with the reference portal: its sync starts on its own. */
async function reopen(dataDir: string) {
  const portal = await startPortal();
  const kiosk = await open(dataDir, portal.url);
  const outbox = (id: string) => {
    const db = new Database(join(dataDir, 'kiosk.db'), { readonly: true });
    try {
      return db.prepare('SELECT state FROM outbox WHERE dossier_id = ?').pluck().get(id) as string;
    } finally {
      db.close();
    }
  };
  return { ...kiosk, portal, outbox };
}

async function expectOthersWork(
  kiosk: Awaited<ReturnType<typeof reopen>>,
  others: { id: string; code: string }[],
  damaged: { id: string; code: string },
): Promise<void> {
  const { call, refusal } = kiosk;
  for (const d of others) {
    // Staff see the whole dossier; the citizen's code alone gives its status; receipts reprint.
    expect(await call('dossier.lookup', { code: d.code })).toMatchObject({ detail: 'full', code: d.code });
    expect(await call('dossier.lookup', { code: d.code }, local)).toMatchObject({
      detail: 'status',
      code: d.code,
    });
    expect(await call('dossier.receipt', { code: d.code })).toMatchObject({ code: d.code });
    expect(await call('dossier.get', { id: d.id })).toMatchObject({ id: d.id, code: d.code });
  }
  // The damaged one, read directly: a clear refusal naming it, in both languages, not `internal`.
  for (const [name, input] of [
    ['dossier.lookup', { code: damaged.code }],
    ['dossier.receipt', { code: damaged.code }],
    ['dossier.get', { id: damaged.id }],
  ] as const) {
    const error = await refusal(name, input);
    expect(error).toMatchObject({ code: 'dossier-damaged' });
    expect(error.vi).toContain(`Hồ sơ ${damaged.code} bị hỏng dữ liệu`);
    expect(error.vi).toContain('liên hệ kỹ thuật');
    expect(error.en).toContain('damaged');
  }
  // The day's reports read no dossier text and keep answering.
  expect(await call('queue.report', {})).toBeTruthy();
  expect(await call('feedback.report', {})).toBeTruthy();
}

async function expectSentButDamaged(
  kiosk: Awaited<ReturnType<typeof reopen>>,
  others: { id: string; code: string }[],
  damaged: { id: string; code: string },
): Promise<void> {
  await waitFor(
    'the others delivered and the damaged one set aside',
    () => others.every((d) => kiosk.outbox(d.id) === 'done') && kiosk.outbox(damaged.id) === 'attention',
    15_000,
  );
  const onPortal = kiosk.portal.db
    .prepare('SELECT kiosk_dossier_id FROM dossiers ORDER BY kiosk_dossier_id')
    .pluck()
    .all();
  expect(onPortal).toEqual(others.map((d) => d.id).sort());
  const [aside, ...more] = await kiosk.call<{ dossierId: string; code: string; error: { vi: string } }[]>(
    'sync.attention',
    {},
  );
  expect(more).toEqual([]);
  expect(aside).toMatchObject({ dossierId: damaged.id, code: damaged.code });
  expect(aside?.error.vi).toContain(DAMAGED_WORDS);
  expect(await kiosk.call('sync.feed', {})).toBeTruthy();
}

async function damagedAlerts(call: Call): Promise<Alert[]> {
  const all = await call<Alert[]>('staff.alerts', { includeAcknowledged: true });
  return all.filter((a) => a.code === 'dossier-damaged');
}

describe('one dossier row damaged by bit rot (integrity_check still ok)', () => {
  // Six bytes inside a word of dossier 1's purpose leave JSON that parses, with text no longer UTF-8
  // (U+FFFD where it was); three over the punctuation of dossier 2's copy of its procedure leave text that
  // no longer parses (before, that answered `dossier.today` with 500 for every staff member).
  it.each([
    {
      where: 'inside a word of its form',
      target: 0,
      column: 'data_json' as const,
      text: '"mucDich":"Bổ sung hồ sơ xin việc số 1"',
      from: Buffer.byteLength('"mucDich":"Bổ sung '),
      count: 6,
      parses: true,
    },
    {
      where: 'over the punctuation of its procedure',
      target: 1,
      column: 'procedure_json' as const,
      text: `{"id":"${OTHER}","code":"`,
      from: Buffer.byteLength(`{"id":"${OTHER}`),
      count: 3,
      parses: false,
    },
  ])(
    'random bytes $where: listed as damaged, read as dossier-damaged, the rest all work',
    async ({ target, column, text, from, count, parses }) => {
      const { dataDir, filed, parked } = await fileSome();
      const hit = filed[target] as Filed;
      const others = filed.filter((d) => d !== hit);
      damage(dataDir, text, randomBytesAt(from, count, 20261123));
      const stored = storedText(dataDir, hit.id, column);
      expect(stored).not.toContain(text);
      expect(canParse(stored)).toBe(parses);

      const kiosk = await reopen(dataDir);
      const today = await kiosk.call<DayDossier[]>('dossier.today', {});
      expect(today.map((d) => [d.code, d.damaged ?? false])).toEqual(filed.map((d) => [d.code, d === hit]));
      expect(today[target]).toMatchObject({ id: hit.id, procedureName: '', applicant: '' });
      for (const d of today.filter((x) => !x.damaged)) expect(d.procedureName).not.toBe('');
      // The parked draft is untouched and listed as usual.
      const drafts = await kiosk.call<Dossier[]>('dossier.parked', {});
      expect(drafts).toMatchObject([{ id: parked.id, parkCode: parked.parkCode }]);
      expect(drafts[0]?.damaged).toBeUndefined();

      await expectOthersWork(kiosk, others, hit);
      await expectSentButDamaged(kiosk, others, hit);

      // One critical alert naming its code, however many times it was met (lists, reads, sync).
      await kiosk.call('dossier.today', {});
      const alerts = await damagedAlerts(kiosk.call);
      expect(alerts).toHaveLength(1);
      expect(alerts[0]).toMatchObject({ level: 'critical' });
      expect(alerts[0]?.vi).toContain(`Hồ sơ ${hit.code} bị hỏng dữ liệu — liên hệ kỹ thuật`);
      expect(alerts[0]?.en).toContain(hit.code);
    },
    60_000,
  );

  it('other text garbled (a due date no longer a date): marked, refused even for the code alone, the rest work', async () => {
    const { dataDir, filed } = await fileSome();
    const [one, two, three] = filed;
    const db = new Database(join(dataDir, 'kiosk.db'));
    const due = db.prepare('SELECT due_date FROM dossiers WHERE id = ?').pluck().get(two.id) as string;
    // A zero read as the letter O, in place: the kind of change bit rot makes.
    db.prepare('UPDATE dossiers SET due_date = ? WHERE id = ?').run(due.replaceAll('0', 'O'), two.id);
    db.close();

    const kiosk = await reopen(dataDir);
    const today = await kiosk.call<DayDossier[]>('dossier.today', {});
    expect(today.map((d) => [d.code, d.damaged ?? false])).toEqual([
      [one.code, false],
      [two.code, true],
      [three.code, false],
    ]);
    expect(today[1]?.dueDate).toBe('2026-11-23');
    // The code alone would show the due date: refused too, in words.
    expect((await kiosk.refusal('dossier.lookup', { code: two.code }, local)).code).toBe('dossier-damaged');
    await expectOthersWork(kiosk, [one, three], two);
    expect(await damagedAlerts(kiosk.call)).toHaveLength(1);
  }, 60_000);

  it('JSON that still parses but no longer has its shape: a submitted dossier’s contact, a parked draft’s form', async () => {
    const { dataDir, filed, parked } = await fileSome();
    const [one, two, three] = filed;
    // Dossier 3's phone becomes a list of numbers; the draft's form becomes a list of strings.
    damage(dataDir, '{"phone":"0987650003"}', () => Buffer.from('{"phone":[98765000,3]}'));
    damage(dataDir, '{"ghiChu":"CHO-BO-SUNG-7Q"}', () => Buffer.from('["ghiChu","CHO-BO-SUNG-7Q"]'));

    const kiosk = await reopen(dataDir);
    const today = await kiosk.call<DayDossier[]>('dossier.today', {});
    expect(today.map((d) => [d.code, d.damaged ?? false])).toEqual([
      [one.code, false],
      [two.code, false],
      [three.code, true],
    ]);
    const [draft, ...others] = await kiosk.call<Dossier[]>('dossier.parked', {});
    expect(others).toEqual([]);
    expect(draft).toMatchObject({ id: parked.id, parkCode: parked.parkCode, damaged: true, data: {} });
    expect((await kiosk.refusal('dossier.resume', { parkCode: parked.parkCode })).code).toBe(
      'dossier-damaged',
    );

    await expectOthersWork(kiosk, [one, two], three);
    await expectSentButDamaged(kiosk, [one, two], three);

    await kiosk.call('dossier.parked', {});
    const alerts = await damagedAlerts(kiosk.call);
    expect(alerts.map((a) => a.level)).toEqual(['critical', 'critical']);
    expect(alerts.some((a) => a.vi.includes(`Hồ sơ ${three.code} bị hỏng dữ liệu`))).toBe(true);
    expect(alerts.some((a) => a.vi.includes(`nháp ${parked.parkCode}`))).toBe(true);
  }, 60_000);
});
