/**
 * Contract: staff accounts, sign-in and sessions, PINs and the alerts staff are shown. Rules as in
 * base.ts.
 */
import { z } from 'zod';
import { Empty, method, type MethodTable } from './base';

export const RoleSchema = z.enum(['staff', 'admin']);
export type Role = z.infer<typeof RoleSchema>;

/** A PIN is 6 to 12 digits: long enough to resist guessing with the lockout, short enough to type. */
export const PinSchema = z.string().regex(/^\d{6,12}$/, { message: 'pin-format' });

/** Staff user names are short ASCII handles typed on a counter PC keyboard. */
export const UserNameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{2,32}$/, { message: 'user-format' });

export const StaffUserSchema = z.object({
  id: z.number().int().positive(),
  user: z.string(),
  displayName: z.string(),
  role: RoleSchema,
});
export type StaffUser = z.infer<typeof StaffUserSchema>;

/** An account as an admin manages it (`staff.users`). */
export const StaffAccountSchema = StaffUserSchema.extend({
  disabled: z.boolean(),
  /** The latest end of a sign-in lock running now, else null. */
  lockedUntil: z.string().nullable(),
  /**
   * Each lock running now: `source` is `local` (the kiosk itself), `lan` (every LAN address), `pc:<id>`
   * (a paired device, named in `device`) or an address.
   */
  locks: z.array(z.object({ source: z.string(), until: z.string(), device: z.string().optional() })),
  lastSignInAt: z.string().nullable(),
  createdAt: z.string(),
});
export type StaffAccount = z.infer<typeof StaffAccountSchema>;

const UserIdInput = z.strictObject({ userId: z.number().int().positive() });

export const AlertSchema = z.object({
  id: z.number().int().positive(),
  /** `critical` alerts are shown on every staff screen until acknowledged. */
  level: z.enum(['info', 'warning', 'critical']),
  code: z.string(),
  vi: z.string(),
  en: z.string(),
  createdAt: z.string(),
  acknowledgedAt: z.string().nullable(),
});
export type Alert = z.infer<typeof AlertSchema>;

export const SessionSchema = z.object({
  token: z.string(),
  user: StaffUserSchema,
  expiresAt: z.string(),
});
export type Session = z.infer<typeof SessionSchema>;

export const staffMethods = {
  'staff.setupAdmin': method({
    access: 'local',
    input: z.strictObject({
      displayName: z.string().trim().min(1).max(80),
      pin: PinSchema,
    }),
    output: SessionSchema,
    summary: 'First start only: create the admin account (user "admin") and sign it in.',
  }),
  'staff.signIn': method({
    access: 'signin',
    input: z.strictObject({ user: UserNameSchema, pin: z.string().max(64) }),
    output: SessionSchema,
    summary: 'Sign in with user name and PIN; wrong PINs lock the name for the caller, then for the LAN.',
  }),
  'staff.signOut': method({
    access: 'staff',
    input: Empty,
    output: Empty,
    summary: 'End the current staff session.',
  }),
  'staff.me': method({
    access: 'staff',
    input: Empty,
    output: z.object({ user: StaffUserSchema, expiresAt: z.string() }),
    summary: 'The signed-in staff member; also extends the session (it expires after inactivity).',
  }),
  'staff.alerts': method({
    access: 'staff',
    input: z.strictObject({ includeAcknowledged: z.boolean().optional() }),
    output: z.array(AlertSchema),
    summary: 'Alerts for staff (e.g. a damaged database was moved aside), newest first.',
  }),
  'staff.acknowledgeAlert': method({
    access: 'staff',
    input: z.strictObject({ id: z.number().int().positive() }),
    output: AlertSchema,
    summary: 'Mark an alert as read; the audit log records who did.',
  }),
  'staff.createUser': method({
    access: 'admin',
    input: z.strictObject({
      user: UserNameSchema,
      displayName: z.string().trim().min(1).max(80),
      role: RoleSchema,
      pin: PinSchema,
    }),
    output: StaffUserSchema,
    summary: 'Admin only: create a staff or admin account.',
  }),
  'staff.users': method({
    access: 'admin',
    input: Empty,
    output: z.array(StaffAccountSchema),
    summary: 'Admin only: every account, disabled or not, with running sign-in locks and last sign-in.',
  }),
  'staff.disableUser': method({
    access: 'admin',
    input: UserIdInput,
    output: StaffAccountSchema,
    summary:
      'Admin only: disable an account and end its sessions; the last enabled admin cannot be disabled.',
  }),
  'staff.enableUser': method({
    access: 'admin',
    input: UserIdInput,
    output: StaffAccountSchema,
    summary: 'Admin only: enable a disabled account again.',
  }),
  'staff.resetPin': method({
    access: 'admin',
    input: z.strictObject({ userId: z.number().int().positive(), pin: PinSchema }),
    output: StaffAccountSchema,
    summary: "Admin only: set another user's PIN; ends their sessions and lifts their sign-in locks.",
  }),
  'staff.unlockUser': method({
    access: 'admin',
    input: UserIdInput,
    output: StaffAccountSchema,
    summary: "Admin only: lift another user's sign-in locks (never your own).",
  }),
  'staff.changePin': method({
    access: 'staff',
    input: z.strictObject({ currentPin: z.string().max(64), newPin: PinSchema }),
    output: Empty,
    summary: 'Change your own PIN with the current one (counted like sign-in); your other sessions end.',
  }),
} as const satisfies MethodTable;
