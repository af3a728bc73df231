/**
 * "Ghép nối thiết bị với ki-ốt": what a counter PC, waiting-room display or other kiosk shows on the LAN
 * until an admin pairs it (every call but `lan.pair` answers `device-not-paired` until then). Plain steps
 * saying where the admin makes the code, the six-digit field with the same number pad as staff sign-in,
 * and the kiosk's own words when a code is refused (the field is then cleared for the next try).
 *
 * The bridge keeps the device's token in an HttpOnly cookie: nothing here ever sees it.
 */
import { useRef, useState, type FormEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskError, Language } from '../../../preload/api';
import { useKiosk } from '../context';
import { ErrorRegion } from './ErrorRegion';
import { Keypad } from './Keypad';
import { LanguageToggle } from './DisplayControls';
import { Emblem } from './icons';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import {
  canSendCode,
  formAfterOutcome,
  pairingDigits,
  sendPairingCode,
  type PairingForm,
  type PairingOutcome,
} from './pairing';
import '../styles/pairing.css';

/** Before `app.info` the centre's languages are unknown: both are offered, Vietnamese first. */
const LANGUAGES: readonly Language[] = ['vi', 'en'];
const CODE_ID = 'pairing-code';

export function PairingScreen({
  notice,
  onPaired,
}: {
  /** Why this screen is shown again (revoked, cookie not kept); shown in the error region at first. */
  notice?: KioskError;
  onPaired: (outcome: PairingOutcome & { kind: 'paired' }) => void;
}) {
  const { t } = useTranslation();
  const client = useKiosk();
  useDocumentTitle(t('lan.pairing.title'));
  const [form, setForm] = useState<PairingForm>({ code: '', error: notice, phase: 'typing' });
  const input = useRef<HTMLInputElement>(null);

  const submit = async (): Promise<void> => {
    if (form.phase !== 'typing' || !canSendCode(form.code)) return;
    setForm({ ...form, phase: 'sending' });
    const outcome = await sendPairingCode(client, form.code);
    setForm((f) => formAfterOutcome(f, outcome));
    if (outcome.kind === 'paired') onPaired(outcome);
    else input.current?.focus();
  };

  return (
    <PairingView
      form={form}
      inputRef={input}
      onCode={(code) => setForm((f) => (f.phase === 'typing' ? { ...f, code: pairingDigits(code) } : f))}
      onSubmit={() => void submit()}
    />
  );
}

/** The screen itself, for a given state of the form (unit tests render it as it is after each step). */
export function PairingView({
  form,
  inputRef,
  onCode,
  onSubmit,
}: {
  form: PairingForm;
  inputRef?: Ref<HTMLInputElement>;
  onCode: (code: string) => void;
  onSubmit: () => void;
}) {
  const { t } = useTranslation();
  const { code, error, phase } = form;
  const busy = phase !== 'typing';
  return (
    <div className="pairing" data-testid="pairing">
      <header className="pairing-top">
        <div className="pairing-brand">
          <Emblem className="pairing-emblem" />
          <p>{t('app.name')}</p>
        </div>
        <LanguageToggle languages={LANGUAGES} />
      </header>
      <main className="pairing-body" id="main" aria-labelledby="pairing-title">
        <div className="pairing-help">
          <h1 id="pairing-title">{t('lan.pairing.title')}</h1>
          <p className="pairing-lead">{t('lan.pairing.lead')}</p>
          <h2 id="pairing-steps-title">{t('lan.pairing.stepsTitle')}</h2>
          <ol className="pairing-steps" aria-labelledby="pairing-steps-title">
            <li>
              {t('lan.pairing.step1')} <strong className="pairing-path">{t('lan.pairing.step1Path')}</strong>
            </li>
            <li>{t('lan.pairing.step2')}</li>
            <li>{t('lan.pairing.step3')}</li>
          </ol>
        </div>
        <form
          className="pairing-form"
          noValidate
          onSubmit={(event: FormEvent) => {
            event.preventDefault();
            onSubmit();
          }}
        >
          <div className="field">
            <label htmlFor={CODE_ID}>{t('lan.pairing.codeLabel')}</label>
            <input
              id={CODE_ID}
              ref={inputRef}
              className="pairing-code-input"
              name="code"
              type="text"
              inputMode="numeric"
              autoComplete="one-time-code"
              spellCheck={false}
              maxLength={8}
              aria-describedby="pairing-code-help"
              aria-invalid={error?.field === 'code' ? true : undefined}
              value={code}
              onChange={(e) => onCode(e.target.value)}
              data-testid="pairing-code"
            />
            <p id="pairing-code-help" className="field-help">
              {t('lan.pairing.codeHelp')}
            </p>
          </div>
          <Keypad
            controls={CODE_ID}
            disabled={busy}
            onDigit={(d) => onCode(code + d)}
            onBackspace={() => onCode(code.slice(0, -1))}
            onClear={() => onCode('')}
          />
          <ErrorRegion error={error} testId="pairing-error" />
          <button
            type="submit"
            className="btn btn-primary btn-xl"
            disabled={busy || !canSendCode(code)}
            data-testid="pairing-submit"
          >
            {phase === 'sending' ? t('lan.pairing.pending') : t('lan.pairing.submit')}
          </button>
          <p role="status" className="pairing-status">
            {phase === 'opening' ? t('lan.pairing.opening') : null}
          </p>
        </form>
      </main>
    </div>
  );
}
