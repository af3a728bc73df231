import { describe, expect, it } from 'vitest';
import type { Session } from '../../../preload/api';
import { lanDevice, local, makeCore, quietLogs, remote } from '../helpers';

quietLogs();

/** A core with KIOSK_ADMIN_PIN 135790 and a counter PC paired on the LAN. */
async function withCounter() {
  const ctx = await makeCore({ env: { KIOSK_ADMIN_PIN: '135790' } });
  const counter = await lanDevice(ctx.core, 'counter');
  return { ...ctx, counter };
}

/** The admin signed in on a counter PC. */
async function signedInAdmin() {
  const ctx = await withCounter();
  const r = await ctx.core.call('staff.signIn', { user: 'admin', pin: '135790' }, ctx.counter);
  if (!r.ok) throw new Error(r.error.en);
  return { ...ctx, session: r.value as Session };
}

describe('staff accounts', () => {
  it('asks for an admin on first start when KIOSK_ADMIN_PIN is not set, and only once', async () => {
    const { core } = await makeCore();
    const info = await core.call('app.info', {}, local);
    expect(info.ok && (info.value as { needsAdminSetup: boolean }).needsAdminSetup).toBe(true);
    // Nothing on the LAN can be paired yet (that takes an admin), so nothing there sees it.
    const lan = await core.call('app.info', {}, remote);
    expect(!lan.ok && lan.error.code).toBe('device-not-paired');

    const created = await core.call('staff.setupAdmin', { displayName: 'Chị Hoa', pin: '112233' }, local);
    expect(created.ok && (created.value as Session).user).toMatchObject({ user: 'admin', role: 'admin' });
    const again = await core.call('staff.setupAdmin', { displayName: 'Kẻ khác', pin: '445566' }, local);
    expect(!again.ok && again.error.code).toBe('setup-done');
    const after = await core.call('app.info', {}, local);
    expect(after.ok && (after.value as { needsAdminSetup: boolean }).needsAdminSetup).toBe(false);
    const counter = await lanDevice(core, 'counter', { adminPin: '112233' });
    const fromCounter = await core.call('app.info', {}, counter);
    expect(fromCounter.ok && (fromCounter.value as { needsAdminSetup: boolean }).needsAdminSetup).toBe(false);
  });

  it('refuses first-start setup from another machine on the LAN', async () => {
    const { core } = await makeCore();
    const r = await core.call('staff.setupAdmin', { displayName: 'X', pin: '112233' }, remote);
    expect(!r.ok && r.error.code).toBe('device-not-paired');
    const info = await core.call('app.info', {}, local);
    expect(info.ok && (info.value as { needsAdminSetup: boolean }).needsAdminSetup).toBe(true);
    // A paired device (only possible once an admin exists) is refused as not the kiosk itself.
    const counter = await lanDevice(core, 'counter');
    const paired = await core.call('staff.setupAdmin', { displayName: 'X', pin: '112233' }, counter);
    expect(!paired.ok && paired.error.code).toBe('local-only');
    expect((await core.call('staff.signIn', { user: 'admin', pin: '112233' }, local)).ok).toBe(false);
  });

  it('seeds the admin from KIOSK_ADMIN_PIN on the first start only', async () => {
    const first = await makeCore({ env: { KIOSK_ADMIN_PIN: '135790' } });
    first.core.close();
    const second = await makeCore({ dataDir: first.dataDir, env: { KIOSK_ADMIN_PIN: '000111' } });
    const old = await second.core.call('staff.signIn', { user: 'admin', pin: '135790' }, local);
    expect(old.ok).toBe(true);
    const changed = await second.core.call('staff.signIn', { user: 'admin', pin: '000111' }, local);
    expect(changed.ok).toBe(false);
  });

  it('refuses a KIOSK_ADMIN_PIN that is not 6–12 digits, with a clear message', async () => {
    await expect(makeCore({ env: { KIOSK_ADMIN_PIN: '1234' } })).rejects.toMatchObject({
      error: { code: 'admin-pin-invalid' },
    });
  });

  it('locks a name for 5 minutes after 5 wrong PINs from one source, even against the right PIN', async () => {
    const { core, clock, counter } = await withCounter();
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await core.call('staff.signIn', { user: 'admin', pin: '000000' }, counter);
      codes.push(r.ok ? 'ok' : r.error.code);
    }
    expect(codes).toEqual([
      'wrong-credentials',
      'wrong-credentials',
      'wrong-credentials',
      'wrong-credentials',
      'account-locked',
    ]);
    const right = await core.call('staff.signIn', { user: 'admin', pin: '135790' }, counter);
    expect(!right.ok && right.error).toMatchObject({
      code: 'account-locked',
      vi: expect.stringContaining('5 phút'),
    });
    // Only that source: the kiosk's own window still signs in.
    expect((await core.call('staff.signIn', { user: 'admin', pin: '135790' }, local)).ok).toBe(true);

    clock.advance(4 * 60_000 + 59_000);
    expect((await core.call('staff.signIn', { user: 'admin', pin: '135790' }, counter)).ok).toBe(false);
    clock.advance(2_000);
    expect((await core.call('staff.signIn', { user: 'admin', pin: '135790' }, counter)).ok).toBe(true);
  });

  it('says how many tries are left, and forgets failures after a successful sign-in', async () => {
    const { core, counter } = await withCounter();
    const first = await core.call('staff.signIn', { user: 'admin', pin: '999999' }, counter);
    expect(!first.ok && first.error.vi).toContain('Còn 4 lần thử');
    await core.call('staff.signIn', { user: 'admin', pin: '135790' }, counter);
    const next = await core.call('staff.signIn', { user: 'admin', pin: '999999' }, counter);
    expect(!next.ok && next.error.vi).toContain('Còn 4 lần thử');
  });

  it('gives the same answer for an unknown user as for a wrong PIN, tries left included', async () => {
    const { core, counter } = await withCounter();
    const unknown = await core.call('staff.signIn', { user: 'nobody', pin: '135790' }, counter);
    const known = await core.call('staff.signIn', { user: 'admin', pin: '000000' }, counter);
    expect(!unknown.ok && unknown.error).toEqual(!known.ok && known.error);
    expect(!unknown.ok && unknown.error.vi).toContain('Còn 4 lần thử');
  });

  it('ends a session at staffSessionMaxHours after sign-in, however active', async () => {
    const { core, clock, session, counter } = await signedInAdmin();
    const me = () => core.call('staff.me', {}, { ...counter, token: session.token });
    expect(Date.parse(session.expiresAt) - clock.now().getTime()).toBe(30 * 60_000);
    for (let i = 0; i < 38; i++) {
      clock.advance(15 * 60_000);
      expect((await me()).ok).toBe(true); // active every quarter of an hour, 9.5 hours in all
    }
    // The idle window no longer reaches past the tenth hour: expiresAt says so.
    const last = await me();
    expect(last.ok && (last.value as { expiresAt: string }).expiresAt).toBe('2026-11-23T12:00:00.000Z');
    clock.advance(29 * 60_000);
    expect((await me()).ok).toBe(true);
    clock.advance(60_000);
    const ended = await me();
    expect(!ended.ok && ended.error.code).toBe('session-expired');
    expect(core.isSessionValid(session.token, counter.deviceId)).toBe(false);
  });

  it('takes the absolute lifetime from the configuration', async () => {
    const { core, clock } = await makeCore({
      env: { KIOSK_ADMIN_PIN: '135790' },
      config: { centre: { name: 'X', unitCode: '000.00.12.H29' }, staffSessionMaxHours: 2 },
    });
    const r = await core.call('staff.signIn', { user: 'admin', pin: '135790' }, local);
    if (!r.ok) throw new Error(r.error.en);
    const token = (r.value as Session).token;
    for (let i = 0; i < 7; i++) {
      clock.advance(15 * 60_000);
      expect((await core.call('staff.me', {}, { ...local, token })).ok).toBe(true);
    }
    clock.advance(15 * 60_000);
    const ended = await core.call('staff.me', {}, { ...local, token });
    expect(!ended.ok && ended.error.code).toBe('session-expired');
  });

  it('expires a session after inactivity, and activity keeps it alive', async () => {
    const { core, clock, session, counter } = await signedInAdmin();
    const me = () => core.call('staff.me', {}, { ...counter, token: session.token });
    clock.advance(29 * 60_000);
    expect((await me()).ok).toBe(true);
    // Valid for the device it was signed in on, not for the kiosk's window.
    expect(core.isSessionValid(session.token, counter.deviceId)).toBe(true);
    expect(core.isSessionValid(session.token, null)).toBe(false);
    clock.advance(29 * 60_000);
    expect((await me()).ok).toBe(true); // 58 minutes after sign-in, but active
    clock.advance(31 * 60_000);
    const expired = await me();
    expect(!expired.ok && expired.error.code).toBe('session-expired');
    expect(core.isSessionValid(session.token, counter.deviceId)).toBe(false);
  });

  it('ends the session on sign-out', async () => {
    const { core, session, counter } = await signedInAdmin();
    const auth = { ...counter, token: session.token };
    expect((await core.call('staff.me', {}, auth)).ok).toBe(true);
    expect((await core.call('staff.signOut', {}, auth)).ok).toBe(true);
    const after = await core.call('staff.me', {}, auth);
    expect(!after.ok && after.error.code).toBe('unauthorized');
  });

  it('lets only admins create accounts, and new accounts can sign in', async () => {
    const { core, session, counter } = await signedInAdmin();
    const admin = { ...counter, token: session.token };
    const created = await core.call(
      'staff.createUser',
      { user: 'Lan', displayName: 'Chị Lan', role: 'staff', pin: '555666' },
      admin,
    );
    expect(created.ok && created.value).toMatchObject({ user: 'lan', role: 'staff' });
    const dup = await core.call(
      'staff.createUser',
      { user: 'lan', displayName: 'X', role: 'staff', pin: '555666' },
      admin,
    );
    expect(!dup.ok && dup.error.code).toBe('user-exists');

    const lan = await core.call('staff.signIn', { user: 'lan', pin: '555666' }, counter);
    if (!lan.ok) throw new Error(lan.error.en);
    const byStaff = await core.call(
      'staff.createUser',
      { user: 'minh', displayName: 'Anh Minh', role: 'admin', pin: '777888' },
      { ...counter, token: (lan.value as Session).token },
    );
    expect(!byStaff.ok && byStaff.error.code).toBe('forbidden');
  });
});
