import type Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import type { Clock } from '../../main/core/clock';
import {
  NATIONAL_STATUS_CODES,
  PortalStatusSchema,
  type ChangesAnswer,
  type NationalStatus,
  type PortalReception,
  type PortalStatus,
  type SubmitAnswer,
} from '../../preload/contract/portal';
import { addWorkingDays, dueFromReception, vietnamDate, workingDaysBetween } from './due';
import { createReceptionUpdate, type ReceptionOutcome } from './reception';
import { validateDossier, type ValidationContext } from './validate';

export type { PortalStatus };
/**
 * A dossier's status on the portal: a national one (1–10). Where it starts, as its reception says:
 * `submitted` (the citizen filed it alone and no officer has received it yet), `received`, or `refused`
 * (an officer refused to receive it: kept, never moved). None of them is a "change" (the kiosk already
 * knows it); a kiosk's later PUT of its reception moves a pending one to `received` or `refused`, and the
 * portal's own `received`/`refused` receives or refuses it (`supplement` first leaves it pending).
 */
export type PortalState = NationalStatus;

export const STATUSES: readonly PortalStatus[] = PortalStatusSchema.options;

/**
 * Moves a one-stop office makes, by national status: a pending dossier (1) is received (2), refused (3)
 * or asked for papers first (5, still pending); a received one goes to processing (4), papers (5), fees
 * (6), is withdrawn at the citizen's request (7) or stopped (8); papers brought or fees paid (5, 6) go
 * back to processing; processing ends in papers, fees, stopped or done (9); done is handed over (10).
 * The table keeps a tester from producing a history no real portal would (done → received).
 */
export const TRANSITIONS: Record<PortalState, readonly PortalStatus[]> = {
  submitted: ['received', 'refused', 'supplement'],
  received: ['processing', 'supplement', 'financial', 'withdrawn', 'stopped'],
  refused: [],
  processing: ['supplement', 'financial', 'stopped', 'done'],
  supplement: ['processing'],
  financial: ['processing'],
  withdrawn: [],
  stopped: [],
  done: ['returned'],
  returned: [],
};

/** The moves open to a dossier now: a pending one only takes a decision on its reception (or papers once). */
export function movesOf(row: Pick<DossierRow, 'status' | 'reception'>): readonly PortalStatus[] {
  if (row.reception !== 'pending') return TRANSITIONS[row.status];
  return TRANSITIONS.submitted.filter((s) => !(s === 'supplement' && row.status === 'supplement'));
}

/** A status that needs a reason for the citizen and the kiosk staff (3, 5, 7, 8). */
export const NEEDS_NOTE: ReadonlySet<PortalStatus> = new Set([
  'refused',
  'supplement',
  'withdrawn',
  'stopped',
]);

/** Statuses after which nothing is late any more (the apology of Mẫu 04 is for a dossier still open). */
const CLOSED: ReadonlySet<PortalState> = new Set(['refused', 'withdrawn', 'stopped', 'done', 'returned']);

/** Sorted keys, no whitespace: two bodies that mean the same hash the same, whatever the key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export const sha256Hex = (text: string): string => createHash('sha256').update(text).digest('hex');

/** The day a dossier was received, in Vietnam (UTC+7 all year: no daylight saving). */
function vietnamDay(iso: string): string {
  const d = new Date(Date.parse(iso) + 7 * 3_600_000).toISOString();
  return `${d.slice(2, 4)}${d.slice(5, 7)}${d.slice(8, 10)}`;
}

export interface DossierRow {
  code: string;
  kiosk_dossier_id: string;
  kiosk_id: string;
  local_code: string;
  unit_code: string;
  procedure_id: string;
  procedure_code: string;
  received_at: string;
  status: PortalState;
  channel: 'kiosk' | 'counter';
  reception: PortalReception['state'];
  reception_at: string | null;
  reception_by: string | null;
  refusal_reason: string | null;
  due_date: string;
  paid: number | null;
  paid_via: 'online' | 'counter' | null;
  result_electronic: number | null;
  apology_text: string | null;
  apology_due_date: string | null;
  created_at: string;
  updated_at: string;
}

export interface TimelineEntry {
  status: PortalState;
  kind: 'received' | 'status' | 'payment' | 'apology' | 'reception';
  at: string;
  note: string | null;
  paid: boolean | null;
}

export type SubmitResponse = SubmitAnswer;

export type SubmitOutcome =
  | { kind: 'created' | 'repeat'; response: SubmitResponse }
  | { kind: 'conflict'; portalCode: string }
  | { kind: 'invalid'; reasons: string[] };

export type MoveOutcome =
  { ok: true; dossier: DossierRow } | { ok: false; status: 404 | 409 | 422; error: string };

/** What a change says besides its status (each NULL when it says nothing of it). */
interface EventExtras {
  paidVia: 'online' | 'counter' | null;
  dueDate: string | null;
  apologyText: string | null;
  apologyDueDate: string | null;
  resultElectronic: 0 | 1 | null;
}
const NO_EXTRAS: EventExtras = {
  paidVia: null,
  dueDate: null,
  apologyText: null,
  apologyDueDate: null,
  resultElectronic: null,
};

const toBool = (v: number | null): boolean | null => (v === null ? null : v === 1);

/** The reception a row holds, as the protocol writes it. */
export const receptionOfRow = (row: DossierRow): PortalReception => ({
  state: row.reception,
  at: row.reception_at,
  by: row.reception_by,
  reason: row.refusal_reason,
});

/** The state a dossier starts in, from the reception it was sent with. */
const STARTS: Record<PortalReception['state'], PortalState> = {
  pending: 'submitted',
  received: 'received',
  refused: 'refused',
};

/**
 * What a repeat is compared on: the body without its reception, which the kiosk may have decided since
 * the first POST (an officer received or refused it at the counter) and then PUTs on its own.
 */
function withoutReception(body: unknown): unknown {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return body;
  // Nor what a newer kiosk adds about the dossier rather than its content (channel since issue 20,
  // papers and identity since issue 21): a dossier posted by the version before, whose answer was lost
  // and which the upgraded kiosk sends again, is the same dossier, not a conflict.
  const {
    reception: _decidedLater,
    channel: _channel,
    papers: _papers,
    identity: _identity,
    ...rest
  } = body as Record<string, unknown>;
  return rest;
}

/**
 * `durable()` returns once everything committed so far is on disk (durable.ts): the admin moves call it
 * before they return, so nothing is reported moved that a power cut could undo. A POST's durability is
 * the group commit's (commit.ts).
 */
export function createStore(db: Database.Database, clock: Clock, durable: () => void) {
  const q = {
    addBlob: db.prepare('INSERT OR IGNORE INTO blobs (sha256, bytes, created_at) VALUES (?, ?, ?)'),
    byKey: db.prepare<[string], { code: string; body_hash: string; response_json: string }>(
      'SELECT code, body_hash, response_json FROM dossiers WHERE idempotency_key = ?',
    ),
    byCode: db.prepare<[string], DossierRow>('SELECT * FROM dossiers WHERE code = ?'),
    nextSeq: db.prepare<[string, string], { seq: number }>(
      `INSERT INTO day_sequences (unit_code, day, seq) VALUES (?, ?, 1)
       ON CONFLICT (unit_code, day) DO UPDATE SET seq = seq + 1 RETURNING seq`,
    ),
    insert: db.prepare(
      `INSERT INTO dossiers (code, idempotency_key, body_hash, body_json, response_json, kiosk_dossier_id,
         kiosk_id, local_code, unit_code, procedure_id, procedure_code, received_at, status, channel,
         reception, reception_at, reception_by, refusal_reason, due_date, created_at, updated_at)
       VALUES (@code, @key, @hash, @body, @response, @id, @kioskId, @localCode, @unitCode, @procedureId,
         @procedureCode, @receivedAt, @status, @channel, @reception, @receptionAt, @receptionBy,
         @refusalReason, @dueDate, @now, @now)`,
    ),
    eventRow: db.prepare(
      `INSERT INTO events (dossier_code, kind, status, note, paid, paid_via, due_date, apology_text,
         apology_due_date, result_electronic, at)
       VALUES (@code, @kind, @status, @note, @paid, @paidVia, @dueDate, @apologyText, @apologyDueDate,
         @resultElectronic, @at)`,
    ),
    lastStatusEvent: db.prepare<[string, string], { at: string }>(
      `SELECT at FROM events WHERE dossier_code = ? AND kind = 'status' AND status = ? ORDER BY id DESC LIMIT 1`,
    ),
    setDue: db.prepare('UPDATE dossiers SET due_date = ? WHERE code = ?'),
    setResult: db.prepare('UPDATE dossiers SET result_electronic = ? WHERE code = ?'),
    setApology: db.prepare(
      'UPDATE dossiers SET apology_text = ?, apology_due_date = ?, updated_at = ? WHERE code = ?',
    ),
    timeline: db.prepare<
      [string],
      {
        kind: TimelineEntry['kind'];
        status: PortalState;
        note: string | null;
        paid: number | null;
        at: string;
      }
    >('SELECT kind, status, note, paid, at FROM events WHERE dossier_code = ? ORDER BY id'),
    setStatus: db.prepare('UPDATE dossiers SET status = ?, updated_at = ? WHERE code = ?'),
    setReception: db.prepare(
      `UPDATE dossiers SET status = @status, reception = @state, reception_at = @at, reception_by = @by,
         refusal_reason = @reason, updated_at = @now WHERE code = @code`,
    ),
    setPaid: db.prepare('UPDATE dossiers SET paid = ?, paid_via = ?, updated_at = ? WHERE code = ?'),
    maxEvent: db.prepare<[], { id: number | null }>('SELECT max(id) AS id FROM events'),
    list: db.prepare<[], DossierRow>('SELECT * FROM dossiers ORDER BY created_at DESC, code DESC'),
  };

  type ChangeRow = {
    id: number;
    status: PortalStatus;
    note: string | null;
    paid: number | null;
    paid_via: 'online' | 'counter' | null;
    due_date: string | null;
    apology_text: string | null;
    apology_due_date: string | null;
    result_electronic: number | null;
    at: string;
    code: string;
    kiosk_dossier_id: string;
  };
  const changesQuery = (withKiosk: boolean) =>
    db.prepare<unknown[], ChangeRow>(
      `SELECT e.id, e.status, e.note, e.paid, e.paid_via, e.due_date, e.apology_text, e.apology_due_date,
         e.result_electronic, e.at, d.code, d.kiosk_dossier_id
       FROM events e JOIN dossiers d ON d.code = e.dossier_code
       WHERE e.id > ? AND e.kind IN ('status', 'payment', 'apology') ${withKiosk ? 'AND d.kiosk_id = ?' : ''}
       ORDER BY e.id LIMIT ?`,
    );
  const changesAll = changesQuery(false);
  const changesForKiosk = changesQuery(true);

  const now = () => clock.now().toISOString();

  const putReception = createReceptionUpdate(db, now);

  const addEvent = (
    code: string,
    kind: TimelineEntry['kind'],
    status: PortalState,
    note: string | null,
    paid: number | null,
    at: string,
    extras: EventExtras = NO_EXTRAS,
  ) => q.eventRow.run({ code, kind, status, note, paid, at, ...extras });

  /**
   * Papers brought (5 → 4): the appointment date moves by the working days the citizen took, counted from
   * the day papers were asked for to today (that time does not count against the agency).
   */
  function dueAfterSupplement(row: DossierRow, at: string): string | null {
    const asked = q.lastStatusEvent.get(row.code, 'supplement');
    if (!asked) return null;
    const took = workingDaysBetween(vietnamDate(asked.at), vietnamDate(at));
    return took === 0 ? null : addWorkingDays(row.due_date, took);
  }

  const move = db.transaction(
    (
      code: string,
      status: PortalStatus,
      note: string | null,
      resultElectronic: boolean | null,
    ): MoveOutcome => {
      const row = q.byCode.get(code);
      if (!row) return { ok: false, status: 404, error: `Không có hồ sơ ${code}.` };
      if (!movesOf(row).includes(status)) {
        return {
          ok: false,
          status: 409,
          error: `Không thể chuyển hồ sơ từ "${row.status}" (${NATIONAL_STATUS_CODES[row.status]}) sang "${status}" (${NATIONAL_STATUS_CODES[status]}).`,
        };
      }
      const text = note?.trim() || null;
      if (NEEDS_NOTE.has(status) && text === null) {
        return { ok: false, status: 422, error: `Trạng thái "${status}" cần ghi rõ lý do.` };
      }
      const at = now();
      if (row.reception === 'pending' && status !== 'supplement') {
        // The portal itself receives (2) or refuses to receive (3, with the reason) a dossier the citizen
        // filed alone: its reception is decided here, by no officer of the kiosk's. Asking for papers
        // first (5) leaves it pending.
        const refused = status === 'refused';
        if (!refused) q.setDue.run(dueFromReception(row.due_date, row.received_at, at), code);
        q.setReception.run({
          code,
          status,
          state: refused ? 'refused' : 'received',
          at,
          by: null,
          reason: refused ? text : null,
          now: at,
        });
      } else {
        q.setStatus.run(status, at, code);
      }
      const dueDate =
        row.status === 'supplement' && status === 'processing' ? dueAfterSupplement(row, at) : null;
      if (dueDate) q.setDue.run(dueDate, code);
      const electronic = status === 'done' && resultElectronic !== null ? (resultElectronic ? 1 : 0) : null;
      if (electronic !== null) q.setResult.run(electronic, code);
      addEvent(code, 'status', status, text, row.paid, at, {
        ...NO_EXTRAS,
        dueDate,
        resultElectronic: electronic,
      });
      return { ok: true, dossier: q.byCode.get(code)! };
    },
  );

  /** Only a received dossier has a status the kiosk could show with the fee (a change carries it). */
  const pay = db.transaction((code: string, paid: boolean, via: 'online' | 'counter'): MoveOutcome => {
    const row = q.byCode.get(code);
    if (!row) return { ok: false, status: 404, error: `Không có hồ sơ ${code}.` };
    if (row.reception !== 'received') {
      return { ok: false, status: 409, error: 'Hãy tiếp nhận hồ sơ trước khi ghi nhận lệ phí.' };
    }
    const at = now();
    const paidVia = paid ? via : null;
    q.setPaid.run(paid ? 1 : 0, paidVia, at, code);
    addEvent(code, 'payment', row.status, null, paid ? 1 : 0, at, { ...NO_EXTRAS, paidVia });
    return { ok: true, dossier: q.byCode.get(code)! };
  });

  /**
   * Mẫu 04 (văn bản xin lỗi và đề nghị gia hạn): on a received dossier still open whose appointment date
   * has passed, the agency's apology and the new date, later than the old one and not in the past.
   */
  const apologise = db.transaction((code: string, text: string, newDueDate: string): MoveOutcome => {
    const row = q.byCode.get(code);
    if (!row) return { ok: false, status: 404, error: `Không có hồ sơ ${code}.` };
    const at = now();
    const today = vietnamDate(at);
    if (row.reception !== 'received' || CLOSED.has(row.status) || row.due_date >= today) {
      // Mẫu 04 is for a late dossier still open: anything else has nothing to apologise for.
      return {
        ok: false,
        status: 409,
        error: `Hồ sơ ${code} chưa quá hạn (hẹn ${row.due_date}) hoặc đã kết thúc: không cần văn bản xin lỗi.`,
      };
    }
    const words = text.trim();
    if (words.length === 0 || words.length > 2000) {
      return {
        ok: false,
        status: 422,
        error: 'Văn bản xin lỗi (Mẫu 04) cần có nội dung (tối đa 2000 ký tự).',
      };
    }
    if (
      !/^\d{4}-\d{2}-\d{2}$/.test(newDueDate) ||
      Number.isNaN(Date.parse(newDueDate)) ||
      newDueDate < today
    ) {
      return {
        ok: false,
        status: 422,
        error: 'Ngày hẹn trả mới phải là một ngày (YYYY-MM-DD) từ hôm nay trở đi.',
      };
    }
    q.setApology.run(words, newDueDate, at, code);
    addEvent(code, 'apology', row.status, null, row.paid, at, {
      ...NO_EXTRAS,
      apologyText: words,
      apologyDueDate: newDueDate,
    });
    return { ok: true, dossier: q.byCode.get(code)! };
  });

  return {
    /**
     * The whole POST in one synchronous transaction: no other request can slip between the key lookup
     * and the insert, so one key never yields two codes. A refusal (422) is not remembered, so the same
     * key can be sent again once staff have corrected the dossier. The attachments' `blobs` rows are
     * written here, with the dossier that uses them (the files themselves are durable since their PUT).
     */
    submit: db.transaction(
      (body: unknown, key: string, ctx: Omit<ValidationContext, 'idempotencyKey'>): SubmitOutcome => {
        const hash = sha256Hex(canonicalJson(withoutReception(body)));
        const existing = q.byKey.get(key);
        if (existing) {
          return existing.body_hash === hash
            ? { kind: 'repeat', response: JSON.parse(existing.response_json) as SubmitResponse }
            : { kind: 'conflict', portalCode: existing.code };
        }
        const checked = validateDossier(body, { ...ctx, idempotencyKey: key });
        if (!checked.ok) return { kind: 'invalid', reasons: checked.reasons };
        const d = checked.dossier;
        const day = vietnamDay(d.receivedAt);
        const seq = q.nextSeq.get(d.unitCode, day)!.seq;
        const code = `${d.unitCode}-${day}-${String(seq).padStart(4, '0')}`;
        const at = now();
        const response: SubmitResponse = {
          portalCode: code,
          id: d.id,
          status: 'received',
          receivedAt: at,
          reception: d.reception,
        };
        const status = STARTS[d.reception.state];
        q.insert.run({
          code,
          key,
          hash,
          body: JSON.stringify(body),
          response: JSON.stringify(response),
          id: d.id,
          kioskId: d.kioskId,
          localCode: d.localCode,
          unitCode: d.unitCode,
          procedureId: d.procedureId,
          procedureCode: d.procedureCode,
          receivedAt: d.receivedAt,
          status,
          channel: d.channel,
          reception: d.reception.state,
          receptionAt: d.reception.at,
          receptionBy: d.reception.by,
          refusalReason: d.reception.reason,
          dueDate: d.dueDate,
          now: at,
        });
        addEvent(code, 'received', status, d.reception.reason, null, at);
        for (const a of d.attachments) q.addBlob.run(a.sha256, a.bytes, at);
        return { kind: 'created', response };
      },
    ),

    /** The kiosk's PUT of a reception (reception.ts). */
    setReception: (id: string, body: unknown): ReceptionOutcome => {
      const outcome = putReception(id, body);
      if (outcome.ok && outcome.changed) durable();
      return outcome;
    },

    /** Today in Vietnam, YYYY-MM-DD: what "late" is judged against. */
    today: (): string => vietnamDate(now()),

    /** Whether a dossier may be sent Mẫu 04 now: received, still open, its appointment date passed. */
    late: (row: DossierRow): boolean =>
      row.reception === 'received' && !CLOSED.has(row.status) && row.due_date < vietnamDate(now()),

    dossier(code: string): DossierRow | null {
      return q.byCode.get(code) ?? null;
    },

    timeline(code: string): TimelineEntry[] {
      return q.timeline.all(code).map((e) => ({ ...e, paid: toBool(e.paid) }));
    },

    list(): DossierRow[] {
      return q.list.all();
    },

    /**
     * Status changes after `cursor` (an event id). The returned cursor is the last change's id, or, when
     * nothing matched, the newest event id overall (everything up to it was looked at), so it only ever
     * grows and a kiosk with no news does not rescan the same rows.
     */
    changes: db.transaction((cursor: number, kioskId: string | null, limit: number): ChangesAnswer => {
      const rows =
        kioskId === null ? changesAll.all(cursor, limit) : changesForKiosk.all(cursor, kioskId, limit);
      const last = rows.at(-1);
      const next = rows.length === limit && last ? last.id : Math.max(cursor, q.maxEvent.get()?.id ?? 0);
      return {
        changes: rows.map((r) => ({
          id: r.kiosk_dossier_id,
          portalCode: r.code,
          status: r.status,
          at: r.at,
          note: r.note,
          paid: toBool(r.paid),
          paidVia: r.paid_via,
          dueDate: r.due_date,
          apology:
            r.apology_text !== null && r.apology_due_date !== null
              ? { text: r.apology_text, newDueDate: r.apology_due_date }
              : null,
          resultElectronic: toBool(r.result_electronic),
        })),
        cursor: String(next),
      };
    }),

    moveStatus: (
      code: string,
      status: PortalStatus,
      note: string | null,
      resultElectronic: boolean | null = null,
    ): MoveOutcome => {
      const outcome = move(code, status, note, resultElectronic);
      if (outcome.ok) durable();
      return outcome;
    },

    setPaid: (code: string, paid: boolean, via: 'online' | 'counter' = 'counter'): MoveOutcome => {
      const outcome = pay(code, paid, via);
      if (outcome.ok) durable();
      return outcome;
    },

    apologise: (code: string, text: string, newDueDate: string): MoveOutcome => {
      const outcome = apologise(code, text, newDueDate);
      if (outcome.ok) durable();
      return outcome;
    },
  };
}

export type PortalStore = ReturnType<typeof createStore>;
