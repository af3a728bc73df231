import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CounterView, QueueService, Ticket } from '../../../../preload/api';
import { nameIn } from '../citizen/queue/ServicePicker';

export type TransferTarget = { toServiceId: string } | { toCounterId: number };

/** "Chuyển": send the current ticket to another service or another counter (it keeps its number). */
export function TransferDialog({
  ticket,
  counterId,
  services,
  counters,
  onCancel,
  onTransfer,
}: {
  ticket: Ticket;
  counterId: number;
  services: readonly QueueService[];
  counters: readonly CounterView[];
  onCancel: () => void;
  onTransfer: (target: TransferTarget) => void;
}) {
  const { t, i18n } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const language = i18n.language;

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);

  const otherServices = services.filter((s) => s.id !== ticket.serviceId);
  const otherCounters = counters.filter((c) => c.id !== counterId);

  return (
    <dialog
      ref={dialog}
      className="sheet transfer-dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <h2 id={titleId}>{t('counter.transferTitle', { number: ticket.number })}</h2>
      <div className="transfer-groups">
        <section aria-labelledby={`${titleId}-s`}>
          <h3 id={`${titleId}-s`}>{t('counter.transferToService')}</h3>
          <ul className="transfer-options">
            {otherServices.map((s) => (
              <li key={s.id}>
                <button
                  type="button"
                  className="btn btn-secondary"
                  data-testid={`transfer-service-${s.id}`}
                  onClick={() => onTransfer({ toServiceId: s.id })}
                >
                  <span className="transfer-prefix" aria-hidden="true">
                    {s.prefix}
                  </span>
                  <span>{nameIn(s.names, language)}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby={`${titleId}-c`}>
          <h3 id={`${titleId}-c`}>{t('counter.transferToCounter')}</h3>
          <ul className="transfer-options">
            {otherCounters.map((c) => (
              <li key={c.id}>
                <button
                  type="button"
                  className="btn btn-secondary"
                  data-testid={`transfer-counter-${c.id}`}
                  onClick={() => onTransfer({ toCounterId: c.id })}
                >
                  {nameIn(c.name, language)}
                </button>
              </li>
            ))}
          </ul>
        </section>
      </div>
      <button type="button" className="btn btn-tool transfer-cancel" autoFocus onClick={onCancel}>
        {t('counter.transferCancel')}
      </button>
    </dialog>
  );
}
