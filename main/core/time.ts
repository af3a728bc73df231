/**
 * Local calendar time in the centre's time zone, for every domain (ticket days, due dates, a birth date
 * "today", the staff's day lists). Written on Intl rather than a date library because it needs only "what
 * are the local date and HH:MM of this instant", which Intl answers exactly for any IANA zone, and the
 * kiosk's own OS time zone must not matter (a machine set to UTC is common).
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

/** The local date (YYYY-MM-DD) of an instant: a birth "today" in Hà Nội is not in the future. */
export const localDay = (instant: Date, timeZone: string): string => localParts(instant, timeZone).date;
