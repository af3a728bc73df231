/**
 * The "Tài khoản" tab's pure part: what each row offers, how a lock reads, and the forms' own checks
 * (the core checks everything again; these catch a typo before the round trip).
 */
import type { Role, StaffAccount, StaffUser } from '../../../../preload/api';
import { isPinFormat, pinDigits } from './pin';

export type AccountAction = 'resetPin' | 'unlock' | 'disable' | 'enable';

/**
 * The buttons of one row. Nobody resets their own PIN or lifts their own lock here (the core refuses it:
 * "Đổi mã PIN" takes the current one), nor disables themself from this screen.
 */
export function actionsFor(account: StaffAccount, me: StaffUser): AccountAction[] {
  if (account.id === me.id) return [];
  const actions: AccountAction[] = ['resetPin'];
  if (account.locks.length > 0) actions.push('unlock');
  actions.push(account.disabled ? 'enable' : 'disable');
  return actions;
}

/** Where a lock holds: at the kiosk, for the whole LAN, on one paired device, or for one address. */
export type LockPlace =
  | { kind: 'local' }
  | { kind: 'lan' }
  | { kind: 'device'; name: string }
  | { kind: 'address'; address: string };

export function lockPlace(source: string, device?: string): LockPlace {
  if (source === 'local') return { kind: 'local' };
  if (source === 'lan') return { kind: 'lan' };
  // A paired device: its name as the admin gave it ("Quầy 3"); its id if the device is gone.
  if (source.startsWith('pc:')) return { kind: 'device', name: device ?? source.slice(3) };
  return { kind: 'address', address: source };
}

export type PinProblem = 'pinFormat' | 'pinMismatch';

/** A new PIN typed twice: 6 to 12 digits, the same both times. */
export function pinProblem(pin: string, again: string): PinProblem | null {
  if (!isPinFormat(pin)) return 'pinFormat';
  if (pin !== again) return 'pinMismatch';
  return null;
}

export interface NewAccountForm {
  user: string;
  displayName: string;
  role: Role;
  pin: string;
  pin2: string;
}

export const blankAccount = (): NewAccountForm => ({
  user: '',
  displayName: '',
  role: 'staff',
  pin: '',
  pin2: '',
});

export type NewAccountProblem = {
  field: 'user' | 'displayName' | 'pin';
  key: 'userFormat' | 'nameRequired' | PinProblem;
};

/** The first thing wrong with the form, in the order it is filled in; null when it can be sent. */
export function newAccountProblem(form: NewAccountForm): NewAccountProblem | null {
  if (!/^[a-z0-9._-]{2,32}$/.test(form.user.trim().toLowerCase()))
    return { field: 'user', key: 'userFormat' };
  if (form.displayName.trim() === '') return { field: 'displayName', key: 'nameRequired' };
  const pin = pinProblem(form.pin, form.pin2);
  return pin ? { field: 'pin', key: pin } : null;
}

/** What a PIN field keeps of what was typed or pasted (pin.ts), here for the forms' callers. */
export { pinDigits };
