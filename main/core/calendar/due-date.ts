import { KioskFailure } from '../errors';
import { localParts } from '../time';
import { addDays, entryFor, isWorkingDay, parseDate, type WorkingCalendar } from './calendar';
import { calendarErrors } from './messages';

export const DEFAULT_TIME_ZONE = 'Asia/Ho_Chi_Minh';

export interface DueDateInput {
  /** ISO 8601 with an offset (`Z` or ±HH:MM); a bare local time is refused: whose local time? */
  receivedAt: string;
  workingDays: number;
  /** Per procedure (e.g. chứng thực): received after this local time counts from the next working day. */
  cutoff?: string;
  timeZone?: string;
  calendar: WorkingCalendar;
}

export interface DueDate {
  dueDate: string; // YYYY-MM-DD
  effectiveReceivedDate: string; // YYYY-MM-DD, the day the processing clock starts
  workingDays: number;
  /** True when a day off that was counted is only estimated (dự kiến): print the date as provisional. */
  estimated: boolean;
}

const ISO_WITH_OFFSET =
  /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d{1,9})?)?(Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;
const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;

function parseInstant(receivedAt: unknown): Date {
  if (typeof receivedAt !== 'string') throw new KioskFailure(calendarErrors.receivedAt());
  const m = ISO_WITH_OFFSET.exec(receivedAt);
  // Date.parse rolls 2026-02-30 over to 2 March; the date part is checked on its own first.
  if (!m || !parseDate(m[1])) throw new KioskFailure(calendarErrors.receivedAt());
  const instant = new Date(receivedAt);
  if (Number.isNaN(instant.getTime())) throw new KioskFailure(calendarErrors.receivedAt());
  return instant;
}

/** The wall-clock date and time of an instant in the centre's zone (shared with the queue's clock). */
function localDateTime(instant: Date, timeZone: string): { date: string; seconds: number } {
  try {
    const { date, seconds } = localParts(instant, timeZone);
    return { date, seconds };
  } catch {
    throw new KioskFailure(calendarErrors.timeZone(timeZone));
  }
}

/**
 * The day results are due: the N-th working day after the effective day of receipt (N = 0: that day).
 * A dossier received on a day off, or after the cut-off when the procedure has one, is received on the
 * next working day. "After 15:00" means later than 15:00:00, so 15:00:00 itself is still on time.
 */
export function dueDate(input: DueDateInput): DueDate {
  const { workingDays, cutoff, calendar } = input;
  const timeZone = input.timeZone ?? DEFAULT_TIME_ZONE;
  const instant = parseInstant(input.receivedAt);
  if (typeof workingDays !== 'number' || !Number.isSafeInteger(workingDays) || workingDays < 0)
    throw new KioskFailure(calendarErrors.workingDays());
  let cutoffSeconds: number | null = null;
  if (cutoff !== undefined) {
    const m = typeof cutoff === 'string' ? HHMM.exec(cutoff) : null;
    if (!m) throw new KioskFailure(calendarErrors.cutoff());
    cutoffSeconds = Number(m[1]) * 3600 + Number(m[2]) * 60;
  }

  const local = localDateTime(instant, timeZone);
  let estimated = false;
  const working = (date: string): boolean => {
    const result = isWorkingDay(date, calendar); // throws first when the year is missing
    if (entryFor(date, calendar)?.status === 'estimated') estimated = true;
    return result;
  };

  let day = local.date;
  if (cutoffSeconds !== null && local.seconds > cutoffSeconds) day = addDays(day, 1);
  while (!working(day)) day = addDays(day, 1);
  const effectiveReceivedDate = day;
  for (let left = workingDays; left > 0;) {
    day = addDays(day, 1);
    if (working(day)) left -= 1;
  }
  return { dueDate: day, effectiveReceivedDate, workingDays, estimated };
}
