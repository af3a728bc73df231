import type Database from 'better-sqlite3';
import { createHash, randomBytes as nodeRandomBytes, timingSafeEqual } from 'node:crypto';
import type { DeviceRecord, DeviceRole, PairedDevice, PairingStart, StaffUser } from '../../../preload/api';
import type { Alerts } from '../alerts';
import type { Audit } from '../audit';
import type { Clock } from '../clock';
import { KioskFailure } from '../errors';
import { createRateLimiter } from '../policy/rate-limit';
import { addressKey } from '../staff/source';
import { pairingAlerts, pairingErrors } from './messages';

/** How long a pairing code is valid. */
export const PAIRING_CODE_MS = 5 * 60_000;
/** Wrong codes one address may type in 5 minutes, whether or not a code is waiting. */
export const PAIRING_TRIES = 5;
/** Wrong codes from all addresses together that void a waiting code: 20 guesses in a million. */
export const PAIRING_TRIES_PER_CODE = 20;
/** Codes waiting to be entered at once (an admin pairing several counter PCs in a row). */
export const MAX_PENDING_CODES = 3;
/** Devices paired and not revoked at once: far above any centre, a bound on the table and the map. */
export const MAX_DEVICES = 200;
/** `last_seen_at` is written at most this often per device, not on every call. */
const SEEN_WRITE_MS = 60_000;

interface Pending {
  code: string;
  role: DeviceRole;
  name: string;
  by: StaffUser;
  expiresAt: number;
  /** Wrong codes typed, from any address, while this one waited. */
  wrong: number;
}

interface Live extends PairedDevice {
  seenWrittenAt: number;
  lastAddress: string | null;
}

export interface Pairing {
  /** An admin asks for a code to enter on a new device; it pairs the device with this role and name. */
  start(by: StaffUser, input: { role: DeviceRole; name: string }): PairingStart;
  /** A device enters a code; it gets its identity and a token (once: only its hash is kept). */
  pair(code: string, from: string | undefined): { device: PairedDevice; token: string };
  /** The device a token belongs to, or null (unknown, revoked). Notes when and where it was seen. */
  authenticate(token: string | undefined, from: string | undefined): PairedDevice | null;
  /** True while the device is paired and not revoked (the events hub asks before each send). */
  isPaired(id: string): boolean;
  list(): DeviceRecord[];
  /** Revokes a device: its token opens nothing, its staff sessions end, its sockets are closed. */
  revoke(by: StaffUser, id: string): DeviceRecord;
  /** Called with a revoked device's id (the events hub closes its sockets). */
  onRevoke(listener: (id: string) => void): () => void;
}

const hashOf = (token: string): string => createHash('sha256').update(token).digest('hex');

/** Six digits, uniform: a byte pair above the last whole multiple of 10^6 is drawn again. */
function sixDigits(random: (n: number) => Buffer): string {
  const limit = Math.floor(0x1_0000_0000 / 1_000_000) * 1_000_000;
  for (let i = 0; i < 100; i++) {
    const n = random(4).readUInt32BE(0);
    if (n < limit) return String(n % 1_000_000).padStart(6, '0');
  }
  throw new Error('random source returned out-of-range values 100 times');
}

const sameCode = (a: string, b: string): boolean =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * Device pairing (issue 16). An admin shows a one-time code on the console; a counter PC, display or
 * other kiosk enters it once and holds a random 256-bit token from then on (an HttpOnly cookie, set by
 * the bridge). Codes live in memory only: a restart voids them, which costs an admin one more tap.
 *
 * Wrong codes are counted twice. Per address: 5 in 5 minutes, then that address waits (so one machine
 * guessing cannot void the code a real device is about to type, and a staff alert names it). Per code:
 * every wrong try from anywhere while it waits counts against it (the caller does not say which code it
 * meant), and 20 void it: a LAN full of addresses gets 20 guesses in a million per code. The answer to a
 * wrong code is the same whether or not a code is waiting, so polling does not show when one appears.
 * Wrong tries while a code waits are audited with their address.
 */
export function createPairing(deps: {
  db: Database.Database;
  clock: Clock;
  audit: Audit;
  alerts: Alerts;
  randomBytes?: (n: number) => Buffer;
}): Pairing {
  const { db, clock, audit, alerts } = deps;
  // Wrong codes per address (IPv6 per /64); bounded like every limiter (oldest address dropped first).
  const guesses = createRateLimiter({ limit: PAIRING_TRIES, windowMs: PAIRING_CODE_MS });
  const random = deps.randomBytes ?? nodeRandomBytes;
  const q = {
    insert: db.prepare(
      `INSERT INTO lan_devices (id, name, role, token_hash, paired_at, paired_by, paired_from, last_seen_at, last_address)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    live: db.prepare(
      `SELECT id, name, role, token_hash AS hash, last_address AS lastAddress
       FROM lan_devices WHERE revoked_at IS NULL`,
    ),
    all: db.prepare(
      `SELECT id, name, role, paired_at AS pairedAt, paired_by AS pairedBy, paired_from AS pairedFrom,
              last_seen_at AS lastSeenAt, last_address AS lastAddress, revoked_at AS revokedAt,
              revoked_by AS revokedBy
       FROM lan_devices ORDER BY revoked_at IS NOT NULL, paired_at DESC, id`,
    ),
    one: db.prepare(
      `SELECT id, name, role, paired_at AS pairedAt, paired_by AS pairedBy, paired_from AS pairedFrom,
              last_seen_at AS lastSeenAt, last_address AS lastAddress, revoked_at AS revokedAt,
              revoked_by AS revokedBy
       FROM lan_devices WHERE id = ?`,
    ),
    seen: db.prepare('UPDATE lan_devices SET last_seen_at = ?, last_address = ? WHERE id = ?'),
    revoke: db.prepare(
      'UPDATE lan_devices SET revoked_at = ?, revoked_by = ? WHERE id = ? AND revoked_at IS NULL',
    ),
    endSessions: db.prepare('DELETE FROM staff_sessions WHERE device_id = ?'),
  };

  // Every live device by its token's hash: a call costs a hash and a map lookup, no query.
  const byHash = new Map<string, Live>();
  for (const row of q.live.all() as (PairedDevice & { hash: string; lastAddress: string | null })[]) {
    byHash.set(row.hash, {
      id: row.id,
      name: row.name,
      role: row.role,
      seenWrittenAt: 0,
      lastAddress: row.lastAddress,
    });
  }
  let pending: Pending[] = [];
  const listeners = new Set<(id: string) => void>();

  const prune = (now: number): void => {
    pending = pending.filter((p) => p.expiresAt > now && p.wrong < PAIRING_TRIES_PER_CODE);
  };

  /** A wrong code from `from`: counted, audited while codes wait, and said to staff when it adds up. */
  function wrongCode(from: string | undefined, now: number): KioskFailure {
    const key = addressKey(from);
    const waiting = pending.length > 0;
    const refused = guesses.take(key, now);
    if (refused > 0) return new KioskFailure(pairingErrors.tooManyTries(refused));
    if (waiting) {
      for (const p of pending) p.wrong++;
      audit.record({ action: 'lan.pairWrong', details: { from: from ?? null } });
      const voided = pending.filter((p) => p.wrong >= PAIRING_TRIES_PER_CODE);
      for (const p of voided) alerts.raise(pairingAlerts.codeVoided(p.name));
      prune(now);
    }
    // The fifth wrong code from one address: staff hear of it (once while the alert is open).
    if (guesses.peek(key, now) > 0) alerts.raise(pairingAlerts.guessing(key), `pairing-guess:${key}`);
    return new KioskFailure(pairingErrors.wrongCode());
  }

  return {
    start(by, input) {
      const now = clock.now().getTime();
      prune(now);
      if (byHash.size >= MAX_DEVICES) throw new KioskFailure(pairingErrors.tooManyDevices(MAX_DEVICES));
      // The oldest code gives way: the admin is making a new one now.
      if (pending.length >= MAX_PENDING_CODES) pending.shift();
      let code = sixDigits(random);
      while (pending.some((p) => p.code === code)) code = sixDigits(random);
      const entry: Pending = {
        code,
        role: input.role,
        name: input.name,
        by,
        expiresAt: now + PAIRING_CODE_MS,
        wrong: 0,
      };
      // Audited by its registration (handlers.ts); `by` is kept as the actor of the pairing it leads to.
      pending.push(entry);
      return {
        code,
        role: entry.role,
        name: entry.name,
        expiresAt: new Date(entry.expiresAt).toISOString(),
        triesLeft: PAIRING_TRIES_PER_CODE,
      };
    },

    pair(code, from) {
      const now = clock.now();
      prune(now.getTime());
      // An address that has used its tries waits, even with the right code in hand.
      const wait = guesses.peek(addressKey(from), now.getTime());
      if (wait > 0) throw new KioskFailure(pairingErrors.tooManyTries(wait));
      const match = pending.find((p) => sameCode(p.code, code));
      if (!match) throw wrongCode(from, now.getTime());
      if (byHash.size >= MAX_DEVICES) throw new KioskFailure(pairingErrors.tooManyDevices(MAX_DEVICES));
      const token = random(32).toString('base64url');
      const hash = hashOf(token);
      let id = `d-${random(5).toString('hex')}`;
      while (q.one.get(id)) id = `d-${random(5).toString('hex')}`;
      const at = now.toISOString();
      q.insert.run(id, match.name, match.role, hash, at, match.by.user, from ?? null, at, from ?? null);
      // Used only once the device is stored: a failed insert leaves the code for another try.
      pending = pending.filter((p) => p !== match);
      byHash.set(hash, {
        id,
        name: match.name,
        role: match.role,
        seenWrittenAt: now.getTime(),
        lastAddress: from ?? null,
      });
      audit.record({
        actorId: match.by.id,
        actor: match.by.user,
        action: 'lan.pair',
        targetType: 'device',
        targetId: id,
        details: { role: match.role, name: match.name, from: from ?? null },
      });
      return { device: { id, name: match.name, role: match.role }, token };
    },

    authenticate(token, from) {
      // A token is 43 characters; anything much longer is not worth hashing.
      if (!token || token.length > 128) return null;
      const device = byHash.get(hashOf(token));
      if (!device) return null;
      const now = clock.now().getTime();
      if (now - device.seenWrittenAt >= SEEN_WRITE_MS || (from ?? null) !== device.lastAddress) {
        device.seenWrittenAt = now;
        device.lastAddress = from ?? null;
        q.seen.run(new Date(now).toISOString(), device.lastAddress, device.id);
      }
      return { id: device.id, name: device.name, role: device.role };
    },

    isPaired: (id) => [...byHash.values()].some((d) => d.id === id),

    list: () => q.all.all() as DeviceRecord[],

    revoke(by, id) {
      const at = clock.now().toISOString();
      const ended = db.transaction(() => {
        if (q.revoke.run(at, by.user, id).changes === 0) return null;
        return q.endSessions.run(id).changes;
      })();
      if (ended === null) throw new KioskFailure(pairingErrors.unknownDevice());
      for (const [hash, device] of byHash) if (device.id === id) byHash.delete(hash);
      audit.record({
        actorId: by.id,
        actor: by.user,
        action: 'lan.revokeDevice',
        targetType: 'device',
        targetId: id,
        details: { sessionsEnded: ended },
      });
      for (const listener of listeners) listener(id);
      return q.one.get(id) as DeviceRecord;
    },

    onRevoke(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
