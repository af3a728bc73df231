/**
 * Step 5: the completeness check. Everything missing or wrong is listed at once (the law's "explain once
 * and completely", Mẫu 02), in main's plain words, each a button that goes straight to the field or paper
 * to fix.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckResult, KioskError, Problem } from '../../../../../preload/api';
import { errorText } from '../../../api';
import { CheckIcon, WarningIcon } from '../../../components/icons';
import { problemTarget } from '../lib/steps';
import { WizardActions } from './WizardActions';

export function CheckStep({
  result,
  error,
  checking,
  onRecheck,
  onFix,
  onBack,
  onNext,
  counter,
}: {
  result: CheckResult | null;
  error: KioskError | null;
  checking: boolean;
  onRecheck: () => void;
  onFix: (problem: Problem) => void;
  onBack: () => void;
  onNext: () => void;
  /** Staff at the counter: what they can do with an incomplete dossier (Mẫu 02, Mẫu 03). */
  counter?: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const problems = result?.problems ?? [];
  return (
    <div className="wizard-panel check" data-testid="step-check">
      <h2 className="step-heading">{t('dossier.check.heading')}</h2>
      <div role="status" className="check-status" data-testid="check-status">
        {checking ? (
          <p>{t('dossier.check.checking')}</p>
        ) : error ? null : result?.complete ? (
          <p className="check-complete" data-testid="check-complete">
            <CheckIcon /> <span>{t('dossier.check.complete')}</span>
          </p>
        ) : result ? (
          <p className="check-incomplete">
            <WarningIcon /> <span>{t('dossier.check.incomplete', { count: problems.length })}</span>
          </p>
        ) : null}
      </div>
      <div role="alert" className={error ? 'error-box' : 'error-box-empty'}>
        {error ? `${t('dossier.check.failed')} ${errorText(error, i18n.language)}` : null}
      </div>
      {!checking && problems.length > 0 ? (
        <ol className="check-problems" aria-label={t('dossier.check.listLabel')} data-testid="check-problems">
          {problems.map((problem, index) => {
            const text = errorText(problem, i18n.language);
            const fixable = problemTarget(problem) !== null;
            return (
              <li key={`${problem.code}-${problem.field ?? ''}-${problem.componentId ?? ''}-${index}`}>
                {fixable ? (
                  <button
                    type="button"
                    className="check-problem"
                    data-testid="check-problem"
                    data-component={problem.componentId}
                    data-field={problem.field}
                    onClick={() => onFix(problem)}
                  >
                    <span className="check-problem-text">{text}</span>
                    <span className="check-problem-fix" aria-hidden="true">
                      {t('dossier.check.fix')} ›
                    </span>
                  </button>
                ) : (
                  <p className="check-problem" data-testid="check-problem">
                    {text}
                  </p>
                )}
              </li>
            );
          })}
        </ol>
      ) : null}
      {counter !== undefined && !checking && result !== null && !result.complete ? counter : null}
      <WizardActions
        onBack={onBack}
        onNext={result?.complete ? onNext : onRecheck}
        nextLabel={result?.complete ? undefined : t('dossier.check.recheck')}
        busy={checking}
      />
    </div>
  );
}
