/**
 * Contract shapes for procedures, dossiers, receipts, payments, feedback, chip reading and sync.
 * Split from `../api.ts` only to keep that file readable; the same rules apply: zod only, importable
 * from the renderer bundle, names are public API (add, never rename).
 */
import { z } from 'zod';

const Bilingual = z.object({ vi: z.string(), en: z.string() });
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'date-format' });
const Hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'time-format' });
const IdNumber = z.string().regex(/^\d{12}$/, { message: 'id-format' });

/** A dossier draft's id: a random UUID, so one citizen cannot guess another's draft. */
export const DossierId = z.uuid();
/**
 * A draft's capability: the random token `dossier.create` returns (base64url, 256 bits). Every public
 * call on the draft carries it; staff need none. Kept by the screen that started the draft, never logged.
 */
export const DraftToken = z.string().max(128);

/** Official `000.00.12.H29-240815-0007` or provisional `000.00.12.H29-K01-240815-0007`. */
export const DossierCode = z.string().trim().min(10).max(40);

// ── catalogue ──────────────────────────────────────────────────────────────────────────────────────

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
  label: Bilingual,
});

/** JSON Schema and react-jsonschema-form UI hints, as plain JSON. */
const JsonObject = z.record(z.string(), z.json());

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

// ── dossiers ───────────────────────────────────────────────────────────────────────────────────────

export const DossierStatusSchema = z.enum(['draft', 'parked', 'submitted']);

export const AttachmentSchema = z.object({
  id: z.string(),
  componentId: z.string(),
  /** The file's name as shown to the person (cleaned), e.g. `giay-chung-sinh.jpg`. */
  name: z.string(),
  /** What was handed in; images are stored as PDF pages. */
  kind: FileKindSchema,
  pages: z.number().int().min(1),
  /** Bytes of the stored PDF. */
  bytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** A small PNG data URL for the screen; null for a PDF (the screen shows the page count). */
  thumbnail: z.string().nullable(),
});
export type Attachment = z.infer<typeof AttachmentSchema>;

const Phone = z
  .string()
  .trim()
  .regex(/^(\+84|0)\d{9,10}$/, { message: 'phone-format' });

export const PostalAddressSchema = z.object({
  recipient: z.string().trim().min(1).max(120),
  street: z.string().trim().min(1).max(200),
  ward: z.string().trim().min(1).max(120),
  province: z.string().trim().min(1).max(120),
  phone: Phone,
});

export const DeliverySchema = z.discriminatedUnion('method', [
  z.object({ method: z.literal('counter') }),
  z.object({ method: z.literal('post'), address: PostalAddressSchema }),
]);
export type Delivery = z.infer<typeof DeliverySchema>;

export const ContactSchema = z.object({
  phone: Phone.optional(),
  email: z.email().max(120).optional(),
});

export const DossierSchema = z.object({
  id: DossierId,
  procedureId: z.string(),
  procedureName: z.string(),
  status: DossierStatusSchema,
  /** The e-form's data (JSON), as typed or filled from a card. */
  data: JsonObject,
  delivery: DeliverySchema,
  contact: ContactSchema,
  attachments: z.array(AttachmentSchema),
  /** Filed by staff for a citizen. */
  assistedBy: z.object({ id: z.number().int(), displayName: z.string() }).nullable(),
  /** Short code staff use to resume a parked draft (e.g. `H7K2QD`). */
  parkCode: z.string().nullable(),
  /** Set once submitted. */
  code: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /**
   * Present (true) only in a staff list (`dossier.parked`) on a dossier whose stored data no longer reads
   * back (bit rot): its procedure, form, delivery and contact are then empty, not read, and opening it
   * answers `dossier-damaged`. The screen shows "Hồ sơ bị hỏng dữ liệu — liên hệ kỹ thuật".
   */
  damaged: z.boolean().optional(),
});
export type Dossier = z.infer<typeof DossierSchema>;

/** `dossier.create`'s answer: the new draft and, once only, its capability token (`DraftToken`). */
export const CreatedDraftSchema = DossierSchema.extend({ draftToken: z.string() });
export type CreatedDraft = z.infer<typeof CreatedDraftSchema>;

/** One thing missing or wrong before a dossier can be submitted, in words the person can act on. */
export const ProblemSchema = z.object({
  code: z.string(),
  vi: z.string(),
  en: z.string(),
  /** A path in the form data (e.g. `child.fullName`), when the problem is a form field. */
  field: z.string().optional(),
  /** The required paper, when the problem is a missing or unsuitable attachment. */
  componentId: z.string().optional(),
});
export type Problem = z.infer<typeof ProblemSchema>;

export const CheckResultSchema = z.object({ complete: z.boolean(), problems: z.array(ProblemSchema) });
export type CheckResult = z.infer<typeof CheckResultSchema>;

export const SubmittedSchema = z.object({
  id: DossierId,
  /** The kiosk's code; provisional until the portal gives the official one. */
  code: z.string(),
  provisional: z.boolean(),
  procedureName: z.string(),
  receivedAt: z.string(),
  dueDate: Day,
  /** True when a day off counted in the due date is only expected, not yet decided. */
  dueDateEstimated: z.boolean(),
  fee: FeeSchema,
  /** VietQR payload for a level-4 fee, when the centre's account is configured and the fee is not 0. */
  payment: z.object({ payload: z.string(), paid: z.boolean() }).nullable(),
  receipt: z.object({ jobIds: z.array(z.number().int()), copies: z.number().int() }),
  /**
   * The receipt's "Mã tra cứu", shown on the citizen's screen too, so a receipt the printer failed to
   * print does not leave them without it (the caller holds the draft's token: it is their dossier).
   */
  lookupSecret: z.string().nullable(),
});
export type Submitted = z.infer<typeof SubmittedSchema>;

export const TimelineStatusSchema = z.enum([
  'received',
  'sent',
  'accepted',
  'processing',
  'supplement',
  'done',
  'returned',
  'rejected',
]);
export type TimelineStatus = z.infer<typeof TimelineStatusSchema>;

/**
 * The receipt's "Mã tra cứu": 6 characters from 32 that cannot be misread (no 0/O, 1/I), printed beside
 * the dossier code and carried in the receipt's QR (`<code>#<secret>`). Typed with spaces, dashes or in
 * lower case, it is still read; main compares it in constant time.
 */
export const LOOKUP_SECRET_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const LOOKUP_SECRET_LENGTH = 6;
export const LookupSecret = z
  .string()
  .max(16)
  .transform((s) => s.toUpperCase().replace(/[\s-]/g, ''));

/**
 * `dossier.lookup`'s question: the code alone answers the status; with the receipt's secret or the
 * applicant's date of birth (YYYY-MM-DD) it answers the whole dossier. Staff need neither.
 */
export const LookupInputSchema = z
  .strictObject({ code: DossierCode, secret: LookupSecret.optional(), birthDate: Day.optional() })
  .refine((i) => i.secret === undefined || i.birthDate === undefined, {
    message: 'one-factor',
    path: ['birthDate'],
  });
export type LookupInput = z.input<typeof LookupInputSchema>;

/**
 * The answer to the code alone, which anyone holding (or guessing) a code gets: where the dossier is and
 * when to come back. Nothing that tells who filed it or what for: no name, no ID, no procedure (walking
 * codes by procedure would tell who in a small ward asked for a divorce or a death certificate), no
 * time of day, no notes (a portal's note may name a person), no fee.
 */
export const LookupStatusSchema = z.object({
  detail: z.literal('status'),
  code: z.string(),
  portalCode: z.string().nullable(),
  provisional: z.boolean(),
  status: TimelineStatusSchema,
  dueDate: Day,
});
export type LookupStatus = z.infer<typeof LookupStatusSchema>;

/** The whole dossier, for its applicant (secret or date of birth) and for staff. */
export const LookupSchema = z.object({
  detail: z.literal('full'),
  code: z.string(),
  portalCode: z.string().nullable(),
  provisional: z.boolean(),
  procedureName: z.string(),
  /** The applicant's name and masked ID (`••••••••2345`); never the full ID on a lookup. */
  applicant: z.string(),
  idMasked: z.string().nullable(),
  receivedAt: z.string(),
  dueDate: Day,
  status: TimelineStatusSchema,
  timeline: z.array(z.object({ status: TimelineStatusSchema, at: z.string(), note: Bilingual.nullable() })),
  /** Null when no fee is due. */
  paid: z.boolean().nullable(),
});
export type Lookup = z.infer<typeof LookupSchema>;

export const LookupAnswerSchema = z.discriminatedUnion('detail', [LookupStatusSchema, LookupSchema]);
export type LookupAnswer = z.infer<typeof LookupAnswerSchema>;

export const ImportSourceSchema = z.object({
  id: z.string(),
  label: Bilingual,
  /** False when the folder is absent (no USB drive plugged in). */
  available: z.boolean(),
  files: z.array(z.object({ name: z.string(), bytes: z.number().int(), modifiedAt: z.string() })),
});

/**
 * The largest `dossier.maxFileBytes` a kiosk's configuration may set (main/core/config/schema.ts). The
 * contract sizes a capture for it; the core then holds each kiosk to its own configured limit.
 */
export const MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024;

/** Characters of base64 for `bytes` bytes (padded). */
export const base64Length = (bytes: number): number => Math.ceil(bytes / 3) * 4;

/** Room for the `data:image/jpeg;base64,` prefix a canvas gives, which the core accepts and strips. */
export const DATA_URL_PREFIX_CHARS = 32;

export const AttachSourceSchema = z.discriminatedUnion('kind', [
  /** A file in a configured import folder (USB drive, scanner output), by its name in that folder. */
  z.strictObject({
    kind: z.literal('folder'),
    sourceId: z.string().min(1).max(64),
    name: z.string().max(255),
  }),
  /** A camera capture: JPEG or PNG bytes, base64 (at most the largest configurable file, encoded). */
  z.strictObject({
    kind: z.literal('capture'),
    dataBase64: z.string().max(base64Length(MAX_ATTACHMENT_BYTES) + DATA_URL_PREFIX_CHARS),
  }),
]);

export const DayDossierSchema = z.object({
  id: DossierId,
  code: z.string(),
  portalCode: z.string().nullable(),
  procedureName: z.string(),
  applicant: z.string(),
  receivedAt: z.string(),
  dueDate: Day,
  assistedBy: z.string().nullable(),
  sync: z.enum(['waiting', 'sending', 'attention', 'synced']),
  /**
   * Present (true) only when the dossier's stored data no longer reads back (bit rot): `procedureName` and
   * `applicant` are then empty, not read, `dueDate` may not be its own, and reading it (lookup, receipt)
   * answers `dossier-damaged`. The screen shows "Hồ sơ bị hỏng dữ liệu — liên hệ kỹ thuật" instead.
   */
  damaged: z.boolean().optional(),
});

export const RatingSchema = z.enum(['very-satisfied', 'satisfied', 'unsatisfied']);

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
});
export type ChipPerson = z.infer<typeof ChipPersonSchema>;

export const ChipReadSchema = z.object({
  person: ChipPersonSchema,
  /** `verified`: EF.SOD signed by a configured CSCA and every data group read matches its hash. */
  verification: z.enum(['verified', 'failed', 'not-checked']),
  note: Bilingual,
  /** True when the staff demo card (software card) was read, never a real citizen. */
  demo: z.boolean(),
  durationMs: z.number().nonnegative(),
});
export type ChipRead = z.infer<typeof ChipReadSchema>;

export const ChipStatusSchema = z.object({
  /** `unavailable`: no PC/SC library on this machine; the demo card still works. */
  pcsc: z.enum(['ready', 'unavailable', 'disabled']),
  readers: z.array(z.object({ name: z.string(), cardPresent: z.boolean() })),
  note: Bilingual.nullable(),
  cscaCount: z.number().int().nonnegative(),
});

export const ChipAccessSchema = z.strictObject({
  /** As printed in the MRZ (9 characters for a CCCD). */
  documentNumber: z.string().regex(/^[0-9A-Z<]{1,9}$/),
  birthDate: Day,
  /** Null for a card without expiry ("không thời hạn"): its MRZ prints `<<<<<<` there. */
  expiryDate: Day.nullable(),
});

// ── sync ───────────────────────────────────────────────────────────────────────────────────────────

export const SyncStatusSchema = z.object({
  portalConfigured: z.boolean(),
  online: z.boolean(),
  waiting: z.number().int(),
  sending: z.number().int(),
  attention: z.number().int(),
  /** Delivered today (centre's day). */
  synced: z.number().int(),
  lastContactAt: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
});
export type SyncStatus = z.infer<typeof SyncStatusSchema>;

export const SyncAttentionSchema = z.object({
  dossierId: DossierId,
  code: z.string(),
  procedureName: z.string(),
  httpStatus: z.number().int().nullable(),
  error: Bilingual,
  /** The portal's reasons (422), as it sent them. */
  reasons: z.array(z.string()),
  since: z.string(),
  attempts: z.number().int(),
});

export const SyncEventSchema = z.object({
  at: z.string(),
  kind: z.enum(['online', 'offline', 'sent', 'retry', 'attention', 'status', 'catalogue']),
  code: z.string().nullable(),
  message: Bilingual,
});

// ── working calendar (holidays staff can edit) ─────────────────────────────────────────────────────

/** See main/core/calendar/types.ts for what each kind and status means. */
export const CalendarDayKindSchema = z.enum(['holiday', 'compensatory', 'swap-off', 'swap-work']);
export const CalendarEntryStatusSchema = z.enum(['official', 'estimated', 'pending']);

/**
 * One decided day of a year. `origin`: `shipped` (the app's data, unchanged), `staff` (added or changed by
 * an admin), `staff-removed` (a shipped day an admin said no longer applies: listed so it can be
 * restored, not counted).
 */
export const CalendarDaySchema = z.object({
  date: Day,
  kind: CalendarDayKindSchema,
  name: Bilingual,
  status: CalendarEntryStatusSchema,
  source: z.string(),
  origin: z.enum(['shipped', 'staff', 'staff-removed']),
  changedBy: z.string().nullable(),
  changedAt: z.string().nullable(),
});

export const CalendarYearSchema = z.object({
  year: z.number().int(),
  status: z.enum(['official', 'estimated']),
  note: z.string(),
  origin: z.enum(['shipped', 'staff']),
});

/** A year as the staff screen shows it: null `year` when the calendar does not cover it yet. */
export const CalendarYearViewSchema = z.object({
  year: CalendarYearSchema.nullable(),
  days: z.array(CalendarDaySchema),
  /** Every year the calendar covers, ascending (for the year picker). */
  years: z.array(z.number().int()),
});

export const CalendarYearInput = z.number().int().min(2020).max(2100);

export const CalendarDayInputSchema = z.strictObject({
  date: Day,
  kind: CalendarDayKindSchema,
  name: z.strictObject({ vi: z.string().trim().min(1).max(80), en: z.string().trim().min(1).max(80) }),
  status: CalendarEntryStatusSchema,
  // Shipped sources run to ~250 characters (the Culture Day note staff are told to confirm).
  source: z.string().trim().max(500),
});
