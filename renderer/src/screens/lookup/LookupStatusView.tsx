/**
 * A dossier found by its code alone: its status and due date (all the code may show, since codes run in
 * sequence and anyone can walk them), then the second factor that opens the details: the "Mã tra cứu"
 * printed on the receipt, or the applicant's date of birth. Both are typed on the screen's own pads
 * (large keys, only the characters that can occur); a physical keyboard works too.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskError, LookupStatus } from '../../../../preload/api';
import { Advice, CodeFacts, EstimatedMark, ResultHead, useDue, useResultHeading } from './parts';
import { BackspaceIcon } from '../../components/icons';
import { errorText } from '../../api';
import {
  SECRET_ALPHABET,
  birthDateIso,
  canSendSecret,
  cleanBirthDigits,
  cleanSecretInput,
  factorProblem,
  formatBirthDigits,
  formatDay,
} from './model';

export type Factor = { secret: string } | { birthDate: string };

export function LookupStatusView({
  status,
  busy,
  error,
  onFactor,
}: {
  status: LookupStatus;
  busy: boolean;
  error: KioskError | undefined;
  onFactor: (factor: Factor) => void;
}) {
  const { t } = useTranslation();
  const heading = useResultHeading(status.code);
  const { today, due, dueNote } = useDue(status.dueDate, status.status);

  return (
    <div className="lookup-result lookup-status-only" data-testid="lookup-status-only">
      <ResultHead status={status.status} heading={heading} />
      <div className="lookup-result-body">
        <div className="lookup-result-main">
          <Advice status={status.status} />
          <dl className="lookup-facts">
            <CodeFacts code={status.code} portalCode={status.portalCode} provisional={status.provisional} />
            <div className="lookup-fact">
              <dt>{t('lookup.result.status')}</dt>
              <dd>{t(`lookup.status.${status.status}`)}</dd>
            </div>
            <div className="lookup-fact">
              <dt>{t('lookup.result.dueDate')}</dt>
              <dd data-testid="lookup-due">
                <time dateTime={status.dueDate} className="lookup-due-date">
                  {formatDay(status.dueDate)}
                </time>
                <EstimatedMark reception={status.reception} />
                {dueNote !== null ? (
                  <span className={`lookup-due-note${due.kind === 'late' ? ' is-late' : ''}`}>
                    {' '}
                    ({dueNote})
                  </span>
                ) : null}
              </dd>
            </div>
          </dl>
        </div>
        <FactorEntry busy={busy} error={error} onFactor={onFactor} today={today} />
      </div>
    </div>
  );
}

/** The choice of factor, its field and pad, and what went wrong with the last try. */
function FactorEntry({
  busy,
  error,
  onFactor,
  today,
}: {
  busy: boolean;
  error: KioskError | undefined;
  onFactor: (factor: Factor) => void;
  today: string;
}) {
  const { t, i18n } = useTranslation();
  const [mode, setMode] = useState<'secret' | 'birthDate'>('secret');
  const [secret, setSecret] = useState('');
  const [birth, setBirth] = useState('');
  const [birthInvalid, setBirthInvalid] = useState(false);
  const inputId = useId();
  const hintId = useId();
  const problem = error ? factorProblem(error) : null;
  const locked = problem === 'locked';
  // The pad may have scrolled the message's place off screen: bring a new refusal into view.
  const errorBox = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error) errorBox.current?.scrollIntoView({ block: 'center' });
  }, [error]);
  const ready = mode === 'secret' ? canSendSecret(secret) : cleanBirthDigits(birth).length === 8;
  const send = (): void => {
    if (busy || locked || !ready) return;
    // What is sent leaves the field, so a refused try starts from an empty one (as the staff PIN does).
    if (mode === 'secret') {
      setSecret('');
      return onFactor({ secret });
    }
    const iso = birthDateIso(birth, today);
    setBirthInvalid(iso === null);
    if (iso === null) return;
    setBirth('');
    onFactor({ birthDate: iso });
  };
  const keys = mode === 'secret' ? [...SECRET_ALPHABET] : ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'];
  const type = (key: string): void => {
    setBirthInvalid(false);
    if (mode === 'secret') setSecret(cleanSecretInput(secret + key));
    else setBirth(cleanBirthDigits(birth + key));
  };
  const value = mode === 'secret' ? secret : formatBirthDigits(birth);

  return (
    <section className="lookup-factor" aria-labelledby="lookup-factor-title" data-testid="lookup-factor">
      <h2 id="lookup-factor-title">{t('lookup.factor.heading')}</h2>
      {locked ? null : <p className="lookup-note">{t('lookup.factor.statusOnly')}</p>}
      {/* Always in the page, so screen readers hear a message put into it. */}
      <div
        ref={errorBox}
        role="alert"
        className={error || birthInvalid ? 'lookup-error' : 'error-box-empty'}
        data-testid="lookup-factor-error"
      >
        {birthInvalid ? (
          <p className="lookup-error-title">{t('lookup.factor.birthInvalid')}</p>
        ) : error ? (
          <>
            <p className="lookup-error-title">
              {problem === 'locked'
                ? t('lookup.factor.lockedTitle')
                : problem === 'wrong'
                  ? t('lookup.factor.wrongTitle')
                  : t('lookup.errors.otherTitle')}
            </p>
            <p>{errorText(error, i18n.language)}</p>
          </>
        ) : null}
      </div>
      {locked ? null : (
        <>
          <div className="factor-modes" role="group" aria-label={t('lookup.factor.choose')}>
            {(['secret', 'birthDate'] as const).map((m) => (
              <button
                key={m}
                type="button"
                className={`btn btn-lg factor-mode${mode === m ? ' is-selected' : ''}`}
                aria-pressed={mode === m}
                data-testid={`factor-mode-${m}`}
                onClick={() => {
                  setMode(m);
                  setBirthInvalid(false);
                }}
              >
                {t(m === 'secret' ? 'lookup.factor.secret' : 'lookup.factor.birthDate')}
              </button>
            ))}
          </div>
          <form
            className="lookup-type"
            onSubmit={(event) => {
              event.preventDefault();
              send();
            }}
          >
            <div className="field lookup-field">
              <label htmlFor={inputId}>
                {t(mode === 'secret' ? 'lookup.factor.secretLabel' : 'lookup.factor.birthLabel')}
              </label>
              <input
                id={inputId}
                className="lookup-code-input lookup-factor-input"
                data-testid="lookup-factor-input"
                value={value}
                autoComplete="off"
                autoCapitalize="characters"
                spellCheck={false}
                inputMode="none"
                data-osk="off"
                aria-describedby={hintId}
                aria-invalid={birthInvalid || problem === 'wrong' ? true : undefined}
                placeholder={mode === 'secret' ? '••••••' : 'dd/mm/yyyy'}
                disabled={locked}
                onChange={(e) => {
                  setBirthInvalid(false);
                  if (mode === 'secret') setSecret(cleanSecretInput(e.target.value));
                  else setBirth(cleanBirthDigits(e.target.value));
                }}
              />
              <p id={hintId} className="field-help">
                {t(mode === 'secret' ? 'lookup.factor.secretHint' : 'lookup.factor.birthHint')}
              </p>
            </div>
            <div
              className={`code-pad${mode === 'secret' ? ' secret-pad' : ' date-pad'}`}
              role="group"
              aria-label={t(mode === 'secret' ? 'lookup.factor.secretPad' : 'lookup.factor.birthPad')}
            >
              {keys.map((key) => (
                <button
                  key={key}
                  type="button"
                  className="btn code-key"
                  aria-controls={inputId}
                  data-testid={`factor-key-${key}`}
                  disabled={busy || locked}
                  onClick={() => type(key)}
                >
                  {key}
                </button>
              ))}
              <button
                type="button"
                className="btn code-key code-key-aux"
                aria-controls={inputId}
                aria-label={t('lookup.backspace')}
                data-testid="factor-key-backspace"
                disabled={busy || locked}
                onClick={() =>
                  mode === 'secret' ? setSecret(secret.slice(0, -1)) : setBirth(birth.slice(0, -1))
                }
              >
                <BackspaceIcon />
              </button>
              <button
                type="button"
                className="btn code-key code-key-aux code-key-clear"
                aria-controls={inputId}
                data-testid="factor-key-clear"
                disabled={busy || locked}
                onClick={() => (mode === 'secret' ? setSecret('') : setBirth(''))}
              >
                {t('lookup.clear')}
              </button>
            </div>
            <button
              type="submit"
              className="btn btn-primary btn-xl lookup-submit"
              data-testid="lookup-factor-submit"
              disabled={busy || locked || !ready}
            >
              {busy ? t('lookup.factor.checking') : t('lookup.factor.submit')}
            </button>
          </form>
        </>
      )}
    </section>
  );
}
