/**
 * Contract: a citizen's draft kept past the moment: set aside when the session ends mid-filing (taken
 * back by scanning an ID card it names, until the end of the day), or saved for later under a code
 * printed on a slip (taken back with that code and a birth date). Staff park and resume are dossier.ts.
 * Rules as in base.ts.
 */
import { z } from 'zod';
import { Day, method, type MethodTable } from './base';
import { ScanText } from './devices';
import { CreatedDraftSchema, DossierId, DraftToken } from './dossier';

export const draftKeepMethods = {
  'dossier.setAside': method({
    access: 'citizen',
    input: z.strictObject({ id: DossierId, draftToken: DraftToken.optional() }),
    output: z.object({
      /** False when the draft names no ID number to take it back by: it was wiped instead. */
      kept: z.boolean(),
    }),
    summary:
      "The citizen's session ended mid-filing (idle): keep the draft until the end of the day, taken back only by scanning an ID card it names (dossier.resumeByCard); a draft naming none is wiped. Its token stops working.",
  }),
  'dossier.resumeByCard': method({
    access: 'citizen',
    input: z.strictObject({ text: ScanText.min(1) }),
    output: z.array(CreatedDraftSchema),
    summary:
      'Drafts set aside today whose applicant is the scanned card (its ID number with its birth date, or with its name where the form asks no birth date), each with a new token (the old ones stop working); empty when none. Staff use it at the counter, where any person named and parked drafts are found too.',
  }),
  'dossier.saveForLater': method({
    access: 'citizen',
    input: z.strictObject({
      id: DossierId,
      draftToken: DraftToken.optional(),
      /** The birth date that will be asked to resume, when the draft has no applicant's birth date yet. */
      birthDate: Day.optional(),
    }),
    output: z.object({
      parkCode: z.string(),
      /** The last day the draft is kept (the slip says "giữ đến"). */
      keptUntil: Day,
      /** The slip's print job; null when the kiosk has no ticket printer (the screen shows the code). */
      jobId: z.number().int().nullable(),
    }),
    summary:
      '"Lưu lại, làm tiếp sau": park the draft under a code printed on a slip; resuming needs the code and the birth date (dossier.resumeByCode). Answers `birth-date-needed` when the draft has none and none was given.',
  }),
  'dossier.resumeByCode': method({
    access: 'citizen',
    input: z.strictObject({
      parkCode: z
        .string()
        .trim()
        .toUpperCase()
        .regex(/^[0-9A-Z]{4,8}$/),
      birthDate: Day,
    }),
    output: CreatedDraftSchema,
    summary:
      'Take a draft saved for later back with its code and birth date (one answer for a wrong code or a wrong date); after 5 wrong tries on a code it opens only for staff (`dossier.resume`).',
  }),
} as const satisfies MethodTable;
