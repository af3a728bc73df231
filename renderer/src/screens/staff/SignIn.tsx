import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskError, Session } from '../../../../preload/api';
import { useKiosk } from '../../context';
import { ErrorRegion } from '../../components/ErrorRegion';
import { Keypad } from '../../components/Keypad';

const MAX_PIN = 12;
const digitsOnly = (value: string): string => value.replace(/\D/g, '').slice(0, MAX_PIN);

/** User name + masked PIN with an on-screen keypad. A wrong PIN clears the PIN and keeps the name. */
export function SignIn({
  notice,
  onSignedIn,
}: {
  notice?: KioskError;
  onSignedIn: (session: Session) => void;
}) {
  const { t } = useTranslation();
  const client = useKiosk();
  const [user, setUser] = useState('');
  const [pin, setPin] = useState('');
  const [error, setError] = useState<KioskError | undefined>(notice);
  const [pending, setPending] = useState(false);
  const pinInput = useRef<HTMLInputElement>(null);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (pending) return;
    setPending(true);
    const result = await client.call('staff.signIn', { user, pin });
    setPending(false);
    if (result.ok) {
      onSignedIn(result.value);
      return;
    }
    setError(result.error);
    setPin('');
    pinInput.current?.focus();
  };

  return (
    <section className="staff-card" aria-labelledby="signin-title">
      <h1 id="signin-title">{t('staff.signIn.title')}</h1>
      <form className="staff-form" noValidate onSubmit={(e) => void submit(e)}>
        <div className="field">
          <label htmlFor="staff-user">{t('staff.signIn.user')}</label>
          <input
            id="staff-user"
            name="user"
            type="text"
            autoComplete="username"
            autoCapitalize="none"
            autoCorrect="off"
            spellCheck={false}
            value={user}
            onChange={(e) => setUser(e.target.value)}
            data-testid="staff-user"
          />
        </div>
        <div className="field">
          <label htmlFor="staff-pin">{t('staff.signIn.pin')}</label>
          <input
            id="staff-pin"
            ref={pinInput}
            name="pin"
            type="password"
            inputMode="numeric"
            autoComplete="current-password"
            maxLength={MAX_PIN}
            aria-describedby="staff-pin-help"
            value={pin}
            onChange={(e) => setPin(digitsOnly(e.target.value))}
            data-testid="staff-pin"
          />
          <p id="staff-pin-help" className="field-help">
            {t('staff.signIn.pinHelp')}
          </p>
        </div>
        <Keypad
          controls="staff-pin"
          disabled={pending}
          onDigit={(d) => setPin((p) => digitsOnly(p + d))}
          onBackspace={() => setPin((p) => p.slice(0, -1))}
          onClear={() => setPin('')}
        />
        <ErrorRegion error={error} testId="staff-error" />
        <button
          type="submit"
          className="btn btn-primary btn-xl"
          disabled={pending}
          data-testid="staff-submit"
        >
          {pending ? t('staff.signIn.pending') : t('staff.signIn.submit')}
        </button>
      </form>
    </section>
  );
}
