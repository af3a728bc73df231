/**
 * The counter console: pick the counter you sit at (remembered per browser), see its current ticket, call,
 * recall, serve, mark no-show, transfer, pause. The waiting list and recallable no-shows sit beside it.
 * Everything is refreshed after each action and, debounced, whenever the board changes.
 *
 * The state and what each answer does to it are the pure reducer of counter/model.ts; this component runs
 * the calls, the timers and the keyboard, and renders.
 */
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  KioskError,
  MethodInput,
  MethodName,
  MethodOutput,
  QueueService,
} from '../../../../preload/api';
import { useAppInfo, useKiosk } from '../../context';
import { ErrorRegion } from '../../components/ErrorRegion';
import { useCall } from '../../hooks/useCall';
import { shortcutAction, type CounterAction } from '../../lib/queue';
import { nameIn } from '../citizen/queue/ServicePicker';
import { TransferDialog } from './TransferDialog';
import { CounterActions, ShortcutList } from './counter/CounterActions';
import { CurrentTicket, TicketLists } from './counter/CounterTickets';
import { CardScan } from './counter/CardScan';
import { Handover } from './counter/Handover';
import type { HandoverTarget } from './counter/handover';
import { chosenCounter, counterCommand, counterReducer, initialCounterState } from './counter/model';
import { createShortcutGate } from './counter/shortcutGate';

const STORAGE_KEY = 'kiosk.counterId';
const BOARD_DEBOUNCE_MS = 250;
const TICK_MS = 15_000;

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

export function CounterPanel({ onError }: { onError: (error: KioskError) => boolean }) {
  const { t, i18n } = useTranslation();
  const client = useKiosk();
  const { clockOffsetMs } = useAppInfo();
  const language = i18n.language;

  const [state, dispatch] = useReducer(counterReducer, clockOffsetMs, (offset) =>
    initialCounterState(Date.now() + offset),
  );
  const { counters, counterId, lists, error, notice, transferOpen, now } = state;
  const busy = useRef(false);
  const seq = useRef(0);
  /** The dossier one tap opened (a called ticket's, a scanned card's or receipt's): shown instead of the counter. */
  const [opened, setOpened] = useState<HandoverTarget | null>(null);

  const fail = useCallback(
    (e: KioskError) => {
      if (!onError(e)) dispatch({ type: 'failed', error: e });
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
      dispatch({
        type: 'refreshed',
        forId: id,
        counters: c,
        waiting: w,
        stored: id === undefined && c.ok ? readStored() : null,
        now: Date.now() + clockOffsetMs,
      });
      if (!c.ok) fail(c.error);
      if (w !== undefined && !w.ok) fail(w.error);
    },
    [client, clockOffsetMs, fail],
  );

  useEffect(() => {
    void refresh(counterId);
  }, [refresh, counterId]);

  // The services' names, for "Lĩnh vực: …" and the transfer dialog; a refusal only leaves the names out.
  const services = useCall((c) => c.call('queue.services', {}), []).value ?? [];

  // The board changes whenever anyone calls, issues or pauses: refresh, debounced so a burst is one fetch.
  useEffect(() => {
    let timer: number | undefined;
    const off = client.on('queue.board', () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => void refresh(counterId), BOARD_DEBOUNCE_MS);
    });
    const tick = window.setInterval(
      () => dispatch({ type: 'tick', now: Date.now() + clockOffsetMs }),
      TICK_MS,
    );
    return () => {
      off();
      window.clearTimeout(timer);
      window.clearInterval(tick);
    };
  }, [client, refresh, counterId, clockOffsetMs]);

  const counter = chosenCounter(state);
  const current = counter?.current ?? null;

  const run = async <M extends MethodName>(
    name: M,
    input: MethodInput<M>,
    message: (value: MethodOutput<M>) => string,
  ): Promise<boolean> => {
    if (busy.current) return false;
    busy.current = true;
    dispatch({ type: 'call-start' });
    const result = await client.call(name, input);
    busy.current = false;
    if (result.ok) dispatch({ type: 'call-done', notice: message(result.value) });
    else {
      dispatch({ type: 'call-failed' });
      fail(result.error);
    }
    void refresh(counterId);
    return result.ok;
  };

  const act = (action: CounterAction): void => {
    // No shortcut calls a number behind an open dossier (a key pressed in the wizard is not meant for the queue).
    if (opened !== null) return;
    const command = counterCommand(action, state);
    switch (command?.kind) {
      case 'call': {
        const { method, counterId: id, done } = command;
        void run(method, { counterId: id }, (v) => t(`counter.done.${done}`, { number: v.number }));
        return;
      }
      case 'pause': {
        const { counterId: id, paused } = command;
        void run('queue.pause', { counterId: id, paused }, () =>
          paused ? t('counter.done.paused') : t('counter.done.resumed'),
        );
        return;
      }
      case 'transfer':
        dispatch({ type: 'transfer-open' });
        return;
    }
  };

  // Keyboard shortcuts, only when no field, select or dialog has the keyboard, and never a key of a
  // scanner's burst (counter/shortcutGate.ts): each is acted on a moment later, if it was pressed alone.
  const actRef = useRef(act);
  useEffect(() => {
    actRef.current = act;
  });
  useEffect(() => {
    const gate = createShortcutGate();
    let timer: number | undefined;
    const onKey = (event: KeyboardEvent): void => {
      if (event.ctrlKey || event.metaKey || event.altKey || event.repeat) return;
      const target = event.target as HTMLElement | null;
      const field = target?.closest('input, select, textarea, dialog, [contenteditable="true"]');
      const action = field ? undefined : shortcutAction(event.key);
      const ticket = gate.key(event.key, event.timeStamp, action);
      if (!action) return;
      event.preventDefault();
      if (ticket === null) return;
      window.clearTimeout(timer);
      timer = window.setTimeout(() => {
        const due = gate.due(ticket);
        if (due) actRef.current(due);
      }, gate.windowMs);
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.clearTimeout(timer);
    };
  }, []);

  const choose = (value: string): void => {
    const id = value === '' ? undefined : Number(value);
    store(id);
    dispatch({ type: 'chose', counterId: id });
  };

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

      {opened !== null ? (
        <Handover target={opened} onExit={() => setOpened(null)} onError={onError} />
      ) : counters === null ? (
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
            <CurrentTicket counter={counter} onOpenDossier={setOpened} />
            <CounterActions paused={counter.paused} hasCurrent={current !== null} onAct={act} />
            <p className="counter-notice" role="status">
              {notice}
            </p>
            {/* Keyed by the ticket: the next citizen called never sees the list the last one's card gave. */}
            <CardScan
              key={current?.id ?? 'none'}
              enabled={!transferOpen}
              onOpen={setOpened}
              onError={onError}
            />
            <ShortcutList />
          </div>

          <TicketLists
            lists={lists}
            now={now}
            onRecall={(ticket) =>
              void run('queue.recall', { counterId: counter.id, ticketId: ticket.id }, (v) =>
                t('counter.done.recalled', { number: v.number }),
              )
            }
          />
        </div>
      )}

      {transferOpen && current && counter ? (
        <TransferDialog
          ticket={current}
          counterId={counter.id}
          services={services}
          counters={counters ?? []}
          onCancel={() => dispatch({ type: 'transfer-close' })}
          onTransfer={(target) => {
            // Closed either way: an error then shows in the counter's alert region, not behind the modal.
            dispatch({ type: 'transfer-close' });
            void run('queue.transfer', { counterId: counter.id, ...target }, (v) =>
              t('counter.done.transferred', { number: v.number }),
            );
          }}
        />
      ) : null}
    </section>
  );
}
