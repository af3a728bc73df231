/**
 * "Xem biên nhận": the receipt PDF of one dossier in a modal dialog, with a download of the same file
 * for a browser whose PDF viewer is off.
 *
 * The PDF is shown from a `blob:` URL in an <iframe>. That needs `frame-src blob:` in the CSP
 * (main/core/policy/csp.ts), and in Electron the window's built-in PDF viewer (`webPreferences.plugins`).
 * A download through a temporary link is a navigation, not a fetch, so it works whatever the CSP says.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskError, Result } from '../../../../preload/api';
import { localError } from '../../api';
import { useCall } from '../../hooks/useCall';
import { ErrorRegion } from '../../components/ErrorRegion';
import { base64ToBytes, looksLikePdf, receiptFileName } from './dossierModel';

export function ReceiptDialog({
  code,
  onClose,
  onError,
}: {
  code: string;
  onClose: () => void;
  onError: (error: KioskError) => boolean;
}) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  // The page's CSP may not allow a blob: frame (frame-src): then say so and offer the download alone,
  // rather than leave a broken-frame icon.
  const [frameBlocked, setFrameBlocked] = useState(false);

  useEffect(() => {
    const onViolation = (event: SecurityPolicyViolationEvent): void => {
      if (event.effectiveDirective.startsWith('frame-src') || event.effectiveDirective === 'default-src')
        if (event.blockedURI.startsWith('blob')) setFrameBlocked(true);
    };
    document.addEventListener('securitypolicyviolation', onViolation);
    return () => document.removeEventListener('securitypolicyviolation', onViolation);
  }, []);

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    closeButton.current?.focus();
    return () => d?.close();
  }, []);

  // The PDF, checked to be one, as a blob: URL for the frame and the download. The URL belongs to its
  // call and is given back when the call is dropped (another code, the dialog closed).
  const receipt = useCall(
    async (c, signal): Promise<Result<string> | null> => {
      const result = await c.call('dossier.receipt', { code });
      if (!result.ok) return result;
      const bytes = base64ToBytes(result.value.pdfBase64);
      if (!looksLikePdf(bytes))
        return { ok: false, error: localError('bad-response', (m) => m.errors.badResponse) };
      if (signal.aborted) return null;
      const made = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
      signal.addEventListener('abort', () => URL.revokeObjectURL(made));
      return { ok: true, value: made };
    },
    [code],
    { onError },
  );
  const { error } = receipt;
  const url = receipt.stale ? null : (receipt.value ?? null);

  return (
    <dialog
      ref={dialog}
      className="receipt-dialog"
      aria-labelledby={titleId}
      data-testid="receipt-dialog"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <div className="receipt-dialog-head">
        <h2 id={titleId}>{t('staffDossier.receipt.title', { code })}</h2>
        <div className="receipt-dialog-tools">
          {url !== null ? (
            <a
              className="btn btn-secondary"
              href={url}
              download={receiptFileName(code)}
              data-testid="receipt-download"
            >
              {t('staffDossier.receipt.download')}
            </a>
          ) : null}
          <button
            ref={closeButton}
            type="button"
            className="btn btn-primary"
            data-testid="receipt-close"
            onClick={onClose}
          >
            {t('staffDossier.receipt.close')}
          </button>
        </div>
      </div>
      <ErrorRegion error={error} testId="receipt-error" />
      {url === null ? (
        error ? null : (
          <p role="status">{t('staffDossier.receipt.loading')}</p>
        )
      ) : (
        <>
          {frameBlocked ? (
            <p className="receipt-blocked" data-testid="receipt-blocked">
              {t('staffDossier.receipt.blocked')}
            </p>
          ) : (
            <iframe
              className="receipt-frame"
              src={url}
              title={t('staffDossier.receipt.frameTitle', { code })}
              data-testid="receipt-frame"
            />
          )}
          <p className="receipt-fallback">{t('staffDossier.receipt.fallback')}</p>
        </>
      )}
    </dialog>
  );
}
