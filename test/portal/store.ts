import type Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import type { Clock } from '../../main/core/clock';
import {
  PortalStatusSchema,
  type ChangesAnswer,
  type PortalReception,
  type PortalStatus,
  type SubmitAnswer,
} from '../../preload/contract/portal';
import { createReceptionUpdate, type ReceptionOutcome } from './reception';
import { validateDossier, type ValidationContext } from './validate';

export type { PortalStatus };
/**
 * Where a dossier starts, as its reception says: `submitted` (the citizen filed it alone and no officer
 * has received it yet), `received`, or `refused` (an officer refused to receive it: kept, never moved).
 * None of them is a "change" (the kiosk already knows it); a kiosk's later PUT of its reception moves a
 * pending one to `received` or `refused`, and the portal's own `accepted`/`rejected` receives or
 * refuses it (`supplement` first leaves it pending).
 */
export type PortalState = 'submitted' | 'received' | 'refused' | PortalStatus;

export const STATUSES: readonly PortalStatus[] = PortalStatusSchema.options;

/**
 * Moves a one-stop office makes. "returned" is "đã trả kết quả": the result handed to the citizen.
 * The table keeps a tester from producing a history no real portal would (done → accepted).
 */
export const TRANSITIONS: Record<PortalState, readonly PortalStatus[]> = {
  // Receive it, ask for the papers it lacks first (Mẫu 02; it stays pending), or refuse to receive it.
  submitted: ['accepted', 'supplement', 'rejected'],
  received: ['accepted', 'supplement', 'rejected'],
  refused: [],
  accepted: ['processing', 'supplement', 'done', 'rejected'],
  processing: ['supplement', 'done', 'rejected'],
  supplement: ['accepted', 'processing', 'rejected'],
  done: ['returned'],
  returned: [],
  rejected: [],
};

/** A status that needs a reason for the citizen and the kiosk staff. */
export const NEEDS_NOTE: ReadonlySet<PortalStatus> = new Set(['supplement', 'rejected']);

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
  paid: number | null;
  created_at: string;
  updated_at: string;
}

export interface TimelineEntry {
  status: PortalState;
  kind: 'received' | 'status' | 'payment' | 'reception';
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
  const { reception: _decidedLater, ...rest } = body as Record<string, unknown>;
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
         reception, reception_at, reception_by, refusal_reason, created_at, updated_at)
       VALUES (@code, @key, @hash, @body, @response, @id, @kioskId, @localCode, @unitCode, @procedureId,
         @procedureCode, @receivedAt, @status, @channel, @reception, @receptionAt, @receptionBy,
         @refusalReason, @now, @now)`,
    ),
    event: db.prepare(
      'INSERT INTO events (dossier_code, kind, status, note, paid, at) VALUES (?, ?, ?, ?, ?, ?)',
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
    setPaid: db.prepare('UPDATE dossiers SET paid = ?, updated_at = ? WHERE code = ?'),
    maxEvent: db.prepare<[], { id: number | null }>('SELECT max(id) AS id FROM events'),
    list: db.prepare<[], DossierRow>('SELECT * FROM dossiers ORDER BY created_at DESC, code DESC'),
  };

  const changesQuery = (withKiosk: boolean) =>
    db.prepare<
      unknown[],
      {
        id: number;
        status: PortalStatus;
        note: string | null;
        paid: number | null;
        at: string;
        code: string;
        kiosk_dossier_id: string;
      }
    >(
      `SELECT e.id, e.status, e.note, e.paid, e.at, d.code, d.kiosk_dossier_id
       FROM events e JOIN dossiers d ON d.code = e.dossier_code
       WHERE e.id > ? AND e.kind IN ('status', 'payment') ${withKiosk ? 'AND d.kiosk_id = ?' : ''}
       ORDER BY e.id LIMIT ?`,
    );
  const changesAll = changesQuery(false);
  const changesForKiosk = changesQuery(true);

  const now = () => clock.now().toISOString();

  const putReception = createReceptionUpdate(db, now);

  const move = db.transaction((code: string, status: PortalStatus, note: string | null): MoveOutcome => {
    const row = q.byCode.get(code);
    if (!row) return { ok: false, status: 404, error: `Không có hồ sơ ${code}.` };
    // Pending reception, only a decision on it (or a request for papers first) can come next.
    const pendingOnly = row.reception === 'pending' && !TRANSITIONS.submitted.includes(status);
    if (pendingOnly || !TRANSITIONS[row.status].includes(status)) {
      return {
        ok: false,
        status: 409,
        error: `Không thể chuyển hồ sơ từ "${row.status}" sang "${status}".`,
      };
    }
    const text = note?.trim() || null;
    if (NEEDS_NOTE.has(status) && text === null) {
      return { ok: false, status: 422, error: `Trạng thái "${status}" cần ghi rõ lý do.` };
    }
    const at = now();
    if (row.reception === 'pending' && status !== 'supplement') {
      // The portal itself receives (accepted) or refuses to receive (rejected, with the reason) a dossier
      // the citizen filed alone: its reception is decided here, by no officer of the kiosk's. Asking for
      // papers first (supplement) leaves it pending.
      const refused = status === 'rejected';
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
    q.event.run(code, 'status', status, text, row.paid, at);
    return { ok: true, dossier: q.byCode.get(code)! };
  });

  const pay = db.transaction((code: string, paid: boolean): MoveOutcome => {
    const row = q.byCode.get(code);
    if (!row) return { ok: false, status: 404, error: `Không có hồ sơ ${code}.` };
    // A change carries the dossier's status; before acceptance there is none the kiosk could show.
    if (row.status === 'received' || row.reception !== 'received') {
      return { ok: false, status: 409, error: 'Hãy tiếp nhận hồ sơ (accepted) trước khi ghi nhận lệ phí.' };
    }
    const at = now();
    q.setPaid.run(paid ? 1 : 0, at, code);
    q.event.run(code, 'payment', row.status, null, paid ? 1 : 0, at);
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
          now: at,
        });
        q.event.run(code, 'received', status, d.reception.reason, null, at);
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
        })),
        cursor: String(next),
      };
    }),

    moveStatus: (code: string, status: PortalStatus, note: string | null): MoveOutcome => {
      const outcome = move(code, status, note);
      if (outcome.ok) durable();
      return outcome;
    },

    setPaid: (code: string, paid: boolean): MoveOutcome => {
      const outcome = pay(code, paid);
      if (outcome.ok) durable();
      return outcome;
    },
  };
}

export type PortalStore = ReturnType<typeof createStore>;
