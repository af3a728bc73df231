/**
 * Pure helpers for the staff sync screen and the dossier list: what the counts say, how to order the
 * attention list, and when a refresh is due. Kept apart from React so they are exact under unit test.
 */
import type { SyncStatus } from '../../../../preload/api';

export type CountKey = 'waiting' | 'sending' | 'attention' | 'synced';

export interface CountTile {
  key: CountKey;
  value: number;
  /** `alert` only for dossiers that need a person: the one count staff must act on. */
  tone: 'plain' | 'busy' | 'alert' | 'good';
}

export function countTiles(status: SyncStatus): CountTile[] {
  return [
    { key: 'waiting', value: status.waiting, tone: 'plain' },
    { key: 'sending', value: status.sending, tone: status.sending > 0 ? 'busy' : 'plain' },
    { key: 'attention', value: status.attention, tone: status.attention > 0 ? 'alert' : 'plain' },
    { key: 'synced', value: status.synced, tone: status.synced > 0 ? 'good' : 'plain' },
  ];
}

/** Whether "Thử lại ngay" (all) has anything to do: something waits, or a portal is there to probe. */
export function canRetryAll(status: SyncStatus | null): boolean {
  return status !== null && status.portalConfigured;
}

/** Oldest refusal first: the one that has waited longest for a person is the first to fix. */
export function byOldest<T extends { since: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => a.since.localeCompare(b.since));
}

/**
 * Whether the lists behind the counts should be fetched again after a `sync.status` event: only when a
 * count that has rows behind it or the link changed, not on every probe that only moves lastContactAt.
 */
export function listsChanged(before: SyncStatus | null, after: SyncStatus): boolean {
  if (before === null) return true;
  return (
    before.attention !== after.attention ||
    before.synced !== after.synced ||
    before.waiting !== after.waiting ||
    before.online !== after.online
  );
}
