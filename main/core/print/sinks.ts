import type { Ticket } from '../../../preload/api';
import type { KioskConfig } from '../config/schema';
import type { PrintJobs } from './jobs';
import { type ParkSlipJobPayload, createParkSlips } from './park-slip';
import type { TicketJobPayload } from './printers';
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
): { enqueue(data: ReceiptData, copies: number): number[]; pdf(data: ReceiptData): Promise<Uint8Array> } {
  const printerId = config.dossier.receiptPrinter ?? config.ticketPrinter;
  const receipts = createReceipts({
    printJobs,
    printerId: printerId ?? '',
    format: config.dossier.receiptFormat,
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
