import { z } from 'zod';
import { DeliverySchema, FeeSchema, ProcedureComponentSchema, TicketSchema } from '../../../preload/api';
import { RefusalDataSchema, SupplementDataSchema } from './forms/data';
import type { ReceiptData } from './receipt-data';

/**
 * What each kind of print job stores in `print_jobs.payload`, as a schema: checked when the job is queued
 * and again when it is read back to print (print/jobs.ts), so a row damaged on disk, or written by a bug,
 * fails that one job with a clear error instead of printing a ticket or receipt with holes in it.
 */

export const RECEIPT_JOB_KIND = 'receipt';
export const FORM_JOB_KIND = 'form';

/** The unit a receipt named before centres configured theirs. */
export const DEFAULT_RECEIVING_UNIT = 'Bộ phận Tiếp nhận và Trả kết quả';
export const PARK_SLIP_JOB_KIND = 'park-slip';

const Language = z.enum(['vi', 'en']);

/** What a ticket print job stores: enough to print it again after a restart. */
export const TicketJobPayloadSchema = z.object({
  ticket: TicketSchema,
  centreName: z.string(),
  priorityLabel: z.string().optional(),
  language: Language.optional(),
});
export type TicketJobPayload = z.infer<typeof TicketJobPayloadSchema>;

/** The receipt's data (receipt-data.ts), field for field. */
export const ReceiptDataSchema = z.object({
  // Jobs queued before the slip existed were all printed as Mẫu 01.
  stage: z.enum(['submitted', 'received']).default('received'),
  code: z.string(),
  provisional: z.boolean(),
  lookupSecret: z.string().nullable(),
  portalCode: z.string().nullable(),
  centre: z.object({
    name: z.string(),
    address: z.string().nullable(),
    unitCode: z.string(),
    // Jobs queued before the receiving unit was configured print as they did: the centre, then this unit.
    agency: z.string().nullable().default(null),
    receivingUnit: z.string().default(DEFAULT_RECEIVING_UNIT),
  }),
  kioskId: z.string(),
  applicant: z.object({
    fullName: z.string(),
    idNumber: z.string().nullable(),
    address: z.string().nullable(),
    // Receipt jobs queued before the field existed read back without it.
    addressOnCard: z.string().nullable().default(null),
    phone: z.string().nullable(),
    email: z.string().nullable(),
  }),
  procedure: z.object({ code: z.string(), name: z.string(), processingDays: z.number() }),
  documents: z.array(
    z.object({
      name: z.string(),
      form: ProcedureComponentSchema.shape.form,
      copies: z.number(),
      files: z.number(),
      pages: z.number(),
    }),
  ),
  sets: z.number(),
  receivedAt: z.string(),
  dueDate: z.string(),
  dueEstimated: z.boolean(),
  timeZone: z.string(),
  delivery: DeliverySchema,
  receivedBy: z.string().nullable(),
  receivedVia: z.enum(['counter', 'portal', 'kiosk']).optional(),
  fee: FeeSchema,
  payment: z.object({ payload: z.string(), paid: z.boolean() }).nullable(),
}) satisfies z.ZodType<ReceiptData>;

/** What a 'receipt' print job stores. */
export const ReceiptJobPayloadSchema = z.object({
  data: ReceiptDataSchema,
  /** 'a4': Mẫu 01 on a system (CUPS) printer; '80mm': the roll version. Thermal printers always get 80 mm. */
  format: z.enum(['a4', '80mm']),
});
export type ReceiptJobPayload = z.infer<typeof ReceiptJobPayloadSchema>;

/** What a 'park-slip' print job stores: exactly what the slip prints, so a reprint after a restart needs nothing else. */
export const ParkSlipJobPayloadSchema = z.object({
  centreName: z.string(),
  parkCode: z.string(),
  procedureName: z.string(),
  /** When the draft may be wiped (parked_at + dossier.parkedDraftDays), ISO; printed as a day. */
  keptUntil: z.string(),
  /**
   * The staff member who parked it (display name); null when no one is on record. Read leniently, as the
   * slip always was: a missing name prints no "kept by" line rather than no slip.
   */
  parkedBy: z.string().nullable().catch(null),
  /** ISO; when staff asked for the slip. */
  printedAt: z.string(),
  /** Vietnamese unless the slip was asked for in English. */
  language: Language.catch('vi'),
  /**
   * How the draft is taken back: absent (slips before issue 22, staff's park) by handing the slip to
   * staff; 'code-and-birth-date' when the citizen saved it for later at the kiosk (dossier.saveForLater).
   */
  resumeWith: z.enum(['code-and-birth-date']).optional().catch(undefined),
});
export type ParkSlipJobPayload = z.output<typeof ParkSlipJobPayloadSchema>;

/** What a 'form' print job stores: which annex form, and its data (forms/data.ts). A4 printers only. */
export const FormJobPayloadSchema = z.discriminatedUnion('form', [
  z.object({ form: z.literal('supplement'), data: SupplementDataSchema }),
  z.object({ form: z.literal('refusal'), data: RefusalDataSchema }),
]);
export type FormJobPayload = z.infer<typeof FormJobPayloadSchema>;
export type FormName = FormJobPayload['form'];

/** Every kind of print job and the schema of what it stores. */
export const PRINT_JOB_PAYLOADS = {
  ticket: TicketJobPayloadSchema,
  [RECEIPT_JOB_KIND]: ReceiptJobPayloadSchema,
  [PARK_SLIP_JOB_KIND]: ParkSlipJobPayloadSchema,
  [FORM_JOB_KIND]: FormJobPayloadSchema,
} as const;

export type PrintJobKind = keyof typeof PRINT_JOB_PAYLOADS;
export type PrintJobPayload<K extends PrintJobKind> = z.output<(typeof PRINT_JOB_PAYLOADS)[K]>;

export const isPrintJobKind = (kind: string): kind is PrintJobKind => Object.hasOwn(PRINT_JOB_PAYLOADS, kind);

/** A payload checked against its kind's schema: the parsed payload, or why it cannot be printed. */
export function checkJobPayload(
  kind: string,
  payload: unknown,
): { ok: true; payload: unknown } | { ok: false; reason: string } {
  if (!isPrintJobKind(kind)) return { ok: false, reason: `unknown print job kind ${kind}` };
  const parsed = PRINT_JOB_PAYLOADS[kind].safeParse(payload);
  if (parsed.success) return { ok: true, payload: parsed.data };
  const issue = parsed.error.issues[0];
  const at = issue && issue.path.length > 0 ? ` at ${issue.path.map(String).join('.')}` : '';
  return { ok: false, reason: `${kind} payload does not match its schema${at}: ${issue?.message ?? ''}` };
}

/** Reads one kind's payload, throwing a TypeError naming the kind when it does not match. */
function read<K extends PrintJobKind>(kind: K, payload: unknown, what: string): PrintJobPayload<K> {
  const parsed = PRINT_JOB_PAYLOADS[kind].safeParse(payload);
  if (!parsed.success) throw new TypeError(`${kind} print job without ${what}`);
  return parsed.data as PrintJobPayload<K>;
}

export const ticketJobPayload = (payload: unknown): TicketJobPayload =>
  read('ticket', payload, 'its ticket data');

/**
 * Reads a stored receipt payload back. It was written by `createReceipts` from this code, so a wrong shape
 * is a bug or a damaged row: say which, rather than print a receipt with holes in it.
 */
export const receiptJobPayload = (payload: unknown): ReceiptJobPayload =>
  read(RECEIPT_JOB_KIND, payload, 'receipt data and a format (a4 or 80mm)');

export const parkSlipJobPayload = (payload: unknown): ParkSlipJobPayload =>
  read(PARK_SLIP_JOB_KIND, payload, 'its slip data');

export const formJobPayload = (payload: unknown): FormJobPayload =>
  read(FORM_JOB_KIND, payload, 'a form (supplement or refusal) and its data');
