import type Database from 'better-sqlite3';
import { createHash, randomBytes as nodeRandomBytes } from 'node:crypto';
import { PinSchema, type Role, type Session, type StaffUser } from '../../../preload/api';
import type { Audit } from '../audit';
import type { Clock } from '../clock';
import { KioskFailure, commonErrors } from '../errors';
import { createLogger } from '../log';
import { createAccounts } from './accounts';
import { staffErrors } from './messages';
import { DEFAULT_PARAMS, hashPin, verifyPin, type ScryptParams } from './pin';
import { createKeyedSerial } from './serial';
import { LOCAL_SOURCE, type SignInSource } from './source';
import { DEFAULT_THROTTLE, createThrottle, type Reservation, type ThrottlePolicy } from './throttle';

const log = createLogger('staff');

export const ADMIN_USER = 'admin';
/** Sign-ins waiting on one (name, source), and (name, source) pairs signing in at once, before "busy". */
const SERIAL_LIMITS = { maxPerKey: 64, maxKeys: 512 };
/** Sign-ins one LAN source may have waiting or running at once, across every name. */
export const PER_SOURCE_IN_FLIGHT = 4;

export interface StaffOptions {
  clock: Clock;
  audit: Audit;
  sessionMinutes: number;
  /** A session ends this long after sign-in, however active (staffSessionMaxHours). */
  sessionMaxHours: number;
  randomBytes?: (n: number) => Buffer;
  /** Tests lower the scrypt cost; production keeps the default. */
  scrypt?: ScryptParams;
  throttle?: ThrottlePolicy;
  /**
   * The data folder shows this kiosk was used before (its database was lost or moved aside as damaged):
   * with no account left, the first admin is not created from the screen, where anyone in the hall could
   * do it, but only from KIOSK_ADMIN_PIN.
   */
  setupLocked?: boolean;
  /** Tests count PIN checks through this; production checks with scrypt (pin.ts). */
  verifyPin?: (pin: string, stored: string) => Promise<boolean>;
}

export interface Authenticated {
  user: StaffUser;
  expiresAt: string;
}

export interface UserRow {
  id: number;
  user: string;
  displayName: string;
  role: Role;
  pinHash: string;
  disabledAt: string | null;
}

type SessionRow = UserRow & { expiresAt: string; endsAt: string | null; deviceId: string | null };

const columnsOf = (t: string): string =>
  `${t}.id, ${t}.user, ${t}.display_name AS displayName, ${t}.role, ${t}.pin_hash AS pinHash,
   ${t}.disabled_at AS disabledAt`;

export const publicUser = (r: Pick<UserRow, 'id' | 'user' | 'displayName' | 'role'>): StaffUser => ({
  id: r.id,
  user: r.user,
  displayName: r.displayName,
  role: r.role,
});

export const tokenHash = (token: string): string => createHash('sha256').update(token).digest('hex');

/** User names arrive normalised by the contract (UserNameSchema); done again so no caller can skip it. */
const normalName = (user: string): string => user.trim().toLowerCase();

/**
 * Staff accounts, PIN sign-in behind the throttle (staff/throttle.ts), and sessions that end after
 * inactivity (`sessionMinutes`) or at a fixed time after sign-in (`sessionMaxHours`), whichever is first.
 */
export function createStaff(db: Database.Database, options: StaffOptions) {
  const { clock, audit } = options;
  const random = options.randomBytes ?? nodeRandomBytes;
  const params = options.scrypt ?? DEFAULT_PARAMS;
  const verify = options.verifyPin ?? verifyPin;
  const sessionMs = options.sessionMinutes * 60_000;
  const lifetimeMs = options.sessionMaxHours * 3_600_000;
  const throttle = createThrottle(db, options.throttle ?? DEFAULT_THROTTLE);
  // One attempt at a time per (name, source): each sees the count the one before it left.
  // The kiosk itself queues apart from the LAN, so a LAN flood never makes its sign-in "busy".
  const serial = { lan: createKeyedSerial(SERIAL_LIMITS), own: createKeyedSerial(SERIAL_LIMITS) };
  // Sign-ins one LAN source (an address, a paired device) has waiting or running, whatever the names: a
  // few, so one machine cannot hold every PIN-checking thread.
  const inFlight = new Map<string, number>();
  // A name with no account is checked against this, so it costs the same time as a real one. The PIN is
  // not digits, so it matches nothing anyone can send.
  const dummyHash = hashPin('not-a-pin', { params, randomBytes: random });
  dummyHash.catch(() => undefined);

  const q = {
    count: db.prepare('SELECT COUNT(*) FROM staff_users').pluck(),
    byName: db.prepare(`SELECT ${columnsOf('u')} FROM staff_users u WHERE u.user = ?`),
    insert: db.prepare(
      `INSERT INTO staff_users (user, display_name, role, pin_hash, created_at) VALUES (?, ?, ?, ?, ?)`,
    ),
    signedIn: db.prepare('UPDATE staff_users SET last_sign_in_at = ? WHERE id = ?'),
    setPin: db.prepare('UPDATE staff_users SET pin_hash = ? WHERE id = ?'),
    insertSession: db.prepare(
      `INSERT INTO staff_sessions (token_hash, user_id, created_at, last_seen_at, expires_at, ends_at, device_id)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    session: db.prepare(
      `SELECT s.expires_at AS expiresAt, s.ends_at AS endsAt, s.device_id AS deviceId, ${columnsOf('u')}
       FROM staff_sessions s JOIN staff_users u ON u.id = s.user_id WHERE s.token_hash = ?`,
    ),
    touch: db.prepare('UPDATE staff_sessions SET last_seen_at = ?, expires_at = ? WHERE token_hash = ?'),
    deleteSession: db.prepare('DELETE FROM staff_sessions WHERE token_hash = ?'),
    othersOf: db.prepare('DELETE FROM staff_sessions WHERE user_id = ? AND token_hash <> ?'),
    purge: db.prepare('DELETE FROM staff_sessions WHERE expires_at <= ?'),
  };

  const findUser = (user: string): UserRow | undefined => q.byName.get(user) as UserRow | undefined;

  /** `deviceId`: the paired device signing in, null for the kiosk's own window. */
  function startSession(row: UserRow, deviceId: string | null): Session {
    const now = clock.now();
    const token = random(32).toString('base64url');
    const endsAt = now.getTime() + lifetimeMs;
    const expiresAt = new Date(Math.min(now.getTime() + sessionMs, endsAt)).toISOString();
    q.purge.run(now.toISOString());
    q.insertSession.run(
      tokenHash(token),
      row.id,
      now.toISOString(),
      now.toISOString(),
      expiresAt,
      new Date(endsAt).toISOString(),
      deviceId,
    );
    q.signedIn.run(now.toISOString(), row.id);
    return { token, user: publicUser(row), expiresAt };
  }

  /** A session row is live until the earlier of its idle expiry and its absolute end. */
  const live = (row: { expiresAt: string; endsAt: string | null }, now: number): boolean =>
    Date.parse(row.expiresAt) > now && row.endsAt !== null && Date.parse(row.endsAt) > now;

  async function createAccount(input: { user: string; displayName: string; role: Role; pin: string }) {
    const hash = await hashPin(input.pin, { params, randomBytes: random });
    // The existence check and the insert share one synchronous transaction: no await in between.
    return db.transaction(() => {
      if (findUser(input.user)) throw new KioskFailure(staffErrors.userExists());
      const info = q.insert.run(input.user, input.displayName, input.role, hash, clock.now().toISOString());
      // Failures typed against this name before it was an account must not lock the new account.
      throttle.clear(input.user);
      return Number(info.lastInsertRowid);
    })();
  }

  /**
   * Checks a PIN behind the throttle; the same steps whether or not `name` is an account (or a disabled
   * one), so neither the answer nor its timing tells. Resolves to the account; throws the refusal.
   */
  async function checkPin(
    name: string,
    pin: string,
    source: SignInSource,
    action: string,
    wrong: (triesLeft: number) => ReturnType<typeof staffErrors.wrongCredentials>,
  ): Promise<UserRow> {
    // Counted before the PIN is checked: parallel attempts cannot all slip in under the limit.
    const reservation: Reservation = throttle.reserve(name, source, clock.now().getTime());
    const row = findUser(name);
    const account = row && !row.disabledAt ? row : undefined;
    const actor = { actorId: row?.id ?? null, actor: name };
    if (reservation.kind === 'locked') {
      audit.record({
        ...actor,
        action: `${action}.refused`,
        details: { reason: 'locked', source: source.key },
      });
      throw new KioskFailure(
        reservation.lan
          ? staffErrors.lockedLan(reservation.minutes)
          : staffErrors.locked(reservation.minutes),
      );
    }
    const stored = account?.pinHash ?? (await dummyHash);
    if ((await verify(pin, stored)) && account) {
      throttle.succeeded(name, source, reservation, clock.now().getTime());
      return account;
    }
    audit.record({
      ...actor,
      action: `${action}.failed`,
      details: { reason: account ? 'wrong-pin' : row ? 'disabled' : 'unknown-user', source: source.key },
    });
    if (reservation.lockedMinutes !== null) {
      audit.record({
        ...actor,
        action: 'staff.locked',
        details: { source: source.key, lan: reservation.lockedLan, minutes: reservation.lockedMinutes },
      });
      log.warn('sign-in locked after wrong PINs', {
        lan: reservation.lockedLan,
        minutes: reservation.lockedMinutes,
      });
      throw new KioskFailure(
        reservation.lockedLan
          ? staffErrors.lockedLan(reservation.lockedMinutes)
          : staffErrors.locked(reservation.lockedMinutes),
      );
    }
    throw new KioskFailure(wrong(reservation.triesLeft));
  }

  /** Runs `task` after every earlier attempt on the same (name, source); "busy" when too many wait. */
  function serialised<T>(name: string, source: SignInSource, task: () => Promise<T>): Promise<T> {
    // The kiosk's own window queues apart from everyone on the LAN, paired devices included: a device
    // flooding made-up names must never make sign-in at the kiosk itself "busy".
    const own = source.key === LOCAL_SOURCE.key;
    const mine = inFlight.get(source.key) ?? 0;
    if (!own && mine >= PER_SOURCE_IN_FLIGHT) throw new KioskFailure(staffErrors.signInBusy());
    const queued = (own ? serial.own : serial.lan).run(`${name}\n${source.key}`, task);
    if (!queued) throw new KioskFailure(staffErrors.signInBusy());
    if (!own) {
      inFlight.set(source.key, mine + 1);
      const done = (): void => {
        const left = (inFlight.get(source.key) ?? 1) - 1;
        if (left > 0) inFlight.set(source.key, left);
        else inFlight.delete(source.key);
      };
      queued.then(done, done);
    }
    return queued;
  }

  const accounts = createAccounts(db, {
    clock,
    audit,
    throttle,
    hashPin: (pin) => hashPin(pin, { params, randomBytes: random }),
  });

  return {
    ...accounts,

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
      if (options.setupLocked) throw new KioskFailure(staffErrors.setupLocked());
      const hash = await hashPin(input.pin, { params, randomBytes: random });
      db.transaction(() => {
        // Re-checked inside the transaction: two screens racing to set up get one admin, not two.
        if ((q.count.get() as number) > 0) throw new KioskFailure(staffErrors.setupDone());
        q.insert.run(ADMIN_USER, input.displayName, 'admin', hash, clock.now().toISOString());
      })();
      // Audited by its registration (handlers.ts), as are signIn, signOut and createUser.
      const row = findUser(ADMIN_USER);
      if (!row) throw new Error('admin vanished after insert');
      return startSession(row, null);
    },

    /** `source` is where the attempt comes from (staff/source.ts): the throttle counts per source. */
    async signIn(input: { user: string; pin: string }, source: SignInSource): Promise<Session> {
      const name = normalName(input.user);
      return serialised(name, source, async () => {
        const row = await checkPin(name, input.pin, source, 'staff.signIn', staffErrors.wrongCredentials);
        return startSession(row, source.deviceId);
      });
    },

    /**
     * A staff member changes their own PIN with the current one, counted by the sign-in throttle (a stolen
     * session must not become a way to guess the PIN). Their other sessions end; this one stays.
     */
    async changePin(
      by: StaffUser,
      token: string,
      input: { currentPin: string; newPin: string },
      source: SignInSource,
    ): Promise<void> {
      const name = normalName(by.user);
      await serialised(name, source, async () => {
        const row = await checkPin(
          name,
          input.currentPin,
          source,
          'staff.changePin',
          staffErrors.wrongCurrentPin,
        );
        // The current PIN was just checked, so comparing the strings is enough.
        if (input.newPin === input.currentPin) throw new KioskFailure(staffErrors.pinUnchanged());
        const hash = await hashPin(input.newPin, { params, randomBytes: random });
        const ended = db.transaction(() => {
          q.setPin.run(hash, row.id);
          return q.othersOf.run(row.id, tokenHash(token)).changes;
        })();
        audit.record({
          actorId: row.id,
          actor: row.user,
          action: 'staff.changePin',
          targetType: 'staff',
          targetId: row.id,
          details: { sessionsEnded: ended },
        });
      });
    },

    /**
     * Resolves a token to its user and slides the inactivity window; throws unauthorized/expired. A
     * session works only from the device it was signed in on (`deviceId` null: the kiosk's own window):
     * a token copied off a counter PC opens nothing from another machine.
     */
    authenticate(token: string | undefined, deviceId: string | null): Authenticated {
      if (!token) throw new KioskFailure(commonErrors.unauthorized());
      const hash = tokenHash(token);
      const row = q.session.get(hash) as SessionRow | undefined;
      if (!row || row.disabledAt || row.deviceId !== deviceId)
        throw new KioskFailure(commonErrors.unauthorized());
      const now = clock.now().getTime();
      if (!live(row, now)) {
        q.deleteSession.run(hash);
        throw new KioskFailure(commonErrors.sessionExpired());
      }
      // Slides, but never past the session's absolute end.
      const expiresAt = new Date(Math.min(now + sessionMs, Date.parse(row.endsAt ?? ''))).toISOString();
      q.touch.run(new Date(now).toISOString(), expiresAt, hash);
      return { user: publicUser(row), expiresAt };
    },

    isSessionValid(token: string | undefined, deviceId: string | null): boolean {
      if (!token) return false;
      const row = q.session.get(tokenHash(token)) as SessionRow | undefined;
      return !!row && !row.disabledAt && row.deviceId === deviceId && live(row, clock.now().getTime());
    },

    signOut(token: string): void {
      q.deleteSession.run(tokenHash(token));
    },

    async createUser(input: {
      user: string;
      displayName: string;
      role: Role;
      pin: string;
    }): Promise<StaffUser> {
      const id = await createAccount(input);
      return { id, user: input.user, displayName: input.displayName, role: input.role };
    },
  };
}

export type Staff = ReturnType<typeof createStaff>;
