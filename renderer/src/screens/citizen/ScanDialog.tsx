import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api';
import { featureOrder, type Feature } from './features';
import { formatDateTime } from '../dossier/lib/format';
import { isAvailable, type ResumableDraft, type ScanNotice } from './session';

/**
 * After a scan on the citizen screens: greet the person by name and offer what to do next (the home
 * tiles' actions, unbuilt ones marked "Sắp có"), or say calmly that the card could not be read and what to
 * do. A native modal <dialog>, like the idle dialog; Esc is "Không phải tôi / Huỷ".
 */
export function ScanDialog({
  notice,
  features,
  onOpen,
  onResume,
  onDismiss,
}: {
  notice: ScanNotice;
  features: readonly Feature[];
  onOpen: (feature: Feature) => void;
  /** "Làm tiếp hồ sơ đang dở": a draft this card took back. */
  onResume: (draft: ResumableDraft) => void;
  onDismiss: () => void;
}) {
  const { t, i18n } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const dismiss = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const resumeId = useId();

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    dismiss.current?.focus();
    return () => d?.close();
  }, []);

  return (
    <dialog
      ref={dialog}
      className="sheet scan-dialog"
      aria-labelledby={titleId}
      data-testid={notice.kind === 'error' ? 'scan-error' : 'scan-greeting'}
      onCancel={(event) => {
        event.preventDefault();
        onDismiss();
      }}
    >
      {notice.kind === 'person' ? (
        <>
          <h2 id={titleId} className="scan-title">
            {t('scan.greeting', { name: notice.name })}
          </h2>
          {notice.maskedId ? (
            <p className="scan-id">
              {t('scan.idLabel')}{' '}
              <span data-testid="scan-greeting-id" className="scan-id-value">
                {notice.maskedId}
              </span>
            </p>
          ) : null}
          {notice.drafts && notice.drafts.length > 0 ? (
            // Shown only after this card was scanned, and only the procedure and when it was started.
            <section className="scan-resume" aria-labelledby={resumeId} data-testid="scan-resume">
              <h3 id={resumeId} className="scan-resume-title">
                {t('scan.resumeHeading')}
              </h3>
              <ul className="scan-actions">
                {notice.drafts.map((draft) => (
                  <li key={draft.id}>
                    <button
                      type="button"
                      className="btn btn-primary btn-xl scan-action"
                      data-testid="scan-resume-draft"
                      onClick={() => onResume(draft)}
                    >
                      <span>{t('scan.resume', { procedure: draft.procedureName })}</span>{' '}
                      <span className="scan-resume-when">
                        {t('scan.resumeStarted', { time: formatDateTime(draft.createdAt) })}
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          <p className="scan-ask">{t('scan.askNext')}</p>
          <ul className="scan-actions">
            {featureOrder.map((feature) => (
              <li key={feature}>
                <button
                  type="button"
                  className="btn btn-secondary scan-action"
                  onClick={() => onOpen(feature)}
                >
                  <span>{t(`features.${feature}.title`)}</span>
                  {isAvailable(feature, features) ? null : (
                    <span className="badge badge-soon"> {t('home.comingSoon')}</span>
                  )}
                </button>
              </li>
            ))}
          </ul>
          <p className="scan-privacy">{t('scan.privacy')}</p>
        </>
      ) : notice.kind === 'receipt' ? (
        <>
          <h2 id={titleId} className="scan-title">
            {t('scan.receiptTitle')}
          </h2>
          <p>{t('scan.receiptBody')}</p>
        </>
      ) : (
        <>
          <h2 id={titleId} className="scan-title">
            {t('scan.errorTitle')}
          </h2>
          <p className="scan-error-message" role="alert">
            {errorText(notice.error, i18n.language)}
          </p>
          <p>{t('scan.errorHelp')}</p>
        </>
      )}
      <button
        ref={dismiss}
        type="button"
        className="btn btn-primary btn-xl"
        data-testid="scan-dismiss"
        onClick={onDismiss}
      >
        {notice.kind === 'person' ? t('scan.notMe') : t('scan.close')}
      </button>
    </dialog>
  );
}
