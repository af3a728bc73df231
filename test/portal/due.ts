/**
 * Appointment dates on the reference portal. A real one-stop system counts working days with the
 * official calendar (public holidays, swapped working Saturdays: main/core/calendar on the kiosk); this
 * fixture counts Monday to Friday only, which is enough to test that a date moves and by how much.
 */

const DAY_MS = 86_400_000;

/** The day of an instant in Vietnam (UTC+7 all year), YYYY-MM-DD. */
export function vietnamDate(iso: string): string {
  return new Date(Date.parse(iso) + 7 * 3_600_000).toISOString().slice(0, 10);
}

const weekday = (day: string): number => new Date(`${day}T00:00:00Z`).getUTCDay();
const next = (day: string): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
const isWorking = (day: string): boolean => weekday(day) !== 0 && weekday(day) !== 6;

/** Mon–Fri days after `from` up to and including `to` (YYYY-MM-DD); 0 when `to` is not after `from`. */
export function workingDaysBetween(from: string, to: string): number {
  let count = 0;
  for (let day = next(from); day <= to; day = next(day)) if (isWorking(day)) count++;
  return count;
}

/** `day` moved forward by `n` Mon–Fri days (a weekend date first moves to the next Monday's count). */
export function addWorkingDays(day: string, n: number): string {
  let out = day;
  for (let left = n; left > 0;) {
    out = next(out);
    if (isWorking(out)) left--;
  }
  return out;
}

/**
 * A pending dossier's appointment date once it is received: the kiosk estimated it from the submission;
 * counted from the reception instead, it moves by the working days in between (the kiosk computes its
 * own the same way, with the official calendar and its cut-off hour).
 */
export function dueFromReception(due: string, submittedAt: string, receivedAt: string): string {
  return addWorkingDays(due, workingDaysBetween(vietnamDate(submittedAt), vietnamDate(receivedAt)));
}
