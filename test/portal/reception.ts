import type Database from 'better-sqlite3';
import {
  ReceptionUpdateSchema,
  type PortalReception,
  type ReceptionAnswer,
} from '../../preload/contract/portal';
import { dueFromReception } from './due';
import { issueReasons } from './validate';
import type { DossierRow, PortalState } from './store';

/**
 * PUT /api/v1/dossiers/{id}/reception: a reception the kiosk decided after the dossier reached the portal
 * (an officer received it at the counter, or refused to receive it, Mẫu 03). Idempotent: the state the
 * portal holds answers 200 with what it holds (its first `at` and `by` stand). A pending dossier takes
 * either; anything else is a conflict (409, with the reason), e.g. received after the portal itself
 * refused it, or refused after it was received.
 */
export type ReceptionOutcome =
  | { ok: true; changed: boolean; answer: ReceptionAnswer }
  | { ok: false; status: 404 | 409 | 422; error: string; reasons?: string[] };

const STATE_WORDS: Record<PortalReception['state'], string> = {
  pending: 'chờ tiếp nhận',
  received: 'đã tiếp nhận',
  refused: 'đã từ chối tiếp nhận',
};

export function createReceptionUpdate(db: Database.Database, now: () => string) {
  const q = {
    byId: db.prepare<[string], DossierRow>('SELECT * FROM dossiers WHERE kiosk_dossier_id = ?'),
    set: db.prepare(
      `UPDATE dossiers SET status = @status, reception = @state, reception_at = @at, reception_by = @by,
         refusal_reason = @reason, updated_at = @now WHERE code = @code`,
    ),
    due: db.prepare('UPDATE dossiers SET due_date = ? WHERE code = ?'),
    event: db.prepare(
      `INSERT INTO events (dossier_code, kind, status, note, paid, at) VALUES (?, 'reception', ?, ?, NULL, ?)`,
    ),
  };
  const answerOf = (row: DossierRow): ReceptionAnswer => ({
    id: row.kiosk_dossier_id,
    portalCode: row.code,
    reception: {
      state: row.reception,
      at: row.reception_at,
      by: row.reception_by,
      reason: row.refusal_reason,
    },
  });

  return db.transaction((id: string, body: unknown): ReceptionOutcome => {
    const parsed = ReceptionUpdateSchema.safeParse(body);
    if (!parsed.success) {
      return {
        ok: false,
        status: 422,
        error: 'Thông tin tiếp nhận không hợp lệ, cổng chưa ghi nhận.',
        reasons: issueReasons(parsed.error.issues),
      };
    }
    const row = q.byId.get(id);
    if (!row) return { ok: false, status: 404, error: `Cổng không có hồ sơ mang mã định danh ${id}.` };
    const wanted = parsed.data;
    if (wanted.state === row.reception) return { ok: true, changed: false, answer: answerOf(row) };
    if (row.reception !== 'pending') {
      const held =
        row.reception === 'refused' && row.refusal_reason
          ? `${STATE_WORDS.refused} (lý do: ${row.refusal_reason})`
          : STATE_WORDS[row.reception];
      return {
        ok: false,
        status: 409,
        error: `Hồ sơ ${row.code} trên cổng ${held}; không thể ghi nhận là ${STATE_WORDS[wanted.state]}.`,
        reasons: [
          `Cổng ghi nhận hồ sơ ${row.code} ${held}${row.reception_at ? ` lúc ${row.reception_at}` : ''}.`,
        ],
      };
    }
    // Received or refused at the counter, also after the portal asked for papers (the citizen brought them).
    const status: PortalState = wanted.state === 'refused' ? 'refused' : 'received';
    const at = now();
    // Received: the appointment date counts from the reception (due.ts), as on the kiosk.
    if (wanted.state === 'received' && wanted.at !== null) {
      q.due.run(dueFromReception(row.due_date, row.received_at, wanted.at), row.code);
    }
    q.set.run({
      code: row.code,
      status,
      state: wanted.state,
      at: wanted.at,
      by: wanted.by,
      reason: wanted.reason,
      now: at,
    });
    q.event.run(row.code, status, wanted.reason, at);
    return { ok: true, changed: true, answer: answerOf(q.byId.get(id)!) };
  });
}
