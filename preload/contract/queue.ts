/**
 * Contract: the queue: services, tickets, counters, the waiting-room board and its calls, and the day
 * report. Rules as in base.ts.
 */
import { z } from 'zod';
import { BilingualSchema, Day, Empty, method, type MethodTable } from './base';
import { PrintStatusSchema } from './print';

const CounterId = z.number().int().min(1).max(999);
const TicketId = z.number().int().positive();

export const QueueServiceSchema = z.object({
  id: z.string(),
  /** The Vietnamese name; `names` has both languages. */
  name: z.string(),
  names: BilingualSchema,
  prefix: z.string(),
  hours: z.object({ open: z.string(), close: z.string() }),
  /** Whether a ticket can be taken right now (opening hours). */
  open: z.boolean(),
  waiting: z.number().int().nonnegative(),
});
export type QueueService = z.infer<typeof QueueServiceSchema>;

/**
 * The dossier a ticket was taken for (a draft the citizen asks staff to finish, or a dossier filed at the
 * kiosk and recognised by its receipt QR): what the counter needs to open it with one tap, nothing
 * personal (tickets are shown to the citizen who took them, never on the board).
 */
export const TicketDossierSchema = z.object({
  id: z.uuid(),
  procedureName: z.string(),
  status: z.enum(['draft', 'parked', 'submitted']),
  /** The receipt code once submitted. */
  code: z.string().nullable(),
});
export type TicketDossier = z.infer<typeof TicketDossierSchema>;

export const TicketStatusSchema = z.enum(['waiting', 'called', 'served', 'no_show']);

export const TicketSchema = z.object({
  id: TicketId,
  /** What the person reads and hears: prefix + number, e.g. "A015". */
  number: z.string(),
  serviceId: z.string(),
  serviceName: z.string(),
  serviceNames: BilingualSchema,
  priority: z.boolean(),
  priorityCategory: z.string().nullable(),
  status: TicketStatusSchema,
  issuedAt: z.string(),
  /** The numbering day (YYYY-MM-DD, centre time zone). */
  day: z.string(),
  counterId: z.number().int().nullable(),
  peopleAhead: z.number().int().nonnegative(),
  /** Null when there is too little history to say: the screen then says nothing rather than guess. */
  estimatedWaitMinutes: z.number().int().nonnegative().nullable(),
  /** Printed as a QR on the ticket. */
  code: z.string(),
  print: z.object({ jobId: z.number().int().nullable(), status: PrintStatusSchema }),
  dossier: TicketDossierSchema.nullable(),
});
export type Ticket = z.infer<typeof TicketSchema>;

export const CounterViewSchema = z.object({
  id: CounterId,
  name: BilingualSchema,
  services: z.array(z.string()),
  paused: z.boolean(),
  current: TicketSchema.nullable(),
});
export type CounterView = z.infer<typeof CounterViewSchema>;

/** The waiting-room board: numbers and counters only, never a name or an ID number. */
export const BoardSchema = z.object({
  counters: z.array(
    z.object({
      id: CounterId,
      name: BilingualSchema,
      paused: z.boolean(),
      current: z.string().nullable(),
    }),
  ),
  recentCalls: z.array(z.object({ number: z.string(), counterId: CounterId, at: z.string() })),
  waiting: z.array(z.object({ serviceId: z.string(), names: BilingualSchema, count: z.number().int() })),
  updatedAt: z.string(),
});
export type Board = z.infer<typeof BoardSchema>;

const StatsSchema = z.object({
  issued: z.number().int(),
  served: z.number().int(),
  noShow: z.number().int(),
  /** Seconds from issue to first call. */
  waitAvg: z.number().nullable(),
  waitP90: z.number().nullable(),
  /** Seconds from (last) call to served. */
  serviceAvg: z.number().nullable(),
  serviceP90: z.number().nullable(),
});
export type Stats = z.infer<typeof StatsSchema>;

export const ReportSchema = z.object({
  day: z.string(),
  totals: StatsSchema,
  services: z.array(StatsSchema.extend({ serviceId: z.string(), names: BilingualSchema })),
  counters: z.array(StatsSchema.extend({ counterId: CounterId, name: BilingualSchema })),
  hours: z.array(StatsSchema.extend({ hour: z.number().int().min(0).max(23) })),
});
export type Report = z.infer<typeof ReportSchema>;

/** A ticket called (or called again) to a counter: the payload of the `queue.called` event. */
export const CallSchema = z.object({
  number: z.string(),
  counterId: CounterId,
  counterName: BilingualSchema,
  serviceNames: BilingualSchema,
  recall: z.boolean(),
  at: z.string(),
  /** What the display says aloud, numbers in words ("Mời số A mười lăm đến quầy số ba"). */
  announcement: BilingualSchema,
});
export type Call = z.infer<typeof CallSchema>;

export const queueMethods = {
  'queue.services': method({
    access: 'citizen',
    input: Empty,
    output: z.array(QueueServiceSchema),
    summary: 'The services a ticket can be taken for, with opening hours and how many are waiting.',
  }),
  'queue.priorityCategories': method({
    access: 'citizen',
    input: Empty,
    output: z.array(z.object({ id: z.string(), name: BilingualSchema })),
    summary: 'Who may take a priority ticket (elderly, disabled, pregnant, with a small child …).',
  }),
  'queue.issueTicket': method({
    access: 'citizen',
    input: z.strictObject({
      serviceId: z.string().min(1).max(32),
      /** A priority category id, or true for a priority ticket without a category. */
      priority: z.union([z.string().min(1).max(32), z.boolean()]).optional(),
      /**
       * The citizen's draft to finish with staff (its token proves it is theirs): it is parked for the
       * counter, so the kiosk's idle reset no longer touches it.
       */
      draft: z.strictObject({ id: z.uuid(), draftToken: z.string().max(128).optional() }).optional(),
      /** A dossier filed at the kiosk, from its receipt QR (`<code>#<secret>`): the secret proves it. */
      receipt: z
        .strictObject({ code: z.string().trim().min(10).max(40), secret: z.string().max(64) })
        .optional(),
    }),
    output: TicketSchema,
    summary: 'Take a ticket: the next number of the service, people ahead, an estimate, and a print job.',
  }),
  'queue.board': method({
    access: 'read',
    input: Empty,
    output: BoardSchema,
    summary: 'The waiting-room board: current number at each counter, recent calls, people waiting.',
  }),
  'queue.counters': method({
    access: 'staff',
    input: Empty,
    output: z.array(CounterViewSchema),
    summary: 'Counters with their services, pause state and current ticket.',
  }),
  'queue.waiting': method({
    access: 'staff',
    input: z.strictObject({ counterId: CounterId }),
    output: z.object({
      waiting: z.array(TicketSchema),
      /** No-show tickets that can still be recalled. */
      recallable: z.array(TicketSchema),
    }),
    summary: "The tickets waiting for a counter's services, in calling order, and recallable no-shows.",
  }),
  'queue.callNext': method({
    access: 'staff',
    input: z.strictObject({ counterId: CounterId }),
    output: TicketSchema,
    summary: 'Call the next ticket to the counter (the current one, if any, is marked served).',
  }),
  'queue.recall': method({
    access: 'staff',
    input: z.strictObject({ counterId: CounterId, ticketId: TicketId.optional() }),
    output: TicketSchema,
    summary: 'Announce the current ticket again, or call back a recent no-show by its id.',
  }),
  'queue.markServed': method({
    access: 'staff',
    input: z.strictObject({ counterId: CounterId }),
    output: TicketSchema,
    summary: "Mark the counter's current ticket as served.",
  }),
  'queue.markNoShow': method({
    access: 'staff',
    input: z.strictObject({ counterId: CounterId }),
    output: TicketSchema,
    summary: "Mark the counter's current ticket as a no-show (recallable for a while).",
  }),
  'queue.transfer': method({
    access: 'staff',
    input: z.strictObject({
      counterId: CounterId,
      toServiceId: z.string().min(1).max(32).optional(),
      toCounterId: CounterId.optional(),
    }),
    output: TicketSchema,
    summary: 'Send the current ticket to another service or counter; it keeps its number and place.',
  }),
  'queue.pause': method({
    access: 'staff',
    input: z.strictObject({ counterId: CounterId, paused: z.boolean() }),
    output: CounterViewSchema,
    summary: 'Pause or resume a counter (a paused counter is shown as such and calls nobody).',
  }),
  'queue.report': method({
    access: 'staff',
    input: z.strictObject({ day: Day.optional() }),
    output: ReportSchema,
    summary: 'The day report: issued, served, no-show, wait and service times per service, counter, hour.',
  }),
  'queue.reportCsv': method({
    access: 'staff',
    input: z.strictObject({ day: Day.optional() }),
    output: z.object({ filename: z.string(), csv: z.string() }),
    summary: 'The day report as CSV (UTF-8 with BOM, so Excel shows Vietnamese correctly).',
  }),
} as const satisfies MethodTable;
