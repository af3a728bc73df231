import { requireStaff, type HandlersOf } from '../handlers';
import type { Sync } from './engine';

/** The contract's `sync.*` methods. Access (public status, staff for the rest) is checked by createCore. */
export function createSyncHandlers(deps: { sync: Sync }): HandlersOf<'sync.'> {
  const { sync } = deps;
  return {
    'sync.status': () => sync.status(),
    'sync.retry': (input, ctx) => sync.retry(input.dossierId, requireStaff(ctx)),
    'sync.attention': () => sync.attention(),
    'sync.feed': () => sync.feed(),
  };
}
