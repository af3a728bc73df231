import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskError, Session } from '../../../../preload/api';
import { useKiosk } from '../../context';
import { ErrorRegion } from '../../components/ErrorRegion';
import { Keypad } from '../../components/Keypad';
import { PinField } from './PinField';
import { pinDigits } from './pin';

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
        <PinField
          id="staff-pin"
          inputRef={pinInput}
          name="pin"
          label={t('staff.signIn.pin')}
          autoComplete="current-password"
          help={t('staff.signIn.pinHelp')}
          value={pin}
          onChange={setPin}
          testId="staff-pin"
        />
        <Keypad
          controls="staff-pin"
          disabled={pending}
          onDigit={(d) => setPin((p) => pinDigits(p + d))}
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
