import { readFileSync } from 'node:fs';
import { writeFileDurably } from '../durable';
import { join } from 'node:path';
import { createLogger } from '../log';

const log = createLogger('dossier.sequence');

/** Beside kiosk.db, so it survives the database being moved aside as damaged. */
export const HIGH_WATER_FILE = 'dossier-sequence.json';
const KEEP_DAYS = 7;

/**
 * The highest dossier sequence issued per day, kept OUTSIDE the database. When a damaged kiosk.db is
 * moved aside at start (db/open.ts), the new empty database would number the day's dossiers from 1 again
 * and hand out codes already printed on citizens' receipts; this file remembers them. It is written
 * (temp file, fsync, rename) before the submit transaction commits, so a number on any receipt is always
 * in it; a rollback after the write only leaves a gap, which is harmless.
 */
export function createHighWater(dataDir: string) {
  const path = join(dataDir, HIGH_WATER_FILE);

  function read(): Record<string, number> {
    try {
      const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
      const out: Record<string, number> = {};
      for (const [day, seq] of Object.entries(parsed)) {
        if (/^\d{4}-\d{2}-\d{2}$/.test(day) && Number.isSafeInteger(seq)) out[day] = seq as number;
      }
      return out;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
        log.warn('high-water file unreadable', { error });
      return {};
    }
  }

  return {
    get(day: string): number {
      return read()[day] ?? 0;
    },
    /** Records `seq` for `day` durably; keeps the last week of days. Throws if the disk refuses. */
    set(day: string, seq: number): void {
      const all = { ...read(), [day]: seq };
      const days = Object.keys(all).sort().slice(-KEEP_DAYS);
      const text = JSON.stringify(Object.fromEntries(days.map((d) => [d, all[d]])));
      writeFileDurably(path, text, { syncFolder: false });
    },
  };
}
