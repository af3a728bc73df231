import type { KioskError } from '../../../preload/api';
import type { Alerts } from '../alerts';
import type { Audit } from '../audit';
import type { Clock } from '../clock';
import { damagedAlert, damagedSubject } from '../dossier/damage';
import { createLogger } from '../log';
import { retryDelayMs } from './backoff';
import type { Outcome } from './deliver';
import { alerts as alertText, feed, localErrors, sentNote } from './messages';
import { LAST_CONTACT_KEY, type Leased, type SyncStore } from './store';
import type { PortalReceptionState } from './types';
import { clockTime } from './views';

const log = createLogger('sync');

/** How an attempt ended, once it ran to the end (not cut short by stop()). */
export type Settled = Exclude<Outcome, { kind: 'stopped' }>;

export interface Recorded {
  /** What to do once the transaction has committed: events, alerts, log lines. */
  after: () => void;
  /** A 401/403: the kiosk's token was refused, which is about every dossier, not this one. */
  tokenRefused: boolean;
  /** The `done_at` written when this recorded a delivery, else null (for the engine's "synced today"). */
  sentAt: string | null;
}

const nothing: Recorded = { after: () => undefined, tokenRefused: false, sentAt: null };

/**
 * Writes how one attempt at one dossier ended. Called inside the engine's transaction (which also leases
 * the worker's next row), so everything here is rows; what people see happens in `after`, once committed.
 * Only a row still `sending` is changed: a result for a row that is no longer ours writes nothing.
 */
/** The subject of a refused dossier's alert (alerts.settle closes it once the dossier is delivered). */
export const dossierSubject = (id: string): string => `dossier:${id}`;
/** The subject of a "the portal asks for more papers" alert (closed when the portal moves the dossier on). */
export const supplementSubject = (id: string): string => `supplement:${id}`;
/** The subject of the "the portal does not take this dossier's reception" alert. */
export const receptionSubject = (id: string): string => `reception-update:${id}`;
/** The subject of the "kiosk token refused" alert. */
export const TOKEN_SUBJECT = 'sync-token';

export function createRecorder(deps: {
  store: SyncStore;
  audit: Pick<Audit, 'record'>;
  alerts: Pick<Alerts, 'raise' | 'settle'>;
  clock: Clock;
  config: { timeZone: string; sync: { maxBackoffSeconds: number } };
  random: () => number;
  changed(id: string, code: string | null, change: string): void;
}) {
  const { store, clock } = deps;
  const nowIso = () => clock.now().toISOString();

  function sent(
    row: Leased,
    code: string,
    portalCode: string,
    created: boolean,
    reception: PortalReceptionState,
  ): Recorded {
    const id = row.dossierId;
    const owner = store.portalCodeOwner(portalCode);
    if (owner !== undefined && owner !== id) {
      return refused(row, code, null, localErrors.portalCodeTaken(portalCode), []);
    }
    const now = nowIso();
    if (!store.markDone(id, portalCode, now)) return nothing;
    // The portal holds an older reception than the dossier has now (received or refused at the counter
    // between the first POST and this one, whose answer is the first): the reception push tells it.
    store.settleReceptionOnDelivery(id, reception, now);
    store.dossierEvent({ id, status: 'sent', at: now, ...sentNote(portalCode), source: 'kiosk' });
    store.event(now, 'sent', code, feed.sent(code, portalCode));
    store.setState(LAST_CONTACT_KEY, now);
    deps.audit.record({
      action: 'sync.sent',
      targetType: 'dossier',
      targetId: id,
      details: { code, portalCode, created, attempts: row.attempts },
    });
    return {
      tokenRefused: false,
      sentAt: now,
      after: () => {
        log.info('dossier sent', { id, created, attempts: row.attempts });
        // A refused dossier, corrected and now delivered: its alert (and a token alert: the portal takes
        // the token again) no longer describes anything to do.
        deps.alerts.settle(dossierSubject(id));
        deps.alerts.settle(TOKEN_SUBJECT);
        deps.changed(id, code, 'sent');
      },
    };
  }

  function retry(
    row: Leased,
    code: string | null,
    httpStatus: number | null,
    retryAfterMs: number | null,
    error: KioskError,
  ): Recorded {
    const id = row.dossierId;
    const now = clock.now();
    const delay = retryDelayMs({
      attempts: row.attempts,
      maxBackoffMs: deps.config.sync.maxBackoffSeconds * 1000,
      retryAfterMs,
      random: deps.random,
    });
    const next = new Date(now.getTime() + delay);
    store.reschedule(id, next.toISOString(), httpStatus, error, now.toISOString());
    store.event(
      now.toISOString(),
      'retry',
      code,
      feed.retry(code ?? id, error, clockTime(next, deps.config.timeZone)),
    );
    return {
      tokenRefused: false,
      sentAt: null,
      after: () => {
        log.info('dossier will be retried', { id, status: httpStatus, code: error.code, delayMs: delay });
        deps.changed(id, code, 'waiting');
      },
    };
  }

  function refused(
    row: Leased,
    code: string | null,
    httpStatus: number | null,
    error: KioskError,
    reasons: string[],
  ): Recorded {
    const id = row.dossierId;
    const now = nowIso();
    if (!store.refuse(id, httpStatus, error, reasons, now)) return nothing;
    store.event(now, 'attention', code, feed.attention(code ?? id, error));
    deps.audit.record({
      action: 'sync.refused',
      targetType: 'dossier',
      targetId: id,
      details: { code, status: httpStatus, error: error.code, reasons },
    });
    const tokenRefused = httpStatus === 401 || httpStatus === 403;
    return {
      tokenRefused,
      sentAt: null,
      after: () => {
        log.warn('dossier needs attention', { id, status: httpStatus, code: error.code });
        // A token refusal gets one alert for all (the engine raises it); a dossier refusal its own. A
        // damaged record is not the portal's refusal and nothing staff can correct: the same one critical
        // alert the dossier screens raise when they meet it (`once`: whoever notices first).
        if (error.code === 'dossier-damaged') {
          deps.alerts.raise(
            damagedAlert({ id, code, parkCode: null }, error.field ?? 'status'),
            damagedSubject(id),
            { once: true },
          );
        } else if (!tokenRefused) {
          deps.alerts.raise(
            { level: 'warning', code: 'sync-refused', ...alertText.refused(code ?? id, error, reasons) },
            dossierSubject(id),
          );
        }
        deps.changed(id, code, 'attention');
      },
    };
  }

  return {
    record(row: Leased, outcome: Settled): Recorded {
      switch (outcome.kind) {
        case 'sent':
          return sent(row, outcome.code, outcome.portalCode, outcome.created, outcome.reception);
        case 'retry':
          return retry(row, outcome.code, outcome.status, outcome.retryAfterMs, outcome.error);
        case 'refused':
          return refused(row, outcome.code, outcome.status, outcome.error, outcome.reasons);
      }
    },
  };
}
