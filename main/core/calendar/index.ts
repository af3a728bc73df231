/** Working days for due dates (DOMAIN.md "Working days and receipt time"); see README.md here. */
import { createCalendar, type CalendarSource, type WorkingCalendar } from './calendar';
import { VN_HOLIDAYS } from './vn-holidays';

export {
  addDays,
  createCalendar,
  entryFor,
  entryProblem,
  isWorkingDay,
  mergeCalendarData,
  parseDate,
  requireYear,
  weekday,
  type CalendarSource,
  type EntryProblem,
  type WorkingCalendar,
} from './calendar';
export { createCalendarHandlers } from './handlers';
export {
  createCalendarStore,
  type CalendarDay,
  type CalendarStore,
  type CalendarStoreDeps,
  type CalendarYearView,
} from './store';
export { DEFAULT_TIME_ZONE, dueDate, type DueDate, type DueDateInput } from './due-date';
export { calendarErrors } from './messages';
export type * from './types';
export { VN_HOLIDAYS } from './vn-holidays';

/** The shipped Vietnamese calendar with no staff changes. */
export const vietnamCalendar: WorkingCalendar = createCalendar(VN_HOLIDAYS);

/** The shipped calendar as a source, for services created without the staff store (tests, tools). */
export const shippedCalendar: CalendarSource = { current: () => vietnamCalendar };
