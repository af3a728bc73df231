import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { KioskError, Session } from '../../../preload/api';
import { createAudit } from '../../../main/core/audit';
import { manualClock } from '../../../main/core/clock';
import { migrate } from '../../../main/core/db/migrate';
import { KioskFailure } from '../../../main/core/errors';
import { parseHash, verifyPin } from '../../../main/core/staff/pin';
import { PER_SOURCE_IN_FLIGHT, createStaff } from '../../../main/core/staff/service';
import { LOCAL_SOURCE, type SignInSource } from '../../../main/core/staff/source';
import { DEFAULT_THROTTLE, type ThrottlePolicy } from '../../../main/core/staff/throttle';
import { FAST_SCRYPT, quietLogs } from '../helpers';

quietLogs();

const PIN = '135790';
const lan = (address: string): SignInSource => ({ key: address, lan: true, deviceId: null });
const A = lan('192.168.1.21');
const B = lan('192.168.1.22');

/** The staff service on a fresh database, counting every PIN check (and the scrypt cost it used). */
async function setup(
  options: { db?: Database.Database; throttle?: ThrottlePolicy; gate?: Promise<void> } = {},
) {
  const clock = manualClock('2026-11-23T02:00:00.000Z');
  const db = options.db ?? new Database(':memory:');
  migrate(db, { now: clock.now() });
  const checks: { N: number | undefined }[] = [];
  const staff = createStaff(db, {
    clock,
    audit: createAudit(db, clock),
    sessionMinutes: 30,
    sessionMaxHours: 10,
    scrypt: FAST_SCRYPT,
    ...(options.throttle ? { throttle: options.throttle } : {}),
    verifyPin: async (pin, stored) => {
      checks.push({ N: parseHash(stored)?.params.N });
      if (pin.startsWith('9')) await options.gate; // a PIN check that takes as long as the test says
      return verifyPin(pin, stored);
    },
  });
  if (staff.needsAdminSetup()) await staff.seedAdmin(PIN);
  return { db, clock, staff, checks };
}

/** The answer to one attempt: `ok`, or the error a person would read. */
async function attempt(
  staff: Awaited<ReturnType<typeof setup>>['staff'],
  user: string,
  pin: string,
  source: SignInSource,
): Promise<'ok' | KioskError> {
  try {
    await staff.signIn({ user, pin }, source);
    return 'ok';
  } catch (error) {
    if (error instanceof KioskFailure) return error.error;
    throw error;
  }
}

const codeOf = (a: 'ok' | KioskError): string => (a === 'ok' ? 'ok' : a.code);

describe('sign-in throttle: parallel attempts', () => {
  it('checks at most 5 PINs of 200 parallel tries, and the right PIN at 150 does not sign in', async () => {
    const { staff, checks } = await setup();
    const pins = Array.from({ length: 200 }, (_, i) => (i === 149 ? PIN : String(100000 + i)));
    const answers = await Promise.all(pins.map((pin) => attempt(staff, 'admin', pin, A)));
    expect(checks.length).toBeLessThanOrEqual(5);
    expect(answers[149]).not.toBe('ok');
    expect(answers.filter((a) => a === 'ok')).toHaveLength(0);
    // The rest are refused unchecked: "busy" beyond 4 waiting from one source, or locked.
    const rest = new Set(answers.slice(PER_SOURCE_IN_FLIGHT).map(codeOf));
    expect(rest.has('sign-in-busy')).toBe(true);
    for (const code of rest) expect(['account-locked', 'sign-in-busy']).toContain(code);
  });

  it('keeps the failures sent in the same burst as a right PIN (attempts from one source go one by one)', async () => {
    const { staff } = await setup();
    const burst = await Promise.all([
      attempt(staff, 'admin', PIN, A),
      ...Array.from({ length: 3 }, () => attempt(staff, 'admin', '000000', A)),
    ]);
    expect(burst.map(codeOf)).toEqual(['ok', ...Array<string>(3).fill('wrong-credentials')]);
    // The sign-in did not wipe the count of the wrong PINs beside it: two more lock the name.
    expect(codeOf(await attempt(staff, 'admin', '000000', A))).toBe('wrong-credentials');
    expect(codeOf(await attempt(staff, 'admin', '000000', A))).toBe('account-locked');
    expect(codeOf(await attempt(staff, 'admin', PIN, A))).toBe('account-locked');
  });

  it('checks at most 20 PINs when 200 LAN addresses each try once at the same time', async () => {
    const { staff, checks } = await setup();
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) => attempt(staff, 'admin', String(200000 + i), lan(`10.0.${i}.9`))),
    );
    expect(checks.length).toBeLessThanOrEqual(20);
    expect(answers.filter((a) => codeOf(a) === 'account-locked').length).toBeGreaterThanOrEqual(180);
    // The kiosk itself is not held by the LAN's lock.
    expect(await attempt(staff, 'admin', PIN, LOCAL_SOURCE)).toBe('ok');
  });
});

describe('sign-in throttle: names that exist and names that do not', () => {
  it('answers an unknown name exactly like a known one, try for try, with the same PIN-check cost', async () => {
    const { staff, checks } = await setup();
    const known: unknown[] = [];
    const unknown: unknown[] = [];
    for (let i = 0; i < 7; i++) known.push(await attempt(staff, 'admin', '000000', A));
    const knownChecks = checks.splice(0);
    for (let i = 0; i < 7; i++) unknown.push(await attempt(staff, 'nobody', '000000', A));
    expect(unknown).toEqual(known);
    expect((known[0] as KioskError).vi).toContain('Còn 4 lần thử');
    expect((known[4] as KioskError).code).toBe('account-locked');
    expect(checks).toEqual(knownChecks); // as many checks, at the same scrypt cost
    expect(checks).toHaveLength(5);
  });

  it('treats a disabled account like a name that does not exist', async () => {
    const { staff, db } = await setup();
    await staff.createUser({ user: 'lan', displayName: 'Chị Lan', role: 'staff', pin: '555666' });
    db.prepare("UPDATE staff_users SET disabled_at = 'x' WHERE user = 'lan'").run();
    const disabled = await attempt(staff, 'lan', '555666', A);
    const none = await attempt(staff, 'nobody', '555666', B);
    expect(disabled).toEqual(none);
  });
});

describe('sign-in throttle: per name and source', () => {
  it('locks one LAN address, not the others, and never the kiosk itself', async () => {
    const { staff } = await setup();
    for (let i = 0; i < 5; i++) await attempt(staff, 'admin', '000000', A);
    expect(codeOf(await attempt(staff, 'admin', PIN, A))).toBe('account-locked');
    expect(await attempt(staff, 'admin', PIN, B)).toBe('ok');
    for (let i = 0; i < 5; i++) await attempt(staff, 'admin', '000000', A);
    expect(await attempt(staff, 'admin', PIN, LOCAL_SOURCE)).toBe('ok');
  });

  it('locks for longer each time: 5, 15, then 60 minutes', async () => {
    const { staff, clock } = await setup();
    const lockMinutes: string[] = [];
    for (const wait of [5, 15, 60]) {
      let last: 'ok' | KioskError = 'ok';
      for (let i = 0; i < 5; i++) last = await attempt(staff, 'admin', '000000', A);
      lockMinutes.push(last === 'ok' ? 'ok' : (last.vi.match(/sau (\d+) phút/)?.[1] ?? last.vi));
      clock.advance((wait - 1) * 60_000);
      expect(codeOf(await attempt(staff, 'admin', PIN, A))).toBe('account-locked');
      clock.advance(60_000);
    }
    expect(lockMinutes).toEqual(['5', '15', '60']);
    // The right PIN after the last lock signs in, and the next lock starts from 5 minutes again.
    expect(await attempt(staff, 'admin', PIN, A)).toBe('ok');
    let last: 'ok' | KioskError = 'ok';
    for (let i = 0; i < 5; i++) last = await attempt(staff, 'admin', '000000', A);
    expect(last !== 'ok' && last.vi).toContain('5 phút');
  });

  it('locks a name for the whole LAN after 20 failures from many addresses, but not at the kiosk', async () => {
    const { staff } = await setup();
    const answers: ('ok' | KioskError)[] = [];
    for (let i = 0; i < 20; i++)
      answers.push(await attempt(staff, 'admin', '000000', lan(`10.0.0.${i + 1}`)));
    expect(answers.slice(0, 19).every((a) => codeOf(a) === 'wrong-credentials')).toBe(true);
    expect(answers[19]).toMatchObject({ code: 'account-locked', vi: expect.stringContaining('máy ki-ốt') });
    // A new address gets no guess at all, even with the right PIN.
    expect(codeOf(await attempt(staff, 'admin', PIN, lan('10.0.0.99')))).toBe('account-locked');
    expect(await attempt(staff, 'admin', PIN, LOCAL_SOURCE)).toBe('ok');
  });

  it('gives a LAN sign-in with the right PIN back to the shared limit', async () => {
    const { staff } = await setup();
    for (let i = 0; i < 30; i++)
      expect(await attempt(staff, 'admin', PIN, lan(`10.0.1.${i + 1}`))).toBe('ok');
    for (let i = 0; i < 19; i++) await attempt(staff, 'admin', '000000', lan(`10.0.2.${i + 1}`));
    expect(await attempt(staff, 'admin', PIN, A)).toBe('ok');
  });

  it('keeps a lockout across a restart', async () => {
    const db = new Database(':memory:');
    const first = await setup({ db });
    for (let i = 0; i < 5; i++) await attempt(first.staff, 'admin', '000000', A);
    const second = await setup({ db });
    expect(codeOf(await attempt(second.staff, 'admin', PIN, A))).toBe('account-locked');
  });
});

describe('sign-in throttle: bounded', () => {
  it('keeps at most maxRows rows under a flood of made-up names, and keeps real locks', async () => {
    const { staff, db } = await setup({ throttle: { ...DEFAULT_THROTTLE, maxRows: 40 } });
    for (let i = 0; i < 5; i++) await attempt(staff, 'admin', '000000', A);
    for (let i = 0; i < 120; i++) await attempt(staff, `ghost${i}`, '000000', B);
    expect(db.prepare('SELECT COUNT(*) FROM staff_signin_throttle').pluck().get()).toBeLessThanOrEqual(40);
    expect(codeOf(await attempt(staff, 'admin', PIN, A))).toBe('account-locked');
  });

  it('forgets buckets a day after their last failure', async () => {
    const { staff, db, clock } = await setup();
    await attempt(staff, 'ghost', '000000', A);
    clock.advance(24 * 3_600_000 + 1);
    await attempt(staff, 'other', '000000', A);
    const names = db.prepare('SELECT DISTINCT name FROM staff_signin_throttle').pluck().all();
    expect(names).toEqual(['other']);
  });

  it('answers "busy" instead of queueing without end behind one name and source', async () => {
    const { staff, checks } = await setup();
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, i) => attempt(staff, 'admin', String(300000 + i), LOCAL_SOURCE)),
    );
    expect(answers.filter((a) => codeOf(a) === 'sign-in-busy').length).toBe(100 - 64);
    expect(checks.length).toBeLessThanOrEqual(5);
  });

  it('lets one LAN source have 4 sign-ins waiting at once, whatever the names', async () => {
    const { staff, checks } = await setup();
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) => attempt(staff, `ghost${i}`, '000000', A)),
    );
    expect(answers.filter((a) => codeOf(a) === 'sign-in-busy')).toHaveLength(50 - PER_SOURCE_IN_FLIGHT);
    expect(checks).toHaveLength(PER_SOURCE_IN_FLIGHT);
    // Another source is not held by it.
    expect(codeOf(await attempt(staff, 'admin', PIN, B))).toBe('ok');
  });
});

describe('sign-in throttle: the kiosk is never "busy" because of the LAN', () => {
  it('signs in at the kiosk while a paired device floods sign-ins with made-up names', async () => {
    let open = (): void => undefined;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const { staff } = await setup({ gate });
    const device: SignInSource = { key: 'pc:d-0123456789', lan: false, deviceId: 'd-0123456789' };
    const flood = Array.from({ length: 600 }, (_, i) => attempt(staff, `ghost${i}`, '999999', device));
    expect(await attempt(staff, 'admin', PIN, LOCAL_SOURCE)).toBe('ok');
    open();
    const answers = await Promise.all(flood);
    expect(answers.filter((a) => codeOf(a) === 'sign-in-busy')).toHaveLength(600 - PER_SOURCE_IN_FLIGHT);
  });

  it('signs in at the kiosk while 600 LAN sign-ins with made-up names are still being checked', async () => {
    let open = (): void => undefined;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const { staff } = await setup({ gate });
    const flood = Array.from({ length: 600 }, (_, i) =>
      attempt(staff, `ghost${i}`, '999999', lan(`10.2.${Math.floor(i / 250)}.${i % 250}`)),
    );
    expect(await attempt(staff, 'admin', PIN, LOCAL_SOURCE)).toBe('ok');
    open();
    const answers = await Promise.all(flood);
    // The LAN itself is capped: beyond 512 name/source pairs at once it is told to wait.
    expect(answers.filter((a) => codeOf(a) === 'sign-in-busy')).toHaveLength(600 - 512);
  });
});

describe('sign-in throttle: session from a sign-in', () => {
  it('signs in after a few failures and starts afresh', async () => {
    const { staff } = await setup();
    for (let i = 0; i < 4; i++) await attempt(staff, 'admin', '000000', A);
    const session = (await staff.signIn({ user: 'admin', pin: PIN }, A)) as Session;
    expect(session.user.user).toBe('admin');
    expect(await attempt(staff, 'admin', '000000', A)).toMatchObject({
      vi: expect.stringContaining('Còn 4'),
    });
  });
});
