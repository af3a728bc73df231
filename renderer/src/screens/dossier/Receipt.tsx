/**
 * After submission: the dossier code as large as the screen allows ("mã hồ sơ tạm" when the kiosk issued
 * it offline), the due date, a QR of the code for lookups, what the printer is doing with the receipt, the
 * fee with a VietQR to pay it ("chưa thanh toán" until the portal says otherwise), and the rating.
 * Printing never blocks anything here: the code is on screen whatever the printer does.
 *
 * Filed by the citizen alone (reception `pending`, Nghị định 118/2025/NĐ-CP), the dossier is submitted,
 * not received: the screen says it waits for an officer, the date is only expected, the paper is the
 * submission slip, and Mẫu 01 comes when it is received. Filed with staff, it is Mẫu 01 at once.
 */
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrintJobEvent, Submitted } from '../../../../preload/api';
import { Rating } from '../../components/Rating';
import { CheckIcon, HomeIcon, PrinterIcon, QueueIcon, WarningIcon } from '../../components/icons';
import { formatAmount, formatDateTime, formatDay, langOf } from './lib/format';
import { receiptPrintView } from './lib/print';
import { QrImage } from './QrImage';
import { feeText } from './text';

export function Receipt({
  submitted,
  printEvents,
  onHome,
  onTicket,
}: {
  submitted: Submitted;
  printEvents: readonly PrintJobEvent[];
  onHome: () => void;
  /** "Lấy số gặp cán bộ": a queue ticket linked to this dossier by its code and secret (issue 22). */
  onTicket?: () => void;
}) {
  const { t, i18n } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const view = useMemo(
    () => receiptPrintView(submitted.receipt.jobIds, printEvents),
    [submitted, printEvents],
  );
  const PrintIcon =
    view === 'done' ? CheckIcon : view === 'problem' || view === 'failed' ? WarningIcon : PrinterIcon;
  const amount = formatAmount(submitted.fee.amount, langOf(i18n.language));
  const pending = submitted.reception === 'pending';
  const printKey =
    submitted.receipt.form === 'slip' ? 'dossier.receipt.pending.print' : 'dossier.receipt.print';

  return (
    <section
      className="receipt"
      data-testid="receipt"
      data-reception={submitted.reception}
      aria-labelledby="receipt-title"
    >
      <div className="receipt-card">
        <h1 id="receipt-title" className="receipt-title" ref={heading} tabIndex={-1}>
          <CheckIcon /> {pending ? t('dossier.receipt.pending.heading') : t('dossier.receipt.heading')}
        </h1>
        <div className="receipt-main">
          <div className="receipt-code-block">
            <p className="receipt-code-label">
              {submitted.provisional ? t('dossier.receipt.codeProvisional') : t('dossier.receipt.code')}
            </p>
            <p className="receipt-code" data-testid="receipt-code">
              {submitted.code}
            </p>
            {submitted.provisional ? (
              <p className="receipt-provisional">{t('dossier.receipt.provisionalNote')}</p>
            ) : null}
            {submitted.lookupSecret ? (
              <div className="receipt-secret">
                <p className="receipt-code-label">{t('dossier.receipt.secret')}</p>
                <p className="receipt-secret-value" data-testid="receipt-secret">
                  {submitted.lookupSecret}
                </p>
                <p>{t('dossier.receipt.secretHint')}</p>
              </div>
            ) : null}
            <dl className="receipt-facts">
              <div>
                <dt>{t('dossier.receipt.procedure')}</dt>
                <dd>{submitted.procedureName}</dd>
              </div>
              <div>
                <dt>{pending ? t('dossier.receipt.pending.submitted') : t('dossier.receipt.received')}</dt>
                <dd>{formatDateTime(submitted.receivedAt)}</dd>
              </div>
              <div className="receipt-due">
                <dt>{pending ? t('dossier.receipt.pending.due') : t('dossier.receipt.due')}</dt>
                <dd data-testid="receipt-due">
                  <strong>{formatDay(submitted.dueDate)}</strong>
                  {submitted.dueDateEstimated && !pending ? ` ${t('dossier.receipt.dueEstimated')}` : ''}
                </dd>
              </div>
            </dl>
            {pending ? (
              <p className="receipt-pending-due">{t('dossier.receipt.pending.dueEstimated')}</p>
            ) : null}
          </div>
          <div className="receipt-qr">
            <QrImage
              text={submitted.lookupSecret ? `${submitted.code}#${submitted.lookupSecret}` : submitted.code}
              label={t('dossier.receipt.qrLabel', { code: submitted.code })}
              testId="receipt-qr"
            />
            <p>{t('dossier.receipt.qrHint')}</p>
          </div>
        </div>

        <div
          className={`receipt-print is-${view}`}
          role="status"
          data-testid="receipt-print"
          data-status={view}
        >
          <PrintIcon />
          <span>
            {t(`${printKey}.${view}`)}
            {view === 'done' || view === 'queued' || view === 'sent'
              ? ` (${t('dossier.receipt.copies', { count: submitted.receipt.copies })})`
              : ''}
          </span>
        </div>

        {pending ? (
          <p className="receipt-next" data-testid="receipt-next">
            {t('dossier.receipt.pending.next')}
          </p>
        ) : null}
        {submitted.fee.amount > 0 ? (
          <div className="receipt-fee" data-testid="receipt-fee">
            <h2>{t('dossier.receipt.fee')}</h2>
            <p className="receipt-fee-amount">
              {feeText(t, submitted.fee, i18n.language)}{' '}
              {submitted.payment ? (
                <span
                  className={submitted.payment.paid ? 'badge badge-paid' : 'badge badge-unpaid'}
                  data-testid="receipt-paid"
                >
                  {submitted.payment.paid ? t('dossier.receipt.paid') : t('dossier.receipt.unpaid')}
                </span>
              ) : null}
            </p>
            {submitted.fee.text ? <p className="receipt-fee-text">{submitted.fee.text}</p> : null}
            {submitted.payment && !submitted.payment.paid ? (
              <div className="receipt-vietqr">
                <QrImage
                  text={submitted.payment.payload}
                  label={t('dossier.receipt.vietQrLabel', { amount })}
                  size={240}
                  testId="receipt-vietqr"
                />
                <p>{t('dossier.receipt.payHint')}</p>
              </div>
            ) : submitted.payment ? null : (
              <p>{t('dossier.receipt.payAtCounter')}</p>
            )}
          </div>
        ) : null}

        <p className="receipt-keep">
          {pending ? t('dossier.receipt.pending.keep') : t('dossier.receipt.keep')}
        </p>
        <Rating context="submit" code={submitted.code} />
        {onTicket ? (
          <button
            type="button"
            className="btn btn-secondary btn-xl receipt-ticket"
            data-testid="receipt-ticket"
            onClick={onTicket}
          >
            <QueueIcon />
            <span>{t('keep.receipt.ticket')}</span>
          </button>
        ) : null}
        <button
          type="button"
          className="btn btn-primary btn-xl receipt-done"
          data-testid="receipt-done"
          onClick={onHome}
        >
          <HomeIcon />
          <span>{t('dossier.receipt.done')}</span>
        </button>
      </div>
    </section>
  );
}
