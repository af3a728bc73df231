import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { LOOKUP_SECRET_ALPHABET } from '../../../preload/api';
import { exampleData } from '../../../main/core/catalogue/examples';
import { migrate } from '../../../main/core/db/migrate';
import { DEFAULT_LOOKUP_GUARD, createLookupGuard } from '../../../main/core/dossier/lookup-guard';
import { newLookupSecret, sameSecret } from '../../../main/core/dossier/lookup-secret';
import { parseScan } from '../../../main/core/identity';
import type { CallContext } from '../../../main/core/types';
import { SECRET_ALPHABET, SECRET_LENGTH } from '../../../renderer/src/screens/lookup/model';
import { lanDevice, local, makeCore, quietLogs, remote, tempDir } from '../helpers';
import { type Harness, formOnlyProcedure, harness, photographMissing } from './fixtures';
import { failure, refusal as refusalOf, answer } from '../failures';

quietLogs();

/**
 * `dossier.lookup` through `core.call`, as the kiosk screen and the LAN reach it: the code alone gives the
 * status; the receipt's secret or the applicant's birth date gives the whole dossier; wrong factors are
 * counted per dossier (or per unknown code) and lock only that one; staff need no factor.
 */

const PIN = '135790';
const PROCEDURE = 'cap-phieu-ly-lich-tu-phap-so-1';
/** The example form's applicant (main/core/catalogue/examples.ts). */
const BIRTH_DATE = '1995-03-08';
const ID_NUMBER = '079195001234';

async function setup() {
  const { core, dataDir } = await makeCore({ env: { KIOSK_ADMIN_PIN: PIN } });
  // A kiosk paired over the LAN, where citizens look their dossiers up. Each call from it comes from its
  // own address, so the per-address limit (20 a minute) is not what these tests meet.
  const kiosk = await lanDevice(core, 'kiosk', { adminPin: PIN, client: '10.1.0.1' });
  let nextAddress = 2;
  const caller = (): CallContext => ({ ...kiosk, client: `10.1.0.${nextAddress++}` });
  // A counter PC on the LAN, with the admin signed in on it.
  const counter = await lanDevice(core, 'counter', { adminPin: PIN, client: '10.9.9.9' });
  const signIn = await core.call('staff.signIn', { user: 'admin', pin: PIN }, counter);
  if (!signIn.ok) throw new Error(signIn.error.en);
  const staff: CallContext = { ...counter, token: (signIn.value as { token: string }).token };
  const call = <T = Record<string, unknown>>(name: string, input: unknown, ctx: CallContext) =>
    answer<T>(core.call(name, input, ctx), name);
  const refusal = (input: unknown, ctx: CallContext = caller()) =>
    refusalOf(core.call('dossier.lookup', input, ctx));

  /** Files the example dossier (at the counter, by staff) and returns its code and receipt secret. */
  async function file(): Promise<{ code: string; secret: string }> {
    const draft = await call<{ id: string }>('dossier.create', { procedureId: PROCEDURE }, staff);
    await call(
      'dossier.update',
      { id: draft.id, data: exampleData(PROCEDURE), contact: { phone: '0912345678' } },
      staff,
    );
    await photographMissing((name, input) => call(name, input, staff), draft.id);
    expect(await call('dossier.check', { id: draft.id }, staff)).toMatchObject({ complete: true });
    const { code } = await call<{ code: string }>('dossier.submit', { id: draft.id }, staff);
    const db = new Database(join(dataDir, 'kiosk.db'), { readonly: true });
    const secret = db
      .prepare('SELECT lookup_secret FROM dossiers WHERE code = ?')
      .pluck()
      .get(code) as string;
    db.close();
    return { code, secret };
  }

  return { core, call, refusal, file, caller, kiosk, counter, staff, dataDir };
}

describe('dossier.lookup: a second factor before anything beyond the status', () => {
  it('answers the code alone with the status and due date, nothing personal', async () => {
    const { call, file, caller } = await setup();
    const { code } = await file();
    const answer = await call('dossier.lookup', { code }, caller());
    expect(answer).toEqual({
      detail: 'status',
      code,
      portalCode: null,
      provisional: true,
      status: 'received',
      // Filed with staff at the counter: received there and then.
      reception: 'received',
      dueDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    const text = JSON.stringify(answer);
    for (const personal of ['Lê', 'Hồng', ID_NUMBER.slice(-4), 'lý lịch', 'timeline', 'receivedAt'])
      expect(text).not.toContain(personal);
  }, 30_000);

  it('gives the whole dossier for the receipt secret (typed in lower case with a space) or the birth date', async () => {
    const { call, file, caller } = await setup();
    const { code, secret } = await file();
    expect(secret).toMatch(new RegExp(`^[${LOOKUP_SECRET_ALPHABET}]{6}$`));
    const typed = `${secret.slice(0, 3)} ${secret.slice(3)}`.toLowerCase();
    const full = await call('dossier.lookup', { code, secret: typed }, caller());
    expect(full).toMatchObject({
      detail: 'full',
      code,
      applicant: 'Lê T. H.',
      idMasked: '••••••••1234',
      status: 'received',
      timeline: [{ status: 'received' }],
    });
    expect(JSON.stringify(full)).not.toContain(ID_NUMBER);
    expect(await call('dossier.lookup', { code, birthDate: BIRTH_DATE }, caller())).toEqual(full);
  }, 30_000);

  it("shows Mẫu 04's apology and the first appointment date once the portal sent them", async () => {
    const { call, file, caller, dataDir } = await setup();
    const { code, secret } = await file();
    const before = await call('dossier.lookup', { code, secret }, caller());
    expect(before).toMatchObject({ apology: null, firstDueDate: null });
    // What sync's pull writes (dossier/portal.ts) for a new date after a supplement and for Mẫu 04.
    const db = new Database(join(dataDir, 'kiosk.db'));
    db.prepare(
      `UPDATE dossiers SET first_due_date = due_date, due_date = '2026-12-09',
         apology_text = 'Xin lỗi ông/bà vì hồ sơ giải quyết chậm.', apology_due_date = '2026-12-11'
       WHERE code = ?`,
    ).run(code);
    db.close();
    const after = await call<Record<string, unknown>>('dossier.lookup', { code, secret }, caller());
    expect(after).toMatchObject({
      dueDate: '2026-12-09',
      firstDueDate: before.dueDate,
      apology: { text: 'Xin lỗi ông/bà vì hồ sơ giải quyết chậm.', newDueDate: '2026-12-11' },
    });
    // Not on the code alone: the status answer stays what it was.
    expect(await call('dossier.lookup', { code }, caller())).not.toHaveProperty('apology');
  }, 30_000);

  it('counts wrong factors per dossier and factor: the fifth locks that one only, and never the receipt secret', async () => {
    const { call, refusal, file, caller } = await setup();
    const a = await file();
    const b = await file();
    const tries = [];
    for (let i = 0; i < 4; i++)
      tries.push(await refusal({ code: a.code, birthDate: `1990-01-0${i + 1}` }, caller()));
    expect(tries.map((e) => e.code)).toEqual(Array(4).fill('lookup-factor-wrong'));
    expect(tries[0]?.vi).toContain('Còn 4 lần thử');
    expect(tries[3]?.vi).toContain('Còn 1 lần thử');
    const fifth = await refusal({ code: a.code, birthDate: '1990-01-05' }, caller());
    expect(fifth.code).toBe('lookup-locked');
    expect(fifth.vi).toContain('quầy');
    // Locked: the right birth date is refused too, from any caller; the status still shows.
    expect((await refusal({ code: a.code, birthDate: BIRTH_DATE }, caller())).code).toBe('lookup-locked');
    expect(await call('dossier.lookup', { code: a.code }, caller())).toMatchObject({ detail: 'status' });
    // Guessing the birth date does not lock the citizen out of the secret printed on their receipt.
    expect(await call('dossier.lookup', { code: a.code, secret: a.secret }, caller())).toMatchObject({
      detail: 'full',
    });
    // Five wrong secrets lock the secret (here the right one, tried after, is refused).
    for (let i = 0; i < 5; i++) await refusal({ code: a.code, secret: 'ZZZZZZ' }, caller());
    expect((await refusal({ code: a.code, secret: a.secret }, caller())).code).toBe('lookup-locked');
    // Another citizen's dossier is not affected.
    expect(await call('dossier.lookup', { code: b.code, secret: b.secret }, caller())).toMatchObject({
      detail: 'full',
    });
  }, 60_000);

  it('answers a wrong factor for an unknown code exactly as for a real one', async () => {
    const { refusal, file } = await setup();
    const real = await file();
    const unknown = real.code.replace(/\d{4}$/, '0999');
    for (let i = 0; i < 5; i++) {
      const forReal = await refusal({ code: real.code, secret: 'ZZZZZZ' });
      const forUnknown = await refusal({ code: unknown, secret: 'ZZZZZZ' });
      expect(forUnknown).toEqual(forReal);
    }
    expect((await refusal({ code: unknown, secret: 'ZZZZZZ' })).code).toBe('lookup-locked');
  }, 60_000);

  it('stops an unpaired LAN caller before any birth date, a paired kiosk after 10 wrong ones a day; the kiosk screen is counted per dossier only', async () => {
    const { call, refusal, file, kiosk, counter } = await setup();
    const mine = await file();
    const sameDate = (i: number) => ({
      code: mine.code.replace(/\d{4}$/, String(500 + i)),
      birthDate: '1971-06-15',
    });
    // A LAN client that is not a paired device tries nothing at all, and a counter PC only with staff
    // signed in on it (who need no factor).
    expect((await refusal(sameDate(0), remote)).code).toBe('device-not-paired');
    expect((await refusal({ code: mine.code, birthDate: BIRTH_DATE }, remote)).code).toBe(
      'device-not-paired',
    );
    expect((await refusal(sameDate(0), counter)).code).toBe('unauthorized');
    // A paired kiosk (its traffic comes over the network): a known birth date tried once on each code
    // is stopped at the 10th across all dossiers, and birth dates from it stay refused for the day; the
    // receipt's secret still works there.
    const fromKiosk = [];
    for (let i = 0; i < 11; i++) fromKiosk.push((await refusal(sameDate(20 + i), kiosk)).code);
    expect(fromKiosk).toEqual([...Array(9).fill('lookup-factor-wrong'), 'lookup-locked', 'lookup-locked']);
    expect((await refusal({ code: mine.code, birthDate: BIRTH_DATE }, kiosk)).code).toBe('lookup-locked');
    expect(await call('dossier.lookup', { code: mine.code, secret: mine.secret }, kiosk)).toMatchObject({
      detail: 'full',
    });
    // The kiosk's own screen (the person is standing at it) is held only by each dossier's own count,
    // and the right date still opens.
    const fromScreen = [];
    for (let i = 0; i < 11; i++) fromScreen.push((await refusal(sameDate(i), local)).code);
    expect(fromScreen).toEqual(Array(11).fill('lookup-factor-wrong'));
    expect(await call('dossier.lookup', { code: mine.code, birthDate: BIRTH_DATE }, local)).toMatchObject({
      detail: 'full',
    });
  }, 60_000);

  it('gives staff the whole dossier without a factor, even while it is locked', async () => {
    const { call, refusal, file, staff } = await setup();
    const { code } = await file();
    for (let i = 0; i < 5; i++) await refusal({ code, secret: 'ZZZZZZ' });
    expect(await call('dossier.lookup', { code }, staff)).toMatchObject({
      detail: 'full',
      idMasked: '••••••••1234',
    });
  }, 30_000);

  it('gives a dossier filed before receipts carried a secret one when staff reprint its receipt', async () => {
    const { call, file, caller, staff, dataDir } = await setup();
    const { code } = await file();
    const db = new Database(join(dataDir, 'kiosk.db'));
    db.prepare('UPDATE dossiers SET lookup_secret = NULL WHERE code = ?').run(code);
    const stored = () => db.prepare('SELECT lookup_secret FROM dossiers WHERE code = ?').pluck().get(code);
    expect(stored()).toBeNull();
    const receipt = await call<{ pdfBase64: string }>('dossier.receipt', { code }, staff);
    const secret = stored();
    db.close();
    expect(secret).toMatch(new RegExp(`^[${LOOKUP_SECRET_ALPHABET}]{6}$`));
    const text = execFileSync('pdftotext', ['-', '-'], { input: Buffer.from(receipt.pdfBase64, 'base64') });
    expect(text.toString('utf8')).toContain(`Mã tra cứu: ${String(secret)}`);
    expect(await call('dossier.lookup', { code, secret }, caller())).toMatchObject({ detail: 'full' });
  }, 30_000);

  it('refuses a secret and a birth date together', async () => {
    const { refusal } = await setup();
    const error = await refusal({
      code: '000.00.00.H00-K01-261123-0001',
      secret: 'ABCDEF',
      birthDate: BIRTH_DATE,
    });
    expect(error.code).toBe('invalid-input');
  });
});

describe('wrong birth dates counted per named caller (dossiers.lookup)', () => {
  let h: Harness | undefined;
  afterEach(() => h?.close());

  // The handler names no caller today: the only LAN callers that reach a public lookup are paired kiosks,
  // which are not counted, and staff, who need no factor. The rule itself still holds for a named one.
  it('gives a named caller ten wrong birth dates a day across all dossiers; an unnamed one is not counted', () => {
    h = harness(tempDir());
    const { id } = h.dossiers.create(formOnlyProcedure.id);
    h.dossiers.update({ id, data: { nguoiYeuCau: { fullName: 'Nguyễn Văn An' } } });
    const { code } = h.dossiers.submit(id, {});
    const secret = h.db
      .prepare('SELECT lookup_secret FROM dossiers WHERE code = ?')
      .pluck()
      .get(code) as string;
    const lookup = (factor: { birthDate: string } | { secret: string }, onCode = code, caller?: string) =>
      h!.dossiers.lookup(onCode, { staff: false, factor, ...(caller ? { caller } : {}) });
    const madeUp = (i: number) => code.replace(/\d{4}$/, String(500 + i));
    const answers = [];
    for (let i = 0; i < 11; i++)
      answers.push(failure(() => lookup({ birthDate: '1971-06-15' }, madeUp(i), '10.9.9.9')).code);
    expect(answers.slice(0, 9)).toEqual(Array(9).fill('lookup-factor-wrong'));
    expect(answers.slice(10)).toEqual(['lookup-locked']);
    // Locked for that caller even on a dossier it never tried, whatever the date.
    expect(failure(() => lookup({ birthDate: '1990-01-01' }, code, '10.9.9.9')).code).toBe('lookup-locked');
    // The receipt secret still works for it; another caller and an unnamed one (a kiosk's screen) are
    // held only by each dossier's own count.
    expect(lookup({ secret }, code, '10.9.9.9')).toMatchObject({ detail: 'full', code });
    expect(failure(() => lookup({ birthDate: '1971-06-15' }, madeUp(0), '10.9.9.8')).code).toBe(
      'lookup-factor-wrong',
    );
    for (let i = 20; i < 31; i++)
      expect(failure(() => lookup({ birthDate: '1971-06-15' }, madeUp(i))).code).toBe('lookup-factor-wrong');
  });
});

describe('the lookup secret', () => {
  it('is 6 characters of the unambiguous alphabet, unbiased, compared exactly', () => {
    const counts = new Map<string, number>();
    let n = 0;
    const bytes = (k: number) => Buffer.from(Array.from({ length: k }, () => n++ % 256));
    for (let i = 0; i < 256; i++)
      for (const ch of newLookupSecret(bytes)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    expect([...counts.keys()].sort().join('')).toBe(LOOKUP_SECRET_ALPHABET);
    expect(new Set(counts.values()).size).toBe(1);
    expect(LOOKUP_SECRET_ALPHABET).not.toMatch(/[01OI]/);
    expect(sameSecret('K7Q2XF', 'K7Q2XF')).toBe(true);
    expect(sameSecret('K7Q2XF', 'K7Q2XG')).toBe(false);
    expect(sameSecret('K7Q2XF', 'K7Q2X')).toBe(false);
    expect(sameSecret(null, 'K7Q2XF')).toBe(false);
  });

  it('is the renderer copy of the contract', () => {
    expect(SECRET_ALPHABET).toBe(LOOKUP_SECRET_ALPHABET);
    expect(SECRET_LENGTH).toBe(6);
  });

  it('rides in the receipt QR after "#", and an old QR (code only) still reads', () => {
    const now = new Date('2026-11-23T02:00:00Z');
    const code = '000.00.12.H29-K01-261123-0007';
    expect(parseScan(`${code}#K7Q2XF`, { now })).toEqual({
      kind: 'dossier-code',
      code,
      provisional: true,
      secret: 'K7Q2XF',
    });
    expect(parseScan(code, { now })).toEqual({ kind: 'dossier-code', code, provisional: true });
    expect(() => parseScan(`${code}#K7Q0XF`, { now })).toThrow();
    expect(() => parseScan(`${code}#K7Q2XF#A`, { now })).toThrow();
  });
});

describe('the lookup guard over time', () => {
  it('locks for an hour, then a day, forgets after a quiet day, and stays bounded', () => {
    const db = new Database(':memory:');
    migrate(db, { now: new Date() });
    let now = Date.parse('2026-11-23T02:00:00Z');
    const guard = createLookupGuard(db, {
      now: () => new Date(now),
      policy: { ...DEFAULT_LOOKUP_GUARD, maxRows: 10 },
    });
    const fail5 = () => Array.from({ length: 5 }, () => guard.failed('d:a')).at(-1);
    expect(fail5()).toEqual({ locked: true, minutes: 60 });
    now += 59 * 60_000;
    expect(guard.state('d:a')).toEqual({ locked: true, minutes: 1 });
    now += 2 * 60_000;
    expect(guard.state('d:a')).toEqual({ locked: false, triesLeft: 5 });
    expect(fail5()).toEqual({ locked: true, minutes: 24 * 60 });
    now += 24 * 3_600_000 + 60_000;
    expect(guard.failed('d:a')).toEqual({ locked: false, triesLeft: 4 });
    // A right factor forgets the count; so does a quiet day after the last lock.
    guard.succeeded('d:a');
    expect(guard.state('d:a')).toEqual({ locked: false, triesLeft: 5 });
    // Made-up codes cannot grow the table past its cap; a dossier's running lock is kept.
    fail5();
    for (let i = 0; i < 50; i++) guard.failed(`c:${i}`);
    const count = (kind: string) =>
      db.prepare('SELECT COUNT(*) FROM dossier_lookup_throttle WHERE subject LIKE ?').pluck().get(`${kind}%`);
    expect(count('c:')).toBe(10);
    expect(guard.state('d:a').locked).toBe(true);
  });

  it('keeps counting a dossier when made-up codes have filled the table with locks', () => {
    const db = new Database(':memory:');
    migrate(db, { now: new Date() });
    const now = Date.parse('2026-11-23T02:00:00Z');
    const guard = createLookupGuard(db, {
      now: () => new Date(now),
      policy: { ...DEFAULT_LOOKUP_GUARD, maxRows: 10 },
    });
    for (let i = 0; i < 30; i++) for (let k = 0; k < 5; k++) guard.failed(`c:${i}`);
    // The attack that worked before: every new row was dropped at once, so a dossier never locked.
    const tries = Array.from({ length: 5 }, () => guard.failed('d:real:birth'));
    expect(tries.at(-1)).toEqual({ locked: true, minutes: 60 });
  });
});
