/** Working days for due dates (DOMAIN.md "Working days and receipt time"). */
import { createCalendar, type WorkingCalendar } from './calendar';
import { VN_HOLIDAYS } from './vn-holidays';

export {
  addDays,
  createCalendar,
  entryFor,
  isWorkingDay,
  mergeCalendarData,
  parseDate,
  requireYear,
  weekday,
  type WorkingCalendar,
} from './calendar';
export { DEFAULT_TIME_ZONE, dueDate, type DueDate, type DueDateInput } from './due-date';
export { calendarErrors } from './messages';
export type * from './types';
export { VN_HOLIDAYS } from './vn-holidays';

/** The shipped Vietnamese calendar with no staff changes. */
export const vietnamCalendar: WorkingCalendar = createCalendar(VN_HOLIDAYS);
