/**
 * Local calendar arithmetic in the centre's time zone. Written on Intl rather than a date library because
 * it needs only "what are the local date and HH:MM of this instant", which Intl answers exactly for any
 * IANA zone, and the kiosk's own OS time zone must not matter (a machine set to UTC is common).
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export interface LocalParts {
  date: string; // YYYY-MM-DD
  minutes: number; // minutes since local midnight
  seconds: number; // seconds since local midnight
  hour: number;
}

export function localParts(instant: Date, timeZone: string): LocalParts {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  const hour = Number(parts.hour);
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    minutes: hour * 60 + Number(parts.minute),
    seconds: hour * 3600 + Number(parts.minute) * 60 + Number(parts.second),
    hour,
  };
}

export const toMinutes = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

function previousDate(date: string): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** The numbering day a ticket belongs to: before the daily reset time it is still the previous day. */
export function serviceDay(instant: Date, timeZone: string, resetAt: string): string {
  const local = localParts(instant, timeZone);
  return local.minutes < toMinutes(resetAt) ? previousDate(local.date) : local.date;
}

/** Open from `open` to `close` inclusive of the close minute. */
export function isWithinHours(
  instant: Date,
  timeZone: string,
  hours: { open: string; close: string },
): boolean {
  const m = localParts(instant, timeZone).minutes;
  return m >= toMinutes(hours.open) && m <= toMinutes(hours.close);
}
