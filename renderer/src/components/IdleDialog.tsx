import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { announcement } from '../lib/idle';

/**
 * "Are you still here?" A native modal <dialog>: the browser makes the page behind it inert and keeps
 * focus inside, which a hand-made overlay gets wrong. Esc counts as "I'm still here".
 */
export function IdleDialog({
  secondsLeft,
  warningSeconds,
  onContinue,
}: {
  secondsLeft: number;
  warningSeconds: number;
  onContinue: () => void;
}) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const countdownId = useId();

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    button.current?.focus();
    return () => d?.close();
  }, []);

  // The live region speaks only now and then; the visible number changes each second.
  const spoken = announcement(secondsLeft, warningSeconds);

  return (
    <dialog
      ref={dialog}
      className="sheet idle-dialog"
      role="alertdialog"
      aria-modal="true"
      aria-labelledby={titleId}
      aria-describedby={countdownId}
      data-testid="idle-dialog"
      onCancel={(event) => {
        event.preventDefault();
        onContinue();
      }}
      // Chromium may close a modal on a repeated Esc without a cancel event; treat that as "still here" too.
      onClose={onContinue}
    >
      <h2 id={titleId} className="idle-title">
        {t('idle.title')}
      </h2>
      <p id={countdownId} className="idle-countdown" data-testid="idle-countdown">
        {t('idle.countdown', { count: secondsLeft })}
      </p>
      <p className="sr-only" aria-live="assertive" aria-atomic="true">
        {t('idle.countdown', { count: spoken })}
      </p>
      <p className="idle-privacy">{t('idle.privacy')}</p>
      <button
        ref={button}
        type="button"
        className="btn btn-primary btn-xl"
        data-testid="idle-continue"
        onClick={onContinue}
      >
        {t('idle.continue')}
      </button>
    </dialog>
  );
}
