/**
 * Clock arithmetic, kept pure for tests.
 *
 * The kiosk shows the server's time (`app.info.now`), so every screen agrees with what receipts will
 * print even when a counter PC's clock drifts. Centres are in Vietnam, so the wall clock is always
 * Asia/Ho_Chi_Minh whatever time zone the operating system was installed with.
 */
export const CENTRE_TIME_ZONE = 'Asia/Ho_Chi_Minh';

export interface ClockParts {
  /** 0 = Sunday … 6 = Saturday. */
  weekday: 0 | 1 | 2 | 3 | 4 | 5 | 6;
  day: string;
  month: string;
  year: string;
  hour: string;
  minute: string;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      weekday: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function clockParts(date: Date, timeZone = CENTRE_TIME_ZONE): ClockParts {
  const parts: Record<string, string> = {};
  for (const part of formatter(timeZone).formatToParts(date)) parts[part.type] = part.value;
  const weekday = WEEKDAYS.indexOf((parts.weekday ?? 'Sun') as (typeof WEEKDAYS)[number]);
  return {
    weekday: (weekday < 0 ? 0 : weekday) as ClockParts['weekday'],
    day: parts.day ?? '',
    month: parts.month ?? '',
    year: parts.year ?? '',
    hour: parts.hour ?? '',
    minute: parts.minute ?? '',
  };
}

/** Milliseconds to add to this machine's clock to get the server's. 0 when `serverNow` is unreadable. */
export function clockOffset(serverNow: string, localNow: number): number {
  const server = Date.parse(serverNow);
  return Number.isFinite(server) ? server - localNow : 0;
}
