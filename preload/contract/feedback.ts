/**
 * Contract: the satisfaction rating a citizen gives after filing, looking a dossier up or being served,
 * and the day's report of them. Rules as in base.ts.
 */
import { z } from 'zod';
import { Day, method, type MethodTable } from './base';
import { DossierCode } from './dossier';

export const RatingSchema = z.enum(['very-satisfied', 'satisfied', 'unsatisfied']);

export const feedbackMethods = {
  'feedback.rate': method({
    access: 'citizen',
    input: z.strictObject({
      context: z.enum(['submit', 'lookup', 'queue']),
      code: DossierCode.optional(),
      rating: RatingSchema,
      reason: z.string().trim().max(500).optional(),
    }),
    output: z.object({ id: z.number().int() }),
    summary: 'Store a satisfaction rating (very satisfied / satisfied / not satisfied) and optional reason.',
  }),
  'feedback.report': method({
    access: 'staff',
    input: z.strictObject({ day: Day.optional() }),
    output: z.object({
      day: Day,
      counts: z.object({
        'very-satisfied': z.number().int(),
        satisfied: z.number().int(),
        unsatisfied: z.number().int(),
      }),
      reasons: z.array(
        z.object({ at: z.string(), rating: RatingSchema, reason: z.string(), code: z.string().nullable() }),
      ),
    }),
    summary: "The day's ratings and the reasons people gave.",
  }),
} as const satisfies MethodTable;
