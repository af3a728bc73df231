import type { Access, DeviceRole, KioskError } from '../../../preload/api';
import { commonErrors } from '../errors';
import { pairingErrors } from '../pairing/messages';

/**
 * Who is calling, as the access rules see it: the kiosk's own window (IPC, or the bridge over loopback),
 * a device paired over the LAN with its role, or an unpaired LAN client.
 */
export type Caller = { kind: 'window' } | { kind: 'device'; role: DeviceRole } | { kind: 'unpaired' };

/**
 * Whether a caller may call a method of this access, before any staff session is checked; null when it
 * may, else the error it gets. Pure, and the whole of the rule (test/unit/policy/callers.test.ts):
 *
 * | access    | window | kiosk | counter          | display | unpaired |
 * | --------- | ------ | ----- | ---------------- | ------- | -------- |
 * | `anyone`  | yes    | yes   | yes              | yes     | yes      |
 * | `read`    | yes    | yes   | yes              | yes     | no       |
 * | `signin`  | yes    | yes   | yes              | no      | no       |
 * | `citizen` | yes    | yes   | with staff       | no      | no       |
 * | `local`   | yes    | no    | no               | no      | no       |
 * | `staff`   | yes    | yes   | yes              | no      | no       |
 *
 * (`staff` and `admin` then need a staff session signed in on that same device.)
 */
export function refusalFor(access: Access, caller: Caller, hasStaff: boolean): KioskError | null {
  if (access === 'anyone') return null;
  if (caller.kind === 'unpaired') return pairingErrors.notPaired();
  if (access === 'local') return caller.kind === 'window' ? null : commonErrors.localOnly();
  if (caller.kind === 'window') return null;
  if (access === 'read') return null;
  if (caller.role === 'display') return pairingErrors.displayOnly();
  if (access === 'citizen' && caller.role === 'counter' && !hasStaff) return commonErrors.unauthorized();
  return null;
}
