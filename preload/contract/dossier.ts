/**
 * Contract: dossiers (hồ sơ): drafts, their form, delivery and attachments, the check before submitting,
 * the submit and its receipt, lookup by receipt code, parking a draft for later, and the day's list.
 * The procedures they are filed for are catalogue.ts; delivery and contact are delivery.ts. Rules as in
 * base.ts.
 */
import { z } from 'zod';
import { BilingualSchema, Day, Empty, JsonObject, method, type MethodTable } from './base';
import { FeeSchema, FileKindSchema } from './catalogue';
import { ContactSchema, DeliverySchema } from './delivery';
import { NationalStatusSchema } from './portal';

/** A dossier draft's id: a random UUID, so one citizen cannot guess another's draft. */
export const DossierId = z.uuid();
/**
 * A draft's capability: the random token `dossier.create` returns (base64url, 256 bits). Every public
 * call on the draft carries it; staff need none. Kept by the screen that started the draft, never logged.
 */
export const DraftToken = z.string().max(128);

/** Official `000.00.12.H29-240815-0007` or provisional `000.00.12.H29-K01-240815-0007`. */
export const DossierCode = z.string().trim().min(10).max(40);

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

/**
 * Whether an officer has received a submitted dossier (Nghị định 118/2025/NĐ-CP, Thông tư 03/2025/TT-VPCP):
 * `pending`, filed by the citizen alone at the kiosk and waiting for an officer (a submission slip was
 * printed); `received` at the counter or by the portal (Mẫu 01); `refused` (Mẫu 03, with the reason).
 */
export const ReceptionStateSchema = z.enum(['pending', 'received', 'refused']);
export type ReceptionState = z.infer<typeof ReceptionStateSchema>;

export const ReceptionSchema = z.object({
  state: ReceptionStateSchema,
  /** When it was received or refused; null while pending. */
  at: z.string().nullable(),
  /** The officer's name as printed on the form; null while pending or when the portal received it. */
  by: z.string().nullable(),
  /** `kiosk`: a self-service dossier filed before the 2025 forms, received when it was submitted. */
  source: z.enum(['counter', 'portal', 'kiosk']).nullable(),
  /** The reason of a refusal, as printed on Mẫu 03. */
  reason: z.string().nullable(),
});
export type Reception = z.infer<typeof ReceptionSchema>;

/** How a dossier came in: the citizen alone at the kiosk, or with staff at the counter. */
export const ChannelSchema = z.enum(['kiosk', 'counter']);

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
  /** `pending` for the citizen alone (a submission slip is printed), `received` with staff (Mẫu 01). */
  reception: ReceptionStateSchema,
  receipt: z.object({
    jobIds: z.array(z.number().int()),
    copies: z.number().int(),
    /** What was printed: the submission slip (`slip`) or Mẫu 01 (`receipt`). */
    form: z.enum(['slip', 'receipt']),
  }),
  /**
   * The receipt's "Mã tra cứu", shown on the citizen's screen too, so a receipt the printer failed to
   * print does not leave them without it (the caller holds the draft's token: it is their dossier).
   */
  lookupSecret: z.string().nullable(),
});
export type Submitted = z.infer<typeof SubmittedSchema>;

/**
 * A status in a dossier's timeline on the kiosk: the national ones (contract/portal.ts NationalStatusSchema,
 * codes 1–10, written once there) and `sent`, the kiosk's own step (delivered to the portal), which has no
 * national code and is never a dossier's current status.
 */
export const TimelineStatusSchema = z.enum([...NationalStatusSchema.options, 'sent']);
export type TimelineStatus = z.infer<typeof TimelineStatusSchema>;
export { NATIONAL_STATUS_CODES, NationalStatusSchema, nationalCode, type NationalStatus } from './portal';

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
  /** Whether an officer has received it yet; the due date is only expected (dự kiến) while pending. */
  reception: ReceptionStateSchema,
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
  /** When the kiosk took it (submitted); `reception.at` is when an officer received it. */
  receivedAt: z.string(),
  dueDate: Day,
  status: TimelineStatusSchema,
  reception: ReceptionSchema,
  timeline: z.array(
    z.object({ status: TimelineStatusSchema, at: z.string(), note: BilingualSchema.nullable() }),
  ),
  /** Null when no fee is due. */
  paid: z.boolean().nullable(),
  /**
   * Mẫu 04 (Thông tư 03/2025/TT-VPCP): the agency's apology for a late dossier and the new date it gives,
   * as the portal sent it; null without one. Optional: absent from answers of cores before issue 21.
   */
  apology: z.object({ text: z.string(), newDueDate: Day }).nullable().optional(),
  /**
   * The appointment date first given (Mẫu 01) once the portal has moved `dueDate` (the time the citizen
   * took to bring papers does not count against the agency); null while it never moved.
   */
  firstDueDate: Day.nullable().optional(),
});
export type Lookup = z.infer<typeof LookupSchema>;

export const LookupAnswerSchema = z.discriminatedUnion('detail', [LookupStatusSchema, LookupSchema]);
export type LookupAnswer = z.infer<typeof LookupAnswerSchema>;

export const ImportSourceSchema = z.object({
  id: z.string(),
  label: BilingualSchema,
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
  channel: ChannelSchema,
  reception: ReceptionStateSchema,
  /** The latest timeline status (the portal's once it answers): `supplement` offers Mẫu 02. */
  status: TimelineStatusSchema,
  sync: z.enum(['waiting', 'sending', 'attention', 'synced']),
  /**
   * Present (true) only when the dossier's stored data no longer reads back (bit rot): `procedureName` and
   * `applicant` are then empty, not read, `dueDate` may not be its own, and reading it (lookup, receipt)
   * answers `dossier-damaged`. The screen shows "Hồ sơ bị hỏng dữ liệu — liên hệ kỹ thuật" instead.
   */
  damaged: z.boolean().optional(),
});

export const dossierMethods = {
  'dossier.create': method({
    access: 'citizen',
    input: z.strictObject({ procedureId: z.string().min(1).max(64) }),
    output: CreatedDraftSchema,
    summary:
      "Start a draft for a procedure (assisted when a staff token is sent); returns the draft's token.",
  }),
  'dossier.get': method({
    access: 'citizen',
    input: z.strictObject({ id: DossierId, draftToken: DraftToken.optional() }),
    output: DossierSchema,
    summary: 'A draft by its id and token (the screen resumes it after a restart); staff need no token.',
  }),
  'dossier.update': method({
    access: 'citizen',
    input: z.strictObject({
      id: DossierId,
      draftToken: DraftToken.optional(),
      data: z.record(z.string(), z.json()).optional(),
      delivery: DeliverySchema.optional(),
      contact: ContactSchema.optional(),
    }),
    output: DossierSchema,
    summary: 'Save the form, delivery and contact of a draft; markup or control characters are refused.',
  }),
  'dossier.importSources': method({
    access: 'local',
    input: Empty,
    output: z.array(ImportSourceSchema),
    summary: 'Files offered for attaching: the USB drive and the scanner output folder (this machine only).',
  }),
  'dossier.attach': method({
    access: 'citizen',
    input: z.strictObject({
      id: DossierId,
      draftToken: DraftToken.optional(),
      componentId: z.string().min(1).max(48),
      source: AttachSourceSchema,
    }),
    output: DossierSchema,
    summary:
      'Attach a file to a required paper: checked by content, images made PDF pages, stored by SHA-256.',
  }),
  'dossier.arrange': method({
    access: 'citizen',
    input: z.strictObject({
      id: DossierId,
      draftToken: DraftToken.optional(),
      componentId: z.string().min(1).max(48),
      attachmentIds: z.array(z.string().max(64)).max(50),
    }),
    output: DossierSchema,
    summary: "Reorder a paper's files; files left out of the list are removed.",
  }),
  'dossier.check': method({
    access: 'citizen',
    input: z.strictObject({ id: DossierId, draftToken: DraftToken.optional() }),
    output: CheckResultSchema,
    summary: 'Everything missing or invalid, all at once, in plain words.',
  }),
  'dossier.submit': method({
    access: 'citizen',
    input: z.strictObject({ id: DossierId, draftToken: DraftToken.optional() }),
    output: SubmittedSchema,
    summary:
      'Submit: one transaction with the outbox row; a provisional code, the due date, the receipt print.',
  }),
  'dossier.discard': method({
    access: 'citizen',
    input: z.strictObject({ id: DossierId, draftToken: DraftToken.optional() }),
    output: Empty,
    summary: "Wipe a citizen's unsubmitted draft (they left, or the kiosk went idle).",
  }),
  'dossier.lookup': method({
    access: 'citizen',
    input: LookupInputSchema,
    output: LookupAnswerSchema,
    summary:
      "A dossier by its receipt code (provisional or official): the status and due date alone; with the receipt's secret or the applicant's birth date (or for staff) the whole timeline.",
  }),
  'dossier.receipt': method({
    access: 'staff',
    input: z.strictObject({ code: DossierCode, print: z.boolean().optional() }),
    output: z.object({
      code: z.string(),
      /** The paper its reception calls for: the slip while pending, Mẫu 01 once received, Mẫu 03 if refused. */
      form: z.enum(['slip', 'receipt', 'refusal']),
      pdfBase64: z.string(),
      jobIds: z.array(z.number().int()),
    }),
    summary:
      "A dossier's paper as a PDF (the slip while pending, Mẫu 01 once received, Mẫu 03 if refused); with `print`, print it again.",
  }),
  'dossier.park': method({
    access: 'staff',
    input: z.strictObject({ id: DossierId }),
    output: DossierSchema,
    summary: 'Keep a draft for a citizen who went to fetch a paper; returns it with a short park code.',
  }),
  'dossier.printParkSlip': method({
    access: 'staff',
    input: z.strictObject({ id: DossierId }),
    output: z.object({ jobId: z.number().int() }),
    summary:
      'Print the park slip (park code, procedure, kept-until date) of a parked draft on the ticket printer.',
  }),
  'dossier.resume': method({
    access: 'staff',
    input: z.strictObject({
      parkCode: z
        .string()
        .trim()
        .toUpperCase()
        .regex(/^[0-9A-Z]{4,8}$/),
    }),
    output: DossierSchema,
    summary: 'Take a parked draft back up by its park code.',
  }),
  'dossier.parked': method({
    access: 'staff',
    input: Empty,
    output: z.array(DossierSchema),
    summary: 'Drafts parked by staff, oldest first.',
  }),
  'dossier.today': method({
    access: 'staff',
    input: z.strictObject({ day: Day.optional() }),
    output: z.array(DayDossierSchema),
    summary:
      "The day's submitted dossiers with applicant (masked ID), due date, who assisted and sync state.",
  }),
  'dossier.correct': method({
    access: 'staff',
    input: z.strictObject({ id: DossierId, data: z.record(z.string(), z.json()) }),
    output: DossierSchema,
    summary: 'Staff correct the form data of a dossier the portal refused, before sync.retry (audited).',
  }),
} as const satisfies MethodTable;
