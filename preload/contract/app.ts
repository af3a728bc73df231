/**
 * Contract: the app itself, what every screen reads first (`app.info`): centre, languages, features,
 * idle timeout, the server's clock and the device asking. Rules as in base.ts.
 */
import { z } from 'zod';
import { Empty, method, type MethodTable } from './base';
import { PairedDeviceSchema } from './lan';

export const LanguageSchema = z.enum(['vi', 'en']);
export type Language = z.infer<typeof LanguageSchema>;

export const FeatureSchema = z.enum(['queue', 'procedures', 'dossier', 'tracking']);
export type Feature = z.infer<typeof FeatureSchema>;

export const AppInfoSchema = z.object({
  productName: z.string(),
  version: z.string(),
  centreName: z.string(),
  unitCode: z.string(),
  languages: z.array(LanguageSchema).min(1),
  defaultLanguage: LanguageSchema,
  /** Citizen screens other than the filing wizard: seconds without a touch before the warning ends it. */
  idleTimeoutSeconds: z.number().int().positive(),
  /** The filing wizard's own, longer timeout (people stop to find a paper or ask a relative). */
  wizardIdleTimeoutSeconds: z.number().int().positive(),
  /** How long "Tôi vẫn đang dùng" is offered before the session ends: at least 20 s (WCAG 2.2.1). */
  idleWarningSeconds: z.number().int().min(20),
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

export const appMethods = {
  'app.info': method({
    access: 'read',
    input: Empty,
    output: AppInfoSchema,
    summary: 'Centre name, languages, idle timeout, enabled features and whether first-start setup is due.',
  }),
} as const satisfies MethodTable;
