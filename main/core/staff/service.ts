import type Database from 'better-sqlite3';
import { createHash, randomBytes as nodeRandomBytes } from 'node:crypto';
import { PinSchema, type Role, type Session, type StaffUser } from '../../../preload/api';
import type { Audit } from '../audit';
import type { Clock } from '../clock';
import { KioskFailure, commonErrors } from '../errors';
import { createLogger } from '../log';
import { staffErrors } from './messages';
import { DEFAULT_PARAMS, hashPin, verifyPin, type ScryptParams } from './pin';

const log = createLogger('staff');

export const MAX_FAILED_ATTEMPTS = 5;
export const LOCKOUT_MS = 5 * 60_000;
export const ADMIN_USER = 'admin';

export interface StaffOptions {
  clock: Clock;
  audit: Audit;
  sessionMinutes: number;
  randomBytes?: (n: number) => Buffer;
  /** Tests lower the scrypt cost; production keeps the default. */
  scrypt?: ScryptParams;
}

export interface Authenticated {
  user: StaffUser;
  expiresAt: string;
}

interface UserRow {
  id: number;
  user: string;
  displayName: string;
  role: Role;
  pinHash: string;
  failedAttempts: number;
  lockedUntil: string | null;
  disabledAt: string | null;
}

const columnsOf = (t: string): string =>
  `${t}.id, ${t}.user, ${t}.display_name AS displayName, ${t}.role, ${t}.pin_hash AS pinHash,
   ${t}.failed_attempts AS failedAttempts, ${t}.locked_until AS lockedUntil, ${t}.disabled_at AS disabledAt`;

const publicUser = (r: Pick<UserRow, 'id' | 'user' | 'displayName' | 'role'>): StaffUser => ({
  id: r.id,
  user: r.user,
  displayName: r.displayName,
  role: r.role,
});

const tokenHash = (token: string): string => createHash('sha256').update(token).digest('hex');

/** Staff accounts, PIN sign-in with lockout, and sessions that expire after inactivity. */
export function createStaff(db: Database.Database, options: StaffOptions) {
  const { clock, audit } = options;
  const random = options.randomBytes ?? nodeRandomBytes;
  const params = options.scrypt ?? DEFAULT_PARAMS;
  const sessionMs = options.sessionMinutes * 60_000;
  let dummyHash: Promise<string> | undefined;

  const q = {
    count: db.prepare('SELECT COUNT(*) FROM staff_users').pluck(),
    byName: db.prepare(`SELECT ${columnsOf('u')} FROM staff_users u WHERE u.user = ?`),
    insert: db.prepare(
      `INSERT INTO staff_users (user, display_name, role, pin_hash, created_at) VALUES (?, ?, ?, ?, ?)`,
    ),
    fail: db.prepare(
      'UPDATE staff_users SET failed_attempts = failed_attempts + 1 WHERE id = ? RETURNING failed_attempts',
    ),
    lock: db.prepare('UPDATE staff_users SET failed_attempts = 0, locked_until = ? WHERE id = ?'),
    reset: db.prepare('UPDATE staff_users SET failed_attempts = 0, locked_until = NULL WHERE id = ?'),
    insertSession: db.prepare(
      `INSERT INTO staff_sessions (token_hash, user_id, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?)`,
    ),
    session: db.prepare(
      `SELECT s.expires_at AS expiresAt, ${columnsOf('u')}
       FROM staff_sessions s JOIN staff_users u ON u.id = s.user_id WHERE s.token_hash = ?`,
    ),
    touch: db.prepare('UPDATE staff_sessions SET last_seen_at = ?, expires_at = ? WHERE token_hash = ?'),
    deleteSession: db.prepare('DELETE FROM staff_sessions WHERE token_hash = ?'),
    purge: db.prepare('DELETE FROM staff_sessions WHERE expires_at <= ?'),
  };

  const findUser = (user: string): UserRow | undefined => q.byName.get(user) as UserRow | undefined;

  function startSession(row: UserRow): Session {
    const now = clock.now();
    const token = random(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + sessionMs).toISOString();
    q.purge.run(now.toISOString());
    q.insertSession.run(tokenHash(token), row.id, now.toISOString(), now.toISOString(), expiresAt);
    return { token, user: publicUser(row), expiresAt };
  }

  async function createAccount(input: { user: string; displayName: string; role: Role; pin: string }) {
    const hash = await hashPin(input.pin, { params, randomBytes: random });
    // The existence check and the insert share one synchronous transaction: no await in between.
    return db.transaction(() => {
      if (findUser(input.user)) throw new KioskFailure(staffErrors.userExists());
      const info = q.insert.run(input.user, input.displayName, input.role, hash, clock.now().toISOString());
      return Number(info.lastInsertRowid);
    })();
  }

  return {
    needsAdminSetup(): boolean {
      return (q.count.get() as number) === 0;
    },

    /** KIOSK_ADMIN_PIN: creates user `admin` on the very first start only; later starts ignore it. */
    async seedAdmin(pin: string): Promise<boolean> {
      if ((q.count.get() as number) > 0) return false;
      if (!PinSchema.safeParse(pin).success) throw new KioskFailure(staffErrors.badSeedPin());
      const id = await createAccount({ user: ADMIN_USER, displayName: 'Quản trị viên', role: 'admin', pin });
      audit.record({
        action: 'staff.seedAdmin',
        targetType: 'staff',
        targetId: id,
        details: { source: 'env' },
      });
      log.info('first admin created from KIOSK_ADMIN_PIN');
      return true;
    },

    async setupAdmin(input: { displayName: string; pin: string }): Promise<Session> {
      if ((q.count.get() as number) > 0) throw new KioskFailure(staffErrors.setupDone());
      const hash = await hashPin(input.pin, { params, randomBytes: random });
      const id = db.transaction(() => {
        // Re-checked inside the transaction: two screens racing to set up get one admin, not two.
        if ((q.count.get() as number) > 0) throw new KioskFailure(staffErrors.setupDone());
        return Number(
          q.insert.run(ADMIN_USER, input.displayName, 'admin', hash, clock.now().toISOString())
            .lastInsertRowid,
        );
      })();
      audit.record({
        actorId: id,
        actor: ADMIN_USER,
        action: 'staff.setupAdmin',
        targetType: 'staff',
        targetId: id,
      });
      const row = findUser(ADMIN_USER);
      if (!row) throw new Error('admin vanished after insert');
      return startSession(row);
    },

    async signIn(input: { user: string; pin: string }): Promise<Session> {
      const row = findUser(input.user);
      const now = clock.now();
      if (!row || row.disabledAt) {
        // Spend the same time as a real check so response times do not reveal which user names exist.
        dummyHash ??= hashPin('000000', { params, randomBytes: random });
        await verifyPin(input.pin, await dummyHash);
        audit.record({
          actor: input.user,
          action: 'staff.signIn.failed',
          details: { reason: 'unknown-user' },
        });
        throw new KioskFailure(staffErrors.wrongCredentials());
      }
      if (row.lockedUntil && Date.parse(row.lockedUntil) > now.getTime()) {
        const minutes = Math.ceil((Date.parse(row.lockedUntil) - now.getTime()) / 60_000);
        audit.record({
          actorId: row.id,
          actor: row.user,
          action: 'staff.signIn.refused',
          details: { reason: 'locked' },
        });
        throw new KioskFailure(staffErrors.locked(minutes));
      }
      if (!(await verifyPin(input.pin, row.pinHash))) {
        const failed = (q.fail.get(row.id) as { failed_attempts: number }).failed_attempts;
        if (failed >= MAX_FAILED_ATTEMPTS) {
          q.lock.run(new Date(clock.now().getTime() + LOCKOUT_MS).toISOString(), row.id);
          audit.record({ actorId: row.id, actor: row.user, action: 'staff.locked', details: { failed } });
          log.warn('staff account locked after wrong PINs', { userId: row.id });
          throw new KioskFailure(staffErrors.locked(LOCKOUT_MS / 60_000));
        }
        audit.record({
          actorId: row.id,
          actor: row.user,
          action: 'staff.signIn.failed',
          details: { failed },
        });
        throw new KioskFailure(staffErrors.wrongCredentials(MAX_FAILED_ATTEMPTS - failed));
      }
      q.reset.run(row.id);
      const session = startSession(row);
      audit.record({ actorId: row.id, actor: row.user, action: 'staff.signIn' });
      return session;
    },

    /** Resolves a token to its user and slides the inactivity window; throws unauthorized/expired. */
    authenticate(token: string | undefined): Authenticated {
      if (!token) throw new KioskFailure(commonErrors.unauthorized());
      const hash = tokenHash(token);
      const row = q.session.get(hash) as (UserRow & { expiresAt: string }) | undefined;
      if (!row || row.disabledAt) throw new KioskFailure(commonErrors.unauthorized());
      const now = clock.now();
      if (Date.parse(row.expiresAt) <= now.getTime()) {
        q.deleteSession.run(hash);
        throw new KioskFailure(commonErrors.sessionExpired());
      }
      const expiresAt = new Date(now.getTime() + sessionMs).toISOString();
      q.touch.run(now.toISOString(), expiresAt, hash);
      return { user: publicUser(row), expiresAt };
    },

    isSessionValid(token: string | undefined): boolean {
      if (!token) return false;
      const row = q.session.get(tokenHash(token)) as (UserRow & { expiresAt: string }) | undefined;
      return !!row && !row.disabledAt && Date.parse(row.expiresAt) > clock.now().getTime();
    },

    signOut(token: string, by: StaffUser): void {
      q.deleteSession.run(tokenHash(token));
      audit.record({ actorId: by.id, actor: by.user, action: 'staff.signOut' });
    },

    async createUser(
      by: StaffUser,
      input: { user: string; displayName: string; role: Role; pin: string },
    ): Promise<StaffUser> {
      const id = await createAccount(input);
      audit.record({
        actorId: by.id,
        actor: by.user,
        action: 'staff.createUser',
        targetType: 'staff',
        targetId: id,
        details: { role: input.role },
      });
      return { id, user: input.user, displayName: input.displayName, role: input.role };
    },
  };
}

export type Staff = ReturnType<typeof createStaff>;
