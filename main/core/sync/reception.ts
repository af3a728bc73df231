import type { Alerts } from '../alerts';
import type { Audit } from '../audit';
import { createLogger } from '../log';
import { call, type DeliverDeps } from './deliver';
import { alerts as alertText, feed } from './messages';
import { receptionOf } from './payload';
import { receptionSubject } from './record';
import type { ReceptionDue, SyncStore } from './store';
import type { PortalClient, PortalFailure } from './types';

const log = createLogger('sync.reception');

/** Receptions PUT in one tick at most (one at a time): every loop is bounded, the drain is not slowed. */
export const RECEPTION_BATCH = 50;
/** Failed attempts after which staff are told, once. */
export const RECEPTION_ALERT_AFTER = 5;

/**
 * The reception push (README "Reception updates"): a dossier received or refused at the counter after it
 * was submitted has a `reception_updates` row (the dossier module writes it with the decision; a delivery
 * whose answer holds an older reception writes one too). Before each status pull, rows whose dossier has
 * its portal code are PUT one at a time, each with the dossier's reception as it is NOW (so a row queued
 * twice sends once, and what goes is never stale). A row goes when the portal answers holding that
 * state; otherwise it stays, its attempts counted, and is tried at the next tick. The PUT is idempotent,
 * so an answer lost on the way only means the same PUT again.
 */
export function createReceptionPush(deps: {
  store: SyncStore;
  client: PortalClient;
  alerts: Pick<Alerts, 'raise' | 'settle'>;
  audit: Pick<Audit, 'record'>;
  now(): string;
  net: Pick<DeliverDeps, 'answered' | 'unreachable'>;
}) {
  const { store, client } = deps;

  function failed(row: ReceptionDue, error: string): void {
    const attempts = store.receptionFailed(row.dossierId, error);
    log.warn('reception update not taken', { id: row.dossierId, attempts });
    // Exactly at the fifth failure: one alert, not one per tick after it.
    if (attempts === RECEPTION_ALERT_AFTER) {
      deps.alerts.raise(
        {
          level: 'warning',
          code: 'sync-reception',
          ...alertText.reception(row.code ?? row.portalCode, attempts, error),
        },
        receptionSubject(row.dossierId),
        { once: true },
      );
    }
  }

  /** Written after each failure: what staff read in the alert (the portal's reasons when it gave some). */
  const describe = (f: PortalFailure): string =>
    f.kind === 'refused' && f.reasons.length > 0 ? `${f.error.vi} (${f.reasons.join('; ')})` : f.error.vi;

  /** True when the portal answered this dossier holding its current reception: the row is gone. */
  const confirm = store.db.transaction((row: ReceptionDue, held: string): boolean => {
    const current = store.receptionNow(row.dossierId);
    const now = current ? receptionOf(current) : null;
    if (now === null || now.state !== held) return false;
    store.receptionDelivered(row.dossierId);
    const at = deps.now();
    store.event(at, 'status', row.code, feed.reception(row.code ?? row.portalCode, held));
    deps.audit.record({
      action: 'sync.reception',
      targetType: 'dossier',
      targetId: row.dossierId,
      details: { portalCode: row.portalCode, reception: held, attempts: row.attempts + 1 },
    });
    return true;
  });

  /**
   * One tick's worth, while `active` (online); stops at the first failure that is about the portal or the
   * link, not the row. An answer that arrives once the engine stopped (`alive` false) writes nothing: the
   * database may be closing, and the same PUT goes again at the next start.
   */
  return async function pushReceptions(active: () => boolean, alive: () => boolean): Promise<void> {
    for (const row of store.receptionDue(RECEPTION_BATCH)) {
      if (!active()) return;
      const body = receptionOf(row);
      if (body === null) {
        failed(row, 'Dữ liệu tiếp nhận của hồ sơ trên ki-ốt không đầy đủ.');
        continue;
      }
      const r = await call(deps.net, () => client.setReception(row.dossierId, body));
      if (!alive()) return;
      if (r.ok) {
        if (confirm(row, r.value.state)) {
          deps.alerts.settle(receptionSubject(row.dossierId));
          log.info('reception update taken', { id: row.dossierId, state: r.value.state });
        } else {
          failed(row, `Cổng đang ghi nhận "${r.value.state}", khác với ki-ốt.`);
        }
        continue;
      }
      failed(row, describe(r.failure));
      // Unreachable, busy or failing: the others would meet the same; the next tick tries again.
      if (r.failure.kind === 'retry') return;
    }
  };
}
