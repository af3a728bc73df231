import type { SyncStatus } from '../../../preload/api';
import type { Clock } from '../clock';
import type { Emit, SyncTimers } from './deps';
import type { SyncStore } from './store';
import { dayStart } from './views';

/**
 * While dossiers stream out, `sync.status` goes to the screens at most this often (a backlog drains at a
 * hundred dossiers a second; nobody reads a counter that fast, and each event is a query and an IPC
 * message). A change of link state, a staff action and the end of a drain still go out at once.
 */
const STATUS_EVERY_MS = 250;

/** `sync.status`: the counts the screens show, and when they are sent to them. Part of the engine. */
export function createStatusReporter(deps: {
  store: SyncStore;
  clock: Clock;
  timeZone: string;
  timers: SyncTimers;
  emit: Emit;
  portalConfigured: boolean;
  /** The engine's view of the link, read at each status. */
  link(): { online: boolean; lastContactAt: string | null };
  running(): boolean;
}) {
  const { store, clock, timers } = deps;
  let lastEmitted = '';

  // "Synced today" is counted once per local day and then kept up to date as this engine (the only writer
  // of `done`) records deliveries: a COUNT over the done rows at every status() — after every dossier and
  // on every screen refresh — would grow with the kiosk's whole history (~50 ms at 100,000 rows).
  let today: { from: string; fromMs: number } | null = null;
  let syncedToday: { from: string; count: number } | null = null;

  /** The centre's local midnight; a local day lasts at least 23 h, so one answer holds for 22 h. */
  function todayStart(now: Date): string {
    const ms = now.getTime();
    if (!today || ms < today.fromMs || ms >= today.fromMs + 22 * 3_600_000) {
      const from = dayStart(now, deps.timeZone);
      today = { from, fromMs: Date.parse(from) };
    }
    return today.from;
  }

  function synced(now: Date): number {
    const from = todayStart(now);
    if (syncedToday?.from !== from) syncedToday = { from, count: store.syncedBetween(from, '9999') };
    return syncedToday.count;
  }

  function status(): SyncStatus {
    const now = clock.now();
    const counts = store.counts(now.toISOString());
    const link = deps.link();
    return {
      portalConfigured: deps.portalConfigured,
      online: deps.portalConfigured && link.online,
      waiting: counts.waiting,
      sending: counts.sending,
      attention: counts.attention,
      synced: synced(now),
      lastContactAt: link.lastContactAt,
      nextAttemptAt: counts.nextAttemptAt,
    };
  }

  function emitStatus(): void {
    const s = status();
    const key = JSON.stringify(s);
    if (key === lastEmitted) return;
    lastEmitted = key;
    deps.emit('sync.status', s);
  }

  let lastSoonMs = -Infinity;
  let statusTimer: unknown;

  return {
    status,
    /** Sends the status to the screens unless it is the same as the last one sent. */
    emit: emitStatus,
    /** The status after one more dossier: now if the last went out STATUS_EVERY_MS ago, else once then. */
    emitSoon(): void {
      const now = clock.now().getTime();
      if (now - lastSoonMs >= STATUS_EVERY_MS) {
        lastSoonMs = now;
        emitStatus();
        return;
      }
      if (statusTimer !== undefined) return;
      statusTimer = timers.setTimeout(
        () => {
          statusTimer = undefined;
          lastSoonMs = clock.now().getTime();
          if (deps.running()) emitStatus();
        },
        STATUS_EVERY_MS - (now - lastSoonMs),
      );
    },
    /** A delivery was committed with this done_at. */
    countSent(doneAt: string): void {
      if (syncedToday && doneAt >= syncedToday.from) syncedToday.count += 1;
    },
    /** At each start "synced today" is counted afresh from the rows. */
    recount(): void {
      syncedToday = null;
    },
    /** The engine stopped: a status still to come is dropped. */
    stop(): void {
      if (statusTimer !== undefined) timers.clearTimeout(statusTimer);
      statusTimer = undefined;
    },
  };
}
