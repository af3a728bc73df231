import type { z } from 'zod';
import type {
  Attachment,
  CheckResult,
  ContactSchema,
  CreatedDraft,
  DayDossierSchema,
  Delivery,
  Dossier,
  ImportSourceSchema,
  Lookup,
  LookupAnswer,
  LookupStatus,
  Problem,
  Procedure,
  Received,
  Reception,
  StaffUser,
  Submitted,
  SupplementItem,
} from '../../../preload/api';
import type { RefusalData, SupplementData, TrackingData } from '../print/forms/data';
import type { ReceiptData } from '../print/receipt-data';

export type {
  Attachment,
  CheckResult,
  CreatedDraft,
  Delivery,
  Dossier,
  Lookup,
  LookupAnswer,
  LookupStatus,
  Problem,
  Procedure,
  ReceiptData,
  Received,
  Reception,
  StaffUser,
  Submitted,
  SupplementItem,
};
export type Contact = z.infer<typeof ContactSchema>;
export type DayDossier = z.infer<typeof DayDossierSchema>;
export type ImportSource = z.infer<typeof ImportSourceSchema>;
export type FormData = Record<string, unknown>;

/**
 * What the dossier service needs from the modules built beside it, as small interfaces so it imports
 * none of them (the coordinator passes the real ones; tests pass fakes).
 */
export interface ProcedureSource {
  /** The catalogue's procedure; throws a KioskFailure (e.g. not found) a person can read. */
  getProcedure(id: string): Procedure;
  /** The e-form's problems (JSON Schema validation), with `field` paths into the form data. */
  validateForm(procedure: Procedure, data: FormData): Problem[];
}

/** The receipt printing pipeline (main/core/print). */
export interface ReceiptSink {
  /** Queues `copies` print jobs of the receipt; returns their job ids. */
  enqueue(data: ReceiptData, copies: number): number[];
  /** The receipt as a PDF (for the screen and the staff reprint). */
  pdf(data: ReceiptData): Promise<Uint8Array>;
}

/** The staff member behind a call, when there is one (assisted filing, staff methods). */
/**
 * The counter's A4 forms (main/core/print/forms): Mẫu 01 when staff receive a dossier, Mẫu 02, Mẫu 03.
 * Each call queues on the forms printer when there is one (its job ids; none without one) and every form
 * is also given as a PDF for the screen.
 */
export interface FormSink {
  /** False without a forms printer: the forms are then only given as PDFs. */
  hasPrinter: boolean;
  /** Mẫu 01 on A4 at the counter; returns the job ids ([] without a forms printer). */
  receipt(data: ReceiptData, copies: number): number[];
  receiptPdf(data: ReceiptData): Promise<Uint8Array>;
  form(kind: 'supplement', data: SupplementData): number[];
  form(kind: 'refusal', data: RefusalData): number[];
  pdf(kind: 'supplement', data: SupplementData): Promise<Uint8Array>;
  pdf(kind: 'refusal', data: RefusalData): Promise<Uint8Array>;
  tracking(form: 'control' | 'book', format: 'pdf' | 'csv', data: TrackingData): Promise<Uint8Array | string>;
}

export interface Actor {
  staff?: StaffUser | undefined;
}
