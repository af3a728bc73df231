import { readFileSync } from 'node:fs';
import { writeFileDurably } from '../durable';
import { join } from 'node:path';
import { createLogger } from '../log';

const log = createLogger('queue.sequence');

/** Beside kiosk.db, so it survives the database being moved aside, emptied or deleted. */
export const TICKET_HIGH_WATER_FILE = 'ticket-sequence.json';
const KEEP_DAYS = 7;
/** Most numbers reserved at once; a service with a short range reserves less (rangeSize / 20, at least 1). */
export const MAX_RESERVE = 100;

/** Service day → service id → the highest number that may have been issued. */
type Marks = Map<string, Map<string, number>>;

/**
 * How many ticket numbers one write of the file reserves for a service: an unclean stop (power cut,
 * crash, lost database) leaves at most this many numbers unused, never more than 5 % of the range.
 */
export function reserveBlock(range: readonly [number, number]): number {
  return Math.max(1, Math.min(MAX_RESERVE, Math.floor((range[1] - range[0] + 1) / 20)));
}

/**
 * Ticket numbers handed out, per service day and service, kept OUTSIDE the database
 * (`<data>/ticket-sequence.json`, `{ "2026-11-23": { "ho-tich": 120 } }`), so that a database that is
 * moved aside as damaged, emptied, deleted or loses its last writes (a damaged or deleted WAL) does not
 * make the kiosk hand out A001 again on a day it already did.
 *
 * Tickets are issued often (thousands a day) and each already costs one fsync (the commit), so the file is
 * not written per ticket: it holds a mark AHEAD of the last number issued ("up to A120"), written (temp
 * file, fsync, rename) before the ticket that passes the old mark commits. Every number ever printed is
 * therefore at or below the mark on disk. After a start, numbering continues above max(database, mark);
 * a clean stop (`settle`) first brings the mark down to the last number really issued, so an ordinary
 * restart leaves no gap. An unclean stop leaves a gap of at most one block (the reserved numbers never
 * issued): harmless, since the number only names a ticket and the queue is called by issue time; nobody
 * holds a skipped number, and the day report counts tickets, not numbers.
 */
export function createTicketHighWater(dataDir: string) {
  const path = join(dataDir, TICKET_HIGH_WATER_FILE);

  function read(): Marks {
    const out: Marks = new Map();
    try {
      const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return out;
      for (const [day, services] of Object.entries(parsed)) {
        if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || !services || typeof services !== 'object') continue;
        const marks = new Map<string, number>();
        for (const [service, seq] of Object.entries(services as Record<string, unknown>)) {
          if (Number.isSafeInteger(seq)) marks.set(service, seq as number);
        }
        out.set(day, marks);
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
        log.warn('ticket high-water file unreadable', { error });
    }
    return out;
  }

  // What the file says, read once: this process is the only writer.
  const marks = read();
  // The marks as found at start: numbering continues above them whatever the database holds.
  const floors: Marks = new Map([...marks].map(([day, m]) => [day, new Map(m)]));

  /** The whole file again (temp file, fsync, rename), keeping the last week of service days. */
  function write(): void {
    const all = [...marks.keys()].sort();
    for (const old of all.slice(0, -KEEP_DAYS)) marks.delete(old);
    const days = all.slice(-KEEP_DAYS);
    const text = JSON.stringify(
      Object.fromEntries(days.map((d) => [d, Object.fromEntries(marks.get(d) ?? [])])),
    );
    // The rename itself must reach the disk, or a power cut could bring back the older, lower mark.
    writeFileDurably(path, text, { syncFolder: true });
  }

  const forDay = (day: string): Map<string, number> => {
    let m = marks.get(day);
    if (!m) marks.set(day, (m = new Map()));
    return m;
  };

  return {
    /** The highest number that may already have been issued before this start (0: none known). */
    floor(day: string, service: string): number {
      return floors.get(day)?.get(service) ?? 0;
    },
    /**
     * Makes sure the file covers `seq` before its ticket commits, reserving up to `upTo` when it does
     * not. Throws (and the ticket is not issued) if the disk refuses the write.
     */
    cover(day: string, service: string, seq: number, upTo: number): void {
      const day_ = forDay(day);
      const before = day_.get(service);
      if ((before ?? 0) >= seq) return;
      day_.set(service, Math.max(seq, upTo));
      try {
        write();
      } catch (error) {
        if (before === undefined) day_.delete(service);
        else day_.set(service, before);
        throw error;
      }
    },
    /**
     * At a clean stop: each mark this process reserved comes down to the number last issued (never below
     * what the file said at start), so the next start continues without a gap.
     */
    settle(lastIssued: (day: string, service: string) => number | null): void {
      let changed = false;
      for (const [day, services] of marks) {
        for (const [service, mark] of services) {
          const exact = Math.max(lastIssued(day, service) ?? 0, floors.get(day)?.get(service) ?? 0);
          if (exact < mark) {
            services.set(service, exact);
            changed = true;
          }
        }
      }
      if (changed) write();
    },
  };
}

export type TicketHighWater = ReturnType<typeof createTicketHighWater>;
