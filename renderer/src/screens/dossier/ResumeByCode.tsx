/**
 * "Làm tiếp hồ sơ đã lưu" (issue 22): the code printed on the save slip and the citizen's birth date give
 * the draft back (dossier.resumeByCode); the wizard then opens it as after a reload (its new token is the
 * stored draft's). A wrong code and a wrong date get one answer; after too many tries only staff can open
 * it, and the screen says to ask at the counter.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskError } from '../../../../preload/api';
import { ErrorRegion } from '../../components/ErrorRegion';
import { useKiosk } from '../../context';
import { BirthDateField } from './SaveLater';
import { isParkCode, normaliseParkCode, resumeByCode } from './lib/keep';
import '../../styles/keep.css';

type Problem = 'code' | 'birth' | 'wrong' | 'locked' | null;

export function ResumeByCode({
  onResumed,
  onBack,
}: {
  onResumed: (draft: { id: string; procedureId: string }) => void;
  onBack: () => void;
}) {
  const { t } = useTranslation();
  const client = useKiosk();
  const heading = useRef<HTMLHeadingElement>(null);
  const [code, setCode] = useState('');
  const [birth, setBirth] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem>(null);
  const [error, setError] = useState<KioskError | undefined>();
  useEffect(() => heading.current?.focus(), []);

  const submit = async (): Promise<void> => {
    if (busy) return;
    setError(undefined);
    if (!isParkCode(code)) return setProblem('code');
    if (birth === null) return setProblem('birth');
    setProblem(null);
    setBusy(true);
    const outcome = await resumeByCode(client, code, birth);
    setBusy(false);
    if (outcome.kind === 'resumed') return onResumed(outcome);
    if (outcome.kind === 'failed') return setError(outcome.error);
    setProblem(outcome.kind);
  };

  const message =
    problem === 'wrong'
      ? t('keep.resume.wrong')
      : problem === 'locked'
        ? t('keep.resume.locked')
        : problem === 'code'
          ? t('keep.resume.codeInvalid')
          : null;

  return (
    <section className="keep-resume" data-testid="keep-resume" aria-labelledby="keep-resume-title">
      <h1 id="keep-resume-title" ref={heading} tabIndex={-1}>
        {t('keep.resume.title')}
      </h1>
      <p>{t('keep.resume.lead')}</p>
      <form
        className="keep-field"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <label htmlFor="keep-code" className="df-label">
          {t('keep.resume.codeLabel')}
        </label>
        <input
          id="keep-code"
          className="df-input keep-input keep-code-input"
          type="text"
          data-osk="text"
          data-telex="off"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={8}
          value={code}
          aria-invalid={problem === 'code' ? true : undefined}
          aria-describedby="keep-code-hint"
          onChange={(e) => setCode(normaliseParkCode(e.target.value))}
        />
        <p id="keep-code-hint" className="keep-hint">
          {t('keep.resume.codeHint')}
        </p>
        <BirthDateField
          id="keep-resume-birth"
          label={t('keep.birth.label')}
          hint={t('keep.birth.hint')}
          invalid={problem === 'birth' ? t('keep.birth.invalid') : null}
          onChange={setBirth}
        />
        <div
          role="alert"
          className={message ? 'keep-field-error' : 'error-box-empty'}
          data-testid="keep-resume-error"
          data-problem={problem ?? ''}
        >
          {message}
        </div>
        <ErrorRegion error={error} />
        <p role="status" className="keep-busy">
          {busy ? t('keep.resume.opening') : null}
        </p>
        <div className="keep-actions">
          <button
            type="submit"
            className="btn btn-primary btn-xl"
            data-testid="keep-resume-open"
            disabled={busy}
          >
            {t('keep.resume.submit')}
          </button>
          <button
            type="button"
            className="btn btn-secondary btn-xl"
            data-testid="keep-resume-back"
            onClick={onBack}
          >
            {t('keep.resume.back')}
          </button>
        </div>
      </form>
    </section>
  );
}
