import { localParts } from '../time';

/**
 * The queue's own calendar rules on top of centre-local time (main/core/time.ts): the numbering day,
 * which starts at the daily reset time, and the opening hours.
 */
export const toMinutes = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

function previousDate(date: string): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** The numbering day a ticket belongs to: before the daily reset time it is still the previous day. */
export function serviceDay(instant: Date, timeZone: string, resetAt: string): string {
  const local = localParts(instant, timeZone);
  return local.minutes < toMinutes(resetAt) ? previousDate(local.date) : local.date;
}

/** Open from `open` to `close` inclusive of the close minute. */
export function isWithinHours(
  instant: Date,
  timeZone: string,
  hours: { open: string; close: string },
): boolean {
  const m = localParts(instant, timeZone).minutes;
  return m >= toMinutes(hours.open) && m <= toMinutes(hours.close);
}
