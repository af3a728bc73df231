import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrintJobEvent, Ticket } from '../../../../../preload/api';
import { initialPrintView, type PrintView } from '../../../lib/queue';
import { CheckIcon, PrinterIcon, WarningIcon } from '../../../components/icons';
import { nameIn } from './ServicePicker';
import '../../../styles/keep.css';

const printKey = {
  queued: 'ticket.print.queued',
  sent: 'ticket.print.sent',
  done: 'ticket.print.done',
  problem: 'ticket.print.problem',
  failed: 'ticket.print.failed',
  none: 'ticket.print.none',
} as const satisfies Record<PrintView, string>;

const printTone: Record<PrintView, string> = {
  queued: 'is-busy',
  sent: 'is-busy',
  done: 'is-ok',
  problem: 'is-warn',
  failed: 'is-warn',
  none: 'is-info',
};

/**
 * The ticket: the number as large as the screen allows, so it can be read, remembered or written down
 * whatever the printer does. Printing never blocks anything here; its status only changes a line of text.
 */
export function TicketView({
  ticket,
  printEvents,
  onDone,
}: {
  ticket: Ticket;
  printEvents: readonly PrintJobEvent[];
  onDone: () => void;
}) {
  const { t, i18n } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const view = useMemo(() => initialPrintView(ticket, printEvents), [ticket, printEvents]);
  const wait = ticket.estimatedWaitMinutes;
  const Icon =
    view === 'done' ? CheckIcon : view === 'problem' || view === 'failed' ? WarningIcon : PrinterIcon;

  return (
    <section className="ticket" data-testid="ticket" aria-labelledby="ticket-title">
      <div className={ticket.priority ? 'ticket-card is-priority' : 'ticket-card'}>
        <div className="ticket-head">
          <h1 id="ticket-title" className="ticket-title" ref={heading} tabIndex={-1}>
            {t('ticket.title')}
          </h1>
          <p className="ticket-number" data-testid="ticket-number">
            {ticket.number}
          </p>
          {ticket.priority ? (
            <p className="badge badge-priority ticket-priority" data-testid="ticket-priority">
              {t('ticket.priority')}
            </p>
          ) : null}
          <p className="ticket-service" data-testid="ticket-service">
            {nameIn(ticket.serviceNames, i18n.language)}
          </p>
          {ticket.dossier ? (
            <div className="ticket-link" data-testid="ticket-dossier">
              {ticket.dossier.code ? <p>{t('keep.ticket.receipt', { code: ticket.dossier.code })}</p> : null}
              <p>{t('keep.ticket.dossier', { number: ticket.number })}</p>
            </div>
          ) : null}
        </div>
        <div className="ticket-info">
          <div className="ticket-facts">
            <p data-testid="ticket-ahead">{t('ticket.ahead', { n: ticket.peopleAhead })}</p>
            {wait === null ? null : (
              <p data-testid="ticket-wait">
                {wait === 0 ? t('ticket.waitNow') : t('ticket.wait', { count: wait })}
              </p>
            )}
          </div>
          <div
            className={`ticket-print ${printTone[view]}`}
            role="status"
            data-testid="ticket-print-status"
            data-status={view}
          >
            <Icon />
            <span>{t(printKey[view], { number: ticket.number })}</span>
          </div>
          <p className="ticket-watch">{t('ticket.watch')}</p>
          <button
            type="button"
            className="btn btn-primary btn-xl ticket-done"
            data-testid="ticket-done"
            onClick={onDone}
          >
            {t('ticket.done')}
          </button>
        </div>
      </div>
    </section>
  );
}
