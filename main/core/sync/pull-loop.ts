import type { Alerts } from '../alerts';
import type { Audit } from '../audit';
import { createLogger } from '../log';
import type { ReceptionSink, SyncTimers } from './deps';
import type { DeliverDeps } from './deliver';
import { alerts as alertText } from './messages';
import { createCataloguePull, createStatusPull, type CatalogueSink } from './pull';
import { createReceptionPush } from './reception';
import { supplementSubject } from './record';
import type { SyncStore } from './store';
import type { PortalClient } from './types';

const log = createLogger('sync');

/**
 * The engine's status and catalogue pull: while the portal is reachable, every `statusPullSeconds`, the
 * receptions decided here go up first (reception.ts), then the status changes come down, then the
 * catalogue when the status pull reached the portal. One tick at a time.
 */
export function createPullLoop(deps: {
  store: SyncStore;
  client: PortalClient;
  audit: Pick<Audit, 'record'>;
  alerts: Pick<Alerts, 'raise' | 'settle'>;
  catalogue: CatalogueSink;
  reception?: ReceptionSink;
  timers: SyncTimers;
  /** Time between pulls (`sync.statusPullSeconds`). */
  intervalMs(): number;
  now(): string;
  net: Pick<DeliverDeps, 'answered' | 'unreachable'>;
  changed(id: string, code: string | null, change: string): void;
  /** The engine runs and the portal is reachable. */
  active(): boolean;
  /** The engine runs: a pull stops between pages once it does not. */
  alive(): boolean;
}) {
  const { timers, alive } = deps;
  let pulling: Promise<void> | null = null;
  let pullTimer: unknown;

  const pullStatus = createStatusPull({
    store: deps.store,
    client: deps.client,
    audit: deps.audit,
    now: deps.now,
    net: deps.net,
    reception: deps.reception,
    applied(list) {
      for (const { id, code, change, newStatus, what } of list) {
        deps.changed(id, code, newStatus ? `status:${change.status}` : what);
        if (newStatus && change.status === 'supplement') {
          deps.alerts.raise(
            {
              level: 'warning',
              code: 'dossier-supplement',
              ...alertText.supplement(code ?? change.portalCode, change.note),
            },
            supplementSubject(id),
          );
        } else if (newStatus) {
          // The portal moved the dossier on (the papers came in, or it was decided): the request for
          // more papers is no longer something staff must act on.
          deps.alerts.settle(supplementSubject(id));
        }
      }
    },
  });
  const pushReceptions = createReceptionPush({
    store: deps.store,
    client: deps.client,
    alerts: deps.alerts,
    audit: deps.audit,
    now: deps.now,
    net: deps.net,
  });
  const pullCatalogue = createCataloguePull({
    store: deps.store,
    client: deps.client,
    catalogue: deps.catalogue,
    now: deps.now,
    net: deps.net,
  });

  function cancel(): void {
    if (pullTimer !== undefined) timers.clearTimeout(pullTimer);
    pullTimer = undefined;
  }

  function schedule(delayMs: number): void {
    cancel();
    if (!deps.active()) return;
    pullTimer = timers.setTimeout(() => {
      pullTimer = undefined;
      pull();
    }, delayMs);
  }

  function pull(): void {
    if (!deps.active() || pulling) return;
    pulling = (async () => {
      // Before the pull: a dossier received here reaches the portal before the portal's own news of it.
      await pushReceptions(deps.active, alive);
      if (!deps.active()) return;
      const reached = await pullStatus(alive);
      if (reached && deps.active()) await pullCatalogue(alive);
    })()
      .catch((error: unknown) => log.error('pull failed', { error }))
      .finally(() => {
        pulling = null;
        if (deps.active()) schedule(deps.intervalMs());
      });
  }

  return {
    /** The next pull in `delayMs` (0: now), replacing the one planned. */
    schedule,
    /** No pull planned (a pull under way finishes). */
    cancel,
    /** The pull under way, if any: the engine's idle() waits for it. */
    pending: (): Promise<void> | null => pulling,
  };
}
