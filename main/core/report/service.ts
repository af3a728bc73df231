import type Database from 'better-sqlite3';
import { type Indicators, MAX_INDICATOR_DAYS } from '../../../preload/api';
import { portalInstant } from '../dossier/reception';
import { KioskFailure, kioskError } from '../errors';
import { createLogger } from '../log';
import {
  type DossierFact,
  type EventFact,
  type PaperFact,
  type RatingFact,
  computeIndicators,
  nextDay,
} from './indicators';

const log = createLogger('report');

export const reportErrors = {
  range: (max: number) =>
    new KioskFailure(
      kioskError(
        'indicators-range',
        `Mỗi lần tính chỉ số tối đa ${max} ngày. Vui lòng chọn khoảng ngày ngắn hơn.`,
        `The scores cover at most ${max} days at a time. Please choose a shorter range.`,
        'to',
      ),
    ),
};

/** Whole days from `from` to `to` (YYYY-MM-DD), both included; NaN for a day that does not exist. */
function daysIn(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

/** `day` moved by `n` days. */
function shift(day: string, n: number): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

interface DossierRow {
  id: string;
  code: string;
  procedureId: string | null;
  procedureName: string | null;
  field: string | null;
  components: string | null;
  day: string;
  assistedBy: number | null;
  reception: string | null;
  dueDate: string | null;
  firstDueDate: string | null;
  feeAmount: number;
  paid: number | null;
  paidVia: string | null;
  resultElectronic: number | null;
}

/** The dossier's copy of the procedure's papers; a list that does not read gives none (logged). */
function papersOf(row: DossierRow): PaperFact[] {
  try {
    const parsed: unknown = JSON.parse(row.components ?? '[]');
    if (!Array.isArray(parsed)) return [];
    return parsed.flatMap((c: unknown) => {
      if (typeof c !== 'object' || c === null) return [];
      const { id, required, fromForm } = c as Record<string, unknown>;
      return typeof id === 'string' ? [{ id, required: required === true, fromForm: fromForm === true }] : [];
    });
  } catch {
    log.warn('a dossier whose procedure papers do not read is scored without them', { id: row.id });
    return [];
  }
}

/**
 * report.indicators from the database: the dossiers submitted in the range, those whose first 'done' may
 * fall in it, and those rated in it, with their timelines and which papers have files; then the pure
 * rules (indicators.ts). One read transaction, so the figures are of one moment.
 */
export function createIndicators(deps: { db: Database.Database; timeZone: string }) {
  const { db, timeZone } = deps;
  // Migration 0014 adds paid_via, result_electronic and first_due_date; until a database has them they
  // read as unknown (and the due date as never moved).
  const columns = new Set(
    (db.prepare('PRAGMA table_info(dossiers)').all() as { name: string }[]).map((c) => c.name),
  );
  const optional = (name: string, as: string) => (columns.has(name) ? `d.${name} AS ${as}` : `NULL AS ${as}`);

  // Event times are stored as the portal wrote them (any offset, or none); a 'done' whose text begins two
  // days either side of the range may be in it once read in the centre's zone (offsets are under 14 h).
  const wanted = `WITH wanted(id) AS (
      SELECT id FROM dossiers WHERE status = 'submitted' AND day BETWEEN @from AND @to
      UNION SELECT dossier_id FROM dossier_events
        WHERE status = 'done' AND substr(at, 1, 10) BETWEEN @lo AND @hi
      UNION SELECT d.id FROM ratings r JOIN dossiers d ON d.code = r.dossier_code
        WHERE r.day BETWEEN @from AND @to AND r.context IN ('submit', 'lookup'))`;
  const q = {
    dossiers: db.prepare(
      `${wanted}
       SELECT d.id, d.code, json_extract(d.procedure_json, '$.id') AS procedureId,
         json_extract(d.procedure_json, '$.name') AS procedureName,
         json_extract(d.procedure_json, '$.field') AS field,
         json_extract(d.procedure_json, '$.components') AS components,
         d.day, d.assisted_by AS assistedBy, d.reception, d.due_date AS dueDate,
         ${optional('first_due_date', 'firstDueDate')}, d.fee_amount AS feeAmount, d.paid,
         ${optional('paid_via', 'paidVia')}, ${optional('result_electronic', 'resultElectronic')}
       FROM wanted w JOIN dossiers d ON d.id = w.id
       WHERE d.status = 'submitted' AND d.code IS NOT NULL AND d.day IS NOT NULL`,
    ),
    events: db.prepare(
      `${wanted}
       SELECT e.dossier_id AS id, e.status, e.at FROM wanted w JOIN dossier_events e ON e.dossier_id = w.id
       ORDER BY e.dossier_id, e.id`,
    ),
    attached: db.prepare(
      `${wanted}
       SELECT DISTINCT a.dossier_id AS id, a.component_id AS componentId
       FROM wanted w JOIN attachments a ON a.dossier_id = w.id`,
    ),
    ratings: db.prepare(
      `SELECT day, context, dossier_code AS dossierCode, rating FROM ratings
       WHERE day BETWEEN @from AND @to AND context IN ('submit', 'lookup')`,
    ),
  };

  const read = db.transaction((params: { from: string; to: string; lo: string; hi: string }) => {
    const events = new Map<string, EventFact[]>();
    for (const e of q.events.all(params) as { id: string; status: string; at: string }[]) {
      const at = portalInstant(e.at, timeZone);
      if (at === null) continue; // a time that does not read places nothing
      let list = events.get(e.id);
      if (!list) events.set(e.id, (list = []));
      list.push({ status: e.status, at: Date.parse(at) });
    }
    const attached = new Map<string, Set<string>>();
    for (const a of q.attached.all(params) as { id: string; componentId: string }[]) {
      let set = attached.get(a.id);
      if (!set) attached.set(a.id, (set = new Set()));
      set.add(a.componentId);
    }
    const dossiers = (q.dossiers.all(params) as DossierRow[]).map((row): DossierFact => ({
      code: row.code,
      procedureId: row.procedureId ?? '',
      procedureName: row.procedureName ?? row.procedureId ?? '',
      field: row.field ?? '',
      day: row.day,
      channel: row.assistedBy === null ? 'kiosk' : 'counter',
      // A row without a reception was filed before 0013 and counts as received (as dossier/rows.ts).
      reception: row.reception === 'pending' || row.reception === 'refused' ? row.reception : 'received',
      // The appointment first given (Mẫu 01), not one the portal moved later: a date moved after a
      // supplement already holds the pause indicators.ts subtracts, and an extension (Mẫu 04) is the
      // agency's apology for being late, not a new deadline to be on time by.
      dueDate: row.firstDueDate ?? row.dueDate,
      feeAmount: row.feeAmount,
      paid: row.paid === 1,
      paidVia: row.paidVia === 'online' || row.paidVia === 'counter' ? row.paidVia : null,
      resultElectronic: row.resultElectronic === null ? null : row.resultElectronic === 1,
      papers: papersOf(row),
      attached: attached.get(row.id) ?? new Set(),
      // Stored order is arrival order; time order is what the rules read (ties keep arrival order).
      events: (events.get(row.id) ?? []).sort((a, b) => a.at - b.at),
    }));
    const ratings = q.ratings.all(params) as RatingFact[];
    return { dossiers, ratings };
  });

  return {
    indicators(input: { from: string; to: string }): Indicators {
      const days = daysIn(input.from, input.to);
      // NaN (a day that does not exist, if a caller got past the contract) is out of range too.
      if (!(days >= 1 && days <= MAX_INDICATOR_DAYS)) throw reportErrors.range(MAX_INDICATOR_DAYS);
      const { dossiers, ratings } = read.deferred({
        from: input.from,
        to: input.to,
        lo: shift(input.from, -2),
        hi: nextDay(shift(input.to, 1)),
      });
      return computeIndicators({ from: input.from, to: input.to, timeZone }, dossiers, ratings);
    },
  };
}

export type IndicatorsService = ReturnType<typeof createIndicators>;
