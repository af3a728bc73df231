/**
 * What every domain of the renderer API contract is built from: the error shape, `Result`, who may call a
 * method (`Access`), the `method()` helper each domain's table is written with, and the few shapes more
 * than one domain uses. Each domain module (app.ts, staff.ts, queue.ts, …) holds its own schemas and
 * method table; methods.ts merges the tables into the one `methods` table; ../api.ts re-exports it all.
 *
 * The rules of ../api.ts hold for every file here: zod only (no Node or Electron imports), and method and
 * event names are a public API: renaming one breaks LAN clients, so add instead of rename.
 */
import { z } from 'zod';

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

export interface MethodDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  access: Access;
  input: I;
  output: O;
  /** One line for the README's method table and for people reading the bridge. */
  summary: string;
}

/** One domain's methods, by name (`<domain>.<verb>`). */
export type MethodTable = Record<string, MethodDef>;

export const method = <I extends z.ZodType, O extends z.ZodType>(def: MethodDef<I, O>): MethodDef<I, O> =>
  def;

export const Empty = z.strictObject({});

// ── shapes more than one domain uses ───────────────────────────────────────────────────────────────

export const BilingualSchema = z.object({ vi: z.string(), en: z.string() });
export type Bilingual = z.infer<typeof BilingualSchema>;

/** A calendar day, YYYY-MM-DD, that exists (2026-02-30 does not: Date would roll it over to 2 March). */
export const Day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'date-format' })
  .refine(
    (d) => {
      const t = Date.parse(`${d}T00:00:00Z`);
      return !Number.isNaN(t) && new Date(t).toISOString().startsWith(d);
    },
    { message: 'date-format' },
  );

/** A JSON object: an e-form's data, or its JSON Schema and react-jsonschema-form UI hints. */
export const JsonObject = z.record(z.string(), z.json());
