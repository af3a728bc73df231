// The admin's "Tài khoản" tab: what each row offers, the forms' own checks, and a static render of the
// dialogs in both languages.
import { describe, expect, it } from 'vitest';
import type { StaffAccount, StaffUser } from '../../../../preload/api';
import { ChangePinDialog, ResetPinDialog } from '../../../../renderer/src/screens/staff/AccountForms';
import {
  actionsFor,
  blankAccount,
  lockPlace,
  newAccountProblem,
  pinDigits,
  pinProblem,
} from '../../../../renderer/src/screens/staff/accountsModel';
import { render } from '../render';

const me: StaffUser = { id: 1, user: 'admin', displayName: 'Quản trị viên', role: 'admin' };
const account = (over: Partial<StaffAccount> = {}): StaffAccount => ({
  id: 2,
  user: 'lan',
  displayName: 'Chị Lan',
  role: 'staff',
  disabled: false,
  lockedUntil: null,
  locks: [],
  lastSignInAt: null,
  createdAt: '2026-11-23T02:00:00.000Z',
  ...over,
});
const noop = () => undefined;

describe('the accounts model', () => {
  it('offers nothing on your own row, and unlock only while a lock runs', () => {
    expect(actionsFor(account({ id: 1 }), me)).toEqual([]);
    expect(actionsFor(account(), me)).toEqual(['resetPin', 'disable']);
    const until = '2026-11-23T02:05:00.000Z';
    expect(actionsFor(account({ locks: [{ source: 'local', until }], lockedUntil: until }), me)).toEqual([
      'resetPin',
      'unlock',
      'disable',
    ]);
    expect(actionsFor(account({ disabled: true }), me)).toEqual(['resetPin', 'enable']);
  });

  it('reads where a lock holds', () => {
    expect(lockPlace('local')).toEqual({ kind: 'local' });
    expect(lockPlace('lan')).toEqual({ kind: 'lan' });
    expect(lockPlace('192.168.1.20')).toEqual({ kind: 'address', address: '192.168.1.20' });
    // A paired device, by the name the admin gave it, or its id once it is gone.
    expect(lockPlace('pc:d-0a1b2c3d4e', 'Quầy 3')).toEqual({ kind: 'device', name: 'Quầy 3' });
    expect(lockPlace('pc:d-0a1b2c3d4e')).toEqual({ kind: 'device', name: 'd-0a1b2c3d4e' });
  });

  it('checks a new account in the order it is filled in', () => {
    const form = { ...blankAccount(), user: 'Lan', displayName: 'Chị Lan', pin: '123456', pin2: '123456' };
    expect(newAccountProblem(form)).toBeNull();
    expect(newAccountProblem({ ...form, user: 'lan nguyen' })).toEqual({ field: 'user', key: 'userFormat' });
    expect(newAccountProblem({ ...form, displayName: ' ' })).toEqual({
      field: 'displayName',
      key: 'nameRequired',
    });
    expect(newAccountProblem({ ...form, pin: '12345' })).toEqual({ field: 'pin', key: 'pinFormat' });
    expect(newAccountProblem({ ...form, pin2: '123457' })).toEqual({ field: 'pin', key: 'pinMismatch' });
    expect(pinProblem('1234567890123', '1234567890123')).toBe('pinFormat');
    expect(pinDigits('12a3-4 5678901234')).toBe('123456789012');
  });
});

describe('the account dialogs', () => {
  it('say what setting a PIN does, in Vietnamese first', () => {
    const html = render(
      <ResetPinDialog account={account()} busy={false} error={undefined} onCancel={noop} onSave={noop} />,
    );
    expect(html).toContain('Đặt lại mã PIN cho “lan”');
    expect(html).toContain('Chị Lan bị đăng xuất trên mọi máy');
    const en = render(
      <ResetPinDialog account={account()} busy={false} error={undefined} onCancel={noop} onSave={noop} />,
      'en',
    );
    expect(en).toContain('New PIN for “lan”');
  });

  it('shows the core refusal of a wrong current PIN on its field', () => {
    const html = render(
      <ChangePinDialog
        busy={false}
        error={{ code: 'wrong-pin', vi: 'Mã PIN hiện tại không đúng.', en: 'Wrong.', field: 'currentPin' }}
        onCancel={noop}
        onSave={noop}
      />,
    );
    expect(html).toContain('Mã PIN hiện tại không đúng.');
    expect(html).toMatch(/aria-invalid="true"[^>]*data-testid="change-pin-current"/);
  });
});
