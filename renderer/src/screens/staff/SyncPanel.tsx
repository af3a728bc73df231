/**
 * The console's "Đồng bộ" tab: is the portal reachable, how many dossiers wait, are being sent, need a
 * person, went out today; the dossiers the portal refused with its reasons and a "Thử lại ngay" each; a
 * general "Thử lại ngay"; and the sync log. Live through the `sync.status` and `dossier.changed` events.
 *
 * A dossier refused for its content (422) also gets "Sửa hồ sơ": the filing form in a dialog
 * (CorrectDossier.tsx), saved with dossier.correct and sent again with sync.retry.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { KioskError, MethodOutput, SyncStatus } from '../../../../preload/api';
import { useKiosk } from '../../context';
import { formatDateTime } from '../../components/Clock';
import { ErrorRegion } from '../../components/ErrorRegion';
import { byOldest, canRetryAll, countTiles, listsChanged } from './syncModel';
import { canCorrect, CorrectDossier, type CorrectOutcome } from './CorrectDossier';
import '../../styles/staff-dossier.css';

type Attention = MethodOutput<'sync.attention'>[number];
type FeedEvent = MethodOutput<'sync.feed'>[number];

/** Events arrive in bursts (a drain sends many): refetch the lists once the burst settles. */
const REFRESH_DEBOUNCE_MS = 400;

/** A `{ vi, en }` text in the screen's language. */
export function inLanguage(text: { vi: string; en: string }, language: string): string {
  return language === 'en' ? text.en : text.vi;
}

function when(t: TFunction, iso: string | null): string {
  if (iso === null) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : formatDateTime(t, date);
}

export function SyncPanel({ onError }: { onError: (error: KioskError) => boolean }) {
  const { t, i18n } = useTranslation();
  const client = useKiosk();
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [attention, setAttention] = useState<Attention[] | null>(null);
  const [feed, setFeed] = useState<FeedEvent[] | null>(null);
  const [error, setError] = useState<KioskError | undefined>();
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [correcting, setCorrecting] = useState<Attention | null>(null);
  const statusRef = useRef<SyncStatus | null>(null);
  // Counts pushed live since the screen opened. A snapshot returned by sync.retry is applied only if no
  // live count arrived while it was on its way: the engine pushes each change once, so a late snapshot
  // laid over a newer push would stay on screen ("Đang gửi 1" after "Đã gửi").
  const liveSeq = useRef(0);
  const correctingSeq = useRef(0);

  const fail = useCallback((e: KioskError) => void (onError(e) || setError(e)), [onError]);
  const unavailable = status === null && error?.code === 'not-built';

  const loadLists = useCallback(async (): Promise<void> => {
    const [a, f] = await Promise.all([client.call('sync.attention', {}), client.call('sync.feed', {})]);
    if (a.ok) setAttention(byOldest(a.value));
    else fail(a.error);
    if (f.ok) setFeed(f.value);
    else if (a.ok) fail(f.error);
  }, [client, fail]);

  const applyStatus = useCallback((next: SyncStatus): boolean => {
    const changed = listsChanged(statusRef.current, next);
    statusRef.current = next;
    setStatus(next);
    return changed;
  }, []);

  useEffect(() => {
    let live = true;
    let timer: number | undefined;
    const refreshSoon = (): void => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => void (live && loadLists()), REFRESH_DEBOUNCE_MS);
    };
    void client.call('sync.status', {}).then((result) => {
      if (!live) return;
      if (result.ok) {
        setError(undefined);
        applyStatus(result.value);
        void loadLists();
      } else fail(result.error);
    });
    const offStatus = client.on('sync.status', (next) => {
      liveSeq.current += 1;
      if (applyStatus(next)) refreshSoon();
    });
    const offChanged = client.on('dossier.changed', refreshSoon);
    return () => {
      live = false;
      window.clearTimeout(timer);
      offStatus();
      offChanged();
    };
  }, [client, fail, loadLists, applyStatus]);

  const retry = async (dossierId?: string, code?: string): Promise<void> => {
    setBusy(dossierId ?? 'all');
    setNotice(null);
    const seq = liveSeq.current;
    const result = await client.call('sync.retry', dossierId === undefined ? {} : { dossierId });
    setBusy(null);
    if (!result.ok) return fail(result.error);
    setError(undefined);
    if (liveSeq.current === seq) applyStatus(result.value);
    setNotice(code === undefined ? t('sync.retried') : t('sync.attention.retried', { code }));
    void loadLists();
  };

  /** The correction is saved (and, unless `outcome` says otherwise, sent again): close and say so. */
  const corrected = (item: Attention, outcome: CorrectOutcome): void => {
    setCorrecting(null);
    if (outcome.ok) {
      setError(undefined);
      if (liveSeq.current === correctingSeq.current) applyStatus(outcome.status);
      setNotice(t('sync.attention.corrected', { code: item.code }));
    } else {
      fail(outcome.error);
      setNotice(t('sync.attention.correctedNotSent', { code: item.code }));
    }
    void loadLists();
  };

  return (
    <section
      className="sync-panel"
      data-testid="sync-panel"
      aria-labelledby="sync-title"
      aria-busy={status === null}
    >
      <div className="sync-bar">
        <h2 id="sync-title">{t('sync.title')}</h2>
        <button
          type="button"
          className="btn btn-primary"
          data-testid="sync-retry-all"
          aria-label={t('sync.retryAllLabel')}
          disabled={busy !== null || !canRetryAll(status)}
          onClick={() => void retry()}
        >
          {busy === 'all' ? t('sync.retrying') : t('sync.retryAll')}
        </button>
      </div>
      {/* Sync not in this build: one plain sentence instead of an internal method name and empty lists. */}
      <ErrorRegion error={unavailable ? undefined : error} testId="sync-error" />
      {unavailable ? (
        <p className="sync-empty" data-testid="sync-unavailable">
          {t('sync.unavailable')}
        </p>
      ) : null}
      <p role="status" className="sync-notice">
        {notice}
      </p>

      {status === null ? (
        error ? null : (
          <p role="status">{t('sync.loading')}</p>
        )
      ) : (
        <>
          {!status.portalConfigured ? (
            <p className="sync-link is-none" data-testid="sync-connection">
              {t('sync.notConfigured')}
            </p>
          ) : (
            <div
              className={`sync-link ${status.online ? 'is-online' : 'is-offline'}`}
              data-testid="sync-connection"
            >
              <p className="sync-link-state">
                <span className="online-dot" aria-hidden="true" />
                {status.online ? t('sync.online') : t('sync.offline')}
              </p>
              <p>
                {status.lastContactAt === null
                  ? t('sync.neverContacted')
                  : t('sync.lastContact', { time: when(t, status.lastContactAt) })}
              </p>
              {status.nextAttemptAt !== null && !status.online ? (
                <p>{t('sync.nextAttempt', { time: when(t, status.nextAttemptAt) })}</p>
              ) : null}
            </div>
          )}
          <dl className="sync-counts" data-testid="sync-counts">
            {countTiles(status).map((tile) => (
              <div
                key={tile.key}
                className={`stat sync-count tone-${tile.tone}`}
                data-testid={`sync-count-${tile.key}`}
              >
                <dt>{t(`sync.counts.${tile.key}`)}</dt>
                <dd>{tile.value}</dd>
              </div>
            ))}
          </dl>
        </>
      )}

      {unavailable ? null : (
        <>
          <section className="sync-attention-section" aria-labelledby="sync-attention-title">
            <h3 id="sync-attention-title">{t('sync.attention.title')}</h3>
            <p className="sync-help">{t('sync.attention.help')}</p>
            {attention === null ? null : attention.length === 0 ? (
              <p className="sync-empty" data-testid="sync-attention-empty">
                {t('sync.attention.empty')}
              </p>
            ) : (
              <ul className="attention-list" data-testid="sync-attention">
                {attention.map((item) => (
                  <li key={item.dossierId} className="attention-item" data-code={item.code}>
                    <div className="attention-body">
                      <p className="attention-head">
                        <span className="dossier-code">{item.code}</span>
                        <span className="attention-procedure">{item.procedureName}</span>
                      </p>
                      <p className="attention-error">{inLanguage(item.error, i18n.language)}</p>
                      {item.reasons.length > 0 ? (
                        <div className="attention-reasons">
                          <p>{t('sync.attention.reasons')}</p>
                          <ul>
                            {item.reasons.map((reason, i) => (
                              <li key={i}>{reason}</li>
                            ))}
                          </ul>
                        </div>
                      ) : null}
                      <p className="attention-meta">
                        <span>{t('sync.attention.since', { time: when(t, item.since) })}</span>
                        <span>{t('sync.attention.attempts', { count: item.attempts })}</span>
                        {item.httpStatus !== null ? (
                          <span>{t('sync.attention.http', { status: item.httpStatus })}</span>
                        ) : null}
                      </p>
                    </div>
                    <div className="attention-actions">
                      <button
                        type="button"
                        className="btn btn-secondary"
                        aria-label={t('sync.attention.retryLabel', { code: item.code })}
                        data-testid="sync-retry-one"
                        disabled={busy !== null}
                        onClick={() => void retry(item.dossierId, item.code)}
                      >
                        {busy === item.dossierId ? t('sync.retrying') : t('sync.attention.retry')}
                      </button>
                      {canCorrect(item) ? (
                        <button
                          type="button"
                          className="btn btn-secondary"
                          aria-label={t('sync.attention.correctLabel', { code: item.code })}
                          data-testid="sync-correct"
                          disabled={busy !== null}
                          onClick={() => {
                            correctingSeq.current = liveSeq.current;
                            setCorrecting(item);
                          }}
                        >
                          {t('sync.attention.correct')}
                        </button>
                      ) : null}
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </section>

          {correcting ? (
            <CorrectDossier
              item={correcting}
              onClose={() => setCorrecting(null)}
              onDone={(outcome) => corrected(correcting, outcome)}
            />
          ) : null}

          <section className="sync-feed" aria-labelledby="sync-feed-title">
            <h3 id="sync-feed-title">{t('sync.feed.title')}</h3>
            {feed === null ? null : feed.length === 0 ? (
              <p className="sync-empty">{t('sync.feed.empty')}</p>
            ) : (
              <ol className="feed-list" data-testid="sync-feed">
                {feed.map((event, i) => (
                  <li key={`${event.at}-${i}`} className="feed-item" data-kind={event.kind}>
                    <time dateTime={event.at} className="feed-time">
                      {when(t, event.at)}
                    </time>
                    <span className={`sync-badge kind-${event.kind}`}>
                      {t(`sync.feed.kind.${event.kind}`)}
                    </span>
                    {event.code !== null ? <span className="dossier-code">{event.code}</span> : null}
                    <span className="feed-message">{inLanguage(event.message, i18n.language)}</span>
                  </li>
                ))}
              </ol>
            )}
          </section>
        </>
      )}
    </section>
  );
}
