import type Database from 'better-sqlite3';
import { type Indicators, MAX_INDICATOR_DAYS } from '../../../preload/api';
import { type CalendarSource, shippedCalendar } from '../calendar';
import { portalInstant } from '../dossier/reception';
import { KioskFailure, kioskError } from '../errors';
import { createLogger } from '../log';
import {
  type DossierFact,
  type EventFact,
  type PaperFact,
  type RatingFact,
  computeIndicators,
} from './indicators';

const log = createLogger('report');

/** How long the last figures serve the CSV of the same range. */
const RECENT_MS = 60_000;

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
  portalCode: string | null;
  procedureId: string | null;
  procedureName: string | null;
  field: string | null;
  components: string | null;
  day: string;
  assistedBy: number | null;
  reception: string | null;
  receptionAt: string | null;
  dueDate: string | null;
  firstDueDate: string | null;
  feeAmount: number;
  paid: number | null;
  paidVia: string | null;
  resultElectronic: number | null;
}

/** The dossier's copy of the procedure's papers; a list that does not read gives none (logged). */
function parsePapers(id: string, text: string): PaperFact[] {
  try {
    const parsed: unknown = JSON.parse(text);
    if (!Array.isArray(parsed)) return [];
    return parsed.flatMap((c: unknown) => {
      if (typeof c !== 'object' || c === null) return [];
      const { id, required, fromForm } = c as Record<string, unknown>;
      return typeof id === 'string' ? [{ id, required: required === true, fromForm: fromForm === true }] : [];
    });
  } catch {
    log.warn('a dossier whose procedure papers do not read is scored without them', { id });
    return [];
  }
}

const OFFSET = /(?:Z|[+-]\d{2}:?\d{2})$/i;

/**
 * An event's time as the portal wrote it, in epoch ms: with an offset as it says (the common case, read
 * directly), without one in the centre's zone (dossier/reception.ts portalInstant); NaN when unreadable.
 */
function instant(text: string, timeZone: string): number {
  if (OFFSET.test(text)) return Date.parse(text);
  const at = portalInstant(text, timeZone);
  return at === null ? Number.NaN : Date.parse(at);
}

/**
 * report.indicators from the database: the dossiers submitted in the range, those whose first 'done' may
 * fall in it, and those rated in it, with their timelines and which papers have files; then the pure
 * rules (indicators.ts). One read transaction, so the figures are of one moment.
 */
export function createIndicators(deps: {
  db: Database.Database;
  timeZone: string;
  /** The centre's working days (staff edits included), to move an appointment by a supplement's pause. */
  calendar?: CalendarSource;
  now?: () => number;
}) {
  const { db, timeZone, calendar = shippedCalendar, now = Date.now } = deps;
  /** The last figures computed: the CSV asked right after the screen showed them is those, not new ones. */
  let last: { from: string; to: string; at: number; result: Indicators } | null = null;
  // Migration 0014 adds paid_via, result_electronic and first_due_date; until a database has them they
  // read as unknown (and the due date as never moved).
  const columns = new Set(
    (db.prepare('PRAGMA table_info(dossiers)').all() as { name: string }[]).map((c) => c.name),
  );
  const optional = (name: string, as: string) => (columns.has(name) ? `d.${name} AS ${as}` : `NULL AS ${as}`);

  const columnsSql = `d.id, d.code, d.portal_code AS portalCode, d.procedure_id AS procedureId,
         json_extract(d.procedure_json, '$.name') AS procedureName,
         json_extract(d.procedure_json, '$.field') AS field,
         json_extract(d.procedure_json, '$.components') AS components,
         d.day, d.assisted_by AS assistedBy, d.reception, d.reception_at AS receptionAt, d.due_date AS dueDate,
         ${optional('first_due_date', 'firstDueDate')}, d.fee_amount AS feeAmount, d.paid,
         ${optional('paid_via', 'paidVia')}, ${optional('result_electronic', 'resultElectronic')}`;
  const q = {
    // The bulk, straight off the day index: the dossiers submitted in the range. (`+d.status`: not by the
    // status index, which would walk every dossier ever submitted.)
    submitted: db.prepare(
      `SELECT ${columnsSql} FROM dossiers d
       WHERE d.day BETWEEN @from AND @to AND +d.status = 'submitted' AND d.code IS NOT NULL`,
    ),
    // The few more: submitted before, but finished or rated in the range. Event times are stored as the
    // portal wrote them (any offset, or none: not comparable as instants), so the 'done' rows are taken
    // by their text from two days before the range to two after (offsets are under 14 h), by the partial
    // index of migration 0015, and indicators.ts keeps those whose instant is in the range.
    others: db.prepare(
      `SELECT ${columnsSql} FROM dossiers d
       WHERE d.id IN (
           SELECT dossier_id FROM dossier_events WHERE status = 'done' AND at >= @lo AND at < @hi
           UNION SELECT d2.id FROM ratings r JOIN dossiers d2 ON d2.code = r.dossier_code
             WHERE r.day BETWEEN @from AND @to AND r.context IN ('submit', 'lookup')
           UNION SELECT d3.id FROM ratings r JOIN dossiers d3 ON d3.portal_code = r.dossier_code
             WHERE r.day BETWEEN @from AND @to AND r.context IN ('submit', 'lookup'))
         AND NOT (+d.day BETWEEN @from AND @to) AND +d.status = 'submitted' AND d.code IS NOT NULL
         AND d.day IS NOT NULL`,
    ),
    // Their timelines and files, by the dossiers' ids given as one JSON array (each looked up by its index).
    events: db.prepare(
      `SELECT e.id AS seq, e.dossier_id AS id, e.status, e.at
       FROM json_each(@ids) w JOIN dossier_events e ON e.dossier_id = w.value`,
    ),
    attached: db.prepare(
      `SELECT DISTINCT a.dossier_id AS id, a.component_id AS componentId
       FROM json_each(@ids) w JOIN attachments a ON a.dossier_id = w.value`,
    ),
    ratings: db.prepare(
      `SELECT day, context, dossier_code AS dossierCode, rating FROM ratings
       WHERE day BETWEEN @from AND @to AND context IN ('submit', 'lookup') ORDER BY id`,
    ),
  };

  /** Papers per distinct stored list: dossiers of one procedure version share it, parsed once. */
  const papers = new Map<string, PaperFact[]>();
  const papersOf = (row: DossierRow): PaperFact[] => {
    const text = row.components ?? '[]';
    let list = papers.get(text);
    if (!list) {
      list = parsePapers(row.id, text);
      if (papers.size > 1000) papers.clear(); // bounded: a catalogue has hundreds of procedures
      papers.set(text, list);
    }
    return list;
  };

  const receivedAt = (text: string | null): number | null => {
    const at = text === null ? Number.NaN : instant(text, timeZone);
    return Number.isNaN(at) ? null : at;
  };

  const read = db.transaction((params: { from: string; to: string; lo: string; hi: string }) => {
    const rows = [...(q.submitted.all(params) as DossierRow[]), ...(q.others.all(params) as DossierRow[])];
    const ids = JSON.stringify(rows.map((row) => row.id));
    const events = new Map<string, (EventFact & { seq: number })[]>();
    for (const e of q.events.all({ ids }) as { seq: number; id: string; status: string; at: string }[]) {
      const at = instant(e.at, timeZone);
      if (Number.isNaN(at)) continue; // a time that does not read places nothing
      let list = events.get(e.id);
      if (!list) events.set(e.id, (list = []));
      list.push({ status: e.status, at, seq: e.seq });
    }
    const attached = new Map<string, Set<string>>();
    for (const a of q.attached.all({ ids }) as { id: string; componentId: string }[]) {
      let set = attached.get(a.id);
      if (!set) attached.set(a.id, (set = new Set()));
      set.add(a.componentId);
    }
    const dossiers = rows.map((row): DossierFact => ({
      code: row.code,
      portalCode: row.portalCode,
      procedureId: row.procedureId ?? '',
      procedureName: row.procedureName ?? row.procedureId ?? '',
      field: row.field ?? '',
      day: row.day,
      channel: row.assistedBy === null ? 'kiosk' : 'counter',
      // A row without a reception was filed before 0013 and counts as received (as dossier/rows.ts).
      reception: row.reception === 'pending' || row.reception === 'refused' ? row.reception : 'received',
      receivedAt: receivedAt(row.receptionAt),
      // The appointment first given (Mẫu 01), not one the portal moved later: a date moved after a
      // supplement already holds the pause indicators.ts adds, and an extension (Mẫu 04) is the
      // agency's apology for being late, not a new deadline to be on time by.
      dueDate: row.firstDueDate ?? row.dueDate,
      feeAmount: row.feeAmount,
      paid: row.paid === 1,
      paidVia: row.paidVia === 'online' || row.paidVia === 'counter' ? row.paidVia : null,
      resultElectronic: row.resultElectronic === null ? null : row.resultElectronic === 1,
      papers: papersOf(row),
      attached: attached.get(row.id) ?? new Set(),
      // Time order is what the rules read; the same instant keeps the order the rows were written in.
      events: (events.get(row.id) ?? []).sort((a, b) => a.at - b.at || a.seq - b.seq),
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
        hi: shift(input.to, 3), // a text before this day: up to the end of `to` + 2 days
      });
      const range = { from: input.from, to: input.to, timeZone, calendar: calendar.current() };
      const result = computeIndicators(range, dossiers, ratings);
      last = { from: input.from, to: input.to, at: now(), result };
      return result;
    },
    /**
     * The figures of the same range computed in the last minute, or null: what the screen shows, for the
     * CSV (report.indicators itself always recomputes, so a refresh is fresh).
     */
    recent(input: { from: string; to: string }): Indicators | null {
      const age = last ? now() - last.at : Infinity;
      return last && last.from === input.from && last.to === input.to && age >= 0 && age < RECENT_MS
        ? last.result
        : null;
    },
  };
}

export type IndicatorsService = ReturnType<typeof createIndicators>;
