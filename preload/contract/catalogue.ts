/**
 * Contract: the catalogue of procedures (thủ tục hành chính): their papers, fees, times, legal basis and
 * e-form, and the fields to browse them by. The portal protocol (portal.ts) sends procedures in this
 * shape too. Rules as in base.ts.
 */
import { z } from 'zod';
import { BilingualSchema, Empty, JsonObject, method, type MethodTable } from './base';

const Hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'time-format' });

export const FileKindSchema = z.enum(['pdf', 'jpeg', 'png']);
export type FileKindName = z.infer<typeof FileKindSchema>;

/** "Mức độ 3" (submitted online, result collected in person) or "mức độ 4 / toàn trình". */
export const ProcedureLevelSchema = z.union([z.literal(3), z.literal(4)]);

export const FeeSchema = z.object({
  /** The fee in đồng for one dossier, 0 when free (the VietQR amount). */
  amount: z.number().int().nonnegative(),
  /** How the fee is worked out, as the procedure's public record says it (e.g. per page, exemptions). */
  text: z.string(),
});
export type Fee = z.infer<typeof FeeSchema>;

export const ProcedureComponentSchema = z.object({
  /** Stable slug within the procedure, e.g. `to-khai`, `giay-chung-sinh`. */
  id: z.string().regex(/^[a-z0-9-]{1,48}$/),
  /** As the law names the paper (Vietnamese); `nameEn` for the English screen. */
  name: z.string(),
  nameEn: z.string(),
  /** Bản chính / bản sao / bản sao có chứng thực / bản chính hoặc bản sao. */
  form: z.enum(['original', 'copy', 'certified-copy', 'original-or-copy']),
  copies: z.number().int().min(1).max(10),
  /** False: needed only in the case `condition` describes. */
  required: z.boolean(),
  condition: z.string().nullable(),
  /**
   * The same in English, for the English screen; null exactly when `condition` is. Defaults to null so a
   * portal catalogue (or one stored by an older app) without it still parses: the screen then falls back.
   */
  conditionEn: z.string().nullable().default(null),
  /** File types accepted for this paper. */
  accept: z.array(FileKindSchema).min(1),
  /** True for the declaration (tờ khai) the e-form produces: no file to attach. */
  fromForm: z.boolean(),
});
export type ProcedureComponent = z.infer<typeof ProcedureComponentSchema>;

/** A place in the e-form that holds a person, filled from a CCCD scan when the citizen picks it. */
export const PersonSlotSchema = z.object({
  /** Property of the form data holding `{ fullName, idNumber, birthDate, sex, address, … }`. */
  path: z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,31}$/),
  label: BilingualSchema,
});

export const ProcedureSummarySchema = z.object({
  id: z.string(),
  /** The national database code (Cơ sở dữ liệu quốc gia về thủ tục hành chính), e.g. `1.001193`. */
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  /** Lĩnh vực, e.g. "Hộ tịch". */
  field: z.string(),
  fieldEn: z.string(),
  level: ProcedureLevelSchema,
  processingDays: z.number().int().nonnegative(),
  fee: FeeSchema,
});
export type ProcedureSummary = z.infer<typeof ProcedureSummarySchema>;

export const ProcedureSchema = ProcedureSummarySchema.extend({
  /** Cơ quan thực hiện. */
  agency: z.string(),
  legalBasis: z.array(z.string()),
  components: z.array(ProcedureComponentSchema),
  /** Number of sets (số bộ hồ sơ). */
  sets: z.number().int().min(1),
  /** Received after this local time counts from the next working day (e.g. chứng thực); null: no cut-off. */
  cutoff: Hhmm.nullable(),
  /** Whether the result can be sent home by post. */
  postal: z.boolean(),
  /** What the citizen receives (e.g. "Giấy khai sinh (bản chính)"). */
  result: z.string(),
  form: z.object({ schema: JsonObject, uiSchema: JsonObject, persons: z.array(PersonSlotSchema) }),
  /** Where the seed's facts come from (public pages, legal documents). */
  sources: z.array(z.string()),
});
export type Procedure = z.infer<typeof ProcedureSchema>;

export const CatalogueFieldSchema = z.object({
  field: z.string(),
  fieldEn: z.string(),
  count: z.number().int().nonnegative(),
});

export const catalogueMethods = {
  'catalogue.search': method({
    access: 'citizen',
    input: z.strictObject({ query: z.string().max(120).optional(), field: z.string().max(120).optional() }),
    output: z.array(ProcedureSummarySchema),
    summary: 'Find procedures by Vietnamese name with or without diacritics, or by code; empty lists all.',
  }),
  'catalogue.fields': method({
    access: 'citizen',
    input: Empty,
    output: z.array(CatalogueFieldSchema),
    summary: 'The fields (lĩnh vực) to browse by, with how many procedures each has.',
  }),
  'catalogue.get': method({
    access: 'citizen',
    input: z.strictObject({ id: z.string().min(1).max(64) }),
    output: ProcedureSchema,
    summary: 'One procedure: papers needed, fees, time, legal basis and its e-form.',
  }),
} as const satisfies MethodTable;
