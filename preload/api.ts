/**
 * The renderer API contract: the only thing that crosses between the renderer (untrusted) and main.
 *
 * Every method the renderer, a counter PC or the waiting-room display may call is named here with a zod
 * schema for its argument and its result, and the access it needs. Main implements it (main/core), the
 * preload exposes it over IPC (preload/index.ts), the bridge serves it over HTTP (main/server), and the
 * renderer calls it (renderer/src/api.ts). Method and event names are a public API: renaming one breaks
 * LAN clients, so add instead of rename.
 *
 * This file must stay importable from the renderer bundle: zod only, no Node or Electron imports.
 */
import { z } from 'zod';
import {
  CalendarDayInputSchema,
  CalendarDaySchema,
  CalendarYearInput,
  CalendarYearSchema,
  CalendarYearViewSchema,
  AttachSourceSchema,
  CatalogueFieldSchema,
  ChipAccessSchema,
  ChipReadSchema,
  ChipStatusSchema,
  CheckResultSchema,
  ContactSchema,
  CreatedDraftSchema,
  DayDossierSchema,
  DeliverySchema,
  DossierCode,
  DossierId,
  DossierSchema,
  DraftToken,
  ImportSourceSchema,
  LookupAnswerSchema,
  LookupInputSchema,
  ProcedureSchema,
  ProcedureSummarySchema,
  RatingSchema,
  SubmittedSchema,
  SyncAttentionSchema,
  SyncEventSchema,
  SyncStatusSchema,
} from './contract/dossier';
import {
  DeviceNameSchema,
  DeviceRecordSchema,
  DeviceRoleSchema,
  PairedDeviceSchema,
  PairedSchema,
  PairingCodeSchema,
  PairingStartSchema,
} from './contract/lan';

export * from './contract/dossier';
export * from './contract/lan';

/** An error a person reads: a stable code for programs, and the message in Vietnamese and English. */
export const KioskErrorSchema = z.object({
  code: z.string().min(1),
  vi: z.string().min(1),
  en: z.string().min(1),
  /** Where the error is about one input field, its path (e.g. `pin` or `counters.0.services`). */
  field: z.string().optional(),
});
export type KioskError = z.infer<typeof KioskErrorSchema>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: KioskError };

/**
 * Who may call a method. "The window" is the kiosk's own screen (IPC, or the bridge over loopback); a
 * LAN client must be a paired device (contract/lan.ts) for anything but pairing itself. The whole rule,
 * as a table, is in main/core/policy/callers.ts.
 * - `anyone`: even an unpaired LAN client (`lan.pair`, nothing else).
 * - `read`: the window and every paired device, the waiting-room display included (the board).
 * - `signin`: the window, paired kiosks and counter PCs (staff sign-in; a display has no staff).
 * - `citizen`: the window, paired kiosks, and staff signed in on a paired counter PC (assisted filing).
 * - `local`: the window only (first-start setup, the chip reader, the scanner folders).
 * - `staff`: a staff session (`Authorization: Bearer <token>` over the bridge) signed in on this same
 *   device, from the window, a paired kiosk or a paired counter PC.
 * - `admin`: the same, whose role is admin.
 */
export type Access = 'anyone' | 'read' | 'signin' | 'citizen' | 'local' | 'staff' | 'admin';

interface MethodDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  access: Access;
  input: I;
  output: O;
  /** One line for the README's method table and for people reading the bridge. */
  summary: string;
}

const method = <I extends z.ZodType, O extends z.ZodType>(def: MethodDef<I, O>): MethodDef<I, O> => def;

const Empty = z.strictObject({});

// ── shared shapes ───────────────────────────────────────────────────────────────────────────────────

export const LanguageSchema = z.enum(['vi', 'en']);
export type Language = z.infer<typeof LanguageSchema>;

export const RoleSchema = z.enum(['staff', 'admin']);
export type Role = z.infer<typeof RoleSchema>;

/** A PIN is 6 to 12 digits: long enough to resist guessing with the lockout, short enough to type. */
export const PinSchema = z.string().regex(/^\d{6,12}$/, { message: 'pin-format' });

/** Staff user names are short ASCII handles typed on a counter PC keyboard. */
export const UserNameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{2,32}$/, { message: 'user-format' });

export const StaffUserSchema = z.object({
  id: z.number().int().positive(),
  user: z.string(),
  displayName: z.string(),
  role: RoleSchema,
});
export type StaffUser = z.infer<typeof StaffUserSchema>;

/** An account as an admin manages it (`staff.users`). */
export const StaffAccountSchema = StaffUserSchema.extend({
  disabled: z.boolean(),
  /** The latest end of a sign-in lock running now, else null. */
  lockedUntil: z.string().nullable(),
  /**
   * Each lock running now: `source` is `local` (the kiosk itself), `lan` (every LAN address), `pc:<id>`
   * (a paired device, named in `device`) or an address.
   */
  locks: z.array(z.object({ source: z.string(), until: z.string(), device: z.string().optional() })),
  lastSignInAt: z.string().nullable(),
  createdAt: z.string(),
});
export type StaffAccount = z.infer<typeof StaffAccountSchema>;

const UserIdInput = z.strictObject({ userId: z.number().int().positive() });

export const AlertSchema = z.object({
  id: z.number().int().positive(),
  /** `critical` alerts are shown on every staff screen until acknowledged. */
  level: z.enum(['info', 'warning', 'critical']),
  code: z.string(),
  vi: z.string(),
  en: z.string(),
  createdAt: z.string(),
  acknowledgedAt: z.string().nullable(),
});
export type Alert = z.infer<typeof AlertSchema>;

export const FeatureSchema = z.enum(['queue', 'procedures', 'dossier', 'tracking']);
export type Feature = z.infer<typeof FeatureSchema>;

export const AppInfoSchema = z.object({
  productName: z.string(),
  version: z.string(),
  centreName: z.string(),
  unitCode: z.string(),
  languages: z.array(LanguageSchema).min(1),
  defaultLanguage: LanguageSchema,
  idleTimeoutSeconds: z.number().int().positive(),
  idleWarningSeconds: z.number().int().positive(),
  /** True while the embedded demo centre is in use because no configuration file exists. */
  demo: z.boolean(),
  /** True until the first admin account exists: the staff entry then leads to creating it. */
  needsAdminSetup: z.boolean(),
  /** Citizen features that are built and switched on; tiles for the others say "coming soon". */
  features: z.array(FeatureSchema),
  /** The server's clock, so every screen shows the same time as receipts will. */
  now: z.string(),
  /** The paired device asking (a counter PC, a display, another kiosk); null for the kiosk's own window. */
  device: PairedDeviceSchema.nullable(),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;

export const SessionSchema = z.object({
  token: z.string(),
  user: StaffUserSchema,
  expiresAt: z.string(),
});
export type Session = z.infer<typeof SessionSchema>;

export const BilingualSchema = z.object({ vi: z.string(), en: z.string() });
export type Bilingual = z.infer<typeof BilingualSchema>;

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'date-format' });
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

export const PrintStatusSchema = z.enum(['none', 'queued', 'sent', 'done', 'failed']);
export type PrintStatus = z.infer<typeof PrintStatusSchema>;

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

// ── identity and scanners ──────────────────────────────────────────────────────────────────────────

/** The longest scan text the contract carries; identity.parseScan refuses anything over 2 KB itself. */
const ScanText = z.string().max(16_384);
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

/** What a scanner read. `symbology` is the AIM id (`]Q1` QR …), `unknown` from a keyboard-mode scanner. */
export const ScanEventSchema = z.object({
  symbology: z.string().max(16),
  text: ScanText,
  /** Which scanner: `hid:0c2e:0b61`, `kbd:…` for keyboard mode, `test` for an injected scan. */
  source: z.string().max(64),
});
export type ScanEvent = z.infer<typeof ScanEventSchema>;

export const ScannerModeSchema = z.enum(['hid-pos', 'keyboard']);

export const DevicesStatusSchema = z.object({
  /** `disabled`: no scanner configured; `unavailable`: node-hid (native module, libusb) missing. */
  hid: z.enum(['disabled', 'loading', 'ready', 'unavailable']),
  hidAvailable: z.boolean(),
  /** What staff should know or do, when something is off. */
  note: BilingualSchema.nullable(),
  configured: z.array(
    z.object({
      mode: ScannerModeSchema,
      vendorId: z.number().int().nullable(),
      productId: z.number().int().nullable(),
    }),
  ),
  scanners: z.array(
    z.object({
      source: z.string(),
      mode: ScannerModeSchema,
      vendorId: z.number().int(),
      productId: z.number().int(),
      product: z.string().nullable(),
      manufacturer: z.string().nullable(),
      connected: z.boolean(),
      lastScanAt: z.string().nullable(),
      error: BilingualSchema.nullable(),
    }),
  ),
  /** The last scan's time and kind; never its text (it may be a citizen's ID card). */
  lastScan: z
    .object({ at: z.string(), source: z.string(), symbology: z.string(), length: z.number().int() })
    .nullable(),
  /** True when `devices.injectScan` is enabled (KIOSK_TEST_SCANS=1): never on a real kiosk. */
  testScans: z.boolean(),
});
export type DevicesStatus = z.infer<typeof DevicesStatusSchema>;

/** HTTPS on the centre's LAN: what an admin checks when installing the kiosk's CA on a counter PC. */
export const LanCertificateSchema = z.object({
  /** False when `bridge.lan` is off (the bridge is on 127.0.0.1 only) or the certificate could not be made. */
  enabled: z.boolean(),
  /** SHA-256 of the CA certificate, `AB:CD:…`, as Windows shows it ("Thumbprint" is SHA-1: not this). */
  caFingerprint256: z.string().nullable(),
  caValidUntil: z.string().nullable(),
  /** The addresses and names the kiosk's server certificate is valid for now. */
  serverIps: z.array(z.string()),
  serverNames: z.array(z.string()),
  serverValidUntil: z.string().nullable(),
});
export type LanCertificate = z.infer<typeof LanCertificateSchema>;

// ── methods ─────────────────────────────────────────────────────────────────────────────────────────

export const methods = {
  'app.info': method({
    access: 'read',
    input: Empty,
    output: AppInfoSchema,
    summary: 'Centre name, languages, idle timeout, enabled features and whether first-start setup is due.',
  }),
  'staff.setupAdmin': method({
    access: 'local',
    input: z.strictObject({
      displayName: z.string().trim().min(1).max(80),
      pin: PinSchema,
    }),
    output: SessionSchema,
    summary: 'First start only: create the admin account (user "admin") and sign it in.',
  }),
  'staff.signIn': method({
    access: 'signin',
    input: z.strictObject({ user: UserNameSchema, pin: z.string().max(64) }),
    output: SessionSchema,
    summary: 'Sign in with user name and PIN; wrong PINs lock the name for the caller, then for the LAN.',
  }),
  'staff.signOut': method({
    access: 'staff',
    input: Empty,
    output: Empty,
    summary: 'End the current staff session.',
  }),
  'staff.me': method({
    access: 'staff',
    input: Empty,
    output: z.object({ user: StaffUserSchema, expiresAt: z.string() }),
    summary: 'The signed-in staff member; also extends the session (it expires after inactivity).',
  }),
  'staff.alerts': method({
    access: 'staff',
    input: z.strictObject({ includeAcknowledged: z.boolean().optional() }),
    output: z.array(AlertSchema),
    summary: 'Alerts for staff (e.g. a damaged database was moved aside), newest first.',
  }),
  'staff.acknowledgeAlert': method({
    access: 'staff',
    input: z.strictObject({ id: z.number().int().positive() }),
    output: AlertSchema,
    summary: 'Mark an alert as read; the audit log records who did.',
  }),
  'staff.createUser': method({
    access: 'admin',
    input: z.strictObject({
      user: UserNameSchema,
      displayName: z.string().trim().min(1).max(80),
      role: RoleSchema,
      pin: PinSchema,
    }),
    output: StaffUserSchema,
    summary: 'Admin only: create a staff or admin account.',
  }),
  'staff.users': method({
    access: 'admin',
    input: Empty,
    output: z.array(StaffAccountSchema),
    summary: 'Admin only: every account, disabled or not, with running sign-in locks and last sign-in.',
  }),
  'staff.disableUser': method({
    access: 'admin',
    input: UserIdInput,
    output: StaffAccountSchema,
    summary:
      'Admin only: disable an account and end its sessions; the last enabled admin cannot be disabled.',
  }),
  'staff.enableUser': method({
    access: 'admin',
    input: UserIdInput,
    output: StaffAccountSchema,
    summary: 'Admin only: enable a disabled account again.',
  }),
  'staff.resetPin': method({
    access: 'admin',
    input: z.strictObject({ userId: z.number().int().positive(), pin: PinSchema }),
    output: StaffAccountSchema,
    summary: "Admin only: set another user's PIN; ends their sessions and lifts their sign-in locks.",
  }),
  'staff.unlockUser': method({
    access: 'admin',
    input: UserIdInput,
    output: StaffAccountSchema,
    summary: "Admin only: lift another user's sign-in locks (never your own).",
  }),
  'staff.changePin': method({
    access: 'staff',
    input: z.strictObject({ currentPin: z.string().max(64), newPin: PinSchema }),
    output: Empty,
    summary: 'Change your own PIN with the current one (counted like sign-in); your other sessions end.',
  }),
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
  'identity.parseScan': method({
    access: 'citizen',
    input: z.strictObject({ text: ScanText }),
    output: ParsedScanSchema,
    summary:
      'Read a scan: a chip ID card QR, the MRZ on its back, or a receipt code; refuse anything doubtful.',
  }),
  'devices.status': method({
    access: 'staff',
    input: Empty,
    output: DevicesStatusSchema,
    summary: 'Scanners found, their mode and last scan time, and whether node-hid is available.',
  }),
  'bridge.certificate': method({
    access: 'staff',
    input: Empty,
    output: LanCertificateSchema,
    summary:
      'The LAN HTTPS certificate: the CA fingerprint to check on a counter PC, and the addresses covered.',
  }),
  'lan.startPairing': method({
    access: 'admin',
    input: z.strictObject({ role: DeviceRoleSchema, name: DeviceNameSchema }),
    output: PairingStartSchema,
    summary:
      'A one-time 6-digit code (5 minutes, 5 tries) that pairs one LAN device with this role and name.',
  }),
  'lan.pair': method({
    access: 'anyone',
    input: z.strictObject({ code: PairingCodeSchema }),
    output: PairedSchema,
    summary: 'A LAN device enters the code; the bridge sets its device cookie (HttpOnly, Secure).',
  }),
  'lan.devices': method({
    access: 'admin',
    input: Empty,
    output: z.array(DeviceRecordSchema),
    summary: 'Paired devices with role, pairing, last contact and address; revoked ones last.',
  }),
  'lan.revokeDevice': method({
    access: 'admin',
    input: z.strictObject({ deviceId: z.string().min(1).max(32) }),
    output: DeviceRecordSchema,
    summary: 'Revoke a device: its cookie opens nothing, its staff sessions end, its event sockets close.',
  }),
  'devices.injectScan': method({
    access: 'local',
    input: z.strictObject({ text: ScanText.min(1), symbology: z.string().min(1).max(16).optional() }),
    output: ScanEventSchema,
    summary: 'Tests only (KIOSK_TEST_SCANS=1): emit device.scan as a scanner would; refused otherwise.',
  }),
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
    output: z.object({ code: z.string(), pdfBase64: z.string(), jobIds: z.array(z.number().int()) }),
    summary: 'The receipt PDF (Mẫu 01) of a dossier; with `print`, print it again.',
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
  'calendar.dueDate': method({
    access: 'citizen',
    input: z.strictObject({
      receivedAt: z.string().max(40),
      workingDays: z.number().int().min(0).max(365),
      cutoff: z.string().max(5).optional(),
    }),
    output: z.object({
      dueDate: Day,
      effectiveReceivedDate: Day,
      workingDays: z.number().int(),
      estimated: z.boolean(),
    }),
    summary: 'The N-th working day after the effective day of receipt (weekends, holidays, cut-off).',
  }),
  'calendar.year': method({
    access: 'staff',
    input: z.strictObject({ year: CalendarYearInput }),
    output: CalendarYearViewSchema,
    summary: "A year's decided days (holidays, days off, make-up working days) with who changed them.",
  }),
  'calendar.setDay': method({
    access: 'admin',
    input: CalendarDayInputSchema,
    output: CalendarDaySchema,
    summary: 'Admin only: add or change a decided day; due dates computed from now on use it.',
  }),
  'calendar.removeDay': method({
    access: 'admin',
    input: z.strictObject({ date: Day }),
    output: z.object({ date: Day, origin: z.enum(['staff-removed', 'none']) }),
    summary: 'Admin only: make a date an ordinary day again (a shipped day is kept, marked removed).',
  }),
  'calendar.restoreDay': method({
    access: 'admin',
    input: z.strictObject({ date: Day }),
    output: z.object({ date: Day, day: CalendarDaySchema.nullable() }),
    summary: "Admin only: drop the staff change to a date, back to the app's shipped data.",
  }),
  'calendar.setYear': method({
    access: 'admin',
    input: z.strictObject({
      year: CalendarYearInput,
      status: z.enum(['official', 'estimated']),
      // The shipped 2026 note is ~370 characters: an admin changing that year's status must be able to keep it.
      note: z.string().trim().max(500),
    }),
    output: CalendarYearSchema,
    summary:
      'Admin only: add a year to the calendar (e.g. once its holidays are decided) or change its note.',
  }),
  'payment.vietQr': method({
    access: 'citizen',
    input: z.strictObject({
      amount: z.number().int().min(1).max(9_999_999_999),
      purpose: z.string().max(60),
    }),
    output: z.object({ payload: z.string() }),
    summary: "A VietQR payload (EMVCo, NAPAS) for the centre's account with this amount and purpose.",
  }),
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
  'identity.readChip': method({
    access: 'local',
    input: z.strictObject({
      /** From the scanned MRZ or typed by staff; without it, the demo card (when `demo`). */
      access: ChipAccessSchema.optional(),
      /** Read parents' names (DG13 field 13) only when the procedure needs them. */
      readParents: z.boolean().optional(),
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
  'sync.status': method({
    access: 'citizen',
    input: Empty,
    output: SyncStatusSchema,
    summary: 'Online or not, and how many dossiers are waiting, sending, need attention, synced today.',
  }),
  'sync.retry': method({
    access: 'staff',
    input: z.strictObject({ dossierId: DossierId.optional() }),
    output: SyncStatusSchema,
    summary: 'Try now: every waiting dossier, or one that needs attention (after it was corrected).',
  }),
  'sync.attention': method({
    access: 'staff',
    input: Empty,
    output: z.array(SyncAttentionSchema),
    summary: "Dossiers the portal refused (422, 409, 401), with the portal's reasons, for staff to act on.",
  }),
  'sync.feed': method({
    access: 'staff',
    input: Empty,
    output: z.array(SyncEventSchema),
    summary: 'Recent sync events (online/offline, sent, retried, refused, status changes), newest first.',
  }),
  'dossier.correct': method({
    access: 'staff',
    input: z.strictObject({ id: DossierId, data: z.record(z.string(), z.json()) }),
    output: DossierSchema,
    summary: 'Staff correct the form data of a dossier the portal refused, before sync.retry (audited).',
  }),
} as const satisfies Record<string, MethodDef>;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Methods[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Methods[M]['output']>;

export const methodNames = Object.keys(methods) as MethodName[];

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(methods, name);
}

// ── events (main → renderer) ───────────────────────────────────────────────────────────────────────

interface EventDef<P extends z.ZodType = z.ZodType> {
  /**
   * `public` events reach every screen (kiosk, display); `staff` events only signed-in staff screens;
   * `local` events only this machine (the kiosk window over IPC, or a bridge client on loopback): a raw
   * scan may be a citizen's ID card and must never reach the waiting-room display on the LAN.
   */
  audience: 'public' | 'staff' | 'local';
  payload: P;
}
const event = <P extends z.ZodType>(def: EventDef<P>): EventDef<P> => def;

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

export const PrintJobEventSchema = z.object({
  jobId: z.number().int(),
  /** What was printed, e.g. `ticket:42`. */
  ref: z.string().nullable(),
  status: PrintStatusSchema,
  error: KioskErrorSchema.nullable(),
});
export type PrintJobEvent = z.infer<typeof PrintJobEventSchema>;

export const events = {
  'staff.alert': event({ audience: 'staff', payload: AlertSchema }),
  /** A ticket called (or called again) to a counter: the display shows it and says it aloud. */
  'queue.called': event({ audience: 'public', payload: CallSchema }),
  'queue.board': event({ audience: 'public', payload: BoardSchema }),
  'print.job': event({ audience: 'public', payload: PrintJobEventSchema }),
  /**
   * A scanner read something. Public so the (unsigned-in) citizen screen receives it; note it carries
   * what was scanned, possibly an ID card's QR, to every connected client (see README).
   */
  'device.scan': event({ audience: 'local', payload: ScanEventSchema }),
  /** A card reader appeared or went, or a card was put on or taken off it. */
  'chip.reader': event({ audience: 'local', payload: ChipStatusSchema }),
  /** Progress of a chip read, for the "Đặt thẻ lên đầu đọc" screen. */
  'chip.progress': event({
    audience: 'local',
    payload: z.object({
      step: z.enum(['waiting', 'authenticating', 'reading', 'verifying', 'done']),
      percent: z.number(),
    }),
  }),
  /** Online/offline and counts changed: the home screen's small indicator, the staff sync screen. */
  'sync.status': event({ audience: 'public', payload: SyncStatusSchema }),
  /**
   * An import folder (scanner output, USB drive) changed: a file arrived or went, or the drive was
   * plugged in or pulled. Only the folder's id: the chooser lists the files again. Local, because file
   * names may be a citizen's.
   */
  'dossier.sources': event({
    audience: 'local',
    payload: z.object({ sourceId: z.string(), available: z.boolean() }),
  }),
  /** A dossier changed state (submitted, sent, refused, status from the portal): staff lists refresh. */
  'dossier.changed': event({
    audience: 'staff',
    payload: z.object({ id: DossierId, code: z.string().nullable(), change: z.string() }),
  }),
} as const satisfies Record<string, EventDef>;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]['payload']>;
export const eventNames = Object.keys(events) as EventName[];

export function isEventName(name: string): name is EventName {
  return Object.prototype.hasOwnProperty.call(events, name);
}

/** An event as it travels over the bridge's WebSocket. */
export interface EventMessage<E extends EventName = EventName> {
  event: E;
  payload: EventPayload<E>;
}

// ── transports ─────────────────────────────────────────────────────────────────────────────────────

/** The IPC channel that carries one method: one channel per method, never a generic "send". */
export const ipcChannel = (name: MethodName): string => `kiosk:${name}`;
export const IPC_EVENT_CHANNEL = 'kiosk:event';

/** What the preload puts on `window.kiosk`. The renderer's HTTP transport offers the same shape. */
export interface KioskBridge {
  readonly transport: 'ipc' | 'http';
  call<M extends MethodName>(
    name: M,
    input: MethodInput<M>,
    auth?: { token?: string },
  ): Promise<Result<MethodOutput<M>>>;
  on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/** The HTTP path that serves a method over the bridge. */
export const httpPath = (name: MethodName): string => `/api/${name}`;
export const EVENTS_PATH = '/events';
