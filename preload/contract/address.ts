/**
 * Addresses after the 2025 reform (main/core/address): an old card address read into the new two-level
 * units (34 provinces, 3,321 communes since 1 July 2025), the picker's search, and the versioned datasets.
 */
import { z } from 'zod';
import { BilingualSchema, Day, Empty, method, type MethodTable } from './base';

const ProvinceCode = z.string().regex(/^\d{2}$/);
const CommuneCode = z.string().regex(/^\d{5}$/);

export const CommuneHitSchema = z.object({
  code: CommuneCode,
  name: z.string(),
  province: z.string(),
  provinceCode: ProvinceCode,
});
export type CommuneHit = z.infer<typeof CommuneHitSchema>;

export const AddressCandidateSchema = CommuneHitSchema.extend({
  /** The old commune went to this one alone: nothing to choose. */
  whole: z.boolean(),
});
export type AddressCandidate = z.infer<typeof AddressCandidateSchema>;

export const AddressNoteSchema = z.enum([
  'empty',
  'too-long',
  'not-found',
  'commune-missing',
  'split',
  'several-old',
  'several-new',
  'not-converted',
]);

export const AddressAnswerSchema = z.object({
  /** `old`: written with units from before the dataset in force (a district, an old commune or province). */
  form: z.enum(['old', 'new', 'unknown']),
  /** The parts as the text writes them. */
  parts: z.object({
    street: z.string().nullable(),
    commune: z.string().nullable(),
    district: z.string().nullable(),
    province: z.string().nullable(),
  }),
  candidates: z.array(AddressCandidateSchema),
  note: AddressNoteSchema.nullable(),
  /** What the person reads: what was found and what to do (null: a new-form address found as it is). */
  message: BilingualSchema.nullable(),
  dataset: z.object({ version: z.string(), effective: Day }),
});
export type AddressAnswer = z.infer<typeof AddressAnswerSchema>;

export const AddressDatasetSchema = z.object({
  version: z.string(),
  effective: Day,
  source: z.string(),
  origin: z.enum(['shipped', 'installed']),
  installedAt: z.string().nullable(),
  installedBy: z.string().nullable(),
  inForce: z.boolean(),
  provinces: z.number().int(),
  communes: z.number().int(),
});
export type AddressDataset = z.infer<typeof AddressDatasetSchema>;

/**
 * A structured address as the e-forms store it, with the text composed from it. The card's own text is
 * kept beside it (`asWritten`) where it differs, so the receipt and the portal carry both.
 */
export const StructuredAddressSchema = z.object({
  street: z.string().trim().max(200),
  communeCode: CommuneCode,
  commune: z.string().max(80),
  province: z.string().max(80),
  provinceCode: ProvinceCode,
  text: z.string().max(400),
  asWritten: z.string().max(400).optional(),
});
export type StructuredAddress = z.infer<typeof StructuredAddressSchema>;

// An address on a card is under 200 characters; longer text is still answered (a clear note), not refused.
const AddressText = z.string().max(10_000);

export const addressMethods = {
  'address.resolve': method({
    access: 'citizen',
    input: z.strictObject({ text: AddressText, asOf: Day.optional() }),
    output: AddressAnswerSchema,
    summary:
      'An address as written (a card’s old one, or typed) read into its parts and the new communes it may be now.',
  }),
  'address.search': method({
    access: 'citizen',
    input: z.strictObject({
      query: z.string().max(200),
      provinceCode: ProvinceCode.optional(),
      asOf: Day.optional(),
    }),
    output: z.object({ communes: z.array(CommuneHitSchema) }),
    summary:
      'New communes by name (diacritics optional) for the address picker; a whole province when the query is empty.',
  }),
  'address.provinces': method({
    access: 'citizen',
    input: z.strictObject({ asOf: Day.optional() }),
    output: z.object({ provinces: z.array(z.object({ code: ProvinceCode, name: z.string() })) }),
    summary: 'The provinces in force (34 since 1 July 2025) for the address picker.',
  }),
  'address.dataset': method({
    access: 'staff',
    input: Empty,
    output: z.object({ datasets: z.array(AddressDatasetSchema) }),
    summary: 'The administrative-unit datasets installed, their effective dates, and the one in force.',
  }),
  'address.installDataset': method({
    access: 'admin',
    input: z.strictObject({ dataset: z.string().min(2).max(2_000_000) }),
    output: AddressDatasetSchema,
    summary:
      'Admin only: install a newer administrative-unit dataset (a later resolution), checked and audited.',
  }),
} as const satisfies MethodTable;
