/**
 * The portal protocol (ARCHITECTURE.md "The portal protocol"): the bodies the kiosk and a central portal
 * exchange, written once. The kiosk's client (main/core/sync/client.ts) checks the portal's answers with
 * these schemas, the sync engine builds `PortalDossier`s, the reference portal (test/portal) checks what it
 * receives with them, and test/portal/openapi.yaml is generated from them (`npm run openapi`). Descriptions
 * are zod metadata (`.meta`), read by the generator; nothing here needs it at run time.
 * Not part of the renderer's contract: no screen imports it.
 */
import { z } from 'zod';
import { ProcedureSchema } from './catalogue';

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const Text = z.string().trim().min(1).max(200);

// ── statuses ───────────────────────────────────────────────────────────────────────────────────────

/**
 * The national dossier statuses (DOMAIN.md "The 2025 reform"), as one-stop systems report them to Cổng
 * DVCQG, with their codes: 1 Mới đăng ký, 2 Được tiếp nhận, 3 Không được tiếp nhận, 4 Đang xử lý, 5 Yêu cầu
 * bổ sung, 6 Yêu cầu thực hiện nghĩa vụ tài chính, 7 Công dân yêu cầu rút hồ sơ, 8 Dừng xử lý, 9 Đã xử lý
 * xong, 10 Đã trả kết quả. The kiosk, the portal protocol and the reference portal all speak this model.
 */
export const NATIONAL_STATUS_CODES = {
  submitted: 1,
  received: 2,
  refused: 3,
  processing: 4,
  supplement: 5,
  financial: 6,
  withdrawn: 7,
  stopped: 8,
  done: 9,
  returned: 10,
} as const;

export const NationalStatusSchema = z
  .enum([
    'submitted',
    'received',
    'refused',
    'processing',
    'supplement',
    'financial',
    'withdrawn',
    'stopped',
    'done',
    'returned',
  ])
  .meta({
    id: 'NationalStatus',
    description:
      'The national statuses and their codes: submitted 1 (mới đăng ký), received 2 (được tiếp nhận),\n' +
      'refused 3 (không được tiếp nhận), processing 4 (đang xử lý), supplement 5 (yêu cầu bổ sung),\n' +
      'financial 6 (yêu cầu thực hiện nghĩa vụ tài chính), withdrawn 7 (công dân yêu cầu rút hồ sơ),\n' +
      'stopped 8 (dừng xử lý), done 9 (đã xử lý xong), returned 10 (đã trả kết quả).\n',
  });
export type NationalStatus = z.infer<typeof NationalStatusSchema>;

/** The national code (1–10) of a status. */
export const nationalCode = (status: NationalStatus): number => NATIONAL_STATUS_CODES[status];

/** The statuses a portal reports: every national one but 1, which the kiosk's POST itself registers. */
export const PortalStatusSchema = NationalStatusSchema.exclude(['submitted']).meta({
  id: 'PortalStatus',
  description:
    'A national status the portal reports (1, mới đăng ký, is the POST itself). received and refused\n' +
    'on a dossier still pending are the portal receiving it or refusing to; supplement, refused, stopped\n' +
    'and withdrawn carry their reason in note.\n',
});
export type PortalStatus = z.infer<typeof PortalStatusSchema>;

/** A status in a dossier's timeline on the portal: the national ones. */
export const TimelineStatusSchema = NationalStatusSchema;

// ── reception (Nghị định 118/2025/NĐ-CP) ───────────────────────────────────────────────────────────

export const ReceptionStateSchema = z.enum(['pending', 'received', 'refused']).meta({
  id: 'ReceptionState',
  description:
    'pending: submitted by the citizen alone at the kiosk, waiting for an officer to receive it;\n' +
    'received: received (Mẫu 01), at the counter or by the portal; refused: an officer refused to\n' +
    'receive it (Mẫu 03, with the reason). A refused dossier is still sent, so its record is whole.\n',
});
export type PortalReceptionState = z.infer<typeof ReceptionStateSchema>;

/**
 * Whether and when an officer received a dossier, sent with it (POST) and again whenever it changes on
 * the kiosk after delivery (PUT /api/v1/dossiers/{id}/reception). Refused needs its reason; received and
 * refused need their moment.
 */
export const ReceptionUpdateSchema = z
  .object({
    state: ReceptionStateSchema,
    at: z.iso
      .datetime({ offset: true })
      .nullable()
      .meta({ description: 'When it was received or refused; null while pending' }),
    by: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .nullable()
      .meta({ description: "The officer's name; null while pending or when the portal received it" }),
    reason: z
      .string()
      .trim()
      .min(1)
      .max(1000)
      .nullable()
      .meta({ description: 'Why it was refused (printed on Mẫu 03); null otherwise' }),
  })
  .superRefine(
    (r, ctx) => {
      if ((r.state === 'received' || r.state === 'refused') && r.at === null) {
        ctx.addIssue({ code: 'custom', path: ['at'], message: 'required when received or refused' });
      }
      if (r.state === 'refused' && r.reason === null) {
        ctx.addIssue({ code: 'custom', path: ['reason'], message: 'required when refused' });
      }
    },
    // Also when another field is wrong: a refusal lists every problem at once. The checks above read
    // only `state`, `at` and `reason`, each compared with a literal, so a wrong type cannot mislead them.
    { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
  )
  .meta({
    id: 'Reception',
    description:
      'A reception: `at` is required unless pending, `reason` when refused (the portal refuses the\n' +
      'body otherwise, listing every problem).\n',
  });
export type PortalReception = z.infer<typeof ReceptionUpdateSchema>;

/** How a dossier came in: the citizen alone at the kiosk, or with staff at the counter. */
export const PortalChannelSchema = z.enum(['kiosk', 'counter']).meta({
  id: 'Channel',
  description: 'kiosk: the citizen alone (self-service); counter: filed with staff (assistedBy is set)',
});

// ── what the kiosk sends ───────────────────────────────────────────────────────────────────────────

export const PortalAttachmentSchema = z.object({
  componentId: Text,
  sha256: Sha256,
  bytes: z.number().int().nonnegative(),
  name: z.string().min(1).max(255),
  pages: z.number().int().min(1),
});

/**
 * What the kiosk POSTs to /api/v1/dossiers (Idempotency-Key: the dossier's id). The reference portal
 * refuses a body this schema does not parse, listing every problem.
 */
export const PortalDossierSchema = z
  .object({
    id: z.uuid().meta({ description: "The kiosk's dossier id, also the Idempotency-Key" }),
    localCode: Text.meta({ description: "The kiosk's provisional code, e.g. 000.00.12.H29-K01-261123-0001" }),
    kioskId: Text.meta({ example: 'K01' }),
    unitCode: z
      .string()
      .regex(/^[0-9A-Za-z.]{1,40}$/)
      .meta({ example: '000.00.12.H29', description: 'Unit electronic id (QCVN 102:2016)' }),
    procedureId: Text,
    procedureCode: Text.meta({ description: 'National procedure database code, e.g. 2.000815' }),
    /** ISO 8601 instant. */
    receivedAt: z.iso.datetime({ offset: true }),
    dueDate: z.iso.date(),
    data: z.record(z.string(), z.unknown()).meta({ description: "The e-form's data" }),
    // The kiosk's contract defines these; the portal only needs them present.
    delivery: z
      .custom<unknown>((v) => v !== undefined, { message: 'required' })
      .meta({ description: 'How the result is collected: { method: counter } or { method: post, address }' }),
    contact: z
      .custom<unknown>((v) => v !== undefined, { message: 'required' })
      .meta({ description: "The applicant's phone and e-mail" }),
    /** Staff display name for an assisted filing, else null. */
    assistedBy: z
      .string()
      .max(200)
      .nullable()
      .meta({ description: 'Staff display name for an assisted filing' }),
    // channel, reception, papers and identity are not part of what a repeat is compared on (see
    // SubmitAnswerSchema and ARCHITECTURE.md): what a kiosk says about the dossier, not its content.
    channel: PortalChannelSchema,
    reception: ReceptionUpdateSchema,
    attachments: z.array(PortalAttachmentSchema).max(200),
    /**
     * What the national scoring (Quyết định 766/QĐ-TTg) reads of each paper handed in: digitised here
     * (attached as a file at the kiosk) and taken from the national data store (never, from a kiosk).
     */
    papers: z
      .array(
        z.object({
          componentId: Text,
          digitised: z.boolean(),
          fromNationalStore: z.boolean(),
        }),
      )
      .max(100)
      .optional(),
    /**
     * How the applicant's identity was established at the kiosk: `chip` with passive authentication (the
     * card's signature checked), `chip` without it, `qr` (the card's QR, which anyone can print), or `none`
     * (typed). Known from main's own reads, never from what a screen says.
     */
    identity: z
      .object({
        method: z.enum(['chip', 'qr', 'none']),
        passiveAuthentication: z.boolean(),
      })
      .optional(),
  })
  .meta({
    id: 'PortalDossier',
    description: 'What the kiosk submits (preload/contract/portal.ts PortalDossierSchema)',
  });
export type PortalDossier = z.infer<typeof PortalDossierSchema>;

// ── what the portal answers ────────────────────────────────────────────────────────────────────────

/**
 * The answer to a submission, 201 the first time and the very same body with 200 on a repeat: its
 * `reception` is the one the first POST carried, so a kiosk whose reception changed since can tell the
 * portal holds an older one (and PUTs it).
 */
export const SubmitAnswerSchema = z
  .object({
    portalCode: z.string().min(1).max(80).meta({ example: '000.00.12.H29-261123-0001' }),
    id: z.string().meta({ description: "The kiosk's dossier id" }),
    status: z.literal('received'),
    receivedAt: z.string().meta({ format: 'date-time', description: 'When the portal received it' }),
    reception: ReceptionUpdateSchema,
  })
  .meta({ id: 'SubmitAnswer' });

/**
 * PUT /api/v1/dossiers/{id}/reception: the reception the portal holds after the call. Setting the state
 * it holds answers 200 with what it holds (the first `at` and `by` stand): the call is idempotent.
 */
export const ReceptionAnswerSchema = z
  .object({
    id: z.string().meta({ description: "The kiosk's dossier id" }),
    portalCode: z.string(),
    reception: ReceptionUpdateSchema,
  })
  .meta({ id: 'ReceptionAnswer' });
export type ReceptionAnswer = z.infer<typeof ReceptionAnswerSchema>;
export type SubmitAnswer = z.infer<typeof SubmitAnswerSchema>;

export const PortalStatusChangeSchema = z
  .object({
    /** The kiosk's dossier id. */
    id: z.string().min(1).meta({ description: "The kiosk's dossier id" }),
    portalCode: z.string().min(1),
    status: PortalStatusSchema,
    at: z.string().min(1).meta({ format: 'date-time' }),
    /** The reason for `supplement`/`refused`/`stopped`/`withdrawn`, in Vietnamese (the portal's words). */
    note: z
      .string()
      .nullable()
      .meta({ description: 'The reason for supplement/refused/stopped/withdrawn, in Vietnamese' }),
    paid: z
      .boolean()
      .nullable()
      .meta({ description: 'Fee paid; null when the portal knows nothing of a fee' }),
    /** How the fee was paid, once paid: online (VietQR, the portal's payment) or at the counter. */
    paidVia: z
      .enum(['online', 'counter'])
      .nullable()
      .optional()
      .meta({ description: 'How the fee was paid (online or counter), once paid' }),
    /**
     * The appointment date as the portal now holds it: after a supplement (the citizen's time does not
     * count against the agency) or an extension. Absent or null: unchanged.
     */
    dueDate: z.iso
      .date()
      .nullable()
      .optional()
      .meta({ description: 'The appointment date the portal now holds (after a supplement or extension)' }),
    /** Mẫu 04: the agency's apology for a late dossier and the new date it proposes. */
    apology: z
      .object({ text: z.string().min(1).max(2000), newDueDate: z.iso.date() })
      .nullable()
      .optional()
      .meta({ description: 'Mẫu 04: apology for a late dossier, with the new appointment date' }),
    /** The result is electronic (a digital copy given to the citizen): a 766 digitisation criterion. */
    resultElectronic: z
      .boolean()
      .nullable()
      .optional()
      .meta({ description: 'With done/returned: the result was issued electronically' }),
  })
  .meta({ id: 'PortalStatusChange' });
export type PortalStatusChange = z.infer<typeof PortalStatusChangeSchema>;

/** GET /api/v1/dossiers: the changes after a cursor, oldest first, and the next cursor. */
export const ChangesAnswerSchema = z
  .object({ changes: z.array(PortalStatusChangeSchema), cursor: z.string().min(1).max(200) })
  .meta({ id: 'ChangesAnswer' });
export type ChangesAnswer = z.infer<typeof ChangesAnswerSchema>;

/** GET /api/v1/catalogue. */
export const CatalogueAnswerSchema = z
  .object({
    procedures: z.array(
      ProcedureSchema.meta({
        id: 'Procedure',
        description:
          "A procedure exactly as the kiosk's contract defines it (preload/contract/dossier.ts\n" +
          'ProcedureSchema). The kiosk validates each against that schema.\n',
      }),
    ),
  })
  .meta({ id: 'CatalogueAnswer' });

/** PUT /api/v1/blobs/{sha256}: stored (201) or already held (200). */
export const BlobStoredSchema = z
  .object({ sha256: z.string(), bytes: z.number().int() })
  .meta({ id: 'BlobStored' });

/** Every error answer: a message and, where there are several, every reason, in Vietnamese. */
export const PortalErrorSchema = z
  .object({
    error: z.string().meta({ description: 'A message in Vietnamese' }),
    reasons: z
      .array(z.string())
      .optional()
      .meta({ description: 'Every reason, for staff to read and act on' }),
  })
  .meta({
    id: 'Error',
    example: {
      error: 'Hồ sơ không hợp lệ, cổng chưa tiếp nhận.',
      reasons: ['Tệp đính kèm "giay-chung-sinh.pdf" (3f2a9c1b0d4e…) chưa được tải lên cổng.'],
    },
  });
export type PortalErrorBody = z.infer<typeof PortalErrorSchema>;

export const TimelineEntrySchema = z
  .object({
    status: TimelineStatusSchema,
    kind: z
      .enum(['received', 'status', 'payment', 'reception'])
      .optional()
      .meta({ description: 'Admin API only' }),
    at: z.string().meta({ format: 'date-time' }),
    note: z.string().nullable(),
    paid: z.boolean().nullable(),
  })
  .meta({ id: 'TimelineEntry' });

/** GET /api/v1/dossiers/{code}: one dossier and its timeline, oldest first. */
export const DossierTimelineSchema = z
  .object({
    portalCode: z.string(),
    id: z.string(),
    localCode: z.string(),
    kioskId: z.string(),
    procedureId: z.string(),
    receivedAt: z.string().meta({ format: 'date-time' }),
    status: TimelineStatusSchema,
    channel: PortalChannelSchema,
    reception: ReceptionUpdateSchema,
    paid: z.boolean().nullable(),
    timeline: z.array(TimelineEntrySchema),
  })
  .meta({ id: 'DossierTimeline' });
