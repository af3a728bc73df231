import { z } from 'zod';
import { CIDR4, DEFAULT_LAN_NETWORKS } from '../tls/networks';
import { LanguageSchema, MAX_ATTACHMENT_BYTES } from '../../../preload/api';

/**
 * The kiosk's configuration: one JSON file, `kiosk.config.json`, in the data folder. Every field is
 * documented in README.md ("Configuration"). Defaults make a short file enough.
 */

const Time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'time-format' });

const Bilingual = z.object({ vi: z.string().trim().min(1).max(120), en: z.string().trim().min(1).max(120) });

export const ServiceSchema = z.strictObject({
  /** Stable id used by counters, tickets and reports. */
  id: z.string().regex(/^[a-z0-9-]{1,32}$/, { message: 'id-format' }),
  name: Bilingual,
  /** The letter on the ticket, e.g. "A" → A015. */
  prefix: z.string().regex(/^[A-Z]{1,2}$/, { message: 'prefix-format' }),
  /** Ticket numbers run from..to, then refuse with a clear message (the day is full). */
  range: z
    .tuple([z.number().int().min(1), z.number().int().max(9999)])
    .refine(([from, to]) => from <= to, { message: 'range-order' })
    .default([1, 999]),
  hours: z.strictObject({ open: Time, close: Time }).default({ open: '07:30', close: '17:00' }),
  /** Local time at which numbering starts again from `range[0]`. */
  resetAt: Time.default('00:00'),
});

export const CounterSchema = z.strictObject({
  id: z.number().int().min(1).max(999),
  name: Bilingual.optional(),
  services: z.array(z.string()).min(1),
});

const PrinterBase = { id: z.string().regex(/^[a-z0-9-]{1,32}$/, { message: 'id-format' }) };
const Dots = z.union([z.literal(576), z.literal(512), z.literal(384)]).default(576);

export const PriorityCategorySchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]{1,32}$/, { message: 'id-format' }),
  name: Bilingual,
});

/** Who may take a priority ticket by default (Luật Người cao tuổi, Luật Người khuyết tật, common practice). */
export const DEFAULT_PRIORITY_CATEGORIES = [
  { id: 'elderly', name: { vi: 'Người cao tuổi', en: 'Elderly person' } },
  { id: 'disabled', name: { vi: 'Người khuyết tật', en: 'Person with a disability' } },
  { id: 'pregnant', name: { vi: 'Phụ nữ mang thai', en: 'Pregnant woman' } },
  { id: 'small-child', name: { vi: 'Người đi cùng trẻ nhỏ', en: 'With a small child' } },
];

export const PrinterSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    ...PrinterBase,
    kind: z.literal('escpos-tcp'),
    host: z.string().min(1),
    port: z.number().int().min(1).max(65535).default(9100),
    dots: Dots,
  }),
  z.strictObject({ ...PrinterBase, kind: z.literal('escpos-device'), path: z.string().min(1), dots: Dots }),
  z.strictObject({ ...PrinterBase, kind: z.literal('system'), queue: z.string().min(1) }),
]);

const UsbId = z.number().int().min(0).max(0xffff);

/**
 * A barcode scanner the kiosk reads through node-hid. Without ids, `hid-pos` claims every device whose
 * top-level collection is the HID POS usage page 0x8C. `keyboard` mode reads boot keyboard reports and
 * so needs a vendorId: without one it would claim every keyboard on the machine.
 */
export const ScannerSchema = z
  .strictObject({
    vendorId: UsbId.optional(),
    productId: UsbId.optional(),
    mode: z.enum(['hid-pos', 'keyboard']).default('hid-pos'),
  })
  .superRefine((s, ctx) => {
    if (s.vendorId === undefined && s.productId !== undefined)
      ctx.addIssue({ code: 'custom', path: ['vendorId'], message: 'vendor-id-required' });
    if (s.mode === 'keyboard' && s.vendorId === undefined)
      ctx.addIssue({ code: 'custom', path: ['vendorId'], message: 'keyboard-needs-vendor-id' });
  });

export const ConfigSchema = z
  .strictObject({
    centre: z.strictObject({
      name: z.string().trim().min(1).max(160),
      /** Unit electronic id per QCVN 102:2016/BTTTT, e.g. 000.00.12.H29; prefixes dossier codes. */
      unitCode: z.string().regex(/^[0-9A-Z]{3}(\.[0-9A-Z]{2,3}){3}$/, { message: 'unit-code-format' }),
      address: z.string().max(300).optional(),
      /**
       * The agency the receiving unit belongs to (cơ quan), printed above it at the top left of every form,
       * e.g. "UBND phường Bến Nghé" or "UBND tỉnh Hưng Yên"; unset: the unit's line stands alone.
       */
      agency: z.string().trim().min(1).max(160).optional(),
      /**
       * The receiving unit printed on the forms (Nghị định 118/2025/NĐ-CP): "Trung tâm Phục vụ hành chính
       * công tỉnh …", "Trung tâm Phục vụ hành chính công xã …", or "Bộ phận Một cửa".
       */
      receivingUnit: z.string().trim().min(1).max(160).default('Bộ phận Một cửa'),
      /** The unit's phone, printed on Mẫu 02 as where to ask; unset: no phone line. */
      phone: z
        .string()
        .trim()
        .regex(/^\+?[0-9][0-9 ().-]{5,23}$/, { message: 'unit-phone-format' })
        .optional(),
    }),
    /** This kiosk's own short id; it goes into provisional codes so two kiosks never collide. */
    /** Days, opening hours and the ticket reset are counted in this IANA time zone. */
    timeZone: z
      .string()
      .refine(
        (tz) => {
          try {
            new Intl.DateTimeFormat('en', { timeZone: tz });
            return true;
          } catch {
            return false;
          }
        },
        { message: 'time-zone' },
      )
      .default('Asia/Ho_Chi_Minh'),
    kioskId: z
      .string()
      .regex(/^K\d{2}$/, { message: 'kiosk-id-format' })
      .default('K01'),
    languages: z.array(LanguageSchema).min(1).default(['vi', 'en']),
    defaultLanguage: LanguageSchema.default('vi'),
    /** Citizen screens; floored at 30 s so the 20 s warning (below) leaves some quiet time before it. */
    idleTimeoutSeconds: z
      .number()
      .int()
      .min(15)
      .max(3600)
      .default(90)
      .transform((s) => Math.max(30, s)),
    /** The filing wizard's own timeout: people stop to find a paper or to ask a relative. */
    wizardIdleTimeoutSeconds: z.number().int().min(60).max(3600).default(180),
    /**
     * At least 20 s to answer "Tôi vẫn đang dùng" (WCAG 2.2.1 Timing Adjustable). A configuration written
     * before this floor (5–19 s) still starts, with the floor applied, rather than refusing the kiosk.
     */
    idleWarningSeconds: z
      .number()
      .int()
      .min(5)
      .max(120)
      .default(20)
      .transform((s) => Math.max(20, s)),
    staffSessionMinutes: z.number().int().min(1).max(720).default(30),
    /** Staff sessions end this long after sign-in however active (a working day). */
    staffSessionMaxHours: z.number().int().min(1).max(24).default(10),
    services: z.array(ServiceSchema).default([]),
    counters: z.array(CounterSchema).default([]),
    priorityCategories: z.array(PriorityCategorySchema).default(DEFAULT_PRIORITY_CATEGORIES),
    /** At most this many priority tickets in a row at a counter while ordinary ones wait. */
    priorityRatio: z.number().int().min(1).max(20).default(3),
    /** A ticket marked no-show can be recalled for this long (the person was in the toilet). */
    noShowRecallMinutes: z.number().int().min(0).max(240).default(15),
    printers: z.array(PrinterSchema).default([]),
    ticketPrinter: z.string().optional(),
    /** Barcode scanners read through node-hid; the default finds any HID POS scanner. `[]`: none. */
    scanners: z
      .array(ScannerSchema)
      .max(16)
      .default([{ mode: 'hid-pos' }]),
    portal: z
      .strictObject({ url: z.url(), token: z.string().min(8) })
      .nullable()
      .default(null),
    /** Filing dossiers at the kiosk. */
    dossier: z
      .strictObject({
        /** Folders offered for attaching files: the USB drive's mount point, the scanner's output folder. */
        importFolders: z
          .array(
            z.strictObject({
              id: z.string().regex(/^[a-z0-9-]{1,32}$/, { message: 'id-format' }),
              label: Bilingual,
              path: z.string().min(1).max(400),
            }),
          )
          .max(8)
          .default([]),
        /** Largest file accepted for one attachment (the contract sizes camera captures for the maximum). */
        maxFileBytes: z
          .number()
          .int()
          .min(100_000)
          .max(MAX_ATTACHMENT_BYTES)
          .default(10 * 1024 * 1024),
        /** Pictures larger than this (after EXIF rotation) are refused before they are decoded. */
        maxImageMegapixels: z.number().min(1).max(100).default(40),
        /** Nor may either side of a picture be longer than this, in pixels. */
        maxImageSide: z.number().int().min(1000).max(65_535).default(20_000),
        /** How long the file worker may spend on one attachment before it is stopped and the file refused. */
        fileCheckSeconds: z.number().int().min(2).max(120).default(20),
        /** Printer id for receipts; unset: the ticket printer. */
        receiptPrinter: z.string().optional(),
        /** A4 (Mẫu 01 on a system printer) or the 80 mm version on the thermal printer. */
        receiptFormat: z.enum(['a4', '80mm']).default('a4'),
        /**
         * Printer id for the counter's A4 forms (Mẫu 01 when staff receive a dossier, Mẫu 02, Mẫu 03): a
         * system (CUPS) printer. Unset: the receipt printer when it is one; otherwise the forms are given as
         * a PDF to print elsewhere.
         */
        formsPrinter: z.string().optional(),
        /** Mẫu 01 is printed in two copies: one for the citizen, one for the file. */
        receiptCopies: z.number().int().min(1).max(4).default(2),
        /** A citizen's unsubmitted draft untouched this long is wiped (the screen wipes it on idle too). */
        citizenDraftMinutes: z.number().int().min(5).max(240).default(30),
        /** A draft parked by staff is kept this many days. */
        parkedDraftDays: z.number().int().min(1).max(30).default(7),
      })
      .prefault({}),
    /** The centre's bank account for level-4 fees shown as VietQR; null: no QR is shown. */
    payment: z
      .strictObject({
        bankBin: z.string().regex(/^\d{6}$/, { message: 'bank-bin-format' }),
        accountNumber: z.string().regex(/^[0-9A-Za-z]{1,19}$/, { message: 'account-format' }),
        accountName: z.string().max(100).optional(),
      })
      .nullable()
      .default(null),
    /** Chip reading (CCCD): PC/SC readers and the CSCA certificates for passive authentication. */
    chip: z
      .strictObject({
        /** Look for PC/SC readers (needs the optional native module and pcscd). */
        pcsc: z.boolean().default(true),
        /** CSCA certificate files (PEM or DER), absolute or relative to the data folder. */
        csca: z.array(z.string().min(1).max(400)).max(32).default([]),
      })
      .prefault({}),
    /** Delivering dossiers to the portal. */
    sync: z
      .strictObject({
        /** Dossiers sent at the same time. */
        concurrency: z.number().int().min(1).max(8).default(2),
        /** Every request to the portal gives up after this long. */
        requestTimeoutMs: z.number().int().min(200).max(300_000).default(30_000),
        /** While offline, probe the portal this often (the first attempt after the link returns). */
        probeIntervalMs: z.number().int().min(100).max(60_000).default(4_000),
        /** Pull status changes this often while online. */
        statusPullSeconds: z.number().int().min(1).max(3600).default(60),
        /** A dossier being sent is a lease: back to waiting if not finished by then (a crash, a hang). */
        leaseSeconds: z.number().int().min(5).max(3600).default(120),
        /** Backoff ceiling between retries of one dossier. */
        maxBackoffSeconds: z.number().int().min(1).max(3600).default(300),
      })
      .prefault({}),
    bridge: z
      .strictObject({
        /** Listen on every interface so counter PCs and the display can connect. Off: 127.0.0.1 only. */
        lan: z.boolean().default(false),
        /** Extra browser origins allowed to call the bridge (e.g. a display served elsewhere). */
        allowedOrigins: z.array(z.url()).default([]),
        /** IPv4 networks (CIDR) of the centre's LAN: the only addresses the kiosk's CA may vouch for. */
        lanNetworks: z
          .array(z.string().regex(CIDR4, { message: 'cidr-format' }))
          .min(1)
          .max(16)
          .default([...DEFAULT_LAN_NETWORKS]),
      })
      .default({ lan: false, allowedOrigins: [], lanNetworks: [...DEFAULT_LAN_NETWORKS] }),
  })
  .superRefine((c, ctx) => {
    if (c.idleWarningSeconds >= c.idleTimeoutSeconds) {
      ctx.addIssue({ code: 'custom', path: ['idleWarningSeconds'], message: 'idle-warning-too-long' });
    }
    if (!c.languages.includes(c.defaultLanguage)) {
      ctx.addIssue({ code: 'custom', path: ['defaultLanguage'], message: 'default-language-missing' });
    }
    const seen = (key: 'id' | 'prefix') => {
      const set = new Set<string>();
      c.services.forEach((s, i) => {
        if (set.has(s[key]))
          ctx.addIssue({ code: 'custom', path: ['services', i, key], message: 'duplicate' });
        set.add(s[key]);
      });
    };
    seen('id');
    seen('prefix');
    const serviceIds = new Set(c.services.map((s) => s.id));
    const counterIds = new Set<number>();
    c.counters.forEach((counter, i) => {
      if (counterIds.has(counter.id))
        ctx.addIssue({ code: 'custom', path: ['counters', i, 'id'], message: 'duplicate' });
      counterIds.add(counter.id);
      counter.services.forEach((s, j) => {
        if (!serviceIds.has(s)) {
          ctx.addIssue({ code: 'custom', path: ['counters', i, 'services', j], message: 'unknown-service' });
        }
      });
    });
    const printerIds = new Set(c.printers.map((p) => p.id));
    if (printerIds.size !== c.printers.length) {
      ctx.addIssue({ code: 'custom', path: ['printers'], message: 'duplicate' });
    }
    if (c.ticketPrinter !== undefined && !printerIds.has(c.ticketPrinter)) {
      ctx.addIssue({ code: 'custom', path: ['ticketPrinter'], message: 'unknown-printer' });
    }
    if (c.dossier.receiptPrinter !== undefined && !printerIds.has(c.dossier.receiptPrinter)) {
      ctx.addIssue({ code: 'custom', path: ['dossier', 'receiptPrinter'], message: 'unknown-printer' });
    }
    if (c.dossier.formsPrinter !== undefined) {
      const printer = c.printers.find((p) => p.id === c.dossier.formsPrinter);
      if (!printer)
        ctx.addIssue({ code: 'custom', path: ['dossier', 'formsPrinter'], message: 'unknown-printer' });
      else if (printer.kind !== 'system')
        ctx.addIssue({ code: 'custom', path: ['dossier', 'formsPrinter'], message: 'forms-printer-not-a4' });
    }
    const folderIds = new Set<string>();
    c.dossier.importFolders.forEach((f, i) => {
      if (folderIds.has(f.id))
        ctx.addIssue({ code: 'custom', path: ['dossier', 'importFolders', i, 'id'], message: 'duplicate' });
      folderIds.add(f.id);
    });
  });

export type KioskConfig = z.output<typeof ConfigSchema>;
export type KioskConfigInput = z.input<typeof ConfigSchema>;
export type ServiceConfig = z.output<typeof ServiceSchema>;
export type CounterConfig = z.output<typeof CounterSchema>;
export type PrinterConfig = z.output<typeof PrinterSchema>;
export type ScannerConfigEntry = z.output<typeof ScannerSchema>;
