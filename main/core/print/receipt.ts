import { type TicketFonts } from './fonts';
import { type FormWords } from './forms/words';
import type { PrintJobs } from './jobs';
import { RECEIPT_JOB_KIND, type ReceiptJobPayload } from './payloads';
import { type ReceiptData } from './receipt-data';
import { receiptPdf } from './receipt-pdf';
import { receiptThermalPdf } from './receipt-thermal';

/**
 * Dossier receipts as print jobs. A job stores the receipt's data, not its bytes: the printer's kind
 * decides what to render when the job goes out (printers.ts), so a job queued while a printer was
 * swapped still prints, and a reprint after a restart needs nothing else.
 */
export type ReceiptFormat = 'a4' | '80mm';

export { RECEIPT_JOB_KIND, type ReceiptJobPayload, receiptJobPayload } from './payloads';

const MAX_COPIES = 10;

export interface ReceiptsOptions {
  printJobs: Pick<PrintJobs, 'enqueue'>;
  printerId: string;
  format: ReceiptFormat;
  /** Defaults to the bundled fonts. */
  fonts?: TicketFonts;
  /** The forms' words (forms/words.ts); defaults to FORM_WORDS. */
  words?: FormWords;
}

export function createReceipts(options: ReceiptsOptions) {
  const { printJobs, printerId, format, fonts, words } = options;
  return {
    /**
     * One job per copy (one failed copy is retried alone), each with ref `receipt:<code>`. Only writes
     * rows: call it inside the transaction that stores the dossier, and `printJobs.kick()` after it commits.
     */
    enqueue(data: ReceiptData, copies: number): number[] {
      if (!Number.isInteger(copies) || copies < 1 || copies > MAX_COPIES) {
        throw new RangeError(`Receipt copies must be 1–${MAX_COPIES}, got ${copies}`);
      }
      const payload: ReceiptJobPayload = { data, format };
      return Array.from({ length: copies }, () =>
        printJobs.enqueue({ printerId, kind: RECEIPT_JOB_KIND, ref: `receipt:${data.code}`, payload }),
      );
    },
    /**
     * The receipt (Mẫu 01, or the submission slip while `data.stage` is 'submitted') as a PDF in the
     * configured format (what is printed), for the screen and for download.
     */
    pdf(data: ReceiptData): Promise<Uint8Array> {
      return format === 'a4' ? receiptPdf(data, { fonts, words }) : receiptThermalPdf(data, { fonts, words });
    },
  };
}

export type Receipts = ReturnType<typeof createReceipts>;
