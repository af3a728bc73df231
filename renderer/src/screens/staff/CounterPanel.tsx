/**
 * The counter console: pick the counter you sit at (remembered per browser), see its current ticket, call,
 * recall, serve, mark no-show, transfer, pause. The waiting list and recallable no-shows sit beside it.
 * Everything is refreshed after each action and, debounced, whenever the board changes.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  CounterView,
  KioskError,
  MethodInput,
  MethodName,
  MethodOutput,
  QueueService,
  Ticket,
} from '../../../../preload/api';
import { useAppInfo, useKiosk } from '../../context';
import { ErrorRegion } from '../../components/ErrorRegion';
import { formatDuration } from '../../components/duration';
import {
  centreTime,
  COUNTER_SHORTCUTS,
  minutesSince,
  rememberedCounter,
  shortcutAction,
  type CounterAction,
} from '../../lib/queue';
import { nameIn } from '../citizen/queue/ServicePicker';
import { TransferDialog } from './TransferDialog';

const STORAGE_KEY = 'kiosk.counterId';
const BOARD_DEBOUNCE_MS = 250;
const TICK_MS = 15_000;

type Lists = { waiting: Ticket[]; recallable: Ticket[] };

function readStored(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

function store(id: number | undefined): void {
  try {
    if (id === undefined) window.localStorage.removeItem(STORAGE_KEY);
    else window.localStorage.setItem(STORAGE_KEY, String(id));
  } catch {
    // Storage disabled: the choice lasts as long as the page.
  }
}

const actionLabel = {
  callNext: 'counter.callNext',
  recall: 'counter.recall',
  served: 'counter.served',
  noShow: 'counter.noShow',
  transfer: 'counter.transfer',
  pause: 'counter.pause',
} as const satisfies Record<CounterAction, string>;

export function CounterPanel({ onError }: { onError: (error: KioskError) => boolean }) {
  const { t, i18n } = useTranslation();
  const client = useKiosk();
  const { clockOffsetMs } = useAppInfo();
  const language = i18n.language;

  const [counters, setCounters] = useState<CounterView[] | null>(null);
  const [services, setServices] = useState<QueueService[]>([]);
  const [counterId, setCounterId] = useState<number | undefined>();
  const [lists, setLists] = useState<Lists | null>(null);
  const [error, setError] = useState<KioskError | undefined>();
  const [notice, setNotice] = useState('');
  const [transferOpen, setTransferOpen] = useState(false);
  const [now, setNow] = useState(() => Date.now() + clockOffsetMs);
  const busy = useRef(false);
  const seq = useRef(0);

  const fail = useCallback(
    (e: KioskError) => {
      if (!onError(e)) setError(e);
    },
    [onError],
  );

  const refresh = useCallback(
    async (id: number | undefined): Promise<void> => {
      const mine = ++seq.current;
      const [c, w] = await Promise.all([
        client.call('queue.counters', {}),
        id === undefined ? Promise.resolve(undefined) : client.call('queue.waiting', { counterId: id }),
      ]);
      if (mine !== seq.current) return; // a newer refresh is on its way
      setNow(Date.now() + clockOffsetMs);
      if (c.ok) {
        setCounters(c.value);
        if (id === undefined) {
          const remembered = rememberedCounter(
            readStored(),
            c.value.map((x) => x.id),
          );
          if (remembered !== undefined) setCounterId(remembered);
        }
      } else fail(c.error);
      if (w === undefined) setLists(null);
      else if (w.ok) setLists(w.value);
      else fail(w.error);
    },
    [client, clockOffsetMs, fail],
  );

  useEffect(() => {
    void refresh(counterId);
  }, [refresh, counterId]);

  useEffect(() => {
    let live = true;
    void client.call('queue.services', {}).then((r) => {
      if (live && r.ok) setServices(r.value);
    });
    return () => {
      live = false;
    };
  }, [client]);

  // The board changes whenever anyone calls, issues or pauses: refresh, debounced so a burst is one fetch.
  useEffect(() => {
    let timer: number | undefined;
    const off = client.on('queue.board', () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => void refresh(counterId), BOARD_DEBOUNCE_MS);
    });
    const tick = window.setInterval(() => setNow(Date.now() + clockOffsetMs), TICK_MS);
    return () => {
      off();
      window.clearTimeout(timer);
      window.clearInterval(tick);
    };
  }, [client, refresh, counterId, clockOffsetMs]);

  const counter = counters?.find((c) => c.id === counterId);
  const current = counter?.current ?? null;

  const run = async <M extends MethodName>(
    name: M,
    input: MethodInput<M>,
    message: (value: MethodOutput<M>) => string,
  ): Promise<boolean> => {
    if (busy.current) return false;
    busy.current = true;
    setError(undefined);
    const result = await client.call(name, input);
    busy.current = false;
    if (result.ok) setNotice(message(result.value));
    else {
      setNotice('');
      fail(result.error);
    }
    void refresh(counterId);
    return result.ok;
  };

  const act = (action: CounterAction): void => {
    if (counterId === undefined) return;
    switch (action) {
      case 'callNext':
        void run('queue.callNext', { counterId }, (v) => t('counter.done.called', { number: v.number }));
        return;
      case 'recall':
        void run('queue.recall', { counterId }, (v) => t('counter.done.recalled', { number: v.number }));
        return;
      case 'served':
        void run('queue.markServed', { counterId }, (v) => t('counter.done.served', { number: v.number }));
        return;
      case 'noShow':
        void run('queue.markNoShow', { counterId }, (v) => t('counter.done.noShow', { number: v.number }));
        return;
      case 'transfer':
        if (current) setTransferOpen(true);
        return;
      case 'pause': {
        const paused = !(counter?.paused ?? false);
        void run('queue.pause', { counterId, paused }, () =>
          paused ? t('counter.done.paused') : t('counter.done.resumed'),
        );
        return;
      }
    }
  };

  // Keyboard shortcuts, only when no field, select or dialog has the keyboard.
  const actRef = useRef(act);
  useEffect(() => {
    actRef.current = act;
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.ctrlKey || event.metaKey || event.altKey || event.repeat) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, select, textarea, dialog, [contenteditable="true"]')) return;
      const action = shortcutAction(event.key);
      if (!action) return;
      event.preventDefault();
      actRef.current(action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const serviceName = (ticket: Ticket): string => nameIn(ticket.serviceNames, language);
  const choose = (value: string): void => {
    const id = value === '' ? undefined : Number(value);
    store(id);
    setCounterId(id);
    setLists(null);
    setNotice('');
    setError(undefined);
  };

  const noCurrent = current === null;
  const button = (action: CounterAction, testId: string, className: string, disabled = false) => (
    <button
      type="button"
      className={`btn ${className}`}
      data-testid={testId}
      disabled={disabled}
      aria-keyshortcuts={COUNTER_SHORTCUTS[action]}
      onClick={() => act(action)}
    >
      <span>{t(actionLabel[action])}</span>
      <kbd aria-hidden="true">{COUNTER_SHORTCUTS[action]}</kbd>
    </button>
  );

  return (
    <section className="counter-panel" aria-labelledby="counter-title">
      <div className="counter-bar">
        <h2 id="counter-title">{t('counter.title')}</h2>
        <div className="field field-inline">
          <label htmlFor="counter-select">{t('counter.select')}</label>
          <select
            id="counter-select"
            data-testid="counter-select"
            value={counterId === undefined ? '' : String(counterId)}
            onChange={(e) => choose(e.target.value)}
          >
            <option value="">{t('counter.selectPlaceholder')}</option>
            {(counters ?? []).map((c) => (
              <option key={c.id} value={String(c.id)}>
                {nameIn(c.name, language)}
              </option>
            ))}
          </select>
        </div>
      </div>

      <ErrorRegion error={error} testId="counter-error" />

      {counters === null ? (
        <p role="status">{t('counter.loading')}</p>
      ) : !counter ? (
        <p className="counter-choose">{t('counter.chooseFirst')}</p>
      ) : (
        <div className="counter-layout">
          <div className="counter-main">
            <p className="counter-services">
              {t('counter.services', {
                list: counter.services
                  .map((id) => services.find((s) => s.id === id))
                  .filter((s): s is QueueService => s !== undefined)
                  .map((s) => nameIn(s.names, language))
                  .join(', '),
              })}
            </p>
            <div
              className={counter.paused ? 'current-ticket is-paused' : 'current-ticket'}
              data-testid="current-ticket"
            >
              <p className="current-label">{t('counter.current')}</p>
              {current ? (
                <>
                  <p className="current-number">{current.number}</p>
                  <p className="current-service">
                    {serviceName(current)}
                    {current.priority ? (
                      <span className="badge badge-priority">{t('counter.priority')}</span>
                    ) : null}
                  </p>
                  <p className="current-meta">
                    {t('counter.currentCalledAt', { time: centreTime(current.issuedAt) })}
                  </p>
                </>
              ) : (
                <p className="current-none">{t('counter.currentNone')}</p>
              )}
              {counter.paused ? <p className="current-paused">{t('counter.paused')}</p> : null}
            </div>

            <div className="counter-actions" role="group" aria-label={t('counter.actionsLabel')}>
              {button('callNext', 'call-next', 'btn-primary btn-xl action-next')}
              {button('recall', 'recall', 'btn-secondary', noCurrent)}
              {button('served', 'mark-served', 'btn-secondary', noCurrent)}
              {button('noShow', 'mark-no-show', 'btn-secondary', noCurrent)}
              {button('transfer', 'transfer', 'btn-secondary', noCurrent)}
              <button
                type="button"
                className="btn btn-tool action-pause"
                data-testid="pause-toggle"
                aria-pressed={counter.paused}
                aria-keyshortcuts={COUNTER_SHORTCUTS.pause}
                onClick={() => act('pause')}
              >
                <span>{counter.paused ? t('counter.resume') : t('counter.pause')}</span>
                <kbd aria-hidden="true">{COUNTER_SHORTCUTS.pause}</kbd>
              </button>
            </div>
            <p className="counter-notice" role="status">
              {notice}
            </p>

            <section className="shortcuts" aria-labelledby="shortcuts-title">
              <h3 id="shortcuts-title">{t('counter.shortcutsTitle')}</h3>
              <ul>
                {(Object.keys(COUNTER_SHORTCUTS) as CounterAction[]).map((a) => (
                  <li key={a}>
                    <kbd>{COUNTER_SHORTCUTS[a]}</kbd> {t(actionLabel[a])}
                  </li>
                ))}
              </ul>
              <p className="shortcuts-hint">{t('counter.shortcutsHint')}</p>
            </section>
          </div>

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
                        onClick={() =>
                          void run('queue.recall', { counterId: counter.id, ticketId: ticket.id }, (v) =>
                            t('counter.done.recalled', { number: v.number }),
                          )
                        }
                      >
                        {t('counter.recallTicket')}
                      </button>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          </div>
        </div>
      )}

      {transferOpen && current && counter ? (
        <TransferDialog
          ticket={current}
          counterId={counter.id}
          services={services}
          counters={counters ?? []}
          onCancel={() => setTransferOpen(false)}
          onTransfer={(target) => {
            // Closed either way: an error then shows in the counter's alert region, not behind the modal.
            setTransferOpen(false);
            void run('queue.transfer', { counterId: counter.id, ...target }, (v) =>
              t('counter.done.transferred', { number: v.number }),
            );
          }}
        />
      ) : null}
    </section>
  );
}
