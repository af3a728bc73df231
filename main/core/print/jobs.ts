import type Database from 'better-sqlite3';
import type { KioskError, PrintStatus } from '../../../preload/api';
import type { Alerts } from '../alerts';
import { backoffMs } from '../backoff';
import type { Clock } from '../clock';
import { kioskError } from '../errors';
import type { EventBus } from '../events';
import { createLogger } from '../log';
import { isPrinterError } from './errors';
import { type PrintJobKind, type PrintJobPayload, checkJobPayload } from './payloads';
import type { PrintRecovery } from './recovery';

const log = createLogger('print.jobs');

export interface PrintJob {
  id: number;
  printerId: string;
  kind: string;
  ref: string | null;
  payload: unknown;
  attempts: number;
}

/** Sends one job to its printer; rejects with a value carrying `code`/`vi`/`en` when it cannot. */
export type Deliver = (job: PrintJob) => Promise<void>;

export interface PrintJobOptions {
  clock: Clock;
  bus: EventBus;
  alerts: Alerts;
  deliver: Deliver;
  /** Attempts before a job is failed for good (and staff told). */
  maxAttempts?: number;
  /** First retry delay; doubles each attempt, with full jitter, capped at maxDelayMs. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  random?: () => number;
  /** Probes a printer whose jobs were given up and says which of them still print (recovery.ts). */
  recovery?: PrintRecovery;
  /** Between two probes of a printer that gave up jobs: cheap, but no busy loop. */
  probeIntervalMs?: number;
}

interface JobRow {
  id: number;
  printerId: string;
  kind: string;
  ref: string | null;
  payload: string;
  status: PrintStatus;
  attempts: number;
  nextAttemptAt: string;
}

const asKioskError = (error: unknown): KioskError => {
  const e = error as Partial<KioskError> | undefined;
  if (e && typeof e.code === 'string' && typeof e.vi === 'string' && typeof e.en === 'string') {
    return { code: e.code, vi: e.vi, en: e.en };
  }
  return kioskError(
    'printer-error',
    'Máy in gặp sự cố.',
    `The printer failed: ${error instanceof Error ? error.message : String(error)}`,
  );
};

/** A job whose stored payload does not match its kind's schema (payloads.ts): it cannot be printed. */
const damagedJob = (): KioskError =>
  kioskError(
    'print-job-damaged',
    'Dữ liệu của lệnh in bị hỏng nên không in được. Hãy in lại từ màn hình (vé, biên nhận hoặc phiếu giữ chỗ).',
    'The print job’s data is damaged and cannot be printed. Print it again from its screen (ticket, receipt or park slip).',
  );

/**
 * Print jobs are rows: queued → sent → done | failed. A job survives a restart (one left "sent" by a crash
 * is sent again: a duplicate ticket is better than none), is retried with exponential backoff, and one
 * printer's jobs go out one at a time in order. Nothing here blocks a caller: `enqueue` only writes a row.
 */
export function createPrintJobs(db: Database.Database, options: PrintJobOptions) {
  const { clock, bus, alerts, deliver } = options;
  const maxAttempts = options.maxAttempts ?? 5;
  const baseDelay = options.baseDelayMs ?? 2_000;
  const maxDelay = options.maxDelayMs ?? 60_000;
  const random = options.random ?? Math.random;
  const { recovery } = options;
  const probeInterval = options.probeIntervalMs ?? 30_000;

  const q = {
    insert: db.prepare(
      `INSERT INTO print_jobs (printer_id, kind, ref, payload, next_attempt_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    status: db.prepare('SELECT status FROM print_jobs WHERE id = ?').pluck(),
    due: db.prepare(
      `SELECT id, printer_id AS printerId, kind, ref, payload, status, attempts, next_attempt_at AS nextAttemptAt
       FROM print_jobs WHERE status = 'queued' AND next_attempt_at <= ? ORDER BY id LIMIT 50`,
    ),
    nextDue: db.prepare(`SELECT MIN(next_attempt_at) FROM print_jobs WHERE status = 'queued'`).pluck(),
    markSent: db.prepare(
      `UPDATE print_jobs SET status = 'sent', attempts = attempts + 1, updated_at = ? WHERE id = ? AND status = 'queued'`,
    ),
    markDone: db.prepare(
      `UPDATE print_jobs SET status = 'done', last_error = NULL, updated_at = ? WHERE id = ?`,
    ),
    retry: db.prepare(
      `UPDATE print_jobs SET status = 'queued', next_attempt_at = ?, last_error = ?, updated_at = ? WHERE id = ?`,
    ),
    markFailed: db.prepare(
      `UPDATE print_jobs SET status = 'failed', last_error = ?, updated_at = ? WHERE id = ?`,
    ),
    resume: db.prepare(`UPDATE print_jobs SET status = 'queued' WHERE status = 'sent'`),
    pending: db.prepare(
      `SELECT id AS jobId, printer_id AS printerId, ref, status, attempts, last_error AS lastError,
         created_at AS createdAt FROM print_jobs WHERE status <> 'done' ORDER BY id DESC LIMIT 100`,
    ),
    // Jobs given up because the printer did not answer carry `recover` in their stored error (not shown).
    givenUp: db.prepare(
      `SELECT id, kind, ref FROM print_jobs WHERE status = 'failed' AND printer_id = ?
       AND json_extract(last_error, '$.recover') = 1 ORDER BY id`,
    ),
    downPrinters: db.prepare(
      `SELECT DISTINCT printer_id FROM print_jobs WHERE status = 'failed'
       AND json_extract(last_error, '$.recover') = 1`,
    ),
    keepFailed: db.prepare(
      `UPDATE print_jobs SET last_error = ?, updated_at = ? WHERE id = ? AND status = 'failed'`,
    ),
    retryNow: db.prepare(
      `UPDATE print_jobs SET status = 'queued', attempts = 0, next_attempt_at = ?, updated_at = ? WHERE id = ?
       AND status = 'failed'`,
    ),
  };

  const busyPrinters = new Set<string>();
  const alertedPrinters = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  /** Printers with given-up jobs, probed every probeInterval until they answer. */
  const downPrinters = new Set<string>();
  let probeTimer: NodeJS.Timeout | undefined;
  let stopped = true;
  let running: Promise<void> = Promise.resolve();

  const emit = (row: Pick<JobRow, 'id' | 'ref'>, status: PrintStatus, error: KioskError | null) =>
    bus.emit('print.job', { jobId: row.id, ref: row.ref, status, error });

  const backoff = (attempts: number): number =>
    Math.round(backoffMs({ step: attempts - 1, baseMs: baseDelay, maxMs: maxDelay, random }));

  /** The row's payload checked against its kind's schema; null (and a log line) when it does not read. */
  function payloadOf(row: JobRow): unknown {
    let stored: unknown;
    try {
      stored = JSON.parse(row.payload) as unknown;
    } catch {
      log.error('print job payload is not JSON: failed without printing', { job: row.id, kind: row.kind });
      return null;
    }
    const checked = checkJobPayload(row.kind, stored);
    if (checked.ok) return checked.payload;
    log.error('print job payload does not match its schema: failed without printing', {
      job: row.id,
      kind: row.kind,
      reason: checked.reason,
    });
    return null;
  }

  async function runOne(row: JobRow): Promise<void> {
    const now = () => clock.now().toISOString();
    if (q.markSent.run(now(), row.id).changes === 0) return;
    const attempts = row.attempts + 1;
    const payload = payloadOf(row);
    if (payload === null) {
      // Not the printer's fault: no retry and no printer alert, a failed job staff see in print.jobs.
      const error = damagedJob();
      q.markFailed.run(JSON.stringify(error), now(), row.id);
      emit(row, 'failed', error);
      return;
    }
    emit(row, 'sent', null);
    try {
      await deliver({
        id: row.id,
        printerId: row.printerId,
        kind: row.kind,
        ref: row.ref,
        payload,
        attempts,
      });
      q.markDone.run(now(), row.id);
      alertedPrinters.delete(row.printerId);
      // It prints again: a "printer error" alert about it (also one from before a restart) is closed.
      alerts.settle(`printer:${row.printerId}`);
      emit(row, 'done', null);
    } catch (raw) {
      const error = asKioskError(raw);
      log.warn('print attempt failed', { job: row.id, printer: row.printerId, attempts, code: error.code });
      if (isPrinterError(raw) && raw.permanent) {
        // The printer is fine; the job can never print on it (an A4 form on a thermal printer).
        q.markFailed.run(JSON.stringify(error), now(), row.id);
        emit(row, 'failed', error);
        return;
      }
      if (!alertedPrinters.has(row.printerId)) {
        alertedPrinters.add(row.printerId);
        alerts.raise(
          {
            level: 'warning',
            code: 'printer-error',
            // What recover() really does: tickets still waiting print by themselves, other paper does not.
            vi: `Máy in "${row.printerId}": ${error.vi} Các số thứ tự còn chờ sẽ được in lại khi máy in hoạt động; biên nhận và phiếu khác thì in lại từ màn hình.`,
            en: `Printer "${row.printerId}": ${error.en} Queue numbers still waiting will be printed once it works again; receipts and other slips are printed again from their screens.`,
          },
          `printer:${row.printerId}`,
        );
      }
      if (attempts >= maxAttempts) {
        q.markFailed.run(JSON.stringify({ ...error, recover: 1 }), now(), row.id);
        emit(row, 'failed', error);
        downPrinters.add(row.printerId);
        probeLater();
      } else {
        const next = new Date(clock.now().getTime() + backoff(attempts)).toISOString();
        q.retry.run(next, JSON.stringify(error), now(), row.id);
        emit(row, 'queued', error);
      }
    }
  }

  /** Sends every due job; jobs of one printer in order, different printers side by side. */
  async function runDue(): Promise<void> {
    const due = q.due.all(clock.now().toISOString()) as JobRow[];
    const byPrinter = new Map<string, JobRow[]>();
    for (const row of due) byPrinter.set(row.printerId, [...(byPrinter.get(row.printerId) ?? []), row]);
    await Promise.all(
      [...byPrinter].map(async ([printerId, rows]) => {
        if (busyPrinters.has(printerId)) return;
        busyPrinters.add(printerId);
        try {
          for (const row of rows) {
            await runOne(row);
            // After a failure the printer is likely down: leave its later jobs for the next round.
            if (q.status.get(row.id) !== 'done') break;
          }
        } finally {
          busyPrinters.delete(printerId);
        }
      }),
    );
  }

  function schedule(delayMs?: number): void {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    let delay = delayMs;
    if (delay === undefined) {
      const next = q.nextDue.get() as string | null;
      if (next === null) return;
      delay = Math.max(0, Date.parse(next) - clock.now().getTime());
    }
    timer = setTimeout(
      () => {
        timer = undefined;
        running = runDue()
          .catch((error: unknown) => log.error('print worker failed', { error }))
          .finally(() => schedule());
      },
      Math.min(delay, maxDelay),
    );
    timer.unref?.();
  }

  /**
   * The printer answers again: its given-up jobs still worth paper are queued once more, in order, and the
   * others keep their failure with the reason why (print.jobs shows it). Its alert closes when one prints,
   * or now when none is left to print.
   */
  function recover(printerId: string): void {
    if (!recovery) return;
    const at = clock.now().toISOString();
    const requeued = db.transaction(() => {
      let count = 0;
      for (const job of q.givenUp.all(printerId) as { id: number; kind: string; ref: string | null }[]) {
        const reason = recovery.stale(job);
        if (reason) q.keepFailed.run(JSON.stringify(reason), at, job.id);
        // retryNow is guarded by status: a staff retry that got there first wins, the job is sent once.
        else count += q.retryNow.run(at, at, job.id).changes;
      }
      return count;
    })();
    downPrinters.delete(printerId);
    log.info('printer answers again', { printer: printerId, requeued });
    if (requeued === 0) {
      alertedPrinters.delete(printerId);
      alerts.settle(`printer:${printerId}`);
    } else schedule(0);
  }

  async function probeDown(): Promise<void> {
    for (const printerId of [...downPrinters]) {
      const answers = await recovery?.probe(printerId).catch(() => false);
      if (answers && !stopped) recover(printerId);
    }
  }

  function probeLater(): void {
    if (stopped || !recovery || probeTimer || downPrinters.size === 0) return;
    probeTimer = setTimeout(() => {
      // After the worker's current round, never beside it: a job is requeued only when nothing sends it.
      running = running
        .then(probeDown)
        .catch((error: unknown) => log.error('printer probe failed', { error }))
        .finally(() => {
          probeTimer = undefined;
          probeLater();
        });
    }, probeInterval);
    probeTimer.unref?.();
  }

  return {
    /**
     * Writes a job row; call inside the transaction that creates what is printed. A payload that does not
     * match its kind's schema (a bug) is logged and stored as it is: the worker fails that job when it
     * reads it back, and the ticket or dossier it belongs to is not lost over its paper.
     */
    enqueue<K extends PrintJobKind>(job: {
      printerId: string;
      kind: K;
      ref?: string;
      payload: PrintJobPayload<K>;
    }): number {
      const checked = checkJobPayload(job.kind, job.payload);
      if (!checked.ok)
        log.error('print job queued with a payload that will not print', { reason: checked.reason });
      const now = clock.now().toISOString();
      const id = Number(
        q.insert.run(job.printerId, job.kind, job.ref ?? null, JSON.stringify(job.payload), now, now, now)
          .lastInsertRowid,
      );
      return id;
    },
    status(id: number): PrintStatus {
      return (q.status.get(id) as PrintStatus | undefined) ?? 'none';
    },
    /** Starts the worker; jobs a crash left "sent" go out again. */
    start(): void {
      stopped = false;
      q.resume.run();
      for (const printerId of q.downPrinters.pluck().all() as string[]) downPrinters.add(printerId);
      schedule(0);
      probeLater();
    },
    /** Wakes the worker after an enqueue (outside the transaction). */
    kick(): void {
      schedule(0);
    },
    /** Jobs not yet printed, for the staff screen. */
    pending(): {
      jobId: number;
      printerId: string;
      ref: string | null;
      status: PrintStatus;
      attempts: number;
      error: KioskError | null;
      createdAt: string;
    }[] {
      const rows = q.pending.all() as (Omit<ReturnType<PrintJobs['pending']>[number], 'error'> & {
        lastError: string | null;
      })[];
      return rows.map(({ lastError, ...row }) => ({
        ...row,
        error: lastError ? asKioskError(JSON.parse(lastError)) : null,
      }));
    },
    retry(id: number): boolean {
      const changed = q.retryNow.run(clock.now().toISOString(), clock.now().toISOString(), id).changes > 0;
      if (changed) schedule(0);
      return changed;
    },
    runDue,
    async stop(): Promise<void> {
      stopped = true;
      if (timer) clearTimeout(timer);
      if (probeTimer) clearTimeout(probeTimer);
      await running;
    },
  };
}

export type PrintJobs = ReturnType<typeof createPrintJobs>;
