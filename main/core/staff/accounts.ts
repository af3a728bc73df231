import type Database from 'better-sqlite3';
import type { Role, StaffAccount, StaffUser } from '../../../preload/api';
import type { Audit } from '../audit';
import type { Clock } from '../clock';
import { KioskFailure } from '../errors';
import { staffErrors } from './messages';
import type { Lock, Throttle } from './throttle';

interface AccountRow {
  id: number;
  user: string;
  displayName: string;
  role: Role;
  disabledAt: string | null;
  createdAt: string;
  lastSignInAt: string | null;
}

const COLUMNS = `id, user, display_name AS displayName, role, disabled_at AS disabledAt,
  created_at AS createdAt, last_sign_in_at AS lastSignInAt`;

function account(row: AccountRow, locks: (Lock & { device?: string })[]): StaffAccount {
  return {
    id: row.id,
    user: row.user,
    displayName: row.displayName,
    role: row.role,
    disabled: row.disabledAt !== null,
    lockedUntil: locks.reduce<string | null>(
      (max, l) => (max === null || l.until > max ? l.until : max),
      null,
    ),
    locks,
    lastSignInAt: row.lastSignInAt,
    createdAt: row.createdAt,
  };
}

/**
 * What an admin does to accounts: list them, disable and enable, set a PIN, lift sign-in locks. Each
 * change is one audit row naming the admin. Two rules keep the kiosk manageable: the last enabled admin
 * cannot be disabled, and nobody lifts their own lock or sets their own PIN here (that takes the current
 * PIN, `staff.changePin`).
 */
export function createAccounts(
  db: Database.Database,
  deps: { clock: Clock; audit: Audit; throttle: Throttle; hashPin: (pin: string) => Promise<string> },
) {
  const { clock, audit, throttle } = deps;
  const q = {
    list: db.prepare(`SELECT ${COLUMNS} FROM staff_users ORDER BY user`),
    byId: db.prepare(`SELECT ${COLUMNS} FROM staff_users WHERE id = ?`),
    enabledAdmins: db
      .prepare("SELECT COUNT(*) FROM staff_users WHERE role = 'admin' AND disabled_at IS NULL")
      .pluck(),
    disable: db.prepare('UPDATE staff_users SET disabled_at = ? WHERE id = ? AND disabled_at IS NULL'),
    enable: db.prepare('UPDATE staff_users SET disabled_at = NULL WHERE id = ? AND disabled_at IS NOT NULL'),
    setPin: db.prepare('UPDATE staff_users SET pin_hash = ? WHERE id = ?'),
    endSessions: db.prepare('DELETE FROM staff_sessions WHERE user_id = ?'),
    deviceName: db.prepare('SELECT name FROM lan_devices WHERE id = ?').pluck(),
  };
  /** A lock on a paired device (`pc:<id>`) carries the device's name, which is what an admin knows it by. */
  const named = (locks: Lock[]): (Lock & { device?: string })[] =>
    locks.map((lock) => {
      if (!lock.source.startsWith('pc:')) return lock;
      const name = q.deviceName.get(lock.source.slice(3)) as string | undefined;
      return name === undefined ? lock : { ...lock, device: name };
    });

  const now = (): number => clock.now().getTime();
  const find = (userId: number): AccountRow => {
    const row = q.byId.get(userId) as AccountRow | undefined;
    if (!row) throw new KioskFailure(staffErrors.userNotFound());
    return row;
  };
  const view = (userId: number): StaffAccount => {
    const row = find(userId);
    return account(row, named(throttle.locks(now()).get(row.user) ?? []));
  };
  const record = (by: StaffUser, action: string, target: AccountRow, details?: Record<string, unknown>) =>
    audit.record({
      actorId: by.id,
      actor: by.user,
      action,
      targetType: 'staff',
      targetId: target.id,
      details: { user: target.user, ...details },
    });

  return {
    users(): StaffAccount[] {
      const locks = throttle.locks(now());
      return (q.list.all() as AccountRow[]).map((row) => account(row, named(locks.get(row.user) ?? [])));
    },

    /** Disables an account and ends its sessions at once; refuses the last enabled admin. */
    disableUser(by: StaffUser, userId: number): StaffAccount {
      db.transaction(() => {
        const row = find(userId);
        if (row.disabledAt !== null) return;
        if (row.role === 'admin' && (q.enabledAdmins.get() as number) <= 1)
          throw new KioskFailure(staffErrors.lastAdmin());
        q.disable.run(new Date(now()).toISOString(), userId);
        const ended = q.endSessions.run(userId).changes;
        record(by, 'staff.disableUser', row, { sessionsEnded: ended });
      })();
      return view(userId);
    },

    enableUser(by: StaffUser, userId: number): StaffAccount {
      db.transaction(() => {
        const row = find(userId);
        if (q.enable.run(userId).changes > 0) record(by, 'staff.enableUser', row);
      })();
      return view(userId);
    },

    /**
     * An admin sets another user's PIN (they forgot it): their sessions end, and their sign-in locks are
     * lifted, since they will now sign in with the PIN they were just given.
     */
    async resetPin(by: StaffUser, userId: number, pin: string): Promise<StaffAccount> {
      if (find(userId).id === by.id) throw new KioskFailure(staffErrors.selfReset());
      const hash = await deps.hashPin(pin);
      db.transaction(() => {
        const row = find(userId);
        q.setPin.run(hash, userId);
        const ended = q.endSessions.run(userId).changes;
        const cleared = throttle.clear(row.user);
        record(by, 'staff.resetPin', row, { sessionsEnded: ended, locksCleared: cleared });
      })();
      return view(userId);
    },

    /** Lifts every sign-in lock and count of another user's name (from the kiosk, the LAN, each address). */
    unlockUser(by: StaffUser, userId: number): StaffAccount {
      db.transaction(() => {
        const row = find(userId);
        if (row.id === by.id) throw new KioskFailure(staffErrors.selfUnlock());
        const cleared = throttle.clear(row.user);
        record(by, 'staff.unlockUser', row, { rowsCleared: cleared });
      })();
      return view(userId);
    },
  };
}
