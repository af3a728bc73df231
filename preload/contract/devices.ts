/**
 * Contract: the barcode scanners (HID point-of-sale or keyboard mode): what they read and their state.
 * Reading what a scan means (a CCCD QR, an MRZ, a receipt code) is identity.ts. Rules as in base.ts.
 */
import { z } from 'zod';
import { BilingualSchema, Empty, method, type MethodTable } from './base';

/** The longest scan text the contract carries; identity.parseScan refuses anything over 2 KB itself. */
export const ScanText = z.string().max(16_384);

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

export const devicesMethods = {
  'devices.status': method({
    access: 'staff',
    input: Empty,
    output: DevicesStatusSchema,
    summary: 'Scanners found, their mode and last scan time, and whether node-hid is available.',
  }),
  'devices.injectScan': method({
    access: 'local',
    input: z.strictObject({ text: ScanText.min(1), symbology: z.string().min(1).max(16).optional() }),
    output: ScanEventSchema,
    summary: 'Tests only (KIOSK_TEST_SCANS=1): emit device.scan as a scanner would; refused otherwise.',
  }),
} as const satisfies MethodTable;
