/**
 * The account dialogs: create an account and set another user's PIN (the admin's "Tài khoản" tab), and
 * change your own PIN (every staff member, from the console's header). Each is a modal form; Esc or "Huỷ"
 * leaves without saving. They check what only they can know (the two PINs match) and hand the rest to
 * the caller, which calls the core and gives back its refusal as `error`.
 */
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskError, StaffAccount } from '../../../../preload/api';
import { localError } from '../../api';
import { ErrorRegion } from '../../components/ErrorRegion';
import { Modal } from '../dossier/ConfirmDialog';
import { type NewAccountForm, blankAccount, newAccountProblem, pinProblem } from './accountsModel';
import { PinField } from './PinField';

function FormDialog({
  title,
  intro,
  error,
  busy,
  save,
  onCancel,
  onSubmit,
  children,
  testId,
}: {
  title: string;
  intro?: string;
  error: KioskError | undefined;
  busy: boolean;
  save: string;
  onCancel: () => void;
  onSubmit: () => void;
  children: ReactNode;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Modal title={title} onCancel={onCancel} focus="input, select" className="account-dialog" testId={testId}>
      <form
        className="account-form"
        noValidate
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          if (!busy) onSubmit();
        }}
      >
        {intro ? <p className="account-intro">{intro}</p> : null}
        {children}
        <ErrorRegion error={error} testId="account-form-error" />
        <div className="dialog-actions">
          <button type="button" className="btn btn-secondary" onClick={onCancel} data-testid="account-cancel">
            {t('accounts.form.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy} data-testid="account-save">
            {busy ? t('accounts.form.saving') : save}
          </button>
        </div>
      </form>
    </Modal>
  );
}

/** The first error that belongs to this form: the form's own check, else the core's refusal. */
const shown = (local: KioskError | undefined, remote: KioskError | undefined) => local ?? remote;

export function CreateAccountDialog({
  busy,
  error,
  onCancel,
  onSave,
}: {
  busy: boolean;
  error: KioskError | undefined;
  onCancel: () => void;
  onSave: (form: NewAccountForm) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [form, setForm] = useState(blankAccount);
  const [problem, setProblem] = useState<KioskError | undefined>();
  const set = <K extends keyof NewAccountForm>(key: K, value: NewAccountForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setProblem(undefined);
  };
  const current = shown(problem, error);
  const invalid = (field: string) => current?.field === field;
  const submit = (): void => {
    const p = newAccountProblem(form);
    if (p) {
      if (p.key === 'pinMismatch') setForm((f) => ({ ...f, pin2: '' }));
      return setProblem(localError(p.key, (m) => m.accounts.form[p.key], p.field));
    }
    onSave(form);
  };
  return (
    <FormDialog
      title={t('accounts.form.createTitle')}
      error={current}
      busy={busy}
      save={t('accounts.form.saveCreate')}
      onCancel={onCancel}
      onSubmit={submit}
      testId="account-create-form"
    >
      <div className="account-fields">
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('accounts.form.displayName')}</label>
          <input
            id={`${id}-name`}
            type="text"
            autoComplete="off"
            maxLength={80}
            value={form.displayName}
            aria-invalid={invalid('displayName') || undefined}
            onChange={(e) => set('displayName', e.target.value)}
            data-testid="account-name"
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-user`}>{t('accounts.form.user')}</label>
          <input
            id={`${id}-user`}
            type="text"
            autoComplete="off"
            autoCapitalize="none"
            autoCorrect="off"
            spellCheck={false}
            maxLength={32}
            value={form.user}
            aria-invalid={invalid('user') || undefined}
            aria-describedby={`${id}-user-help`}
            onChange={(e) => set('user', e.target.value)}
            data-testid="account-user"
          />
          <span id={`${id}-user-help`} className="field-help">
            {t('accounts.form.userHelp')}
          </span>
        </div>
        <div className="field">
          <label htmlFor={`${id}-role`}>{t('accounts.form.role')}</label>
          <select
            id={`${id}-role`}
            value={form.role}
            onChange={(e) => set('role', e.target.value === 'admin' ? 'admin' : 'staff')}
            data-testid="account-role"
          >
            <option value="staff">{t('accounts.role.staff')}</option>
            <option value="admin">{t('accounts.role.admin')}</option>
          </select>
        </div>
        <span />
        <PinField
          label={t('accounts.form.pin')}
          value={form.pin}
          onChange={(v) => set('pin', v)}
          invalid={invalid('pin')}
          testId="account-pin"
        />
        <PinField
          label={t('accounts.form.pin2')}
          value={form.pin2}
          onChange={(v) => set('pin2', v)}
          invalid={invalid('pin')}
          testId="account-pin2"
        />
      </div>
    </FormDialog>
  );
}

/** An admin sets another user's PIN. Saying what happens (signed out everywhere) is the confirmation. */
export function ResetPinDialog({
  account,
  busy,
  error,
  onCancel,
  onSave,
}: {
  account: StaffAccount;
  busy: boolean;
  error: KioskError | undefined;
  onCancel: () => void;
  onSave: (pin: string) => void;
}) {
  const { t } = useTranslation();
  const [pin, setPin] = useState('');
  const [pin2, setPin2] = useState('');
  const [problem, setProblem] = useState<KioskError | undefined>();
  const current = shown(problem, error);
  const submit = (): void => {
    const p = pinProblem(pin, pin2);
    if (p) {
      if (p === 'pinMismatch') setPin2('');
      return setProblem(localError(p, (m) => m.accounts.form[p], 'pin'));
    }
    onSave(pin);
  };
  return (
    <FormDialog
      title={t('accounts.form.resetTitle', { user: account.user })}
      intro={t('accounts.form.resetBody', { name: account.displayName })}
      error={current}
      busy={busy}
      save={t('accounts.form.saveReset')}
      onCancel={onCancel}
      onSubmit={submit}
      testId="account-reset-form"
    >
      <div className="account-fields">
        <PinField
          label={t('accounts.form.pin')}
          value={pin}
          onChange={(v) => {
            setPin(v);
            setProblem(undefined);
          }}
          invalid={current?.field === 'pin'}
          testId="account-pin"
        />
        <PinField
          label={t('accounts.form.pin2')}
          value={pin2}
          onChange={(v) => {
            setPin2(v);
            setProblem(undefined);
          }}
          invalid={current?.field === 'pin'}
          testId="account-pin2"
        />
      </div>
    </FormDialog>
  );
}

/** A staff member changes their own PIN with the current one. */
export function ChangePinDialog({
  busy,
  error,
  onCancel,
  onSave,
}: {
  busy: boolean;
  error: KioskError | undefined;
  onCancel: () => void;
  onSave: (input: { currentPin: string; newPin: string }) => void;
}) {
  const { t } = useTranslation();
  const [currentPin, setCurrentPin] = useState('');
  const [pin, setPin] = useState('');
  const [pin2, setPin2] = useState('');
  const [problem, setProblem] = useState<KioskError | undefined>();
  // A refused current PIN is cleared for the next try, as on the sign-in screen (set during render when
  // a new refusal arrives, React's way of following a prop).
  const [refusal, setRefusal] = useState(error);
  if (error !== refusal) {
    setRefusal(error);
    if (error?.field === 'currentPin' || error?.code === 'account-locked') setCurrentPin('');
  }
  const current = shown(problem, error);
  const submit = (): void => {
    const p = pinProblem(pin, pin2);
    if (p) {
      if (p === 'pinMismatch') setPin2('');
      return setProblem(localError(p, (m) => m.accounts.form[p], 'newPin'));
    }
    onSave({ currentPin, newPin: pin });
  };
  const edit = (set: (v: string) => void) => (v: string) => {
    set(v);
    setProblem(undefined);
  };
  return (
    <FormDialog
      title={t('accounts.changePin.title')}
      intro={t('accounts.changePin.body')}
      error={current}
      busy={busy}
      save={t('accounts.changePin.save')}
      onCancel={onCancel}
      onSubmit={submit}
      testId="change-pin-form"
    >
      <div className="account-fields account-fields-single">
        <PinField
          label={t('accounts.changePin.current')}
          value={currentPin}
          onChange={edit(setCurrentPin)}
          invalid={current?.field === 'currentPin'}
          testId="change-pin-current"
          autoComplete="current-password"
        />
        <PinField
          label={t('accounts.changePin.next')}
          value={pin}
          onChange={edit(setPin)}
          invalid={current?.field === 'newPin'}
          testId="change-pin-new"
        />
        <PinField
          label={t('accounts.changePin.next2')}
          value={pin2}
          onChange={edit(setPin2)}
          invalid={current?.field === 'newPin'}
          testId="change-pin-new2"
        />
      </div>
    </FormDialog>
  );
}
