import type { PrintJobs } from './jobs';
import { PARK_SLIP_JOB_KIND, type ParkSlipJobPayload, parkSlipJobPayload } from './payloads';
import { type PaperWidthMm, type TicketLayout, PRINTABLE_MM, createSlip, mmToPt, nfc } from './layout';
import { DEFAULT_TIME_ZONE, type TicketLanguage, formatIssuedAt } from './ticket';

/**
 * The park slip ("Phiếu giữ chỗ hồ sơ"): what a citizen takes home when staff park a draft for them
 * (main/core/dossier/park.ts), printed on the ticket printer with the ticket's primitives. It carries the
 * park code and what the citizen needs to come back, and nothing that identifies them: a slip can be
 * lost, and whoever finds it learns only that someone has a draft at this centre.
 *
 * No QR code: resuming is by the code typed into the staff "Hồ sơ đang tạm giữ" box, or, on a slip the
 * citizen printed by saving the draft for later (`resumeWith`), into the kiosk with their birth date; a
 * QR would only help once scanning into those boxes is wired and tested.
 */
export { PARK_SLIP_JOB_KIND, type ParkSlipJobPayload } from './payloads';

export interface ParkSlipData {
  centreName: string;
  parkCode: string;
  procedureName: string;
  keptUntil: Date;
  parkedBy: string | null;
  printedAt: Date;
  language: TicketLanguage;
  /** Set when the citizen saved the draft at the kiosk: they come back with the code and a birth date. */
  resumeWith?: 'code-and-birth-date' | undefined;
}

export interface ParkSlipLayoutOptions {
  widthMm: PaperWidthMm;
  /** The centre's time zone; the kiosk's clock may be UTC. */
  timeZone?: string;
}

const texts = {
  vi: {
    title: 'PHIẾU GIỮ CHỖ HỒ SƠ',
    codeLabel: 'Mã giữ chỗ',
    keptUntil: (day: string) => `Hồ sơ được giữ đến ${day}`,
    parkedBy: (name: string) => `Nhân viên giữ hồ sơ: ${name}`,
    printedAt: (at: string) => `In lúc: ${at}`,
    footer: ['Khi quay lại, xin đưa phiếu này cho nhân viên tại quầy.', 'Mang theo giấy tờ còn thiếu.'],
    footerSelf: [
      'Mang theo mã này và ngày sinh để làm tiếp.',
      'Tại ki-ốt: chọn "Nộp hồ sơ", rồi "Làm tiếp hồ sơ đã lưu"; hoặc đưa phiếu cho cán bộ tại quầy.',
      'Mang theo giấy tờ còn thiếu.',
    ],
    documentTitle: (code: string) => `Phiếu giữ chỗ hồ sơ ${code}`,
  },
  en: {
    title: 'DOSSIER PARK SLIP',
    codeLabel: 'Park code',
    keptUntil: (day: string) => `The dossier is kept until ${day}`,
    parkedBy: (name: string) => `Kept by: ${name}`,
    printedAt: (at: string) => `Printed: ${at}`,
    footer: [
      'When you come back, please hand this slip to the staff at the counter.',
      'Bring the missing papers.',
    ],
    footerSelf: [
      'Bring this code and your date of birth to continue.',
      'At the kiosk: choose "File a dossier", then "Continue a saved dossier"; or hand this slip to the staff at the counter.',
      'Bring the missing papers.',
    ],
    documentTitle: (code: string) => `Dossier park slip ${code}`,
  },
} as const;

/** "dd/mm/yyyy" in the centre's time zone (the date half of the ticket's time stamp). */
export function formatDay(date: Date, timeZone: string = DEFAULT_TIME_ZONE): string {
  return formatIssuedAt(date, timeZone).slice(0, 10);
}

function check(data: ParkSlipData): void {
  if (!nfc(data.parkCode)) throw new RangeError('Park code is empty');
  if (Number.isNaN(data.keptUntil.getTime())) throw new RangeError('keptUntil is not a valid date');
  if (Number.isNaN(data.printedAt.getTime())) throw new RangeError('printedAt is not a valid date');
}

/** Builds the slip's primitives; sizes follow the ticket's (80 mm paper, scaled down on 58 mm). */
export function layoutParkSlip(data: ParkSlipData, options: ParkSlipLayoutOptions): TicketLayout {
  check(data);
  const t = texts[data.language];
  const slip = createSlip(options.widthMm);
  const { k, items, space, text } = slip;
  const code = nfc(data.parkCode);

  slip.head(data.centreName);
  text(t.title, 13, 'bold');
  space(6);
  text(t.codeLabel, 10, 'regular');
  space(3);
  // Six characters at the ticket number's size would not fit 72 mm; bigNumber shrinks it anyway.
  items.push({ kind: 'bigNumber', text: code, sizePt: 60 * k });
  space(10);
  text(data.procedureName, 12, 'bold');
  space(8);
  text(t.keptUntil(formatDay(data.keptUntil, options.timeZone)), 11, 'bold');
  if (data.parkedBy?.trim()) {
    space(3);
    text(t.parkedBy(data.parkedBy), 10, 'regular');
  }
  space(3);
  text(t.printedAt(formatIssuedAt(data.printedAt, options.timeZone)), 9.5, 'regular');
  slip.foot(data.resumeWith === 'code-and-birth-date' ? t.footerSelf : t.footer);

  return {
    paperWidthMm: options.widthMm,
    contentWidthPt: mmToPt(PRINTABLE_MM[options.widthMm]),
    title: t.documentTitle(code),
    language: data.language,
    items,
  };
}

/**
 * Reads a stored payload back. It was written by this code (`createParkSlips`), so a wrong shape is a
 * bug or a damaged row: say so (a TypeError) rather than print a slip with holes in it.
 */
export function parkSlipData(payload: unknown): ParkSlipData {
  const p = parkSlipJobPayload(payload);
  return { ...p, keptUntil: new Date(p.keptUntil), printedAt: new Date(p.printedAt) };
}

/** Park slips as print jobs on one printer (the ticket printer), ref `park-slip:<code>`. */
export function createParkSlips(options: { printJobs: Pick<PrintJobs, 'enqueue'>; printerId: string }) {
  return {
    /** Writes the job row; the caller wakes the worker (`printJobs.kick()`). */
    enqueue(payload: ParkSlipJobPayload): number {
      return options.printJobs.enqueue({
        printerId: options.printerId,
        kind: PARK_SLIP_JOB_KIND,
        ref: `park-slip:${payload.parkCode}`,
        payload,
      });
    },
  };
}
