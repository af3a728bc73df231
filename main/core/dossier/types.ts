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
  StaffUser,
  Submitted,
} from '../../../preload/api';
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
  StaffUser,
  Submitted,
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
export interface Actor {
  staff?: StaffUser | undefined;
}
