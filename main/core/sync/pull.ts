import type { Audit } from '../audit';
import { createLogger } from '../log';
import type { ReceptionSink } from './deps';
import { call, type DeliverDeps } from './deliver';
import { feed } from './messages';
import type { SyncStore } from './store';
import type { PortalClient, PortalStatusChange } from './types';

const log = createLogger('sync.pull');

export const CURSOR_KEY = 'status.cursor';
/** One pull reads at most this many pages; the rest waits for the next tick (every loop is bounded). */
const MAX_PAGES = 20;

/** What the catalogue module offers the sync engine (main/core/catalogue owns the table). */
export interface CatalogueSink {
  /**
   * Replaces the procedures with the portal's list and remembers the ETag, all or nothing. A list it
   * refuses (empty, an invalid item) is answered `{ ok: false, error }` (or thrown) and changes nothing.
   */
  replace(procedures: unknown[], etag: string): { ok: boolean; error?: { vi: string; en: string } };
  /** The ETag of the catalogue in use, null for the built-in seed. */
  etag(): string | null;
}

export interface Applied {
  id: string;
  code: string | null;
  change: PortalStatusChange;
  /** False when the status was already the dossier's (a repeat, or a change that only adds details). */
  newStatus: boolean;
  /** With the status unchanged: only the fee changed (`paid`), or the due date, Mẫu 04, the result (`details`). */
  what: 'status' | 'paid' | 'details';
}

/**
 * How a national status received on a dossier still pending here decides its reception: `refused` is
 * the portal refusing to receive it; a request for papers (Mẫu 02 instead of receiving it) or the
 * citizen withdrawing it is no reception; anything else means the portal received it (a portal may merge
 * steps: a dossier it is processing, has stopped or has finished was received there).
 */
export function receptionDecidedBy(status: PortalStatusChange['status']): 'received' | 'refused' | null {
  if (status === 'refused') return 'refused';
  return status === 'supplement' || status === 'withdrawn' ? null : 'received';
}

/**
 * Status pull: the portal's changes since our cursor. One page is applied in ONE transaction with the
 * cursor that follows it, so a crash either keeps the whole page and its cursor or neither (the page is
 * pulled again). A change already on the timeline (same status and instant from the portal) is skipped,
 * so a portal that repeats itself does not double the citizen's timeline.
 */
export function createStatusPull(deps: {
  store: SyncStore;
  client: PortalClient;
  audit: Pick<Audit, 'record'>;
  now(): string;
  net: Pick<DeliverDeps, 'answered' | 'unreachable'>;
  reception?: ReceptionSink;
  /** Called after each committed page with what it changed (events, alerts). */
  applied(changes: Applied[]): void;
}) {
  const { store, client } = deps;
  // The dossier's rows are main/core/dossier's (dossier/portal.ts); this transaction holds them and the
  // cursor, as one statement each.
  const { dossiers } = store;

  const applyPage = store.db.transaction((changes: PortalStatusChange[], cursor: string): Applied[] => {
    const now = deps.now();
    const applied: Applied[] = [];
    for (const change of changes) {
      const dossier = dossiers.submitted(change.id);
      if (!dossier) {
        // Another kiosk's dossier, or one this kiosk no longer has: nothing to show, nothing to lose.
        log.warn('status change for an unknown dossier', { id: change.id });
        continue;
      }
      // A change already on the timeline (same status, same instant) is one the portal repeats. A repeat
      // of the current status may still bring a fee, a date or Mẫu 04; an older one must not set back what
      // came after it (a 4 repeated after a 9, with its older date): only a portal code the kiosk never
      // heard (the POST's answer lost) is taken from it.
      const seen = dossiers.hasPortalEvent(change.id, change.status, change.at);
      const stale = seen && dossier.currentStatus !== change.status;
      if (stale && dossier.portalCode !== null) continue;
      const paid = stale || change.paid === null ? null : change.paid ? 1 : 0;
      const paidVia = change.paidVia ?? null;
      // The portal received (or refused to receive) a dossier the citizen filed alone that no officer
      // here has received yet: the dossier module records the reception, in this page's transaction.
      const decided = receptionDecidedBy(change.status);
      const decidesReception =
        !seen && decided !== null && store.receptionNow(change.id)?.reception === 'pending';
      // Papers brought after a request (supplement → on) on a dossier already received: the portal's new
      // date, else the kiosk's own count. A request before reception (Mẫu 02 instead of receiving it) does
      // not move a date: the one counted from the reception is the first.
      const resumed =
        !seen &&
        !decidesReception &&
        dossier.currentStatus === 'supplement' &&
        change.status !== 'supplement';
      const dueDate = stale
        ? null
        : (change.dueDate ??
          (resumed ? (deps.reception?.dueAfterSupplement?.(change.id, change.at) ?? null) : null));
      const apology = stale ? null : (change.apology ?? null);
      const resultElectronic =
        stale || change.resultElectronic === undefined || change.resultElectronic === null
          ? null
          : change.resultElectronic
            ? 1
            : 0;
      // The dossier's status already (a portal repeating it with a fee, a new date or Mẫu 04) is not shown
      // twice; what the change says besides still updates the dossier. A new request for papers or for the
      // fee while one is open is new (another list of papers, another amount): it is shown and counted.
      const again = change.status === 'supplement' || change.status === 'financial';
      const newStatus = !seen && (dossier.currentStatus !== change.status || again);
      const newFee =
        paid !== null && (paid !== dossier.paid || (paidVia !== null && paidVia !== dossier.paidVia));
      const newDetails =
        (dueDate !== null && dueDate !== dossier.dueDate) ||
        (apology !== null &&
          (apology.text !== dossier.apologyText || apology.newDueDate !== dossier.apologyDueDate)) ||
        (resultElectronic !== null && resultElectronic !== dossier.resultElectronic);
      // Nothing new, unless the change tells a portal code the kiosk never heard (the POST's answer lost).
      if (!newStatus && !newFee && !newDetails && dossier.portalCode !== null) continue;
      if (newStatus && decidesReception && decided) {
        deps.reception?.byPortal({ id: change.id, status: decided, at: change.at, note: change.note });
      }
      if (newStatus) {
        dossiers.addEvent({
          id: change.id,
          status: change.status,
          at: change.at,
          vi: change.note,
          en: change.note,
          source: 'portal',
        });
      }
      dossiers.applyPortalStatus({
        id: change.id,
        status: stale ? (dossier.currentStatus ?? change.status) : change.status,
        paid,
        paidVia: paid === 0 ? null : paidVia,
        dueDate,
        apologyText: apology?.text ?? null,
        apologyDueDate: apology?.newDueDate ?? null,
        resultElectronic,
        portalCode: change.portalCode,
        now,
      });
      const code = dossier.code ?? change.portalCode;
      const what = newStatus ? 'status' : newDetails ? 'details' : 'paid';
      store.event(
        now,
        'status',
        dossier.code,
        what === 'status'
          ? feed.status(code, change)
          : what === 'paid'
            ? feed.paid(code)
            : feed.details(code, change),
      );
      deps.audit.record({
        action: what === 'status' ? 'dossier.portal-status' : `dossier.portal-${what}`,
        targetType: 'dossier',
        targetId: change.id,
        details: {
          status: change.status,
          at: change.at,
          portalCode: change.portalCode,
          paid: change.paid,
          paidVia,
          dueDate,
          apology: apology ? { newDueDate: apology.newDueDate } : null,
          resultElectronic: change.resultElectronic ?? null,
        },
      });
      applied.push({ id: change.id, code: dossier.code, change, newStatus, what });
    }
    store.setState(CURSOR_KEY, cursor);
    return applied;
  });

  /** Pulls until the portal has nothing newer (or MAX_PAGES); false when the portal could not be asked. */
  return async function pullStatus(alive: () => boolean): Promise<boolean> {
    for (let page = 0; page < MAX_PAGES && alive(); page++) {
      const cursor = store.getState(CURSOR_KEY);
      const r = await call(deps.net, () => client.changes(cursor));
      if (!r.ok) {
        log.warn('status pull failed', { code: r.failure.error.code, status: r.failure.status });
        return false;
      }
      if (!alive()) return true;
      const applied = applyPage(r.value.changes, r.value.cursor);
      if (applied.length > 0) deps.applied(applied);
      if (r.value.changes.length === 0 || r.value.cursor === cursor) break;
    }
    return true;
  };
}

/** Catalogue pull with the ETag: a 304 costs nothing; a new list replaces the seed or the last one. */
export function createCataloguePull(deps: {
  store: SyncStore;
  client: PortalClient;
  catalogue: CatalogueSink;
  now(): string;
  net: Pick<DeliverDeps, 'answered' | 'unreachable'>;
}) {
  // A list the catalogue refused is not offered again every tick: one line in the feed is enough.
  let refusedEtag: string | null = null;
  return async function pullCatalogue(alive: () => boolean): Promise<void> {
    const r = await call(deps.net, () => deps.client.catalogue(deps.catalogue.etag()));
    if (!alive()) return;
    if (!r.ok) {
      log.warn('catalogue pull failed', { code: r.failure.error.code, status: r.failure.status });
      return;
    }
    if (r.value.notModified || r.value.etag === refusedEtag) return;
    let refusal: { vi: string; en: string } | null = null;
    try {
      const result = deps.catalogue.replace(r.value.procedures, r.value.etag);
      if (result && !result.ok)
        refusal = result.error ?? { vi: 'danh mục không hợp lệ', en: 'invalid catalogue' };
    } catch (error) {
      log.error('catalogue replace failed', { error });
      const why = (error instanceof Error ? error.message : String(error)).slice(0, 200);
      refusal = { vi: why, en: why };
    }
    if (refusal === null) {
      deps.store.event(deps.now(), 'catalogue', null, feed.catalogue(r.value.procedures.length));
      return;
    }
    // The previous catalogue stays; staff see why in the feed, once for this version of the list.
    refusedEtag = r.value.etag;
    log.warn('portal catalogue refused', { etag: r.value.etag });
    deps.store.event(deps.now(), 'catalogue', null, feed.catalogueFailed(refusal));
  };
}
