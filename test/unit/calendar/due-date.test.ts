import { describe, expect, it } from 'vitest';
import {
  VN_HOLIDAYS,
  createCalendar,
  dueDate,
  isWorkingDay,
  mergeCalendarData,
  vietnamCalendar as calendar,
  type CalendarEntry,
} from '../../../main/core/calendar';
import { failure } from '../failures';

describe('isWorkingDay', () => {
  it.each([
    ['2026-03-02', true, 'ordinary Monday'],
    ['2026-03-07', false, 'Saturday'],
    ['2026-03-08', false, 'Sunday'],
    ['2026-01-01', false, 'New Year'],
    ['2026-01-02', false, 'Friday swapped off'],
    ['2026-01-10', true, 'Saturday made a working day'],
    ['2026-02-13', true, 'Friday before Tết'],
    ['2026-02-16', false, '29 Chạp'],
    ['2026-02-20', false, 'mùng 4'],
    ['2026-02-23', true, 'first day back after Tết'],
    ['2026-04-27', false, 'compensatory day for Giỗ Tổ on Sunday'],
    ['2026-04-28', true, 'Tuesday after Giỗ Tổ'],
    ['2026-04-30', false, '30/4'],
    ['2026-05-01', false, '1/5'],
    ['2026-08-22', true, 'make-up Saturday'],
    ['2026-08-31', false, 'Monday swapped off'],
    ['2026-09-01', false, 'day beside 2/9'],
    ['2026-09-02', false, 'National Day'],
    ['2026-09-03', true, 'Thursday after National Day'],
    ['2026-11-24', true, 'Culture Day is pending, not yet law'],
    ['2027-01-01', false, 'New Year 2027'],
    ['2027-02-05', false, 'giao thừa 2027 (estimated)'],
    ['2027-02-11', false, 'compensatory Tết 2027 (estimated)'],
    ['2027-02-12', true, 'Friday after Tết 2027'],
    ['2027-04-16', false, 'Giỗ Tổ 2027'],
    ['2027-05-03', false, 'compensatory day for 1/5 on Saturday'],
    ['2027-09-03', false, 'day beside 2/9/2027 (estimated)'],
  ])('%s → %s (%s)', (date, expected) => {
    expect(isWorkingDay(date, calendar)).toBe(expected);
  });

  it.each(['2026-02-30', '2026-2-3', '', '20260301'])('refuses the date %j', (date) => {
    expect(failure(() => isWorkingDay(date, calendar)).code).toBe('invalid-date');
  });

  it.each([['2025-12-31'], ['2028-01-03']])('says the holiday list for the year of %s is missing', (date) => {
    const error = failure(() => isWorkingDay(date, calendar));
    expect(error.code).toBe('calendar-year-missing');
    expect(error.vi).toContain(`năm ${date.slice(0, 4)}`);
    expect(error.en).toContain(`holiday list for ${date.slice(0, 4)} is missing`);
  });
});

const due = (receivedAt: string, workingDays: number, cutoff?: string) =>
  dueDate({ receivedAt, workingDays, cutoff, calendar });

describe('dueDate', () => {
  it.each([
    // receivedAt, N, cutoff, effective received, due, why
    ['2026-03-02T09:00:00+07:00', 0, undefined, '2026-03-02', '2026-03-02', 'N = 0 is the day itself'],
    ['2026-03-02T09:00:00+07:00', 1, undefined, '2026-03-02', '2026-03-03', 'next day'],
    ['2026-03-02T09:00:00+07:00', 5, undefined, '2026-03-02', '2026-03-09', 'skips one weekend'],
    ['2026-03-02T09:00:00+07:00', 10, undefined, '2026-03-02', '2026-03-16', 'skips two weekends'],
    ['2026-03-06T16:30:00+07:00', 1, undefined, '2026-03-06', '2026-03-09', 'Friday afternoon, no cut-off'],
    ['2026-03-06T16:30:00+07:00', 1, '15:00', '2026-03-09', '2026-03-10', 'Friday afternoon after cut-off'],
    ['2026-03-06T16:30:00+07:00', 0, '15:00', '2026-03-09', '2026-03-09', 'Friday late, N = 0 → Monday'],
    ['2026-03-04T14:59:59+07:00', 2, '15:00', '2026-03-04', '2026-03-06', 'just before the cut-off'],
    ['2026-03-04T15:00:00+07:00', 2, '15:00', '2026-03-04', '2026-03-06', 'at 15:00:00 still on time'],
    ['2026-03-04T15:00:01+07:00', 2, '15:00', '2026-03-05', '2026-03-09', 'one second after the cut-off'],
    ['2026-03-08T10:00:00+07:00', 0, undefined, '2026-03-09', '2026-03-09', 'received on Sunday, N = 0'],
    ['2026-03-08T10:00:00+07:00', 3, undefined, '2026-03-09', '2026-03-12', 'received on Sunday'],
    [
      '2026-03-07T08:00:00+07:00',
      1,
      '15:00',
      '2026-03-09',
      '2026-03-10',
      'Saturday morning, cut-off ignored',
    ],
    ['2026-04-29T10:00:00+07:00', 1, undefined, '2026-04-29', '2026-05-04', 'over 30/4–1/5 and the weekend'],
    ['2026-04-29T15:30:00+07:00', 0, '15:00', '2026-05-04', '2026-05-04', 'late on 29/4 → Monday 4/5'],
    ['2026-04-24T10:00:00+07:00', 3, undefined, '2026-04-24', '2026-05-04', 'Giỗ Tổ, nghỉ bù, 30/4 and 1/5'],
    ['2026-02-12T10:00:00+07:00', 3, undefined, '2026-02-12', '2026-02-24', 'over Tết 2026'],
    ['2026-02-18T10:00:00+07:00', 0, undefined, '2026-02-23', '2026-02-23', 'received during Tết 2026'],
    ['2027-02-03T10:00:00+07:00', 2, undefined, '2027-02-03', '2027-02-12', 'over Tết 2027'],
    ['2027-02-04T16:00:00+07:00', 1, '15:00', '2027-02-12', '2027-02-15', 'late on the eve of Tết 2027'],
    ['2026-01-09T10:00:00+07:00', 1, undefined, '2026-01-09', '2026-01-10', 'make-up Saturday counts'],
    ['2026-12-31T10:00:00+07:00', 1, undefined, '2026-12-31', '2027-01-04', 'across the year end'],
    ['2026-08-28T10:00:00+07:00', 1, undefined, '2026-08-28', '2026-09-03', 'National Day 2026, 5 days off'],
  ] as [string, number, string | undefined, string, string, string][])(
    '%s + %i (cut-off %s) → received %s, due %s: %s',
    (at, n, cutoff, effective, expected) => {
      const r = due(at, n, cutoff);
      expect(r).toMatchObject({ effectiveReceivedDate: effective, dueDate: expected, workingDays: n });
    },
  );

  it('converts UTC to Hà Nội time: 2026-11-23T17:30Z is Tuesday 24/11 00:30', () => {
    expect(due('2026-11-23T17:30:00Z', 0)).toMatchObject({ effectiveReceivedDate: '2026-11-24' });
    expect(due('2026-11-23T16:59:59Z', 0)).toMatchObject({ effectiveReceivedDate: '2026-11-23' });
    // 08:30 UTC = 15:30 local: after the cut-off, though 08:30 is "before 15:00" in UTC.
    expect(due('2026-11-23T08:30:00Z', 0, '15:00')).toMatchObject({ effectiveReceivedDate: '2026-11-24' });
    expect(due('2026-11-23T10:30:00+09:00', 0, '15:00')).toMatchObject({
      effectiveReceivedDate: '2026-11-23',
    });
  });

  it('uses another centre time zone when given', () => {
    const r = dueDate({ receivedAt: '2026-11-23T17:30:00Z', workingDays: 0, calendar, timeZone: 'UTC' });
    expect(r.effectiveReceivedDate).toBe('2026-11-23');
  });

  it('counts Culture Day once staff confirm it', () => {
    const confirmed = createCalendar(
      mergeCalendarData(VN_HOLIDAYS, {
        additions: [{ ...VN_HOLIDAYS.entries.find((e) => e.date === '2026-11-24')!, status: 'official' }],
      }),
    );
    const r = dueDate({ receivedAt: '2026-11-23T17:30:00Z', workingDays: 1, calendar: confirmed });
    expect(r).toMatchObject({ effectiveReceivedDate: '2026-11-25', dueDate: '2026-11-26' });
  });

  it('flags a due date that counted an estimated day off', () => {
    expect(due('2027-02-03T10:00:00+07:00', 2).estimated).toBe(true);
    expect(due('2027-03-03T10:00:00+07:00', 2).estimated).toBe(false);
    expect(due('2026-02-12T10:00:00+07:00', 3).estimated).toBe(false);
  });

  it.each([
    ['2026-03-02T09:00:00', 'no offset'],
    ['2026-03-02 09:00:00+07:00', 'space instead of T'],
    ['2026-03-02', 'date only'],
    ['2026-02-30T09:00:00+07:00', 'no such day'],
    ['2026-03-02T24:00:00+07:00', 'hour 24'],
    ['2026-03-02T09:00:00+0700', 'offset without colon'],
    ['yesterday', 'words'],
  ])('refuses receivedAt %j (%s)', (at) => {
    expect(failure(() => due(at, 1))).toMatchObject({ code: 'invalid-received-at', field: 'receivedAt' });
  });

  it.each([[-1], [1.5], [Number.NaN], [Number.POSITIVE_INFINITY]])('refuses %d working days', (n) => {
    expect(failure(() => due('2026-03-02T09:00:00+07:00', n)).code).toBe('invalid-working-days');
  });

  it.each(['3pm', '15h00', '24:00', '15:60', '1500', '9:00', ''])('refuses the cut-off %j', (cutoff) => {
    expect(failure(() => due('2026-03-02T09:00:00+07:00', 1, cutoff)).code).toBe('invalid-cutoff');
  });

  it('refuses an unknown time zone', () => {
    const error = failure(() =>
      dueDate({
        receivedAt: '2026-03-02T09:00:00+07:00',
        workingDays: 1,
        calendar,
        timeZone: 'Mars/Olympus',
      }),
    );
    expect(error.code).toBe('invalid-time-zone');
  });

  it('refuses a due date that runs past the known years, naming the year', () => {
    const error = failure(() => due('2027-12-29T09:00:00+07:00', 5));
    expect(error.code).toBe('calendar-year-missing');
    expect(error.en).toContain('2028');
    expect(failure(() => due('2025-12-31T09:00:00+07:00', 0)).vi).toContain('năm 2025');
  });
});

describe('holiday data and staff overrides', () => {
  const entry = (date: string, over: Partial<CalendarEntry> = {}): CalendarEntry => ({
    date,
    kind: 'holiday',
    name: { vi: 'Nghỉ', en: 'Off' },
    status: 'official',
    source: 'test',
    ...over,
  });

  it('ships 2026 and 2027 with a source on every entry', () => {
    expect(VN_HOLIDAYS.years.map((y) => y.year)).toEqual([2026, 2027]);
    for (const e of VN_HOLIDAYS.entries) expect(e.source.length).toBeGreaterThan(10);
    expect(VN_HOLIDAYS.years.find((y) => y.year === 2027)?.note).toContain('DỰ KIẾN');
  });

  it('has the five Tết weekdays of 2026 and of 2027', () => {
    const tetWeekdays = (year: string) =>
      VN_HOLIDAYS.entries.filter(
        (e) =>
          e.date.startsWith(`${year}-02`) &&
          isWorkingDay(e.date, createCalendar({ years: VN_HOLIDAYS.years, entries: [] })),
      ).length;
    expect(tetWeekdays('2026')).toBe(5);
    expect(tetWeekdays('2027')).toBe(5);
  });

  it('adds a year, removes a swap and replaces an entry', () => {
    const merged = createCalendar(
      mergeCalendarData(VN_HOLIDAYS, {
        years: [{ year: 2028, status: 'official', note: 'test' }],
        additions: [entry('2028-01-03', { kind: 'compensatory' }), entry('2026-03-02')],
        removals: ['2026-01-02', '2026-01-10', '2030-01-01'],
      }),
    );
    expect(isWorkingDay('2028-01-03', merged)).toBe(false);
    expect(isWorkingDay('2028-01-04', merged)).toBe(true);
    expect(isWorkingDay('2026-01-02', merged)).toBe(true);
    expect(isWorkingDay('2026-01-10', merged)).toBe(false);
    expect(isWorkingDay('2026-03-02', merged)).toBe(false);
    // The seed itself is untouched.
    expect(isWorkingDay('2026-01-02', calendar)).toBe(false);
  });

  it.each([
    [entry('2029-01-02'), 'year not in the calendar'],
    [entry('2026-13-01'), 'bad date'],
    [entry('2026-03-02', { kind: 'swap-work' }), 'make-up day on a weekday'],
    [entry('2026-03-02', { name: { vi: ' ', en: 'x' } }), 'empty name'],
    [entry('2026-03-02', { status: 'maybe' as never }), 'unknown status'],
  ])('refuses a bad staff entry: %j (%s)', (bad) => {
    expect(failure(() => createCalendar(mergeCalendarData(VN_HOLIDAYS, { additions: [bad] }))).code).toBe(
      'invalid-calendar-entry',
    );
  });

  it('refuses a date listed twice', () => {
    const data = { years: VN_HOLIDAYS.years, entries: [entry('2026-03-02'), entry('2026-03-02')] };
    expect(failure(() => createCalendar(data)).code).toBe('invalid-calendar-entry');
  });
});
