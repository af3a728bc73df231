/**
 * Contract: the working calendar: due dates in working days, and the holidays, days off and make-up
 * working days an admin can edit. Rules as in base.ts.
 */
import { z } from 'zod';
import { BilingualSchema, Day, method, type MethodTable } from './base';

/** See main/core/calendar/types.ts for what each kind and status means. */
export const CalendarDayKindSchema = z.enum(['holiday', 'compensatory', 'swap-off', 'swap-work']);
export const CalendarEntryStatusSchema = z.enum(['official', 'estimated', 'pending']);

/**
 * One decided day of a year. `origin`: `shipped` (the app's data, unchanged), `staff` (added or changed by
 * an admin), `staff-removed` (a shipped day an admin said no longer applies: listed so it can be
 * restored, not counted).
 */
export const CalendarDaySchema = z.object({
  date: Day,
  kind: CalendarDayKindSchema,
  name: BilingualSchema,
  status: CalendarEntryStatusSchema,
  source: z.string(),
  origin: z.enum(['shipped', 'staff', 'staff-removed']),
  changedBy: z.string().nullable(),
  changedAt: z.string().nullable(),
});

export const CalendarYearSchema = z.object({
  year: z.number().int(),
  status: z.enum(['official', 'estimated']),
  note: z.string(),
  origin: z.enum(['shipped', 'staff']),
});

/** A year as the staff screen shows it: null `year` when the calendar does not cover it yet. */
export const CalendarYearViewSchema = z.object({
  year: CalendarYearSchema.nullable(),
  days: z.array(CalendarDaySchema),
  /** Every year the calendar covers, ascending (for the year picker). */
  years: z.array(z.number().int()),
});

export const CalendarYearInput = z.number().int().min(2020).max(2100);

export const CalendarDayInputSchema = z.strictObject({
  date: Day,
  kind: CalendarDayKindSchema,
  name: z.strictObject({ vi: z.string().trim().min(1).max(80), en: z.string().trim().min(1).max(80) }),
  status: CalendarEntryStatusSchema,
  // Shipped sources run to ~250 characters (the Culture Day note staff are told to confirm).
  source: z.string().trim().max(500),
});

export const calendarMethods = {
  'calendar.dueDate': method({
    access: 'citizen',
    input: z.strictObject({
      receivedAt: z.string().max(40),
      workingDays: z.number().int().min(0).max(365),
      cutoff: z.string().max(5).optional(),
    }),
    output: z.object({
      dueDate: Day,
      effectiveReceivedDate: Day,
      workingDays: z.number().int(),
      estimated: z.boolean(),
    }),
    summary: 'The N-th working day after the effective day of receipt (weekends, holidays, cut-off).',
  }),
  'calendar.year': method({
    access: 'staff',
    input: z.strictObject({ year: CalendarYearInput }),
    output: CalendarYearViewSchema,
    summary: "A year's decided days (holidays, days off, make-up working days) with who changed them.",
  }),
  'calendar.setDay': method({
    access: 'admin',
    input: CalendarDayInputSchema,
    output: CalendarDaySchema,
    summary: 'Admin only: add or change a decided day; due dates computed from now on use it.',
  }),
  'calendar.removeDay': method({
    access: 'admin',
    input: z.strictObject({ date: Day }),
    output: z.object({ date: Day, origin: z.enum(['staff-removed', 'none']) }),
    summary: 'Admin only: make a date an ordinary day again (a shipped day is kept, marked removed).',
  }),
  'calendar.restoreDay': method({
    access: 'admin',
    input: z.strictObject({ date: Day }),
    output: z.object({ date: Day, day: CalendarDaySchema.nullable() }),
    summary: "Admin only: drop the staff change to a date, back to the app's shipped data.",
  }),
  'calendar.setYear': method({
    access: 'admin',
    input: z.strictObject({
      year: CalendarYearInput,
      status: z.enum(['official', 'estimated']),
      // The shipped 2026 note is ~370 characters: an admin changing that year's status must be able to keep it.
      note: z.string().trim().max(500),
    }),
    output: CalendarYearSchema,
    summary:
      'Admin only: add a year to the calendar (e.g. once its holidays are decided) or change its note.',
  }),
} as const satisfies MethodTable;
