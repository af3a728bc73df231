import type Database from 'better-sqlite3';
import type { Audit } from '../audit';
import { KioskFailure } from '../errors';
import { feed, notFound } from './messages';
import type { SyncStore } from './store';

/**
 * Staff send one dossier (after a correction) or every waiting one again, now: the rows are due at once,
 * with a feed line and an audit row in the same transaction. The engine then lifts a token pause and
 * sends (or probes, when offline).
 */
export function requeueByStaff(
  deps: {
    db: Database.Database;
    store: SyncStore;
    audit: Pick<Audit, 'record'>;
    changed(id: string, code: string | null, change: string): void;
  },
  dossierId: string | undefined,
  by: { id: number; user: string },
  now: string,
): void {
  const { db, store } = deps;
  if (dossierId !== undefined) {
    const state = store.stateOf(dossierId);
    if (state === undefined) throw new KioskFailure(notFound());
    const code = store.codeOf(dossierId);
    if (state === 'attention' || state === 'waiting') {
      db.transaction(() => {
        store.requeueOne(dossierId, now);
        store.event(now, 'retry', code, feed.staffRetry(code, by.user));
        deps.audit.record({
          actorId: by.id,
          actor: by.user,
          action: 'sync.retry',
          targetType: 'dossier',
          targetId: dossierId,
          details: { from: state },
        });
      })();
      deps.changed(dossierId, code, 'waiting');
    }
  } else {
    db.transaction(() => {
      const rows = store.requeueAll(now);
      store.event(now, 'retry', null, feed.staffRetry(null, by.user));
      deps.audit.record({
        actorId: by.id,
        actor: by.user,
        action: 'sync.retry',
        targetType: 'outbox',
        details: { rows },
      });
    })();
  }
}
