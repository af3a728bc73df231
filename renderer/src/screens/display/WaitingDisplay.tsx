/**
 * The waiting-room display at /display: read-only, no sign-in, a dark high-legibility theme read from
 * across the room. Each counter's current number, the newest call large and highlighted for a few seconds
 * (with a chime and, given a Vietnamese voice, the call read aloud), and the last few calls.
 *
 * Privacy: the board carries numbers and counters only, never a name or an ID number; keep it that way.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useKiosk } from '../../context';
import { Brand } from '../../components/Brand';
import { Clock } from '../../components/Clock';
import { SpeakerIcon } from '../../components/icons';
import { useCall } from '../../hooks/useCall';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { callingNow, HIGHLIGHT_MS, type ShownCall } from '../../lib/queue';
import { nameIn } from '../citizen/queue/ServicePicker';
import { createDisplaySound, type DisplaySound } from './sound';

/** A safety net for a missed event (a socket that reconnected): re-read the board now and then. */
const BOARD_REFRESH_MS = 30_000;
const RECENT_SHOWN = 6;

export function WaitingDisplay() {
  const { t, i18n } = useTranslation();
  const client = useKiosk();
  const language = i18n.language;
  useDocumentTitle(t('waiting.title'));

  // A refused read keeps the board as it was: the room is told nothing, the next read or event mends it.
  const read = useCall((c) => c.call('queue.board', {}), []);
  const { reload, update } = read;
  const board = read.value ?? null;
  const [latest, setLatest] = useState<ShownCall | null>(null);
  const [soundBlocked, setSoundBlocked] = useState(false);
  const sound = useRef<DisplaySound | null>(null);
  const seq = useRef(0);

  // The dark theme reaches <html> so the page background and scrollbars match.
  useEffect(() => {
    document.documentElement.classList.add('display-theme');
    return () => document.documentElement.classList.remove('display-theme');
  }, []);

  useEffect(() => {
    const s = createDisplaySound(window);
    sound.current = s;
    const off = s.onBlockedChange(setSoundBlocked);
    return () => {
      off();
      s.close();
      sound.current = null;
    };
  }, []);

  useEffect(() => {
    const id = window.setInterval(reload, BOARD_REFRESH_MS);
    const offBoard = client.on('queue.board', (next) => update(() => next));
    const offCall = client.on('queue.called', (call) => {
      seq.current += 1;
      setLatest({
        number: call.number,
        counterId: call.counterId,
        recall: call.recall,
        at: call.at,
        fresh: true,
        seq: seq.current,
      });
      sound.current?.announce(call.announcement.vi);
    });
    return () => {
      window.clearInterval(id);
      offBoard();
      offCall();
    };
  }, [client, reload, update]);

  // The highlight fades after HIGHLIGHT_MS; a newer call restarts it.
  const freshSeq = latest?.fresh ? latest.seq : undefined;
  useEffect(() => {
    if (freshSeq === undefined) return;
    const id = window.setTimeout(
      () => setLatest((l) => (l && l.seq === freshSeq ? { ...l, fresh: false } : l)),
      HIGHLIGHT_MS,
    );
    return () => window.clearTimeout(id);
  }, [freshSeq]);

  // Before any call event (a display switched on mid-day, a reload) the call comes from the board, and
  // only one a counter is still serving is shown as "Mời số".
  const shown = callingNow(board, latest);
  const calledToday = (board?.recentCalls.length ?? 0) > 0;

  const counterName = (id: number): string => {
    const c = board?.counters.find((x) => x.id === id);
    return c ? nameIn(c.name, language) : String(id);
  };

  return (
    <div className="waiting display-dark">
      <header className="waiting-header">
        <Brand />
        <Clock />
      </header>

      <main className="display-main" id="main" data-testid="display-board">
        <h1 className="sr-only">{t('waiting.boardLabel')}</h1>

        <section
          className={shown?.fresh ? 'display-latest is-fresh' : 'display-latest'}
          data-testid="display-latest"
          data-number={shown?.number ?? ''}
          aria-live="polite"
          aria-atomic="true"
          key={shown ? `${shown.seq}-${shown.number}` : 'none'}
        >
          {shown ? (
            <>
              <p className="latest-label">{shown.recall ? t('waiting.recall') : t('waiting.nowCalling')}</p>
              <p className="latest-number">{shown.number}</p>
              <p className="latest-counter">
                {t('waiting.toCounter', { counter: counterName(shown.counterId) })}
              </p>
            </>
          ) : (
            <>
              <p className="latest-empty">{t(calledToday ? 'waiting.noCallNow' : 'waiting.noCallYet')}</p>
              <p className="latest-hint">{t('waiting.noCallHint')}</p>
            </>
          )}
        </section>

        <section className="display-counters" aria-labelledby="display-counters-title">
          <h2 id="display-counters-title" className="sr-only">
            {t('waiting.countersLabel')}
          </h2>
          <ul className="counter-grid">
            {(board?.counters ?? []).map((c) => {
              const hot = shown?.fresh === true && shown.counterId === c.id;
              return (
                <li
                  key={c.id}
                  className={`display-counter${c.paused ? ' is-paused' : ''}${hot ? ' is-fresh' : ''}`}
                  data-testid={`display-counter-${c.id}`}
                >
                  <span className="dc-name">{nameIn(c.name, language)}</span>
                  {c.paused ? (
                    <span className="dc-paused">{t('waiting.paused')}</span>
                  ) : c.current ? (
                    <span className="dc-number">{c.current}</span>
                  ) : (
                    <span className="dc-idle">{t('waiting.counterIdle')}</span>
                  )}
                </li>
              );
            })}
          </ul>
        </section>

        <section
          className="display-recent"
          data-testid="display-recent"
          aria-labelledby="display-recent-title"
        >
          <h2 id="display-recent-title">{t('waiting.recentTitle')}</h2>
          {board && board.recentCalls.length > 0 ? (
            <ol className="recent-list">
              {board.recentCalls.slice(0, RECENT_SHOWN).map((r) => (
                <li key={`${r.at}-${r.number}`}>
                  <span className="recent-number">{r.number}</span>
                  <span className="recent-counter">{counterName(r.counterId)}</span>
                </li>
              ))}
            </ol>
          ) : (
            <p className="recent-empty">{t('waiting.recentEmpty')}</p>
          )}
        </section>
      </main>

      <footer className="waiting-footer">
        <p>{t('waiting.footer')}</p>
        {board && board.waiting.length > 0 ? (
          <div className="waiting-counts">
            <p className="waiting-counts-title" id="waiting-counts-title">
              {t('waiting.waitingTitle')}
            </p>
            <ul aria-labelledby="waiting-counts-title">
              {board.waiting.map((w) => (
                <li key={w.serviceId}>
                  <span>{nameIn(w.names, language)}</span>{' '}
                  <strong>{t('waiting.waitingItem', { count: w.count })}</strong>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {soundBlocked ? (
          <button
            type="button"
            className="btn sound-enable"
            data-testid="sound-enable"
            aria-label={t('waiting.soundEnableLabel')}
            onClick={() => void sound.current?.unlock()}
          >
            <SpeakerIcon />
            <span>{t('waiting.soundEnable')}</span>
          </button>
        ) : null}
      </footer>
    </div>
  );
}
