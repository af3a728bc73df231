import type Database from 'better-sqlite3';
import type { MethodOutput, ParsedInput, StaffUser } from '../../../preload/api';
import type { Audit } from '../audit';
import type { Clock } from '../clock';
import { KioskFailure } from '../errors';
import { createLogger } from '../log';
import {
  type CalendarSource,
  type WorkingCalendar,
  createCalendar,
  entryProblem,
  mergeCalendarData,
  parseDate,
} from './calendar';
import { calendarErrors } from './messages';
import { type DayRow, type YearRow, calendarQueries, toEntry } from './rows';
import type { CalendarData, CalendarEntry, CalendarYear } from './types';
import { VN_HOLIDAYS } from './vn-holidays';

const log = createLogger('calendar.store');

export type CalendarDay = MethodOutput<'calendar.setDay'>;
export type CalendarYearRecord = MethodOutput<'calendar.setYear'>;
export type CalendarYearView = MethodOutput<'calendar.year'>;
export type CalendarDayInput = ParsedInput<'calendar.setDay'>;
export type CalendarYearInput = ParsedInput<'calendar.setYear'>;

/** The live calendar (shipped seed + staff changes) and the admin's edits. Owns calendar_days/years. */
export interface CalendarStore extends CalendarSource {
  /** The merged calendar, rebuilt once per change: due dates never read the database. */
  current(): WorkingCalendar;
  year(year: number): CalendarYearView;
  setDay(input: CalendarDayInput, by: StaffUser): CalendarDay;
  removeDay(date: string, by: StaffUser): MethodOutput<'calendar.removeDay'>;
  restoreDay(date: string, by: StaffUser): MethodOutput<'calendar.restoreDay'>;
  setYear(input: CalendarYearInput, by: StaffUser): CalendarYearRecord;
}

export interface CalendarStoreDeps {
  clock: Clock;
  audit: Audit;
  /** The shipped data; tests pass a smaller one. */
  seed?: CalendarData;
}

const sameEntry = (a: CalendarEntry, b: CalendarEntry): boolean =>
  a.kind === b.kind &&
  a.status === b.status &&
  a.source === b.source &&
  a.name.vi === b.name.vi &&
  a.name.en === b.name.en;

const plain = (e: CalendarEntry): CalendarEntry => ({
  date: e.date,
  kind: e.kind,
  name: { vi: e.name.vi, en: e.name.en },
  status: e.status,
  source: e.source,
});

/**
 * Staff changes are rows apart from the seed (CalendarOverrides), so a newer seed plus the same rows
 * gives the staff's calendar again. Each change, its audit row and the rebuild of the merged calendar
 * happen in one transaction: a change that would leave an unusable calendar is never committed.
 */
export function createCalendarStore(db: Database.Database, deps: CalendarStoreDeps): CalendarStore {
  const seed = deps.seed ?? VN_HOLIDAYS;
  const shippedDays = new Map(seed.entries.map((e) => [e.date, e]));
  const shippedYears = new Map(seed.years.map((y) => [y.year, y]));
  const q = calendarQueries(db);

  /**
   * Lenient on purpose: a row that a newer seed made invalid (it cannot happen through `setDay`) is left
   * out with a log line rather than stopping the kiosk from starting or from taking dossiers.
   */
  function build(): WorkingCalendar {
    const rows = q.days.all() as DayRow[];
    const merged = mergeCalendarData(seed, {
      years: (q.years.all() as YearRow[]).map((y) => ({ year: y.year, status: y.status, note: y.note })),
      additions: rows.filter((r) => r.removed === 0).map(toEntry),
      removals: rows.filter((r) => r.removed === 1).map((r) => r.date),
    });
    const years = new Map(merged.years.map((y) => [y.year, y]));
    const usable = merged.entries.filter((e) => {
      const problem = entryProblem(e, years);
      if (problem) log.warn('calendar day left out', { date: e.date, reason: problem.reason });
      return problem === null;
    });
    return createCalendar({ years: merged.years, entries: usable });
  }

  let cached = build();

  const now = (): string => deps.clock.now().toISOString();

  function shippedView(e: CalendarEntry, row: DayRow | null = null): CalendarDay {
    return {
      ...plain(e),
      origin: row ? 'staff-removed' : 'shipped',
      changedBy: row?.changedBy ?? null,
      changedAt: row?.changedAt ?? null,
    };
  }

  /**
   * The day of `date` as the staff screen lists it (a removed shipped day included), or null. `row` is
   * the date's staff row when the caller already read it (null: it has none).
   */
  function dayView(
    date: string,
    row: DayRow | null = (q.day.get(date) as DayRow | undefined) ?? null,
  ): CalendarDay | null {
    const shipped = shippedDays.get(date);
    if (row && row.removed === 0)
      return { ...toEntry(row), origin: 'staff', changedBy: row.changedBy, changedAt: row.changedAt };
    if (shipped) return shippedView(shipped, row);
    return null;
  }

  function yearRecord(year: number): CalendarYearRecord | null {
    const row = q.year.get(year) as YearRow | undefined;
    if (row) return { year, status: row.status, note: row.note, origin: 'staff' };
    const shipped = shippedYears.get(year);
    return shipped ? { ...shipped, origin: 'shipped' } : null;
  }

  /** One change: write, audit (before/after), rebuild; all or nothing. */
  function change(write: () => void, audit: Parameters<Audit['record']>[0]): void {
    cached = db.transaction(() => {
      write();
      deps.audit.record(audit);
      return build();
    })();
  }

  const actor = (by: StaffUser) => ({ actorId: by.id, actor: by.user });

  function requireDate(date: string): void {
    if (!parseDate(date)) throw new KioskFailure(calendarErrors.date());
  }

  return {
    current: () => cached,

    year(year) {
      const rows = (q.daysIn.all(`${year}-%`) as DayRow[]).map((r) => [r.date, r] as const);
      const byDate = new Map(rows);
      const dates = new Set(seed.entries.map((e) => e.date).filter((d) => d.startsWith(`${year}-`)));
      for (const [date] of rows) dates.add(date);
      const days = [...dates]
        .sort()
        .map((date) => dayView(date, byDate.get(date) ?? null))
        .filter((d): d is CalendarDay => d !== null);
      return { year: yearRecord(year), days, years: [...cached.years.keys()].sort((a, b) => a - b) };
    },

    setDay(input, by) {
      const entry = plain(input);
      const problem = entryProblem(entry, cached.years);
      if (problem?.reason === 'year')
        throw new KioskFailure(calendarErrors.yearNotCovered(Number(entry.date.slice(0, 4))));
      if (problem?.reason === 'date') throw new KioskFailure(calendarErrors.date());
      if (problem) {
        const field = problem.field === 'name' ? 'name.vi' : problem.field;
        throw new KioskFailure(calendarErrors.badEntry(entry.date, problem.vi, problem.en, field));
      }
      const before = dayView(entry.date);
      const shipped = shippedDays.get(entry.date);
      // Saving a shipped day unchanged is not a staff change: the day follows the seed again.
      const asShipped = shipped !== undefined && sameEntry(shipped, entry);
      change(
        () =>
          asShipped
            ? q.deleteDay.run(entry.date)
            : q.putDay.run({
                date: entry.date,
                kind: entry.kind,
                nameVi: entry.name.vi,
                nameEn: entry.name.en,
                status: entry.status,
                source: entry.source,
                by: by.id,
                at: now(),
              }),
        {
          ...actor(by),
          action: 'calendar.setDay',
          targetType: 'calendar_day',
          targetId: entry.date,
          details: { before, after: entry, sameAsShipped: asShipped },
        },
      );
      const after = dayView(entry.date);
      if (!after) throw new Error(`calendar day ${entry.date} missing right after it was saved`);
      return after;
    },

    removeDay(date, by) {
      requireDate(date);
      const row = (q.day.get(date) as DayRow | undefined) ?? null;
      const before = dayView(date, row);
      if (shippedDays.has(date)) {
        // Kept as a "removed" row, so the screen can list it and an admin can restore it.
        if (row?.removed !== 1)
          change(() => q.removeDay.run({ date, by: by.id, at: now() }), {
            ...actor(by),
            action: 'calendar.removeDay',
            targetType: 'calendar_day',
            targetId: date,
            details: { before, after: null },
          });
        return { date, origin: 'staff-removed' };
      }
      // A day only staff added: nothing to restore later, the row goes. Nothing there: nothing to do
      // (a repeated call after a lost answer is harmless).
      if (row)
        change(() => q.deleteDay.run(date), {
          ...actor(by),
          action: 'calendar.removeDay',
          targetType: 'calendar_day',
          targetId: date,
          details: { before, after: null },
        });
      return { date, origin: 'none' };
    },

    restoreDay(date, by) {
      requireDate(date);
      const row = (q.day.get(date) as DayRow | undefined) ?? null;
      const shipped = shippedDays.get(date);
      const after = shipped ? shippedView(shipped) : null;
      if (row)
        change(() => q.deleteDay.run(date), {
          ...actor(by),
          action: 'calendar.restoreDay',
          targetType: 'calendar_day',
          targetId: date,
          details: { before: dayView(date, row), after },
        });
      return { date, day: after };
    },

    setYear(input, by) {
      const next: CalendarYear = { year: input.year, status: input.status, note: input.note };
      const shipped = shippedYears.get(input.year);
      const asShipped = shipped?.status === next.status && shipped.note === next.note;
      change(
        () => (asShipped ? q.deleteYear.run(input.year) : q.putYear.run({ ...next, by: by.id, at: now() })),
        {
          ...actor(by),
          action: 'calendar.setYear',
          targetType: 'calendar_year',
          targetId: input.year,
          details: { before: yearRecord(input.year), after: next, sameAsShipped: asShipped },
        },
      );
      return { ...next, origin: asShipped ? 'shipped' : 'staff' };
    },
  };
}
