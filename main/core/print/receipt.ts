import { type TicketFonts } from './fonts';
import type { PrintJobs } from './jobs';
import { type ReceiptData } from './receipt-data';
import { receiptPdf } from './receipt-pdf';
import { receiptThermalPdf } from './receipt-thermal';

/**
 * Dossier receipts as print jobs. A job stores the receipt's data, not its bytes: the printer's kind
 * decides what to render when the job goes out (printers.ts), so a job queued while a printer was
 * swapped still prints, and a reprint after a restart needs nothing else.
 */
export type ReceiptFormat = 'a4' | '80mm';

export const RECEIPT_JOB_KIND = 'receipt';

/** What a 'receipt' print job stores. */
export interface ReceiptJobPayload {
  data: ReceiptData;
  /** 'a4': Mẫu 01 on a system (CUPS) printer; '80mm': the roll version. Thermal printers always get 80 mm. */
  format: ReceiptFormat;
}

const MAX_COPIES = 10;

/**
 * Reads a stored payload back. It was written by `createReceipts` from this code, so a wrong shape is a
 * bug or a damaged row: say which, rather than print a receipt with holes in it.
 */
export function receiptJobPayload(payload: unknown): ReceiptJobPayload {
  const p = payload as Partial<ReceiptJobPayload> | null;
  if (!p || typeof p !== 'object' || (p.format !== 'a4' && p.format !== '80mm')) {
    throw new TypeError('receipt print job without a format (a4 or 80mm)');
  }
  const d = p.data;
  if (!d || typeof d.code !== 'string' || !Array.isArray(d.documents) || typeof d.receivedAt !== 'string') {
    throw new TypeError('receipt print job without receipt data');
  }
  return { data: d, format: p.format };
}

export interface ReceiptsOptions {
  printJobs: Pick<PrintJobs, 'enqueue'>;
  printerId: string;
  format: ReceiptFormat;
  /** Defaults to the bundled fonts. */
  fonts?: TicketFonts;
}

export function createReceipts(options: ReceiptsOptions) {
  const { printJobs, printerId, format, fonts } = options;
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
    /** The receipt as a PDF in the configured format (what is printed), for the screen and for download. */
    pdf(data: ReceiptData): Promise<Uint8Array> {
      return format === 'a4' ? receiptPdf(data, { fonts }) : receiptThermalPdf(data, { fonts });
    },
  };
}

export type Receipts = ReturnType<typeof createReceipts>;
