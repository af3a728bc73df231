/** "Bước 2/6 — Khai thông tin": where the person is in the wizard, and a way back to any step. */
import { useTranslation } from 'react-i18next';
import { STEPS, stepIndex, type Step } from './lib/steps';

export function WizardSteps({
  current,
  canJump,
  onJump,
}: {
  current: Step;
  /** Steps after the privacy notice can be revisited once a draft exists. */
  canJump: boolean;
  onJump: (step: Step) => void;
}) {
  const { t } = useTranslation();
  const index = stepIndex(current);
  return (
    <nav className="wizard-steps" aria-label={t('dossier.wizard.stepsLabel')}>
      <p className="wizard-step-of">{t('dossier.wizard.stepOf', { n: index + 1, total: STEPS.length })}</p>
      <ol>
        {STEPS.map((step, i) => {
          const state = i < index ? 'is-done' : i === index ? 'is-current' : 'is-next';
          const label = (
            <>
              <span className="wizard-step-number" aria-hidden="true">
                {i + 1}
              </span>
              <span className="wizard-step-name">{t(`dossier.wizard.steps.${step}`)}</span>
            </>
          );
          return (
            <li key={step} className={state}>
              {canJump && step !== 'privacy' && i !== index ? (
                <button
                  type="button"
                  className="wizard-step-button"
                  data-testid={`wizard-step-${step}`}
                  onClick={() => onJump(step)}
                >
                  {label}
                </button>
              ) : (
                <span className="wizard-step-button" aria-current={i === index ? 'step' : undefined}>
                  {label}
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
