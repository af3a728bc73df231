import type { Ticket } from '../../../preload/api';
import type { KioskConfig } from '../config/schema';
import type { PrintJobs } from './jobs';
import { type ParkSlipJobPayload, createParkSlips } from './park-slip';
import type { TicketJobPayload } from './printers';
import { bookCsv } from './forms/exports';
import { bookPdf } from './forms/book';
import { controlPdf } from './forms/control';
import { controlCsv } from './forms/exports';
import type { RefusalData, SupplementData, TrackingData } from './forms/data';
import { createForms } from './forms';
import type { FormWords } from './forms/words';
import { createReceipts } from './receipt';
import type { ReceiptData } from './receipt-data';

/**
 * Where the core's services hand over what they print: each returns the print job ids, and none knows
 * which printer is configured (or that there is none). Wired by createCore.
 */

/** The print job of a new ticket on the ticket printer, or null when the kiosk has none. */
export function ticketPrint(config: KioskConfig, printJobs: PrintJobs): (ticket: Ticket) => number | null {
  const printerId = config.ticketPrinter;
  return (ticket) =>
    printerId === undefined
      ? null
      : printJobs.enqueue({
          printerId,
          kind: 'ticket',
          ref: `ticket:${ticket.id}`,
          payload: {
            ticket,
            centreName: config.centre.name,
            priorityLabel: config.priorityCategories.find((c) => c.id === ticket.priorityCategory)?.name.vi,
          } satisfies TicketJobPayload,
        });
}

/**
 * Receipts go to `dossier.receiptPrinter`, else the ticket printer. Without any printer the dossier is
 * still submitted and its receipt is shown on screen (and can be reprinted once a printer is set).
 */
export function receiptSink(
  config: KioskConfig,
  printJobs: PrintJobs,
  words?: FormWords,
): { enqueue(data: ReceiptData, copies: number): number[]; pdf(data: ReceiptData): Promise<Uint8Array> } {
  const printerId = config.dossier.receiptPrinter ?? config.ticketPrinter;
  const receipts = createReceipts({
    printJobs,
    printerId: printerId ?? '',
    format: config.dossier.receiptFormat,
    ...(words ? { words } : {}),
  });
  return {
    enqueue: (data, copies) => {
      if (printerId === undefined) return [];
      const ids = receipts.enqueue(data, copies);
      printJobs.kick();
      return ids;
    },
    pdf: (data) => receipts.pdf(data),
  };
}

/** Park slips go to the ticket printer; without one, dossier.printParkSlip says to write the code by hand. */
export function parkSlipSink(
  printerId: string | undefined,
  printJobs: PrintJobs,
): { enqueue(slip: ParkSlipJobPayload): number } | undefined {
  if (printerId === undefined) return undefined;
  const slips = createParkSlips({ printJobs, printerId });
  return {
    enqueue: (slip) => {
      const jobId = slips.enqueue(slip);
      printJobs.kick();
      return jobId;
    },
  };
}

/**
 * The counter's A4 printer for the forms: `dossier.formsPrinter` (a system printer, config checks), else
 * the receipt printer or the ticket printer when it is a system printer. Undefined: none can print A4.
 */
export function formsPrinterOf(config: KioskConfig): string | undefined {
  if (config.dossier.formsPrinter !== undefined) return config.dossier.formsPrinter;
  const a4 = (id: string | undefined): string | undefined =>
    config.printers.find((p) => p.id === id && p.kind === 'system')?.id;
  return a4(config.dossier.receiptPrinter) ?? a4(config.ticketPrinter);
}

/**
 * Where the dossier module hands the counter's forms (dossier/types.ts FormSink): Mẫu 01 on A4 when staff
 * receive, Mẫu 02 and 03 as print jobs on the forms printer, and every form as a PDF or CSV for the screen
 * whether or not a printer is there.
 */
export function formSink(config: KioskConfig, printJobs: PrintJobs, words?: FormWords) {
  const printerId = formsPrinterOf(config);
  const options = words ? { words } : {};
  const receipts = createReceipts({ printJobs, printerId: printerId ?? '', format: 'a4', ...options });
  const forms = createForms({ printJobs, printerId: printerId ?? '', ...options });
  function form(kind: 'supplement', data: SupplementData): number[];
  function form(kind: 'refusal', data: RefusalData): number[];
  function form(kind: 'supplement' | 'refusal', data: SupplementData | RefusalData): number[] {
    if (printerId === undefined) return [];
    const id =
      kind === 'supplement'
        ? forms.enqueue('supplement', data as SupplementData)
        : forms.enqueue('refusal', data as RefusalData);
    printJobs.kick();
    return [id];
  }
  function pdf(kind: 'supplement', data: SupplementData): Promise<Uint8Array>;
  function pdf(kind: 'refusal', data: RefusalData): Promise<Uint8Array>;
  function pdf(kind: 'supplement' | 'refusal', data: SupplementData | RefusalData): Promise<Uint8Array> {
    return kind === 'supplement'
      ? forms.pdf('supplement', data as SupplementData)
      : forms.pdf('refusal', data as RefusalData);
  }
  return {
    hasPrinter: printerId !== undefined,
    receipt(data: ReceiptData, copies: number): number[] {
      if (printerId === undefined) return [];
      const ids = receipts.enqueue(data, copies);
      printJobs.kick();
      return ids;
    },
    receiptPdf: (data: ReceiptData) => receipts.pdf(data),
    form,
    pdf,
    async tracking(
      kind: 'control' | 'book',
      format: 'pdf' | 'csv',
      data: TrackingData,
    ): Promise<Uint8Array | string> {
      if (format === 'csv') return kind === 'control' ? controlCsv(data, words) : bookCsv(data, words);
      return kind === 'control' ? controlPdf(data, options) : bookPdf(data, options);
    },
  };
}
