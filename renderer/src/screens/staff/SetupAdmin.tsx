import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskError, Session } from '../../../../preload/api';
import { localError } from '../../api';
import { useKiosk } from '../../context';
import { ErrorRegion } from '../../components/ErrorRegion';
import { PinField } from './PinField';
import { isPinFormat } from './pin';

/**
 * First start: create the admin account. The two PINs must match, which only this screen can know; the
 * PIN format is checked here too so a typo is caught before the round trip (main checks it again).
 */
export function SetupAdmin({ onSignedIn }: { onSignedIn: (session: Session) => void }) {
  const { t } = useTranslation();
  const client = useKiosk();
  const [name, setName] = useState('');
  const [pin, setPin] = useState('');
  const [pin2, setPin2] = useState('');
  const [error, setError] = useState<KioskError | undefined>();
  const [pending, setPending] = useState(false);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (pending) return;
    if (name.trim() === '')
      return setError(localError('name-required', (m) => m.staff.setup.nameRequired, 'displayName'));
    if (!isPinFormat(pin)) return setError(localError('pin-format', (m) => m.staff.setup.pinFormat, 'pin'));
    if (pin !== pin2) {
      setPin2('');
      return setError(localError('pin-mismatch', (m) => m.staff.setup.pinMismatch, 'pin'));
    }
    setPending(true);
    const result = await client.call('staff.setupAdmin', { displayName: name.trim(), pin });
    setPending(false);
    if (result.ok) onSignedIn(result.value);
    else setError(result.error);
  };

  const invalid = (field: string): boolean => error?.field === field;

  return (
    <section className="staff-card" aria-labelledby="setup-title">
      <h1 id="setup-title">{t('staff.setup.title')}</h1>
      <p className="staff-intro">{t('staff.setup.intro')}</p>
      <form className="staff-form" noValidate onSubmit={(e) => void submit(e)}>
        <div className="field">
          <label htmlFor="setup-name">{t('staff.setup.name')}</label>
          <input
            id="setup-name"
            type="text"
            autoComplete="name"
            maxLength={80}
            value={name}
            aria-invalid={invalid('displayName') || undefined}
            onChange={(e) => setName(e.target.value)}
            data-testid="setup-name"
          />
        </div>
        <PinField
          id="setup-pin"
          label={t('staff.setup.pin')}
          value={pin}
          invalid={invalid('pin')}
          onChange={setPin}
          testId="setup-pin"
        />
        <PinField
          id="setup-pin2"
          label={t('staff.setup.pin2')}
          value={pin2}
          invalid={invalid('pin')}
          onChange={setPin2}
          testId="setup-pin2"
        />
        <ErrorRegion error={error} testId="staff-error" />
        <button
          type="submit"
          className="btn btn-primary btn-xl"
          disabled={pending}
          data-testid="setup-submit"
        >
          {pending ? t('staff.setup.pending') : t('staff.setup.submit')}
        </button>
      </form>
    </section>
  );
}
