/**
 * The console's "Tài khoản" tab (admins only): every account with its role, state and last sign-in, and
 * per row "Đặt lại mã PIN", "Mở khoá" (while a sign-in lock runs) and "Vô hiệu hoá" / "Cho dùng lại".
 * Disabling asks first; setting a PIN says what it does in its own dialog. The core refuses what must not
 * happen (the last admin, your own lock) and its words are shown as they come.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { KioskError, Result, StaffAccount, StaffUser } from '../../../../preload/api';
import { useKiosk } from '../../context';
import { useCall } from '../../hooks/useCall';
import { formatDateTime } from '../../components/Clock';
import { ErrorRegion } from '../../components/ErrorRegion';
import { ConfirmDialog } from '../dossier/ConfirmDialog';
import { CreateAccountDialog, ResetPinDialog } from './AccountForms';
import { type AccountAction, actionsFor, lockPlace } from './accountsModel';
import '../../styles/dossier.css';
import '../../styles/staff-dossier.css';
import '../../styles/holidays.css';
import '../../styles/accounts.css';

type Dialog =
  { what: 'create' } | { what: 'reset'; account: StaffAccount } | { what: 'disable'; account: StaffAccount };

const when = (t: TFunction, iso: string): string => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : formatDateTime(t, date);
};

function stateLines(t: TFunction, account: StaffAccount): string[] {
  const lines: string[] = [];
  if (account.disabled) lines.push(t('accounts.state.disabled'));
  for (const lock of account.locks) {
    const place = lockPlace(lock.source, lock.device);
    const source =
      place.kind === 'address'
        ? t('accounts.source.address', { address: place.address })
        : place.kind === 'device'
          ? t('accounts.source.device', { name: place.name })
          : t(`accounts.source.${place.kind}`);
    lines.push(t('accounts.state.locked', { source, time: when(t, lock.until) }));
  }
  if (lines.length === 0) lines.push(t('accounts.state.active'));
  return lines;
}

export function Accounts({ user, onError }: { user: StaffUser; onError: (error: KioskError) => boolean }) {
  const { t } = useTranslation();
  const client = useKiosk();
  const [notice, setNotice] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [formError, setFormError] = useState<KioskError | undefined>();
  const [busy, setBusy] = useState(false);
  // A refusal of a change with no dialog open shows where the list's own does.
  const users = useCall((c) => c.call('staff.users', {}), [], { onError });
  const accounts = users.value ?? null;
  const { error, setError } = users;

  /** Runs one change; a refusal stays in the open dialog, or above the list when none is open. */
  const change = async (run: () => Promise<Result<unknown>>, done: string): Promise<void> => {
    setBusy(true);
    setNotice(null);
    const result = await run();
    setBusy(false);
    if (!result.ok) {
      if (onError(result.error)) return;
      if (dialog && dialog.what !== 'disable') setFormError(result.error);
      else {
        setDialog(null);
        setError(result.error);
      }
      return;
    }
    setDialog(null);
    setFormError(undefined);
    setError(undefined);
    setNotice(done);
    users.reload();
  };

  const act = (action: AccountAction, account: StaffAccount): void => {
    const userId = account.id;
    if (action === 'resetPin') return open({ what: 'reset', account });
    if (action === 'disable') return open({ what: 'disable', account });
    if (action === 'enable')
      void change(
        () => client.call('staff.enableUser', { userId }),
        t('accounts.notice.enabled', { user: account.user }),
      );
    else
      void change(
        () => client.call('staff.unlockUser', { userId }),
        t('accounts.notice.unlocked', { user: account.user }),
      );
  };

  const open = (next: Dialog): void => {
    setFormError(undefined);
    setDialog(next);
  };

  return (
    <section
      className="report accounts"
      data-testid="accounts"
      aria-labelledby="accounts-title"
      aria-busy={accounts === null}
    >
      <div className="report-bar">
        <h2 id="accounts-title">{t('accounts.title')}</h2>
        <button
          type="button"
          className="btn btn-primary"
          data-testid="account-create"
          onClick={() => open({ what: 'create' })}
        >
          {t('accounts.create')}
        </button>
      </div>
      <p className="section-help">{t('accounts.intro')}</p>
      <ErrorRegion error={error} testId="accounts-error" />
      <p role="status" className="sync-notice reprint-notice is-done" data-testid="account-notice">
        {notice}
      </p>
      {accounts === null ? (
        error ? null : (
          <p role="status">{t('accounts.loading')}</p>
        )
      ) : (
        <div className="table-wrap">
          <table className="report-table account-table" data-testid="account-table">
            <caption>{t('accounts.tableCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('accounts.columns.name')}</th>
                <th scope="col">{t('accounts.columns.role')}</th>
                <th scope="col">{t('accounts.columns.state')}</th>
                <th scope="col">{t('accounts.columns.lastSignIn')}</th>
                <th scope="col">{t('accounts.columns.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {accounts.map((account) => (
                <tr
                  key={account.id}
                  data-user={account.user}
                  className={account.disabled ? 'is-disabled' : undefined}
                >
                  <th scope="row">
                    <span className="account-name">{account.displayName}</span>
                    <span className="account-user">
                      {account.user}
                      {account.id === user.id ? (
                        <span className="sync-badge account-you">{t('accounts.you')}</span>
                      ) : null}
                    </span>
                  </th>
                  <td>{t(`accounts.role.${account.role}`)}</td>
                  <td data-testid="account-state">
                    {stateLines(t, account).map((line) => (
                      <span
                        key={line}
                        className={`account-state ${account.disabled || account.locks.length > 0 ? 'is-off' : ''}`.trim()}
                      >
                        {line}
                      </span>
                    ))}
                  </td>
                  <td>{account.lastSignInAt ? when(t, account.lastSignInAt) : t('accounts.never')}</td>
                  <td>
                    <div className="row-actions">
                      {actionsFor(account, user).map((action) => (
                        <button
                          key={action}
                          type="button"
                          className={`btn ${action === 'disable' ? 'btn-danger-quiet' : 'btn-secondary'}`}
                          disabled={busy}
                          data-testid={`account-${action}`}
                          aria-label={t(`accounts.${action}Label`, { user: account.user })}
                          onClick={() => act(action, account)}
                        >
                          {t(`accounts.${action}`)}
                        </button>
                      ))}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {dialog?.what === 'create' ? (
        <CreateAccountDialog
          busy={busy}
          error={formError}
          onCancel={() => setDialog(null)}
          onSave={(form) =>
            void change(
              () =>
                client.call('staff.createUser', {
                  user: form.user.trim().toLowerCase(),
                  displayName: form.displayName.trim(),
                  role: form.role,
                  pin: form.pin,
                }),
              t('accounts.notice.created', { user: form.user.trim().toLowerCase() }),
            )
          }
        />
      ) : dialog?.what === 'reset' ? (
        <ResetPinDialog
          account={dialog.account}
          busy={busy}
          error={formError}
          onCancel={() => setDialog(null)}
          onSave={(pin) =>
            void change(
              () => client.call('staff.resetPin', { userId: dialog.account.id, pin }),
              t('accounts.notice.pinReset', { user: dialog.account.user }),
            )
          }
        />
      ) : dialog?.what === 'disable' ? (
        <ConfirmDialog
          title={t('accounts.confirmDisable.title', { user: dialog.account.user })}
          onCancel={() => setDialog(null)}
          testId="account-confirm-disable"
          actions={
            <>
              <button type="button" className="btn btn-secondary" onClick={() => setDialog(null)}>
                {t('accounts.confirmDisable.keep')}
              </button>
              <button
                type="button"
                className="btn btn-primary"
                disabled={busy}
                data-testid="account-confirm-disable-button"
                onClick={() =>
                  void change(
                    () => client.call('staff.disableUser', { userId: dialog.account.id }),
                    t('accounts.notice.disabled', { user: dialog.account.user }),
                  )
                }
              >
                {t('accounts.confirmDisable.confirm')}
              </button>
            </>
          }
        >
          <p>{t('accounts.confirmDisable.body', { name: dialog.account.displayName })}</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
