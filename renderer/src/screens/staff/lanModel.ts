/**
 * The "Mạng nội bộ" tab's pure part: the code shown in two groups of three, the countdown to its end,
 * the form's own check, noticing the device that just paired, and revoking then reading the list again
 * (the core checks everything again; these keep the screen honest between round trips).
 */
import type { DeviceRecord, KioskError, PairingStart } from '../../../../preload/api';
import type { KioskClient } from '../../api';

/** "123456" → ["123", "456"]: read aloud and typed in two halves. */
export function codeGroups(code: string): string[] {
  return code.length === 6 ? [code.slice(0, 3), code.slice(3)] : [code];
}

/** Whole seconds until `expiresAt` on the server's clock, never below 0. */
export function secondsLeft(expiresAt: string, serverNowMs: number): number {
  const end = Date.parse(expiresAt);
  if (Number.isNaN(end)) return 0;
  return Math.max(0, Math.ceil((end - serverNowMs) / 1000));
}

/** 299 → "4:59". */
export function countdownText(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** Name limits of `lan.startPairing` (contract/lan.ts DeviceNameSchema). */
export const DEVICE_NAME_MAX = 60;

export function deviceNameProblem(name: string): 'nameRequired' | null {
  const trimmed = name.trim();
  return trimmed.length === 0 || trimmed.length > DEVICE_NAME_MAX ? 'nameRequired' : null;
}

/**
 * The device the code on screen has paired: live, of the code's role and name, and not in the list when
 * the code was made (`knownIds`). Null while nobody has entered it.
 */
export function justPaired(
  start: Pick<PairingStart, 'role' | 'name'>,
  knownIds: ReadonlySet<string>,
  devices: readonly DeviceRecord[],
): DeviceRecord | null {
  return (
    devices.find(
      (d) => d.revokedAt === null && !knownIds.has(d.id) && d.role === start.role && d.name === start.name,
    ) ?? null
  );
}

/** `lan.devices` is for admins: a staff account gets `forbidden`, which the tab says calmly. */
export const isAdminOnly = (error: KioskError): boolean => error.code === 'forbidden';

/** Live devices first (the core orders them so), each with whether it can still be revoked. */
export const canRevoke = (device: DeviceRecord): boolean => device.revokedAt === null;

export type RevokeOutcome =
  { ok: true; revoked: DeviceRecord; devices: DeviceRecord[] | null } | { ok: false; error: KioskError };

/** Revokes one device, then reads the list again so the table shows what the kiosk now holds. */
export async function revokeAndList(client: KioskClient, deviceId: string): Promise<RevokeOutcome> {
  const revoked = await client.call('lan.revokeDevice', { deviceId });
  if (!revoked.ok) return { ok: false, error: revoked.error };
  const list = await client.call('lan.devices', {});
  return { ok: true, revoked: revoked.value, devices: list.ok ? list.value : null };
}
