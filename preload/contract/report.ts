/**
 * Contract: the scores of Quyết định 766/QĐ-TTg for the centre (DOMAIN.md "The 2025 reform"), computed from
 * the kiosk's own dossiers and the statuses pulled from the portal, for a day, a month or a range of days.
 * Rules as in base.ts.
 */
import { z } from 'zod';
import { Day, method, type MethodTable } from './base';

/** A count and its share of a whole; `share` is null when the whole is 0 (nothing to score). */
export const ShareSchema = z.object({
  count: z.number().int().nonnegative(),
  of: z.number().int().nonnegative(),
  /** 0–1, or null when `of` is 0. */
  share: z.number().min(0).max(1).nullable(),
});
export type Share = z.infer<typeof ShareSchema>;

/**
 * The indicators of one group of dossiers (all of them, one procedure, or one field):
 * - `received`: dossiers submitted in the range, by channel (the citizen alone at the kiosk, with staff);
 * - `digitised`: of those, how many count as digitised (every paper handed in attached as a file here, and
 *   the result electronic where the portal said so; full marks from 80 %);
 * - `onTime`: of the dossiers finished (Đã xử lý xong) in the range, how many by their appointment date
 *   after subtracting the time the citizen took to bring requested papers; more than one supplement
 *   request counts as late;
 * - `paidOnline`: of the dossiers with a fee that were paid, how many online;
 * - `satisfied`: of the ratings given in the range about dossiers, how many satisfied or very satisfied.
 */
export const IndicatorRowSchema = z.object({
  /** `all`, a procedure id, or a field (lĩnh vực) name. */
  key: z.string(),
  label: z.string(),
  received: z.object({
    total: z.number().int().nonnegative(),
    kiosk: z.number().int().nonnegative(),
    counter: z.number().int().nonnegative(),
    refused: z.number().int().nonnegative(),
  }),
  digitised: ShareSchema,
  onTime: ShareSchema,
  paidOnline: ShareSchema,
  satisfied: ShareSchema,
});
export type IndicatorRow = z.infer<typeof IndicatorRowSchema>;

export const IndicatorsSchema = z.object({
  from: Day,
  to: Day,
  all: IndicatorRowSchema,
  byProcedure: z.array(IndicatorRowSchema),
  byField: z.array(IndicatorRowSchema),
  /** One point per day of the range, for the chart: received and finished on time that day. */
  days: z.array(
    z.object({
      day: Day,
      received: z.number().int().nonnegative(),
      finished: z.number().int().nonnegative(),
      onTime: z.number().int().nonnegative(),
    }),
  ),
});
export type Indicators = z.infer<typeof IndicatorsSchema>;

/** At most this many days in one computation. */
export const MAX_INDICATOR_DAYS = 366;

const Range = z
  .strictObject({ from: Day, to: Day })
  .refine((i) => i.from <= i.to, { message: 'range-order', path: ['to'] });

export const reportMethods = {
  'report.indicators': method({
    access: 'staff',
    input: Range,
    output: IndicatorsSchema,
    summary:
      'The Quyết định 766 scores for a range of days: received by channel, digitised, on time, paid online, satisfied; overall, per procedure and per field.',
  }),
  'report.indicatorsCsv': method({
    access: 'staff',
    input: Range,
    output: z.object({ filename: z.string(), csv: z.string() }),
    summary: 'The same scores as CSV (UTF-8 with BOM), one row per procedure and field, and the whole.',
  }),
} as const satisfies MethodTable;
