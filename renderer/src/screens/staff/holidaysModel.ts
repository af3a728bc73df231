/**
 * Pure helpers for the staff "Ngày nghỉ lễ" tab: which year to open, how a day reads, the add/edit form
 * and its hints. Kept apart from React so they are exact under unit test.
 */
import type { MethodInput, MethodOutput } from '../../../../preload/api';

export type CalendarYearView = MethodOutput<'calendar.year'>;
export type CalendarDay = CalendarYearView['days'][number];
export type DayKind = CalendarDay['kind'];
export type DayStatus = CalendarDay['status'];

export const DAY_KINDS: readonly DayKind[] = ['holiday', 'compensatory', 'swap-off', 'swap-work'];
export const DAY_STATUSES: readonly DayStatus[] = ['official', 'estimated', 'pending'];

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** 0 = Sunday … 6 = Saturday for a YYYY-MM-DD calendar date (noon UTC: no time-zone edge), or null. */
export function weekdayOf(date: string): number | null {
  const m = DATE.exec(date);
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12));
  return d.getUTCDate() === Number(m[3]) ? d.getUTCDay() : null;
}

/** "01/09/2026": how dates are written in Vietnam (and on the receipt). */
export function displayDate(date: string): string {
  const m = DATE.exec(date);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : date;
}

/**
 * The year the tab opens on: this year when the calendar covers it, else the next covered year (a
 * December visit to plan the new year), else the last covered one.
 */
export function pickYear(years: readonly number[], thisYear: number): number {
  if (years.includes(thisYear)) return thisYear;
  const later = years.filter((y) => y > thisYear);
  if (later.length > 0) return Math.min(...later);
  return years.length > 0 ? Math.max(...years) : thisYear;
}

/** What an admin may do with a listed day: a removed shipped day can only be restored. */
export function actionsFor(day: CalendarDay): ('edit' | 'remove' | 'restore')[] {
  return day.origin === 'staff-removed' ? ['restore'] : ['edit', 'remove'];
}

export interface DayForm {
  date: string;
  kind: DayKind;
  nameVi: string;
  nameEn: string;
  status: DayStatus;
  source: string;
}

export type FormField = keyof DayForm;

export const blankForm = (): DayForm => ({
  date: '',
  kind: 'holiday',
  nameVi: '',
  nameEn: '',
  status: 'official',
  source: '',
});

export const formOf = (day: CalendarDay): DayForm => ({
  date: day.date,
  kind: day.kind,
  nameVi: day.name.vi,
  nameEn: day.name.en,
  status: day.status,
  source: day.source,
});

/** The fields still empty, in form order: all named at once, not one per attempt. */
export function missingFields(form: DayForm): FormField[] {
  const missing: FormField[] = [];
  if (weekdayOf(form.date) === null) missing.push('date');
  if (!form.nameVi.trim()) missing.push('nameVi');
  if (!form.nameEn.trim()) missing.push('nameEn');
  return missing;
}

export const toInput = (form: DayForm): MethodInput<'calendar.setDay'> => ({
  date: form.date,
  kind: form.kind,
  name: { vi: form.nameVi.trim(), en: form.nameEn.trim() },
  status: form.status,
  source: form.source.trim(),
});

/** Which form field a refusal from the core is about (`name.vi` → `nameVi`), if any. */
export function fieldOfError(field: string | undefined): FormField | null {
  switch (field) {
    case 'date':
    case 'kind':
    case 'status':
    case 'source':
      return field;
    case 'name.vi':
    case 'name':
      return 'nameVi';
    case 'name.en':
      return 'nameEn';
    default:
      return null;
  }
}

export type FormHint = 'holidayWeekend' | 'offOnWeekend' | 'swapWorkWeekday';

/**
 * A word beside the form, never a refusal (except a weekday make-up day, which the core refuses too): a
 * holiday on a weekend is real (2026's Giỗ Tổ is a Sunday) and needs its compensatory day added.
 */
export function formHint(form: DayForm): { hint: FormHint; weekday: number } | null {
  const weekday = weekdayOf(form.date);
  if (weekday === null) return null;
  const weekend = weekday === 0 || weekday === 6;
  if (form.kind === 'swap-work') return weekend ? null : { hint: 'swapWorkWeekday', weekday };
  if (!weekend) return null;
  return { hint: form.kind === 'holiday' ? 'holidayWeekend' : 'offOnWeekend', weekday };
}
