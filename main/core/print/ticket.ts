import { type PaperWidthMm, type TicketLayout, PRINTABLE_MM, createSlip, mmToPt, nfc } from './layout';

export type TicketLanguage = 'vi' | 'en';

/** What a queue ticket says. Everything a person reads comes from here, nothing is made up. */
export interface TicketData {
  centreName: string;
  serviceName: string;
  /** The queue number as called, e.g. "A015". */
  number: string;
  priority: boolean;
  /** Why the ticket has priority, e.g. "Người cao tuổi"; printed under the badge. */
  priorityLabel?: string;
  issuedAt: Date;
  peopleAhead: number;
  /** Null when the queue has no estimate: the line is then left out, never guessed. */
  estimatedWaitMinutes: number | null;
  /** Encoded in the QR code and printed under it. */
  ticketCode: string;
  /**
   * Printed one per line (a long line wraps). Defaults to "Vui lòng chờ gọi số trên màn hình." /
   * "Xin cảm ơn!" in the ticket's language.
   */
  footerLines?: readonly string[];
  language: TicketLanguage;
}

export interface TicketLayoutOptions {
  widthMm: PaperWidthMm;
  /** The centre's time zone; the kiosk's clock may be UTC. */
  timeZone?: string;
}

const texts = {
  vi: {
    title: 'SỐ THỨ TỰ',
    priority: 'ƯU TIÊN',
    peopleAhead: (n: string) => `Số người đang chờ trước Quý vị: ${n}`,
    waitAbout: (m: string) => `Thời gian chờ dự kiến: khoảng ${m} phút`,
    waitUnderOne: 'Thời gian chờ dự kiến: dưới 1 phút',
    footer: ['Vui lòng chờ gọi số trên màn hình.', 'Xin cảm ơn!'],
    documentTitle: (n: string) => `Phiếu số thứ tự ${n}`,
    locale: 'vi-VN',
  },
  en: {
    title: 'QUEUE NUMBER',
    priority: 'PRIORITY',
    peopleAhead: (n: string) => `People waiting ahead of you: ${n}`,
    waitAbout: (m: string) => `Estimated waiting time: about ${m} minutes`,
    waitUnderOne: 'Estimated waiting time: under 1 minute',
    footer: ['Please wait for your number to be called on the screen.', 'Thank you!'],
    documentTitle: (n: string) => `Queue ticket ${n}`,
    locale: 'en-GB',
  },
} as const;

export const DEFAULT_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** "23/11/2026 09:15" in the centre's time zone, for both languages (day-first is what people here read). */
export function formatIssuedAt(date: Date, timeZone: string = DEFAULT_TIME_ZONE): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((p) => p.type === type)?.value ?? '';
  return `${part('day')}/${part('month')}/${part('year')} ${part('hour')}:${part('minute')}`;
}

/** The wait line, or null when there is no honest estimate to print. */
export function waitLine(minutes: number | null, language: TicketLanguage): string | null {
  if (minutes === null || !Number.isFinite(minutes) || minutes < 0) return null;
  const t = texts[language];
  if (minutes < 1) return t.waitUnderOne;
  return t.waitAbout(new Intl.NumberFormat(t.locale).format(Math.round(minutes)));
}

function check(data: TicketData): void {
  if (!data.number.trim()) throw new RangeError('Ticket number is empty');
  if (!Number.isInteger(data.peopleAhead) || data.peopleAhead < 0) {
    throw new RangeError(`peopleAhead must be a non-negative integer, got ${data.peopleAhead}`);
  }
  if (Number.isNaN(data.issuedAt.getTime())) throw new RangeError('issuedAt is not a valid date');
}

/** Builds the ticket's primitives. Sizes are for 80 mm paper and scale down on 58 mm. */
export function layoutTicket(data: TicketData, options: TicketLayoutOptions): TicketLayout {
  check(data);
  const t = texts[data.language];
  const slip = createSlip(options.widthMm);
  const { k, items, space, text } = slip;
  const contentWidthPt = mmToPt(PRINTABLE_MM[options.widthMm]);
  const number = nfc(data.number);

  slip.head(data.centreName);
  text(t.title, 13, 'bold');
  space(4);
  items.push({ kind: 'bigNumber', text: number, sizePt: 76 * k });
  space(8);
  if (data.priority) {
    text(t.priority, 15, 'bold', true);
    if (data.priorityLabel?.trim()) {
      space(3);
      text(data.priorityLabel, 10, 'regular');
    }
    space(8);
  }
  text(data.serviceName, 14, 'bold');
  space(10);
  text(t.peopleAhead(new Intl.NumberFormat(t.locale).format(data.peopleAhead)), 10.5, 'regular');
  const wait = waitLine(data.estimatedWaitMinutes, data.language);
  if (wait !== null) {
    space(2);
    text(wait, 10.5, 'regular');
  }
  space(8);
  items.push({ kind: 'qr', data: data.ticketCode, sizePt: 86 * k });
  text(data.ticketCode, 8, 'regular');
  space(3);
  text(formatIssuedAt(data.issuedAt, options.timeZone), 9.5, 'regular');
  slip.foot(data.footerLines?.length ? data.footerLines : t.footer);

  return {
    paperWidthMm: options.widthMm,
    contentWidthPt,
    title: t.documentTitle(number),
    language: data.language,
    items,
  };
}
