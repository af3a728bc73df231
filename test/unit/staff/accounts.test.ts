import { describe, expect, it } from 'vitest';
import type { Session, StaffAccount } from '../../../preload/api';
import type { CallContext } from '../../../main/core/types';
import { lanDevice, local, makeCore, quietLogs, remote } from '../helpers';

quietLogs();

const ADMIN_PIN = '135790';
const LAN_PIN = '555666';
/**
 * A kiosk with two counter PCs paired on the LAN (a second one for a second sign-in source), `admin`
 * signed in on the first, and a staff account `lan`.
 */
async function setup() {
  const ctx = await makeCore({ env: { KIOSK_ADMIN_PIN: ADMIN_PIN } });
  const { core } = ctx;
  const counter = await lanDevice(core, 'counter', { client: '192.168.1.10' });
  const otherPc = await lanDevice(core, 'counter', { client: '192.168.1.77' });
  const signIn = async (user: string, pin: string, from: CallContext = counter) => {
    const r = await core.call('staff.signIn', { user, pin }, from);
    if (!r.ok) throw new Error(`${r.error.code}: ${r.error.en}`);
    return r.value as Session;
  };
  const admin = await signIn('admin', ADMIN_PIN);
  const asAdmin = { ...counter, token: admin.token };
  const created = await core.call(
    'staff.createUser',
    { user: 'lan', displayName: 'Chị Lan', role: 'staff', pin: LAN_PIN },
    asAdmin,
  );
  if (!created.ok) throw new Error(created.error.en);
  const lanId = (created.value as { id: number }).id;
  const users = async () => {
    const r = await core.call('staff.users', {}, asAdmin);
    if (!r.ok) throw new Error(r.error.en);
    return r.value as StaffAccount[];
  };
  const audit = (action: string) => auditRows(ctx.dataDir, action);
  return { ...ctx, counter, otherPc, signIn, admin, asAdmin, lanId, users, audit };
}

async function auditRows(dataDir: string, action: string) {
  const { default: Database } = await import('better-sqlite3');
  const db = new Database(`${dataDir}/kiosk.db`, { readonly: true });
  try {
    return db
      .prepare('SELECT actor, target_id AS targetId, details FROM audit_log WHERE action = ? ORDER BY id')
      .all(action) as { actor: string; targetId: string; details: string | null }[];
  } finally {
    db.close();
  }
}

describe('staff accounts: the list', () => {
  it('lists every account with role, state, locks and last sign-in; admins only', async () => {
    const { core, counter, otherPc, users, signIn, lanId } = await setup();
    const before = await users();
    expect(before.map((u) => [u.user, u.role, u.disabled, u.lockedUntil])).toEqual([
      ['admin', 'admin', false, null],
      ['lan', 'staff', false, null],
    ]);
    expect(before[0]?.lastSignInAt).toBe('2026-11-23T02:00:00.000Z');
    expect(before[1]?.lastSignInAt).toBeNull();

    for (let i = 0; i < 5; i++) await core.call('staff.signIn', { user: 'lan', pin: '000000' }, otherPc);
    const locked = (await users()).find((u) => u.id === lanId);
    expect(locked?.lockedUntil).toBe('2026-11-23T02:05:00.000Z');
    // A paired device's lock is its own, named by the device.
    // The lock names the paired device as the admin named it.
    expect(locked?.locks).toEqual([
      { source: `pc:${otherPc.deviceId}`, until: '2026-11-23T02:05:00.000Z', device: 'Thiết bị counter' },
    ]);

    const staff = await signIn('lan', LAN_PIN);
    const refused = await core.call('staff.users', {}, { ...counter, token: staff.token });
    expect(!refused.ok && refused.error.code).toBe('forbidden');
  });
});

describe('staff accounts: disable and enable', () => {
  it('disables an account: its sessions end at once and it cannot sign in; enabling lets it back', async () => {
    const { core, counter, signIn, asAdmin, lanId, audit } = await setup();
    const lan = await signIn('lan', LAN_PIN);
    const asLan = { ...counter, token: lan.token };
    expect((await core.call('staff.me', {}, asLan)).ok).toBe(true);
    const disabled = await core.call('staff.disableUser', { userId: lanId }, asAdmin);
    expect(disabled.ok && (disabled.value as StaffAccount).disabled).toBe(true);
    const me = await core.call('staff.me', {}, asLan);
    expect(!me.ok && me.error.code).toBe('unauthorized');
    const again = await core.call('staff.signIn', { user: 'lan', pin: LAN_PIN }, local);
    expect(!again.ok && again.error.code).toBe('wrong-credentials');

    const enabled = await core.call('staff.enableUser', { userId: lanId }, asAdmin);
    expect(enabled.ok && (enabled.value as StaffAccount).disabled).toBe(false);
    expect((await core.call('staff.signIn', { user: 'lan', pin: LAN_PIN }, local)).ok).toBe(true);
    // The session open when the account was disabled stays ended.
    const old = await core.call('staff.me', {}, asLan);
    expect(!old.ok && old.error.code).toBe('unauthorized');

    expect(await audit('staff.disableUser')).toEqual([
      { actor: 'admin', targetId: String(lanId), details: JSON.stringify({ user: 'lan', sessionsEnded: 1 }) },
    ]);
    expect(await audit('staff.enableUser')).toHaveLength(1);
  });

  it('never disables the last enabled admin, but does once there is another', async () => {
    const { core, asAdmin, admin, audit } = await setup();
    const last = await core.call('staff.disableUser', { userId: admin.user.id }, asAdmin);
    expect(!last.ok && last.error).toMatchObject({
      code: 'last-admin',
      vi: expect.stringContaining('cuối cùng'),
    });
    expect(await audit('staff.disableUser')).toEqual([]);

    const second = await core.call(
      'staff.createUser',
      { user: 'minh', displayName: 'Anh Minh', role: 'admin', pin: '777888' },
      asAdmin,
    );
    if (!second.ok) throw new Error(second.error.en);
    const minhId = (second.value as { id: number }).id;
    const minh = await core.call('staff.signIn', { user: 'minh', pin: '777888' }, local);
    if (!minh.ok) throw new Error(minh.error.en);
    const asMinh = { ...local, token: (minh.value as Session).token };
    expect((await core.call('staff.disableUser', { userId: admin.user.id }, asMinh)).ok).toBe(true);
    // Now minh is the last enabled admin.
    const self = await core.call('staff.disableUser', { userId: minhId }, asMinh);
    expect(!self.ok && self.error.code).toBe('last-admin');
  });

  it('says so for an account that does not exist', async () => {
    const { core, asAdmin } = await setup();
    const r = await core.call('staff.disableUser', { userId: 999 }, asAdmin);
    expect(!r.ok && r.error.code).toBe('user-not-found');
  });
});

describe('staff accounts: reset PIN and unlock', () => {
  it("sets another user's PIN: their sessions end, their locks lift, the new PIN works", async () => {
    const { core, counter, signIn, asAdmin, lanId, users, audit } = await setup();
    const lan = await signIn('lan', LAN_PIN);
    const asLan = { ...counter, token: lan.token };
    expect((await core.call('staff.me', {}, asLan)).ok).toBe(true);
    for (let i = 0; i < 5; i++) await core.call('staff.signIn', { user: 'lan', pin: '000000' }, local);
    expect((await users()).find((u) => u.id === lanId)?.lockedUntil).not.toBeNull();

    const reset = await core.call('staff.resetPin', { userId: lanId, pin: '246802' }, asAdmin);
    expect(reset.ok && (reset.value as StaffAccount).lockedUntil).toBeNull();
    const me = await core.call('staff.me', {}, asLan);
    expect(!me.ok && me.error.code).toBe('unauthorized');
    expect((await core.call('staff.signIn', { user: 'lan', pin: LAN_PIN }, local)).ok).toBe(false);
    expect((await core.call('staff.signIn', { user: 'lan', pin: '246802' }, local)).ok).toBe(true);
    expect(await audit('staff.resetPin')).toHaveLength(1);
  });

  it('refuses to reset your own PIN (that takes the current one)', async () => {
    const { core, asAdmin, admin } = await setup();
    const r = await core.call('staff.resetPin', { userId: admin.user.id, pin: '246802' }, asAdmin);
    expect(!r.ok && r.error.code).toBe('cannot-reset-own-pin');
  });

  it("lifts another user's locks from every source, audited", async () => {
    const { core, counter, otherPc, asAdmin, lanId, users, audit } = await setup();
    // An unpaired LAN client cannot even try a PIN.
    const unpaired = await core.call('staff.signIn', { user: 'lan', pin: '000000' }, remote);
    expect(!unpaired.ok && unpaired.error.code).toBe('device-not-paired');
    // Locked from the kiosk's window and from both counter PCs.
    const sources = [local, counter, otherPc];
    for (const from of sources)
      for (let i = 0; i < 5; i++) await core.call('staff.signIn', { user: 'lan', pin: '000000' }, from);
    for (const from of sources) {
      const locked = await core.call('staff.signIn', { user: 'lan', pin: LAN_PIN }, from);
      expect(!locked.ok && locked.error.code).toBe('account-locked');
    }
    expect((await users()).find((u) => u.id === lanId)?.locks).toHaveLength(3);

    const r = await core.call('staff.unlockUser', { userId: lanId }, asAdmin);
    expect(r.ok && (r.value as StaffAccount).locks).toEqual([]);
    for (const from of sources)
      expect((await core.call('staff.signIn', { user: 'lan', pin: LAN_PIN }, from)).ok).toBe(true);
    expect(await audit('staff.unlockUser')).toHaveLength(1);
  });

  it('never lets anyone unlock themself', async () => {
    const { core, otherPc, admin, signIn } = await setup();
    // Another counter PC locks `admin`; admin, still signed in elsewhere, tries to lift it.
    for (let i = 0; i < 5; i++) await core.call('staff.signIn', { user: 'admin', pin: '000000' }, otherPc);
    const other = await signIn('admin', ADMIN_PIN, local);
    const r = await core.call(
      'staff.unlockUser',
      { userId: admin.user.id },
      { ...local, token: other.token },
    );
    expect(!r.ok && r.error.code).toBe('cannot-unlock-self');
    const still = await core.call('staff.signIn', { user: 'admin', pin: ADMIN_PIN }, otherPc);
    expect(!still.ok && still.error.code).toBe('account-locked');
  });

  it('does not let failures typed against a name before it existed lock the new account', async () => {
    const { core, asAdmin } = await setup();
    for (let i = 0; i < 5; i++) await core.call('staff.signIn', { user: 'hoa', pin: '000000' }, local);
    const created = await core.call(
      'staff.createUser',
      { user: 'hoa', displayName: 'Chị Hoa', role: 'staff', pin: '102938' },
      asAdmin,
    );
    expect(created.ok).toBe(true);
    expect((await core.call('staff.signIn', { user: 'hoa', pin: '102938' }, local)).ok).toBe(true);
  });
});

describe('staff accounts: changing your own PIN', () => {
  it('takes the current PIN, ends your other sessions and keeps this one', async () => {
    const { core, counter, signIn, audit } = await setup();
    const here = await signIn('lan', LAN_PIN, local);
    const there = await signIn('lan', LAN_PIN);
    const asHere = { ...local, token: here.token };
    const asThere = { ...counter, token: there.token };
    expect((await core.call('staff.me', {}, asThere)).ok).toBe(true);
    const r = await core.call('staff.changePin', { currentPin: LAN_PIN, newPin: '864200' }, asHere);
    expect(r.ok).toBe(true);
    expect((await core.call('staff.me', {}, asHere)).ok).toBe(true);
    const gone = await core.call('staff.me', {}, asThere);
    expect(!gone.ok && gone.error.code).toBe('unauthorized');
    expect((await core.call('staff.signIn', { user: 'lan', pin: '864200' }, local)).ok).toBe(true);
    expect(await audit('staff.changePin')).toHaveLength(1);

    const same = await core.call('staff.changePin', { currentPin: '864200', newPin: '864200' }, asHere);
    expect(!same.ok && same.error.code).toBe('pin-unchanged');
  });

  it('counts a wrong current PIN like a wrong sign-in: five lock the name for that source', async () => {
    const { core, signIn } = await setup();
    const lan = await signIn('lan', LAN_PIN, local);
    const asLan = { ...local, token: lan.token };
    const codes: string[] = [];
    for (let i = 0; i < 6; i++) {
      const r = await core.call('staff.changePin', { currentPin: '000000', newPin: '864200' }, asLan);
      codes.push(r.ok ? 'ok' : r.error.code);
    }
    expect(codes).toEqual([
      'wrong-pin',
      'wrong-pin',
      'wrong-pin',
      'wrong-pin',
      'account-locked',
      'account-locked',
    ]);
    const right = await core.call('staff.changePin', { currentPin: LAN_PIN, newPin: '864200' }, asLan);
    expect(!right.ok && right.error.code).toBe('account-locked');
    const signInHere = await core.call('staff.signIn', { user: 'lan', pin: LAN_PIN }, local);
    expect(!signInHere.ok && signInHere.error.code).toBe('account-locked');
  });
});
