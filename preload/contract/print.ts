/**
 * Contract: print jobs (tickets, receipts, park slips) as staff and screens see them. Rules as in base.ts.
 */
import { z } from 'zod';
import { Empty, KioskErrorSchema, method, type MethodTable } from './base';

export const PrintStatusSchema = z.enum(['none', 'queued', 'sent', 'done', 'failed']);
export type PrintStatus = z.infer<typeof PrintStatusSchema>;

export const PrintJobEventSchema = z.object({
  jobId: z.number().int(),
  /** What was printed, e.g. `ticket:42`. */
  ref: z.string().nullable(),
  status: PrintStatusSchema,
  error: KioskErrorSchema.nullable(),
});
export type PrintJobEvent = z.infer<typeof PrintJobEventSchema>;

export const printMethods = {
  'print.jobs': method({
    access: 'staff',
    input: Empty,
    output: z.array(
      z.object({
        jobId: z.number().int(),
        printerId: z.string(),
        ref: z.string().nullable(),
        status: PrintStatusSchema,
        attempts: z.number().int(),
        error: KioskErrorSchema.nullable(),
        createdAt: z.string(),
      }),
    ),
    summary: 'Print jobs not yet printed (waiting, retrying or given up), newest first.',
  }),
  'print.retry': method({
    access: 'staff',
    input: z.strictObject({ jobId: z.number().int().positive() }),
    output: z.object({ jobId: z.number().int(), status: PrintStatusSchema }),
    summary: 'Send a print job that was given up on (printer down too long) to the printer again.',
  }),
} as const satisfies MethodTable;
