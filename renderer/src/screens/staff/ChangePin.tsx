/**
 * "Đổi mã PIN" in the console's header: every staff member changes their own PIN with the current one
 * (staff.changePin; a wrong current PIN counts like a wrong sign-in). Their other sessions end.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskError } from '../../../../preload/api';
import { useKiosk } from '../../context';
import { ChangePinDialog } from './AccountForms';
import '../../styles/dossier.css';
import '../../styles/accounts.css';

export function ChangePin({ onError }: { onError: (error: KioskError) => boolean }) {
  const { t } = useTranslation();
  const client = useKiosk();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<KioskError | undefined>();
  const [done, setDone] = useState(false);

  const save = async (input: { currentPin: string; newPin: string }): Promise<void> => {
    setBusy(true);
    const result = await client.call('staff.changePin', input);
    setBusy(false);
    if (!result.ok) {
      if (!onError(result.error)) setError(result.error);
      return;
    }
    setOpen(false);
    setDone(true);
  };

  return (
    <>
      <button
        type="button"
        className="btn btn-secondary"
        data-testid="change-pin"
        onClick={() => {
          setError(undefined);
          setDone(false);
          setOpen(true);
        }}
      >
        {t('accounts.changePin.open')}
      </button>
      <p role="status" className="sync-notice is-done change-pin-notice" data-testid="change-pin-notice">
        {done ? t('accounts.changePin.done') : null}
      </p>
      {open ? (
        <ChangePinDialog
          busy={busy}
          error={error}
          onCancel={() => setOpen(false)}
          onSave={(input) => void save(input)}
        />
      ) : null}
    </>
  );
}
