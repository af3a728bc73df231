import { isIP } from 'node:net';
import type { CallContext } from '../types';

/**
 * Where a sign-in attempt comes from, as the throttle (staff/throttle.ts) counts it.
 *
 * - The kiosk itself (IPC, or the bridge over loopback): key `local`. It has its own bucket and is never
 *   held by the per-name LAN limit, so whatever happens on the LAN, the staff member standing at the
 *   kiosk can still sign in.
 * - Anyone else: one bucket per address, and every address also counts toward, and is held by, the
 *   per-name limit shared by the whole LAN. An IPv6 host picks any address in its /64 at will, so IPv6
 *   is counted per /64.
 *
 * - A paired device (main/core/pairing): key `pc:<device id>`, a bucket of its own outside the shared LAN
 *   limit, and the session it opens belongs to that device. Only paired devices reach sign-in from the
 *   LAN at all; an address is the key left for callers that reach the core without the bridge's pairing
 *   (tests of the throttle itself).
 */
export interface SignInSource {
  /** The throttle's bucket key beside the user name. */
  key: string;
  /** Counts toward, and is held by, the per-name limit shared by every LAN address. */
  lan: boolean;
  /** The paired device signing in (its sessions work only from it); null for the kiosk's own window. */
  deviceId: string | null;
}

export const LOCAL_SOURCE: SignInSource = { key: 'local', lan: false, deviceId: null };

export function signInSource(
  ctx: Pick<CallContext, 'local' | 'client'> & { device?: { id: string } | undefined },
): SignInSource {
  if (ctx.local) return LOCAL_SOURCE;
  if (ctx.device) return { key: `pc:${ctx.device.id}`, lan: false, deviceId: ctx.device.id };
  return { key: addressKey(ctx.client), lan: true, deviceId: null };
}

/** `::ffff:192.168.1.5` and `192.168.1.5` are one caller; an IPv6 address counts by its /64. */
export function addressKey(address: string | undefined): string {
  if (!address) return 'unknown';
  const bare = address.split('%')[0]?.toLowerCase() ?? '';
  const v4 = bare.startsWith('::ffff:') ? bare.slice(7) : bare;
  if (isIP(v4) === 4) return v4;
  if (isIP(bare) !== 6) return bare;
  const groups = expandIpv6(bare);
  return groups ? `${groups.slice(0, 4).join(':')}::/64` : bare;
}

/** The eight groups of an IPv6 address (without leading zeros), or null when it does not parse. */
function expandIpv6(address: string): string[] | null {
  const halves = address.split('::');
  if (halves.length > 2) return null;
  const part = (s: string | undefined): string[] =>
    !s ? [] : s.split(':').flatMap((g) => (g.includes('.') ? ['0', '0'] : [g])); // a dotted tail is two groups
  const head = part(halves[0]);
  const tail = halves.length === 2 ? part(halves[1]) : [];
  const fill = halves.length === 2 ? 8 - head.length - tail.length : 0;
  if (fill < 0) return null;
  const groups = [...head, ...Array<string>(fill).fill('0'), ...tail];
  if (groups.length !== 8) return null;
  return groups.map((g) => Number.parseInt(g, 16).toString(16));
}
