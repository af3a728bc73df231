/**
 * Contract shapes for devices paired over the LAN: counter PCs, waiting-room displays and other kiosks.
 * Also the LAN certificate an admin checks when setting a counter PC up. Rules as in base.ts.
 */
import { z } from 'zod';
import { Empty, method, type MethodTable } from './base';

/**
 * What a paired device may do (main/core/policy/callers.ts):
 * - `counter`: a counter PC. Reads the board, signs staff in; with staff signed in, everything staff do,
 *   assisted filing included. Without staff, no citizen method.
 * - `display`: a waiting-room screen. Reads the board and its events, nothing else: no sign-in.
 * - `kiosk`: another kiosk of the centre: what the kiosk's own screen does, except first-start setup,
 *   the chip reader and the scanner folders, which belong to the machine they are plugged into.
 */
export const DeviceRoleSchema = z.enum(['counter', 'display', 'kiosk']);
export type DeviceRole = z.infer<typeof DeviceRoleSchema>;

/** Six digits, shown on the kiosk's console for 5 minutes; 20 wrong tries on the LAN void it. */
export const PairingCodeSchema = z
  .string()
  .trim()
  .regex(/^\d{6}$/, { message: 'pairing-code-format' });

/**
 * What an admin calls a device ("Quầy 3"): shown on the console, in audit rows and on the device. No
 * control or invisible formatting characters (a bidi override would make "Quầy 3" read as another name).
 */
export const DeviceNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .regex(/^[^\p{Cc}\p{Cf}\p{Zl}\p{Zp}]+$/u, { message: 'device-name-format' });

/** A device as it sees itself (`app.info`) and as `lan.pair` answers it. */
export const PairedDeviceSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: DeviceRoleSchema,
});
export type PairedDevice = z.infer<typeof PairedDeviceSchema>;

/** A device as an admin manages it (`lan.devices`). */
export const DeviceRecordSchema = PairedDeviceSchema.extend({
  pairedAt: z.string(),
  pairedBy: z.string(),
  /** The address it paired from, and the last it was seen at (a counter PC on DHCP moves). */
  pairedFrom: z.string().nullable(),
  lastSeenAt: z.string().nullable(),
  lastAddress: z.string().nullable(),
  revokedAt: z.string().nullable(),
  revokedBy: z.string().nullable(),
});
export type DeviceRecord = z.infer<typeof DeviceRecordSchema>;

export const PairingStartSchema = z.object({
  code: z.string(),
  role: DeviceRoleSchema,
  name: z.string(),
  expiresAt: z.string(),
  triesLeft: z.number().int().nonnegative(),
});
export type PairingStart = z.infer<typeof PairingStartSchema>;

/**
 * `lan.pair`'s answer. The bridge moves `token` into an HttpOnly cookie and takes it out of the JSON a
 * browser sees, so no script on the page can read it; the schema keeps it so the core's answer is checked.
 */
export const PairedSchema = z.object({ device: PairedDeviceSchema, token: z.string().optional() });

/** The cookie a paired device presents. `__Host-`: only over HTTPS, only for this host, path `/`. */
export const DEVICE_COOKIE = '__Host-kiosk-device';

/** HTTPS on the centre's LAN: what an admin checks when installing the kiosk's CA on a counter PC. */
export const LanCertificateSchema = z.object({
  /** False when `bridge.lan` is off (the bridge is on 127.0.0.1 only) or the certificate could not be made. */
  enabled: z.boolean(),
  /** SHA-256 of the CA certificate, `AB:CD:…`, as Windows shows it ("Thumbprint" is SHA-1: not this). */
  caFingerprint256: z.string().nullable(),
  caValidUntil: z.string().nullable(),
  /** The addresses and names the kiosk's server certificate is valid for now. */
  serverIps: z.array(z.string()),
  serverNames: z.array(z.string()),
  serverValidUntil: z.string().nullable(),
});
export type LanCertificate = z.infer<typeof LanCertificateSchema>;

export const lanMethods = {
  'bridge.certificate': method({
    access: 'staff',
    input: Empty,
    output: LanCertificateSchema,
    summary:
      'The LAN HTTPS certificate: the CA fingerprint to check on a counter PC, and the addresses covered.',
  }),
  'lan.startPairing': method({
    access: 'admin',
    input: z.strictObject({ role: DeviceRoleSchema, name: DeviceNameSchema }),
    output: PairingStartSchema,
    summary:
      'A one-time 6-digit code (5 minutes, 5 tries) that pairs one LAN device with this role and name.',
  }),
  'lan.pair': method({
    access: 'anyone',
    input: z.strictObject({ code: PairingCodeSchema }),
    output: PairedSchema,
    summary: 'A LAN device enters the code; the bridge sets its device cookie (HttpOnly, Secure).',
  }),
  'lan.devices': method({
    access: 'admin',
    input: Empty,
    output: z.array(DeviceRecordSchema),
    summary: 'Paired devices with role, pairing, last contact and address; revoked ones last.',
  }),
  'lan.revokeDevice': method({
    access: 'admin',
    input: z.strictObject({ deviceId: z.string().min(1).max(32) }),
    output: DeviceRecordSchema,
    summary: 'Revoke a device: its cookie opens nothing, its staff sessions end, its event sockets close.',
  }),
} as const satisfies MethodTable;
