/** The wizard's bottom row: "Quay lại" on the left, the step's main action on the right. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export function WizardActions({
  onBack,
  onNext,
  nextLabel,
  busy = false,
  extra,
}: {
  onBack?: () => void;
  onNext: () => void;
  nextLabel?: string;
  busy?: boolean;
  extra?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className="wizard-actions">
      {onBack ? (
        <button type="button" className="btn btn-secondary btn-xl" data-testid="wizard-back" onClick={onBack}>
          ‹ {t('dossier.common.back')}
        </button>
      ) : (
        <span />
      )}
      {extra}
      <button
        type="button"
        className="btn btn-primary btn-xl"
        data-testid="wizard-next"
        disabled={busy}
        aria-busy={busy || undefined}
        onClick={onNext}
      >
        {nextLabel ?? t('dossier.common.next')} ›
      </button>
    </div>
  );
}
