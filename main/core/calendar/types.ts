/**
 * The shape of holiday data. One `CalendarEntry` is one row of a future staff-editable table (the date is
 * the key), so the seed in `vn-holidays.ts` and a database override are the same kind of thing and merge
 * with `mergeCalendarData`.
 */

/**
 * - `holiday`: a public holiday under Bộ luật Lao động 2019 art. 112 (or a decided Tết day).
 * - `compensatory`: nghỉ bù, a working day off because a holiday fell on a weekend (art. 111.3).
 * - `swap-off`: a weekday made a day off by a decided swap (hoán đổi ngày làm việc).
 * - `swap-work`: a Saturday or Sunday made a working day by that swap (ngày làm bù).
 */
export type CalendarDayKind = 'holiday' | 'compensatory' | 'swap-off' | 'swap-work';

/**
 * - `official`: fixed by law or by a published decision.
 * - `estimated` (dự kiến): worked out from the law's rules while the year's decision is not published;
 *   counted, and a due date that depends on it says so.
 * - `pending`: announced policy not yet in force; kept for staff to confirm, NOT counted.
 */
export type CalendarEntryStatus = 'official' | 'estimated' | 'pending';

export interface CalendarEntry {
  date: string; // YYYY-MM-DD
  kind: CalendarDayKind;
  name: { vi: string; en: string };
  status: CalendarEntryStatus;
  /** The decision, law or reasoning behind the entry, for the staff screen and audits. */
  source: string;
}

/** A year the data covers completely. A date in a year that is not listed cannot be judged. */
export interface CalendarYear {
  year: number;
  status: 'official' | 'estimated';
  note: string;
}

export interface CalendarData {
  years: readonly CalendarYear[];
  entries: readonly CalendarEntry[];
}

/** What staff change, stored apart from the shipped seed so a new seed does not erase it. */
export interface CalendarOverrides {
  /** New years (e.g. 2028 once decided), or a replacement note/status for a shipped year. */
  years?: readonly CalendarYear[];
  /** Entries to add; an entry with the date of a shipped one replaces it. */
  additions?: readonly CalendarEntry[];
  /** Dates whose shipped entry no longer applies (a cancelled swap, say). Applied before additions. */
  removals?: readonly string[];
}
