/**
 * On the service picker: what the next ticket is linked to (the draft being filled, or the dossier of a
 * scanned receipt), said before the service is chosen; without a link, that a receipt QR can make one.
 * The line is a live region that stays in the page, so a link made by a scan is announced.
 */
import { useTranslation } from 'react-i18next';
import type { QueueLink } from './link';
import '../../../styles/keep.css';

export function LinkBanner({
  link,
  receiptWithoutSecret,
  onUnlink,
}: {
  link: QueueLink | null;
  /** A receipt printed before it carried a "Mã tra cứu" was scanned: it cannot be linked. */
  receiptWithoutSecret: boolean;
  onUnlink: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div role="status" data-testid="queue-link-region">
      {link ? (
        <div className="queue-link" data-testid="queue-link" data-kind={link.kind}>
          <span>
            {link.kind === 'receipt'
              ? t('keep.queue.receiptLink', { code: link.code })
              : t('keep.queue.draftLink')}
          </span>
          {link.kind === 'receipt' ? (
            <button type="button" className="btn btn-secondary" data-testid="queue-unlink" onClick={onUnlink}>
              {t('keep.queue.unlink')}
            </button>
          ) : null}
        </div>
      ) : (
        <p className="queue-scan-hint">
          {receiptWithoutSecret ? t('keep.queue.receiptWithoutSecret') : t('keep.queue.scanHint')}
        </p>
      )}
    </div>
  );
}
