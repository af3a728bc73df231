import { type HandlersOf, requireStaff } from '../handlers';
import type { CalendarSource } from './calendar';
import { dueDate } from './due-date';
import type { CalendarStore } from './store';

/**
 * The contract's `calendar.*` methods. Due dates read the live calendar at every call, so an admin's
 * change counts from the next due date on; a date already printed on a receipt is never recomputed.
 * Access (staff for `calendar.year`, admin for the edits) is checked by createCore before these run.
 */
export function createCalendarHandlers(deps: {
  calendar: CalendarStore;
  /** The centre's time zone (config.timeZone): the 15:00 cut-off is local time. */
  timeZone: string;
}): HandlersOf<'calendar.'> {
  const { calendar, timeZone } = deps;
  const source: CalendarSource = calendar;
  return {
    'calendar.dueDate': (input) =>
      dueDate({
        receivedAt: input.receivedAt,
        workingDays: input.workingDays,
        cutoff: input.cutoff,
        timeZone,
        calendar: source.current(),
      }),
    'calendar.year': (input) => calendar.year(input.year),
    'calendar.setDay': (input, ctx) => calendar.setDay(input, requireStaff(ctx)),
    'calendar.removeDay': (input, ctx) => calendar.removeDay(input.date, requireStaff(ctx)),
    'calendar.restoreDay': (input, ctx) => calendar.restoreDay(input.date, requireStaff(ctx)),
    'calendar.setYear': (input, ctx) => calendar.setYear(input, requireStaff(ctx)),
  };
}
