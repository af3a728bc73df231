/**
 * Contract: receiving a dossier at the counter, and the forms of Thông tư 03/2025/TT-VPCP (Phụ lục I) that
 * staff print: Mẫu 01 when they receive a dossier the citizen submitted alone, Mẫu 02 (the request to
 * complete a dossier, every missing paper at once), Mẫu 03 (refusal to receive, with the reason), and
 * Mẫu 06/07 (control slips and the tracking book) as exports. Rules as in base.ts.
 */
import { z } from 'zod';
import { Day, method, type MethodTable } from './base';
import { ChannelSchema, DayDossierSchema, DossierId } from './dossier';

const JobIds = z.array(z.number().int());

export const ReceivedSchema = z.object({
  code: z.string(),
  /** When the officer received it: the due date is counted from this moment. */
  receivedAt: z.string(),
  dueDate: Day,
  dueDateEstimated: z.boolean(),
  /** Mẫu 01 as printed (A4), for the screen; the print jobs when a forms printer is set. */
  pdfBase64: z.string(),
  jobIds: JobIds,
});
export type Received = z.infer<typeof ReceivedSchema>;

/** One item of Mẫu 02: a paper (or form field) and what the citizen must bring or correct. */
export const SupplementItemSchema = z.object({ paper: z.string(), request: z.string() });
export type SupplementItem = z.infer<typeof SupplementItemSchema>;

export const TrackingFormSchema = z.enum(['control', 'book']);
export type TrackingForm = z.infer<typeof TrackingFormSchema>;

/** At most this many days in one export of Mẫu 06/07. */
export const MAX_TRACKING_DAYS = 366;

const Reason = z.string().trim().min(5).max(1000);

export const receptionMethods = {
  'dossier.pending': method({
    access: 'staff',
    input: z.strictObject({}),
    output: z.array(DayDossierSchema),
    summary: 'Dossiers citizens submitted alone at the kiosk that no officer has received yet, oldest first.',
  }),
  'dossier.receive': method({
    access: 'staff',
    input: z.strictObject({ id: DossierId }),
    output: ReceivedSchema,
    summary:
      'Receive a dossier the citizen submitted alone: the due date counted from now, Mẫu 01 printed (audited).',
  }),
  'dossier.refuse': method({
    access: 'staff',
    input: z.strictObject({ id: DossierId, reason: Reason }),
    output: z.object({ code: z.string(), pdfBase64: z.string(), jobIds: JobIds }),
    summary:
      'Refuse to receive a pending dossier or an assisted draft (reason required, audited): kept, marked refused, sent to the portal as refused; Mẫu 03 printed.',
  }),
  'dossier.supplementRequest': method({
    access: 'staff',
    input: z.strictObject({
      id: DossierId,
      /** What the officer found besides the check (a paper that does not match), one item. */
      note: z.string().trim().max(1000).optional(),
      print: z.boolean().optional(),
    }),
    output: z.object({
      code: z.string().nullable(),
      items: z.array(SupplementItemSchema),
      pdfBase64: z.string(),
      jobIds: JobIds,
    }),
    summary:
      "Mẫu 02 for a draft at the counter (every problem of the completeness check at once) or a dossier the portal asked papers for (the portal's words).",
  }),
  'dossier.tracking': method({
    access: 'staff',
    input: z
      .strictObject({
        from: Day,
        to: Day,
        form: TrackingFormSchema,
        format: z.enum(['pdf', 'csv']),
        channel: ChannelSchema.optional(),
      })
      .refine((i) => i.from <= i.to, { message: 'range-order', path: ['to'] }),
    output: z.object({
      filename: z.string(),
      format: z.enum(['pdf', 'csv']),
      /** Base64 of the PDF, or the CSV's text (UTF-8 with BOM). */
      content: z.string(),
      dossiers: z.number().int(),
    }),
    summary:
      'Mẫu 06 (control slips, one per dossier) or Mẫu 07 (the tracking book) of the dossiers submitted in a range of days, as PDF or CSV.',
  }),
} as const satisfies MethodTable;
