/**
 * What the counter shows of its tickets: the current one (or none, and whether the counter is paused),
 * and beside it the waiting list with how long each has waited and the no-shows that can be called back.
 */
import { useTranslation } from 'react-i18next';
import type { CounterView, Ticket } from '../../../../../preload/api';
import { formatDuration } from '../../../components/duration';
import { centreTime, minutesSince } from '../../../lib/queue';
import { nameIn } from '../../citizen/queue/ServicePicker';
import type { HandoverTarget } from './handover';
import { LinkedDossier } from './LinkedDossier';
import type { Lists } from './model';

/** The called number, and beside it the dossier the ticket was taken with (one tap opens it). */
export function CurrentTicket({
  counter,
  onOpenDossier,
}: {
  counter: CounterView;
  onOpenDossier: (target: HandoverTarget) => void;
}) {
  const { t, i18n } = useTranslation();
  const current = counter.current;
  return (
    <div
      className={counter.paused ? 'current-ticket is-paused' : 'current-ticket'}
      data-testid="current-ticket"
    >
      <p className="current-label">{t('counter.current')}</p>
      {current ? (
        <>
          <p className="current-number">{current.number}</p>
          <p className="current-service">
            {nameIn(current.serviceNames, i18n.language)}
            {current.priority ? <span className="badge badge-priority">{t('counter.priority')}</span> : null}
          </p>
          <p className="current-meta">
            {t('counter.currentCalledAt', { time: centreTime(current.issuedAt) })}
          </p>
          <LinkedDossier ticket={current} onOpen={onOpenDossier} />
        </>
      ) : (
        <p className="current-none">{t('counter.currentNone')}</p>
      )}
      {counter.paused ? <p className="current-paused">{t('counter.paused')}</p> : null}
    </div>
  );
}

export function TicketLists({
  lists,
  now,
  onRecall,
}: {
  /** null while loading. */
  lists: Lists | null;
  now: number;
  onRecall: (ticket: Ticket) => void;
}) {
  const { t, i18n } = useTranslation();
  const serviceName = (ticket: Ticket): string => nameIn(ticket.serviceNames, i18n.language);
  return (
    <div className="counter-side">
      <section className="queue-list" aria-labelledby="waiting-title">
        <h3 id="waiting-title">{t('counter.waitingTitle', { count: lists?.waiting.length ?? 0 })}</h3>
        {lists === null ? (
          <p role="status">{t('counter.loading')}</p>
        ) : lists.waiting.length === 0 ? (
          <p className="queue-list-empty" data-testid="waiting-list">
            {t('counter.waitingEmpty')}
          </p>
        ) : (
          <ol className="ticket-list" data-testid="waiting-list">
            {lists.waiting.map((ticket) => (
              <li key={ticket.id} data-testid={`waiting-${ticket.number}`}>
                <span className="list-number">{ticket.number}</span>
                <span className="list-body">
                  <span>{serviceName(ticket)}</span>
                  <span className="list-meta">
                    {t('counter.waitedFor', {
                      time: formatDuration(t, minutesSince(ticket.issuedAt, now) * 60),
                    })}
                  </span>
                </span>
                {ticket.priority ? (
                  <span className="badge badge-priority">{t('counter.priority')}</span>
                ) : null}
              </li>
            ))}
          </ol>
        )}
      </section>

      <section className="queue-list" aria-labelledby="recallable-title">
        <h3 id="recallable-title">{t('counter.recallableTitle')}</h3>
        {lists === null ? null : lists.recallable.length === 0 ? (
          <p className="queue-list-empty">{t('counter.recallableEmpty')}</p>
        ) : (
          <ul className="ticket-list">
            {lists.recallable.map((ticket) => (
              <li key={ticket.id}>
                <span className="list-number">{ticket.number}</span>
                <span className="list-body">{serviceName(ticket)}</span>
                <button
                  type="button"
                  className="btn btn-secondary"
                  data-testid={`recall-${ticket.id}`}
                  aria-label={t('counter.recallTicketLabel', { number: ticket.number })}
                  onClick={() => onRecall(ticket)}
                >
                  {t('counter.recallTicket')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
