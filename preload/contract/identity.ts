/**
 * Contract: who a citizen is, from what a scanner read (the CCCD's QR, the MRZ on its back, a receipt
 * code) or from the card's chip through a reader. Rules as in base.ts.
 */
import { z } from 'zod';
import { BilingualSchema, Day, Empty, method, type MethodTable } from './base';
import { ScanText } from './devices';

const IdNumber = z.string().regex(/^\d{12}$/, { message: 'id-format' });

/** A person as the QR on the front of a chip ID card (CCCD) gives them. */
export const CccdPersonSchema = z.object({
  idNumber: IdNumber,
  /** The old 9- or 12-digit CMND number, when the card carries one. */
  oldIdNumber: z.string().optional(),
  fullName: z.string().min(1),
  birthDate: Day,
  sex: z.enum(['male', 'female']),
  address: z.string(),
  issueDate: Day,
});
export type CccdPerson = z.infer<typeof CccdPersonSchema>;

/** A person as the TD1 machine-readable zone on the back of the card gives them (no diacritics). */
export const MrzPersonSchema = z.object({
  documentNumber: z.string(),
  birthDate: Day,
  /** Null for a card without expiry (the MRZ field is all `<`). */
  expiryDate: Day.nullable(),
  sex: z.enum(['male', 'female', 'unspecified']),
  nationality: z.string(),
  surname: z.string(),
  givenNames: z.string(),
  /** The 12-digit citizen ID, when the optional data of a Vietnamese card holds it. */
  idNumber: IdNumber.optional(),
});
export type MrzPerson = z.infer<typeof MrzPersonSchema>;

export const ParsedScanSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('cccd-qr'),
    person: CccdPersonSchema,
    /** Fields after the seventh (newer cards add some; no published layout, so not parsed). */
    extra: z.array(z.string()),
  }),
  z.object({ kind: z.literal('mrz'), person: MrzPersonSchema }),
  z.object({
    kind: z.literal('dossier-code'),
    /** Official `000.00.12.H29-240815-0007` or provisional `000.00.12.H29-K01-240815-0007`. */
    code: z.string(),
    provisional: z.boolean(),
    /** The receipt's "Mã tra cứu" when its QR carries one (`<code>#<secret>`); absent on older receipts. */
    secret: z.string().optional(),
  }),
]);
export type ParsedScan = z.infer<typeof ParsedScanSchema>;

// ── chip ───────────────────────────────────────────────────────────────────────────────────────────

export const ChipPersonSchema = z.object({
  idNumber: IdNumber,
  oldIdNumber: z.string().optional(),
  fullName: z.string(),
  birthDate: Day,
  sex: z.enum(['male', 'female']),
  nationality: z.string(),
  placeOfOrigin: z.string(),
  /** Nơi thường trú; also `address` so forms fill as from a QR scan. */
  address: z.string(),
  issueDate: Day.optional(),
  expiryDate: Day.optional(),
  parents: z.object({ father: z.string().optional(), mother: z.string().optional() }).optional(),
  /** Dân tộc (DG13), present only when `readEthnicity` asked for it. */
  ethnicity: z.string().optional(),
});
export type ChipPerson = z.infer<typeof ChipPersonSchema>;

export const ChipReadSchema = z.object({
  person: ChipPersonSchema,
  /** `verified`: EF.SOD signed by a configured CSCA and every data group read matches its hash. */
  verification: z.enum(['verified', 'failed', 'not-checked']),
  note: BilingualSchema,
  /** True when the staff demo card (software card) was read, never a real citizen. */
  demo: z.boolean(),
  durationMs: z.number().nonnegative(),
});
export type ChipRead = z.infer<typeof ChipReadSchema>;

export const ChipStatusSchema = z.object({
  /** `unavailable`: no PC/SC library on this machine; the demo card still works. */
  pcsc: z.enum(['ready', 'unavailable', 'disabled']),
  readers: z.array(z.object({ name: z.string(), cardPresent: z.boolean() })),
  note: BilingualSchema.nullable(),
  cscaCount: z.number().int().nonnegative(),
});

export const ChipAccessSchema = z.strictObject({
  /** As printed in the MRZ (9 characters for a CCCD). */
  documentNumber: z.string().regex(/^[0-9A-Z<]{1,9}$/),
  birthDate: Day,
  /** Null for a card without expiry ("không thời hạn"): its MRZ prints `<<<<<<` there. */
  expiryDate: Day.nullable(),
});

export const identityMethods = {
  'identity.parseScan': method({
    access: 'citizen',
    input: z.strictObject({ text: ScanText }),
    output: ParsedScanSchema,
    summary:
      'Read a scan: a chip ID card QR, the MRZ on its back, or a receipt code; refuse anything doubtful.',
  }),
  'identity.readChip': method({
    access: 'local',
    input: z.strictObject({
      /** From the scanned MRZ or typed by staff; without it, the demo card (when `demo`). */
      access: ChipAccessSchema.optional(),
      /** Read parents' names (DG13 field 13) only when the procedure needs them. */
      readParents: z.boolean().optional(),
      /**
       * Read the ethnicity (DG13) only when the form being filled asks for it: sensitive personal data,
       * answered for that form's fill and kept nowhere by main (not in evidence, logs or the database).
       */
      readEthnicity: z.boolean().optional(),
      /** Read the built-in software card (staff demo mode) instead of a reader. */
      demo: z.boolean().optional(),
    }),
    output: ChipReadSchema,
    summary: 'Read the chip of the card on the reader (BAC, secure messaging, DG1/DG13, passive auth).',
  }),
  'identity.chipStatus': method({
    access: 'local',
    input: Empty,
    output: ChipStatusSchema,
    summary: 'Card readers, whether a card is present, and whether PC/SC and CSCA certificates are set up.',
  }),
} as const satisfies MethodTable;
