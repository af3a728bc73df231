/**
 * Dates in the e-form are typed as digits, the way people write them (dd/mm/yyyy), on the number pad; the
 * slashes appear by themselves. The form data keeps ISO `YYYY-MM-DD` (JSON Schema `format: date`). Pure.
 */

/** Whatever was typed, as "dd/mm/yyyy" so far: digits only, at most 8, slashes after day and month. */
export function formatDateDigits(raw: string): string {
  const digits = raw.replace(/\D/g, '').slice(0, 8);
  if (digits.length <= 2) return digits;
  if (digits.length <= 4) return `${digits.slice(0, 2)}/${digits.slice(2)}`;
  return `${digits.slice(0, 2)}/${digits.slice(2, 4)}/${digits.slice(4)}`;
}

/** "23/11/2026" → "2026-11-23"; null until the text is a whole, real date (no 31/02). */
export function dateTextToIso(text: string): string | null {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(formatDateDigits(text));
  if (!m?.[1] || !m[2] || !m[3]) return null;
  const day = Number(m[1]);
  const month = Number(m[2]);
  const year = Number(m[3]);
  if (year < 1850 || month < 1 || month > 12 || day < 1) return null;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > last) return null;
  return `${m[3]}-${m[2]}-${m[1]}`;
}

/** "2026-11-23" → "23/11/2026"; anything else → "". */
export function isoToDateText(iso: unknown): string {
  if (typeof iso !== 'string') return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : '';
}

/**
 * The years to offer as one tap once the day and month are typed ("10/11"): `count` years back from
 * `thisYear` (the kiosk's clock), for dates that are recent by nature (a child's birth to register).
 * Empty before the day and month, and once a year is being typed.
 */
export function recentYears(text: string, thisYear: number, count: number): number[] {
  if (!/^\d{2}\/\d{2}$/.test(text) || count <= 0) return [];
  return Array.from({ length: count }, (_, i) => thisYear - i);
}

/** One month as the calendar shows it: weeks Monday to Sunday, a day number or null outside the month. */
export function monthWeeks(year: number, month: number): (number | null)[][] {
  const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
  const lead = (first + 6) % 7;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const cells: (number | null)[] = [...Array<null>(lead).fill(null)];
  for (let d = 1; d <= days; d++) cells.push(d);
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (number | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

/** "dd/mm/yyyy" of a day. */
export function dayText(year: number, month: number, day: number): string {
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${two(day)}/${two(month)}/${year}`;
}

/** The month before or after (`delta` ±1) as [year, month]. */
export function shiftMonth(year: number, month: number, delta: -1 | 1): [number, number] {
  const m = month + delta;
  if (m < 1) return [year - 1, 12];
  if (m > 12) return [year + 1, 1];
  return [year, m];
}
