import { KioskFailure } from '../errors';
import { calendarErrors } from './messages';
import type {
  CalendarData,
  CalendarDayKind,
  CalendarEntry,
  CalendarEntryStatus,
  CalendarOverrides,
  CalendarYear,
} from './types';

/** A checked, indexed calendar: build it once with `createCalendar`, then ask it many dates. */
export interface WorkingCalendar {
  readonly years: ReadonlyMap<number, CalendarYear>;
  readonly byDate: ReadonlyMap<string, CalendarEntry>;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const KINDS: readonly CalendarDayKind[] = ['holiday', 'compensatory', 'swap-off', 'swap-work'];
const STATUSES: readonly CalendarEntryStatus[] = ['official', 'estimated', 'pending'];

/** A real calendar date written YYYY-MM-DD (rejects 2026-02-30), or null. */
export function parseDate(date: unknown): { year: number; month: number; day: number } | null {
  if (typeof date !== 'string') return null;
  const m = DATE.exec(date);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return { year, month, day };
}

/** Calendar dates as plain strings: noon UTC keeps `Date` arithmetic away from any time-zone edge. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export const weekday = (date: string): number => new Date(`${date}T12:00:00Z`).getUTCDay();

/** What is wrong with one entry, and which input field it is about (for the staff form). */
export interface EntryProblem {
  /** `year`: a real date in a year the calendar does not cover yet (add the year first). */
  reason: 'date' | 'year' | 'kind' | 'status' | 'name' | 'swap-work-weekday';
  field: 'date' | 'kind' | 'status' | 'name';
  vi: string;
  en: string;
}

/**
 * The rules every entry obeys, shared by `createCalendar` (the seed, merged data) and the staff store
 * (an admin's edit is refused with the same words before it is saved). A holiday on a weekend is fine:
 * it only matters through the compensatory day off that follows it, which is an entry of its own.
 */
export function entryProblem(
  e: CalendarEntry,
  years: ReadonlyMap<number, CalendarYear>,
): EntryProblem | null {
  const problem = (reason: EntryProblem['reason'], field: EntryProblem['field'], vi: string, en: string) => ({
    reason,
    field,
    vi,
    en,
  });
  const parsed = parseDate(e.date);
  if (!parsed) return problem('date', 'date', 'ngày phải có dạng NNNN-TT-NN', 'the date must be YYYY-MM-DD');
  if (!years.has(parsed.year))
    return problem(
      'year',
      'date',
      `năm ${parsed.year} chưa có trong lịch`,
      `the year ${parsed.year} is not in the calendar`,
    );
  if (!KINDS.includes(e.kind)) return problem('kind', 'kind', 'loại ngày không đúng', 'unknown kind');
  if (!STATUSES.includes(e.status))
    return problem('status', 'status', 'trạng thái không đúng', 'unknown status');
  if (!e.name?.vi?.trim() || !e.name?.en?.trim())
    return problem('name', 'name', 'thiếu tên ngày nghỉ', 'the name is missing');
  const weekend = weekday(e.date) === 0 || weekday(e.date) === 6;
  if (e.kind === 'swap-work' && !weekend)
    return problem(
      'swap-work-weekday',
      'kind',
      'ngày làm bù phải là thứ Bảy hoặc Chủ nhật',
      'a make-up working day must be a weekend day',
    );
  return null;
}

function checkEntry(e: CalendarEntry, years: ReadonlyMap<number, CalendarYear>): void {
  const p = entryProblem(e, years);
  if (p) throw new KioskFailure(calendarErrors.badEntry(String(e.date), p.vi, p.en));
}

/** Where the calendar's days come from: read at every use, so a staff edit counts from the next call. */
export interface CalendarSource {
  current(): WorkingCalendar;
}

/** Checks the data (real dates, known years, no duplicate dates) and indexes it by date. */
export function createCalendar(data: CalendarData): WorkingCalendar {
  const years = new Map<number, CalendarYear>(data.years.map((y) => [y.year, y]));
  const byDate = new Map<string, CalendarEntry>();
  for (const e of data.entries) {
    checkEntry(e, years);
    if (byDate.has(e.date))
      throw new KioskFailure(calendarErrors.badEntry(e.date, 'ngày bị trùng', 'the date is listed twice'));
    byDate.set(e.date, e);
  }
  return { years, byDate };
}

/**
 * The shipped seed with staff changes on top, ready for `createCalendar`: override years replace or
 * extend shipped years, removals drop shipped dates, then additions add or replace dates. The seed is
 * never edited, so a newer seed plus the same overrides gives the staff's calendar again.
 */
export function mergeCalendarData(base: CalendarData, overrides: CalendarOverrides = {}): CalendarData {
  const years = new Map(base.years.map((y) => [y.year, y]));
  for (const y of overrides.years ?? []) years.set(y.year, y);
  const byDate = new Map(base.entries.map((e) => [e.date, e]));
  for (const date of overrides.removals ?? []) byDate.delete(date);
  for (const e of overrides.additions ?? []) byDate.set(e.date, e);
  return {
    years: [...years.values()].sort((a, b) => a.year - b.year),
    entries: [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date)),
  };
}

/** The entry that decides `date`, or undefined for an ordinary day. Pending entries do not count. */
export function entryFor(date: string, calendar: WorkingCalendar): CalendarEntry | undefined {
  const e = calendar.byDate.get(date);
  return e && e.status !== 'pending' ? e : undefined;
}

/** Throws the "holiday list for that year is missing" failure when the calendar cannot judge `date`. */
export function requireYear(date: string, calendar: WorkingCalendar): CalendarYear {
  const parsed = parseDate(date);
  if (!parsed) throw new KioskFailure(calendarErrors.date());
  const year = calendar.years.get(parsed.year);
  if (!year) throw new KioskFailure(calendarErrors.yearMissing(parsed.year));
  return year;
}

/**
 * Monday to Friday, except holidays and decided days off; a Saturday or Sunday decided as a make-up
 * working day (làm bù) counts as a working day.
 */
export function isWorkingDay(date: string, calendar: WorkingCalendar): boolean {
  requireYear(date, calendar);
  const e = entryFor(date, calendar);
  if (e) return e.kind === 'swap-work';
  const d = weekday(date);
  return d !== 0 && d !== 6;
}
