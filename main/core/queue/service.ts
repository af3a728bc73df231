import type Database from 'better-sqlite3';
import type { Bilingual, Board, CounterView, QueueService, StaffUser, Ticket } from '../../../preload/api';
import type { Audit } from '../audit';
import type { Clock } from '../clock';
import type { CounterConfig, KioskConfig, ServiceConfig } from '../config/schema';
import { KioskFailure } from '../errors';
import type { EventBus } from '../events';
import { callOutText } from '../i18n/vietnamese-number';
import { createLogger } from '../log';
import { type IssueInput, linkOf, type TicketCaller, type TicketDossierLink } from './dossier-link';
import { estimateWaitMinutes } from './estimate';
import { createTicketHighWater, reserveBlock } from './high-water';
import { queueErrors } from './messages';
import { orderForCall } from './order';
import { createQueueStore, type TicketRow } from './store';
import { isWithinHours, serviceDay } from './time';

/** How many recent service times feed the wait estimate. */
const RECENT_SAMPLES = 20;
const RECENT_DAYS = 14;

export { orderForCall } from './order';
export type { TicketRow } from './store';
export type { TicketCaller, TicketDossierLink, TicketLink } from './dossier-link';

/** Hooks the queue calls inside its own transactions (the ticket's print job is written atomically). */
export interface QueueHooks {
  /** Returns the print job id for a new ticket, or null when no ticket printer is configured. */
  enqueueTicketPrint(ticket: Ticket): number | null;
  printStatus(jobId: number): Ticket['print']['status'];
  /** After the issuing transaction has committed: wake the print worker. */
  ticketCommitted(): void;
}

const log = createLogger('queue');

export const counterName = (c: CounterConfig): Bilingual =>
  c.name ?? { vi: `Quầy số ${c.id}`, en: `Counter ${c.id}` };

/** Queue tickets, counters and the board. Owns `tickets` and `counter_state`. */
export function createQueue(
  db: Database.Database,
  deps: {
    clock: Clock;
    config: KioskConfig;
    bus: EventBus;
    audit: Audit;
    hooks: QueueHooks;
    /** Where `ticket-sequence.json` lives (the data folder): numbers never repeat after a lost database. */
    dataDir?: string;
    /** Tickets taken for a dossier (issue 22); without it such a ticket is refused, others are not. */
    dossierLink?: TicketDossierLink;
  },
) {
  const { clock, config, bus, audit, hooks } = deps;
  const highWater = deps.dataDir === undefined ? null : createTicketHighWater(deps.dataDir);
  const services = new Map(config.services.map((s) => [s.id, s]));
  const counters = new Map(config.counters.map((c) => [c.id, c]));
  const categories = new Set(config.priorityCategories.map((c) => c.id));
  const { q, getRow, stateOf, saveState } = createQueueStore(db, clock);

  const service = (id: string): ServiceConfig => {
    const s = services.get(id);
    if (!s) throw new KioskFailure(queueErrors.unknownService());
    return s;
  };
  const counter = (id: number): CounterConfig => {
    const c = counters.get(id);
    if (!c) throw new KioskFailure(queueErrors.unknownCounter());
    return c;
  };
  const dayOf = (s: ServiceConfig, at = clock.now()): string => serviceDay(at, config.timeZone, s.resetAt);
  /** Waiting tickets of one service today, in calling order: transfers to a counter, priority, then FIFO. */
  const waitingFor = (serviceId: string): TicketRow[] =>
    q.waitingIn.all(serviceId, dayOf(service(serviceId))) as TicketRow[];

  const openCountersFor = (serviceId: string): number =>
    config.counters.filter((c) => c.services.includes(serviceId) && !stateOf(c.id).paused).length;

  const waitingCount = (serviceId: string): number =>
    q.countWaiting.get(serviceId, dayOf(service(serviceId))) as number;

  const peopleAhead = (row: TicketRow): number => {
    const params = {
      serviceId: row.serviceId,
      day: dayOf(service(row.serviceId)),
      id: row.id,
      issuedAt: row.issuedAt,
    };
    return (row.priority !== null ? q.aheadPriority.get(params) : q.aheadOrdinary.get(params)) as number;
  };

  function toTicket(row: TicketRow, extra: { printJobId?: number | null } = {}): Ticket {
    const s = service(row.serviceId);
    const ahead = row.status === 'waiting' ? peopleAhead(row) : 0;
    const since = new Date(clock.now().getTime() - RECENT_DAYS * 86_400_000).toISOString();
    const recent = q.recentService.all(row.serviceId, since, RECENT_SAMPLES) as number[];
    const jobId = extra.printJobId ?? null;
    return {
      id: row.id,
      number: row.number,
      serviceId: row.serviceId,
      serviceName: s.name.vi,
      serviceNames: s.name,
      priority: row.priority !== null,
      priorityCategory: row.priority === 'general' ? null : row.priority,
      status: row.status,
      issuedAt: row.issuedAt,
      day: row.day,
      counterId: row.counterId,
      peopleAhead: ahead,
      estimatedWaitMinutes:
        row.status === 'waiting'
          ? estimateWaitMinutes({
              ahead,
              recentServiceSeconds: recent,
              counters: openCountersFor(row.serviceId),
            })
          : null,
      code: `MCK-${row.day.replace(/-/g, '')}-${row.number}`,
      print: { jobId, status: jobId === null ? 'none' : hooks.printStatus(jobId) },
      // Read fresh each time (a draft is parked, then submitted); only linked tickets cost a query.
      dossier: row.dossierId === null ? null : (deps.dossierLink?.resolve(row.dossierId) ?? null),
    };
  }

  function board(): Board {
    const now = clock.now();
    const since = new Date(now.getTime() - 24 * 3_600_000).toISOString();
    return {
      counters: config.counters.map((c) => {
        const state = stateOf(c.id);
        return {
          id: c.id,
          name: counterName(c),
          paused: state.paused,
          current: state.currentTicket === null ? null : getRow(state.currentTicket).number,
        };
      }),
      recentCalls: q.recentCalls.all(since) as Board['recentCalls'],
      waiting: config.services.map((s) => ({
        serviceId: s.id,
        names: s.name,
        count: waitingCount(s.id),
      })),
      updatedAt: now.toISOString(),
    };
  }

  const publishBoard = (): void => bus.emit('queue.board', board());

  const announce = (row: TicketRow, counterId: number, recall: boolean): void => {
    bus.emit('queue.called', {
      number: row.number,
      counterId,
      counterName: counterName(counter(counterId)),
      serviceNames: service(row.serviceId).name,
      recall,
      at: clock.now().toISOString(),
      announcement: {
        vi: callOutText(row.number, counterId),
        en: `Number ${row.number.split('').join(' ')}, please go to counter ${counterId}.`,
      },
    });
  };

  const currentOf = (counterId: number): TicketRow => {
    const state = stateOf(counterId);
    if (state.currentTicket === null) throw new KioskFailure(queueErrors.noCurrent());
    return getRow(state.currentTicket);
  };

  const record = (staff: StaffUser, action: string, ticketId: number, details?: Record<string, unknown>) =>
    audit.record({
      actorId: staff.id,
      actor: staff.user,
      action,
      targetType: 'ticket',
      targetId: ticketId,
      details,
    });

  /** Finishes the counter's current ticket (served or no-show) inside the caller's transaction. */
  const finishCurrent = (counterId: number, status: 'served' | 'no_show', staff: StaffUser): TicketRow => {
    const state = stateOf(counterId);
    const row = currentOf(counterId);
    q.finish.run(status, clock.now().toISOString(), row.id);
    saveState(counterId, { ...state, currentTicket: null }, staff);
    record(staff, status === 'served' ? 'queue.markServed' : 'queue.markNoShow', row.id, { counterId });
    return getRow(row.id);
  };

  return {
    services(): QueueService[] {
      const now = clock.now();
      return config.services.map((s) => ({
        id: s.id,
        name: s.name.vi,
        names: s.name,
        prefix: s.prefix,
        hours: s.hours,
        open: isWithinHours(now, config.timeZone, s.hours),
        waiting: waitingCount(s.id),
      }));
    },

    priorityCategories: () => config.priorityCategories,

    /** `from` is who asks (the handler passes it); without it a link's proof is limited as the screen's. */
    issueTicket(input: IssueInput, from: TicketCaller = { caller: 'window' }): Ticket {
      const s = service(input.serviceId);
      const now = clock.now();
      if (!isWithinHours(now, config.timeZone, s.hours)) {
        throw new KioskFailure(queueErrors.closed(s.name.vi, s.hours.open, s.hours.close));
      }
      let priority: string | null = null;
      if (typeof input.priority === 'string') {
        if (!categories.has(input.priority)) throw new KioskFailure(queueErrors.unknownPriority());
        priority = input.priority;
      } else if (input.priority === true) {
        priority = 'general';
      }
      const day = dayOf(s, now);
      const link = linkOf(input);
      if (link && !deps.dossierLink) throw new KioskFailure(queueErrors.linkUnavailable());
      // Before the transaction: a wrong receipt secret stays counted although no ticket is issued.
      const dossierId = link && deps.dossierLink ? deps.dossierLink.check(link, from) : null;
      // One IMMEDIATE transaction takes the number and writes the print job: no two tickets share a
      // number, and no ticket exists without its print job, whatever crashes or runs concurrently.
      const ticket = db
        .transaction(() => {
          const max = q.maxSeq.get(s.id, day) as number | null;
          // Above every number this day may already have had, even those a lost database forgot.
          const floor = highWater?.floor(day, s.id) ?? 0;
          const seq = Math.max(max === null ? s.range[0] : max + 1, floor > 0 ? floor + 1 : 0);
          if (seq > s.range[1]) throw new KioskFailure(queueErrors.dayFull(s.name.vi));
          // On disk before the commit; rewritten only once per block of numbers (high-water.ts).
          highWater?.cover(day, s.id, seq, Math.min(seq + reserveBlock(s.range) - 1, s.range[1]));
          const width = Math.max(3, String(s.range[1]).length);
          const number = `${s.prefix}${String(seq).padStart(width, '0')}`;
          const id = Number(
            q.insert.run(s.id, s.id, day, seq, number, priority, now.toISOString(), dossierId)
              .lastInsertRowid,
          );
          // Parked with the ticket or not at all: a refused ticket leaves the draft as it was.
          if (dossierId !== null) deps.dossierLink?.hold(dossierId, { id, number });
          const draft = toTicket(getRow(id));
          const jobId = hooks.enqueueTicketPrint(draft);
          // Same transaction: with synchronous=FULL each commit is an fsync, so one commit per ticket.
          audit.record({
            action: 'queue.issueTicket',
            targetType: 'ticket',
            targetId: id,
            details: dossierId === null ? { number, priority } : { number, priority, dossierId },
          });
          return { ...draft, print: { jobId, status: jobId === null ? 'none' : 'queued' } } satisfies Ticket;
        })
        .immediate();
      hooks.ticketCommitted();
      publishBoard();
      return ticket;
    },

    board,

    counters(): CounterView[] {
      return config.counters.map((c) => {
        const state = stateOf(c.id);
        return {
          id: c.id,
          name: counterName(c),
          services: c.services,
          paused: state.paused,
          current: state.currentTicket === null ? null : toTicket(getRow(state.currentTicket)),
        };
      });
    },

    waiting(counterId: number): { waiting: Ticket[]; recallable: Ticket[] } {
      const c = counter(counterId);
      const rows = c.services
        .flatMap((id) => waitingFor(id))
        .filter((t) => t.targetCounter === null || t.targetCounter === counterId);
      const since = new Date(clock.now().getTime() - config.noShowRecallMinutes * 60_000).toISOString();
      return {
        waiting: orderForCall(rows, counterId, stateOf(counterId).priorityStreak, config.priorityRatio).map(
          (r) => toTicket(r),
        ),
        recallable: (q.recallableNoShows.all(counterId, since) as TicketRow[]).map((r) => toTicket(r)),
      };
    },

    callNext(counterId: number, staff: StaffUser): Ticket {
      const c = counter(counterId);
      const called = db
        .transaction(() => {
          const state = stateOf(counterId);
          if (state.paused) throw new KioskFailure(queueErrors.paused());
          if (state.currentTicket !== null) finishCurrent(counterId, 'served', staff);
          const rows = c.services
            .flatMap((id) => waitingFor(id))
            .filter((t) => t.targetCounter === null || t.targetCounter === counterId);
          const next = orderForCall(rows, counterId, state.priorityStreak, config.priorityRatio)[0];
          if (!next) throw new KioskFailure(queueErrors.nothingWaiting());
          const now = clock.now().toISOString();
          q.call.run(counterId, now, now, next.id);
          const streak = next.priority !== null && next.targetCounter === null ? state.priorityStreak + 1 : 0;
          saveState(counterId, { paused: false, currentTicket: next.id, priorityStreak: streak }, staff);
          record(staff, 'queue.callNext', next.id, { counterId });
          return getRow(next.id);
        })
        .immediate();
      announce(called, counterId, false);
      publishBoard();
      return toTicket(called);
    },

    recall(counterId: number, ticketId: number | undefined, staff: StaffUser): Ticket {
      counter(counterId);
      const row = db
        .transaction(() => {
          const state = stateOf(counterId);
          if (ticketId === undefined || ticketId === state.currentTicket) {
            const current = currentOf(counterId);
            q.recallCount.run(clock.now().toISOString(), current.id);
            record(staff, 'queue.recall', current.id, { counterId });
            return getRow(current.id);
          }
          const target = q.byId.get(ticketId) as TicketRow | undefined;
          const windowStart = clock.now().getTime() - config.noShowRecallMinutes * 60_000;
          if (
            !target ||
            target.status !== 'no_show' ||
            target.counterId !== counterId ||
            !target.finishedAt ||
            Date.parse(target.finishedAt) < windowStart
          ) {
            throw new KioskFailure(queueErrors.notRecallable());
          }
          if (state.currentTicket !== null) finishCurrent(counterId, 'served', staff);
          const now = clock.now().toISOString();
          q.call.run(counterId, now, now, target.id);
          q.recallCount.run(now, target.id);
          saveState(counterId, { ...stateOf(counterId), currentTicket: target.id }, staff);
          record(staff, 'queue.recall', target.id, { counterId, from: 'no_show' });
          return getRow(target.id);
        })
        .immediate();
      announce(row, counterId, true);
      publishBoard();
      return toTicket(row);
    },

    markServed(counterId: number, staff: StaffUser): Ticket {
      counter(counterId);
      const row = db.transaction(() => finishCurrent(counterId, 'served', staff)).immediate();
      publishBoard();
      return toTicket(row);
    },

    markNoShow(counterId: number, staff: StaffUser): Ticket {
      counter(counterId);
      const row = db.transaction(() => finishCurrent(counterId, 'no_show', staff)).immediate();
      publishBoard();
      return toTicket(row);
    },

    transfer(
      input: { counterId: number; toServiceId?: string; toCounterId?: number },
      staff: StaffUser,
    ): Ticket {
      counter(input.counterId);
      const targetCounter = input.toCounterId === undefined ? null : counter(input.toCounterId);
      if ((input.toServiceId === undefined && !targetCounter) || input.toCounterId === input.counterId) {
        throw new KioskFailure(queueErrors.transferTarget());
      }
      const row = db
        .transaction(() => {
          const current = currentOf(input.counterId);
          // To a counter without a service: keep the service if that counter serves it, else its first one.
          const serviceId =
            input.toServiceId ??
            (targetCounter?.services.includes(current.serviceId)
              ? current.serviceId
              : (targetCounter?.services[0] ?? current.serviceId));
          service(serviceId);
          if (targetCounter && !targetCounter.services.includes(serviceId)) {
            throw new KioskFailure(queueErrors.transferTarget());
          }
          q.transfer.run(serviceId, targetCounter?.id ?? null, current.id);
          saveState(input.counterId, { ...stateOf(input.counterId), currentTicket: null }, staff);
          record(staff, 'queue.transfer', current.id, {
            from: input.counterId,
            toService: serviceId,
            toCounter: targetCounter?.id ?? null,
          });
          return getRow(current.id);
        })
        .immediate();
      publishBoard();
      return toTicket(row);
    },

    /**
     * At a clean stop, before the database closes: the ticket high-water marks come down to the numbers
     * really issued, so the next start continues without a gap. Never throws.
     */
    close(): void {
      try {
        highWater?.settle((day, serviceId) => q.maxSeq.get(serviceId, day) as number | null);
      } catch (error) {
        log.warn('ticket high-water not settled: the next start leaves a small gap', { error });
      }
    },

    pause(counterId: number, paused: boolean, staff: StaffUser): CounterView {
      const c = counter(counterId);
      db.transaction(() => {
        saveState(counterId, { ...stateOf(counterId), paused }, staff);
        audit.record({
          actorId: staff.id,
          actor: staff.user,
          action: paused ? 'queue.pause' : 'queue.resume',
          targetType: 'counter',
          targetId: counterId,
        });
      }).immediate();
      publishBoard();
      const state = stateOf(counterId);
      return {
        id: c.id,
        name: counterName(c),
        services: c.services,
        paused: state.paused,
        current: state.currentTicket === null ? null : toTicket(getRow(state.currentTicket)),
      };
    },
  };
}

export type Queue = ReturnType<typeof createQueue>;
