import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Bilingual, KioskError, QueueService, Ticket } from '../../../../../preload/api';
import { errorText } from '../../../api';
import { useKiosk } from '../../../context';
import { HomeIcon, PriorityIcon } from '../../../components/icons';
import { useScan, type ScanOutcome } from '../../../hooks/useScan';
import { LinkBanner } from './LinkBanner';
import { issueLinkedTicket, queueScan, type QueueLink } from './link';

type Category = { id: string; name: Bilingual };

/** Opening hours change while the screen is up (a service opens at 07:30): re-read them now and then. */
const SERVICES_REFRESH_MS = 60_000;

export const nameIn = (names: Bilingual, language: string): string =>
  language === 'en' ? names.en : names.vi;

/**
 * Large service tiles: one tap takes a ticket. Priority is a secondary control above them: choose a
 * category first, and the next tap issues a priority ticket. The ticket can be linked to a dossier (issue
 * 22): the draft the citizen came from ("Nhờ cán bộ giúp"), or a receipt QR scanned here, since this
 * screen reads scans itself (any other scan goes back to the shell's `onOtherScan`).
 */
export function ServicePicker({
  onTicket,
  onHome,
  link: linkGiven = null,
  onBackToDossier,
  onOtherScan,
}: {
  onTicket: (ticket: Ticket) => void;
  onHome: () => void;
  link?: QueueLink | null;
  /** With a draft link: back to the wizard on that draft instead of taking a ticket. */
  onBackToDossier?: () => void;
  onOtherScan?: (outcome: ScanOutcome) => void;
}) {
  const { t, i18n } = useTranslation();
  const client = useKiosk();
  const heading = useRef<HTMLHeadingElement>(null);
  const [services, setServices] = useState<QueueService[] | null>(null);
  const [categories, setCategories] = useState<Category[]>([]);
  const [priorityOpen, setPriorityOpen] = useState(false);
  const [category, setCategory] = useState<Category | undefined>();
  const [error, setError] = useState<KioskError | undefined>();
  const [pending, setPending] = useState(false);
  const [link, setLink] = useState<QueueLink | null>(linkGiven);
  const [oldReceipt, setOldReceipt] = useState(false);

  useScan((outcome) => {
    const scan = queueScan(outcome.result);
    if (scan.kind === 'other') return onOtherScan?.(outcome);
    // The draft the citizen came with stays theirs; a receipt scanned now names the dossier instead.
    setOldReceipt(scan.kind === 'receipt-without-secret');
    if (scan.kind === 'link') setLink(scan.link);
  });

  useEffect(() => heading.current?.focus(), []);

  const loadServices = useCallback(async (): Promise<boolean> => {
    const result = await client.call('queue.services', {});
    if (result.ok) setServices(result.value);
    else setError(result.error);
    return result.ok;
  }, [client]);

  useEffect(() => {
    let live = true;
    void client.call('queue.services', {}).then((result) => {
      if (!live) return;
      if (result.ok) setServices(result.value);
      else setError(result.error);
    });
    void client.call('queue.priorityCategories', {}).then((result) => {
      if (live && result.ok) setCategories(result.value);
    });
    const id = window.setInterval(() => {
      void client.call('queue.services', {}).then((result) => {
        if (live && result.ok) setServices(result.value);
      });
    }, SERVICES_REFRESH_MS);
    // Waiting counts follow the board live, so the tiles never show a stale queue.
    const off = client.on('queue.board', (board) => {
      const counts = new Map(board.waiting.map((w) => [w.serviceId, w.count]));
      setServices((list) =>
        list ? list.map((s) => (counts.has(s.id) ? { ...s, waiting: counts.get(s.id) ?? 0 } : s)) : list,
      );
    });
    return () => {
      live = false;
      window.clearInterval(id);
      off();
    };
  }, [client]);

  const issue = async (service: QueueService): Promise<void> => {
    if (pending) return;
    setPending(true);
    setError(undefined);
    const result = await issueLinkedTicket(
      client,
      { serviceId: service.id, ...(category ? { priority: category.id } : {}) },
      link,
    );
    setPending(false);
    if (result.ok) {
      onTicket(result.value);
      return;
    }
    setError(result.error);
    // A closed service or a full day changes what the tiles should say: read them again.
    void loadServices();
  };

  const language = i18n.language;
  const lead = category
    ? t('queue.priority.chosen', { name: nameIn(category.name, language) })
    : t('queue.lead');

  return (
    <section className="queue" aria-labelledby="queue-title" aria-busy={pending}>
      <div className="queue-intro">
        <h1 id="queue-title" ref={heading} tabIndex={-1}>
          {t('queue.heading')}
        </h1>
        <p className={category ? 'queue-lead is-priority' : 'queue-lead'} role="status">
          {lead}
        </p>
      </div>

      <LinkBanner link={link} receiptWithoutSecret={oldReceipt} onUnlink={() => setLink(null)} />

      {categories.length > 0 ? (
        <div className={category ? 'priority-panel is-chosen' : 'priority-panel'}>
          <div className="priority-row">
            <button
              type="button"
              className="btn btn-secondary priority-toggle"
              aria-expanded={priorityOpen}
              aria-controls="priority-categories"
              data-testid="priority-toggle"
              onClick={() => setPriorityOpen((open) => !open)}
            >
              <PriorityIcon />
              <span className="priority-toggle-text">
                <span>{t('queue.priority.toggle')}</span>
                <span className="priority-toggle-hint">
                  {category ? nameIn(category.name, language) : t('queue.priority.toggleHint')}
                </span>
              </span>
            </button>
            {category ? (
              <button
                type="button"
                className="btn btn-quiet priority-cancel"
                onClick={() => {
                  setCategory(undefined);
                  setPriorityOpen(false);
                }}
              >
                {t('queue.priority.cancel')}
              </button>
            ) : null}
          </div>
          <div id="priority-categories" className="priority-categories" hidden={!priorityOpen}>
            <p className="priority-question" id="priority-question">
              {t('queue.priority.choose')}
            </p>
            <div className="priority-options" role="group" aria-labelledby="priority-question">
              {categories.map((c) => (
                <button
                  key={c.id}
                  type="button"
                  className="btn btn-tool priority-option"
                  aria-pressed={category?.id === c.id}
                  data-testid={`priority-${c.id}`}
                  onClick={() => {
                    // Chosen: fold the list away so every service tile is back in view for the next tap.
                    setCategory(c);
                    setPriorityOpen(false);
                  }}
                >
                  {nameIn(c.name, language)}
                </button>
              ))}
            </div>
          </div>
        </div>
      ) : null}

      <div role="alert" className={error ? 'queue-error' : 'error-box-empty'} data-testid="queue-error">
        {error ? (
          <>
            <p className="queue-error-text">{errorText(error, language)}</p>
            <p className="queue-error-help">{t('queue.errorHelp')}</p>
          </>
        ) : null}
      </div>

      {services === null ? (
        error ? (
          <button type="button" className="btn btn-primary btn-xl" onClick={() => void loadServices()}>
            {t('queue.reload')}
          </button>
        ) : (
          <p role="status" className="queue-loading">
            {t('queue.loading')}
          </p>
        )
      ) : services.length === 0 ? (
        <p className="queue-empty">{t('queue.empty')}</p>
      ) : (
        <ul className="service-tiles" data-testid="queue-services" aria-label={t('queue.servicesLabel')}>
          {services.map((service) => (
            <li key={service.id}>
              <button
                type="button"
                className={service.open ? 'card-button service-tile' : 'card-button service-tile is-closed'}
                data-testid={`service-${service.id}`}
                disabled={!service.open || pending}
                onClick={() => void issue(service)}
              >
                <span className="service-prefix" aria-hidden="true">
                  {service.prefix}
                </span>
                <span className="service-text">
                  <span className="service-name">{nameIn(service.names, language)}</span>
                  <span className="sr-only">{t('queue.prefix', { prefix: service.prefix })}</span>
                  {service.open ? (
                    <span className="service-waiting">
                      {service.waiting > 0
                        ? t('queue.waiting', { count: service.waiting })
                        : t('queue.waitingNone')}
                    </span>
                  ) : (
                    <>
                      <span className="service-closed">{t('queue.closed')}</span>
                      <span className="service-hours">
                        {t('queue.hours', { open: service.hours.open, close: service.hours.close })}
                      </span>
                    </>
                  )}
                </span>
                {category && service.open ? (
                  <span className="badge badge-priority">{t('queue.priority.badge')}</span>
                ) : null}
              </button>
            </li>
          ))}
        </ul>
      )}

      <p role="status" className="queue-pending">
        {pending ? t('queue.issuing') : null}
      </p>

      <div className="queue-actions">
        {link?.kind === 'draft' && onBackToDossier ? (
          <button
            type="button"
            className="btn btn-secondary btn-xl"
            data-testid="queue-back-dossier"
            onClick={onBackToDossier}
          >
            {t('keep.queue.backToDossier')}
          </button>
        ) : null}
        <button type="button" className="btn btn-secondary btn-xl" data-testid="home-button" onClick={onHome}>
          <HomeIcon />
          <span>{t('queue.home')}</span>
        </button>
      </div>
    </section>
  );
}
