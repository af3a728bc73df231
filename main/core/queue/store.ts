import type Database from 'better-sqlite3';
import type { StaffUser, Ticket } from '../../../preload/api';
import type { Clock } from '../clock';

export interface TicketRow {
  id: number;
  serviceId: string;
  originService: string;
  day: string;
  seq: number;
  number: string;
  priority: string | null;
  status: Ticket['status'];
  issuedAt: string;
  firstCalledAt: string | null;
  calledAt: string | null;
  finishedAt: string | null;
  counterId: number | null;
  targetCounter: number | null;
  recalls: number;
  /** The dossier the ticket was taken for (migration 0017), if any. */
  dossierId: string | null;
}

const ticketColumns = `id, service_id AS serviceId, origin_service AS originService, day, seq, number, priority,
  status, issued_at AS issuedAt, first_called_at AS firstCalledAt, called_at AS calledAt,
  finished_at AS finishedAt, counter_id AS counterId, target_counter AS targetCounter, recalls,
  dossier_id AS dossierId`;

export interface CounterState {
  paused: boolean;
  currentTicket: number | null;
  priorityStreak: number;
}

/**
 * The SQL of the tables the queue owns, `tickets` and `counter_state`, and a counter's state read and
 * written as one object. The rules (who is called next, what a transfer may do) are service.ts's.
 */
export function createQueueStore(db: Database.Database, clock: Clock) {
  const q = {
    maxSeq: db.prepare('SELECT MAX(seq) FROM tickets WHERE origin_service = ? AND day = ?').pluck(),
    insert: db.prepare(
      `INSERT INTO tickets (service_id, origin_service, day, seq, number, priority, issued_at, dossier_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    byId: db.prepare(`SELECT ${ticketColumns} FROM tickets WHERE id = ?`),
    waitingIn: db.prepare(
      `SELECT ${ticketColumns} FROM tickets WHERE status = 'waiting' AND service_id = ? AND day = ?
       ORDER BY issued_at, id`,
    ),
    countWaiting: db
      .prepare(`SELECT COUNT(*) FROM tickets WHERE status = 'waiting' AND service_id = ? AND day = ?`)
      .pluck(),
    // Ahead of an ordinary ticket: every waiting priority ticket, and ordinary ones that came earlier.
    aheadOrdinary: db
      .prepare(
        `SELECT COUNT(*) FROM tickets WHERE status = 'waiting' AND service_id = @serviceId AND day = @day
         AND id <> @id AND (priority IS NOT NULL OR issued_at < @issuedAt OR (issued_at = @issuedAt AND id < @id))`,
      )
      .pluck(),
    aheadPriority: db
      .prepare(
        `SELECT COUNT(*) FROM tickets WHERE status = 'waiting' AND service_id = @serviceId AND day = @day
         AND id <> @id AND priority IS NOT NULL AND (issued_at < @issuedAt OR (issued_at = @issuedAt AND id < @id))`,
      )
      .pluck(),
    recentService: db
      .prepare(
        `SELECT (julianday(finished_at) - julianday(called_at)) * 86400 FROM tickets
         WHERE status = 'served' AND service_id = ? AND finished_at >= ? ORDER BY finished_at DESC LIMIT ?`,
      )
      .pluck(),
    state: db.prepare(
      `SELECT paused, current_ticket AS currentTicket, priority_streak AS priorityStreak
       FROM counter_state WHERE counter_id = ?`,
    ),
    upsertState: db.prepare(
      `INSERT INTO counter_state (counter_id, paused, current_ticket, priority_streak, staff_id, updated_at)
       VALUES (@counterId, @paused, @currentTicket, @priorityStreak, @staffId, @now)
       ON CONFLICT (counter_id) DO UPDATE SET paused = @paused, current_ticket = @currentTicket,
         priority_streak = @priorityStreak, staff_id = @staffId, updated_at = @now`,
    ),
    call: db.prepare(
      `UPDATE tickets SET status = 'called', counter_id = ?, called_at = ?,
         first_called_at = COALESCE(first_called_at, ?), target_counter = NULL WHERE id = ?`,
    ),
    recallCount: db.prepare('UPDATE tickets SET recalls = recalls + 1, called_at = ? WHERE id = ?'),
    finish: db.prepare('UPDATE tickets SET status = ?, finished_at = ? WHERE id = ?'),
    transfer: db.prepare(
      `UPDATE tickets SET status = 'waiting', service_id = ?, target_counter = ?, counter_id = NULL WHERE id = ?`,
    ),
    recentCalls: db.prepare(
      `SELECT number, counter_id AS counterId, called_at AS at FROM tickets
       WHERE called_at IS NOT NULL AND counter_id IS NOT NULL AND called_at >= ?
       ORDER BY called_at DESC, id DESC LIMIT 8`,
    ),
    recallableNoShows: db.prepare(
      `SELECT ${ticketColumns} FROM tickets WHERE status = 'no_show' AND counter_id = ? AND finished_at >= ?
       ORDER BY finished_at DESC`,
    ),
  };

  const getRow = (id: number): TicketRow => {
    const row = q.byId.get(id) as TicketRow | undefined;
    if (!row) throw new Error(`ticket ${id} vanished`);
    return row;
  };

  const stateOf = (counterId: number): CounterState => {
    const row = q.state.get(counterId) as
      { paused: number; currentTicket: number | null; priorityStreak: number } | undefined;
    return row
      ? { paused: row.paused === 1, currentTicket: row.currentTicket, priorityStreak: row.priorityStreak }
      : { paused: false, currentTicket: null, priorityStreak: 0 };
  };
  const saveState = (counterId: number, s: CounterState, staff: StaffUser | null): void => {
    q.upsertState.run({
      counterId,
      paused: s.paused ? 1 : 0,
      currentTicket: s.currentTicket,
      priorityStreak: s.priorityStreak,
      staffId: staff?.id ?? null,
      now: clock.now().toISOString(),
    });
  };

  return { q, getRow, stateOf, saveState };
}
