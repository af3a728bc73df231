import { describe, expect, it } from 'vitest';
import type { Alert, EventMessage, PrintJobEvent } from '../../../preload/api';
import { createAlerts } from '../../../main/core/alerts';
import { createAudit } from '../../../main/core/audit';
import { systemClock } from '../../../main/core/clock';
import { openDatabase } from '../../../main/core/db/open';
import { createEventBus } from '../../../main/core/events';
import { PrinterError } from '../../../main/core/print/errors';
import { createPrintJobs, type Deliver, type PrintJob } from '../../../main/core/print/jobs';
import { quietLogs, tempDir } from '../helpers';
import { ticketPayload } from './helpers';

const logs = quietLogs();

function setup(deliver: Deliver, dataDir = tempDir(), maxAttempts = 4) {
  const { db } = openDatabase(dataDir, new Date());
  const bus = createEventBus();
  const events: EventMessage[] = [];
  bus.subscribe((m) => events.push(m));
  const alerts = createAlerts(db, { clock: systemClock, bus, audit: createAudit(db, systemClock) });
  const jobs = createPrintJobs(db, {
    clock: systemClock,
    bus,
    alerts,
    deliver,
    baseDelayMs: 20,
    maxAttempts,
    random: () => 1,
  });
  const jobEvents = () =>
    events.filter((e) => e.event === 'print.job').map((e) => e.payload as PrintJobEvent);
  const alertEvents = () => events.filter((e) => e.event === 'staff.alert').map((e) => e.payload as Alert);
  return { db, jobs, jobEvents, alertEvents, dataDir };
}

async function until(predicate: () => boolean, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('print jobs', () => {
  it('delivers a queued job once and reports it done', async () => {
    const delivered: PrintJob[] = [];
    const { jobs, jobEvents, db } = setup(async (job) => void delivered.push(job));
    jobs.start();
    const id = jobs.enqueue({
      printerId: 'p1',
      kind: 'ticket',
      ref: 'ticket:1',
      payload: ticketPayload('A001'),
    });
    expect(jobs.status(id)).toBe('queued');
    jobs.kick();
    await until(() => jobs.status(id) === 'done');
    expect(delivered).toEqual([
      expect.objectContaining({ id, printerId: 'p1', payload: ticketPayload('A001'), attempts: 1 }),
    ]);
    expect(jobEvents().map((e) => e.status)).toEqual(['sent', 'done']);
    await jobs.stop();
    db.close();
  });

  it('retries a failing printer, tells staff once, and prints when it recovers', async () => {
    let failures = 2;
    const { jobs, jobEvents, alertEvents, db } = setup(async () => {
      if (failures-- > 0) throw new PrinterError('printer-unreachable');
    });
    jobs.start();
    const id = jobs.enqueue({ printerId: 'p1', kind: 'ticket', ref: 'ticket:7', payload: ticketPayload() });
    jobs.kick();
    await until(() => jobs.status(id) === 'done');
    const statuses = jobEvents().map((e) => [e.status, e.error?.code ?? null]);
    expect(statuses).toEqual([
      ['sent', null],
      ['queued', 'printer-unreachable'],
      ['sent', null],
      ['queued', 'printer-unreachable'],
      ['sent', null],
      ['done', null],
    ]);
    // Told once; once it prints again the alert is closed by itself (pushed again, acknowledged).
    expect(alertEvents()).toHaveLength(2);
    const [raised, closed] = alertEvents();
    expect(raised).toMatchObject({
      code: 'printer-error',
      vi: expect.stringContaining('p1'),
      acknowledgedAt: null,
    });
    expect(closed).toMatchObject({ id: raised!.id, acknowledgedAt: expect.any(String) });
    await jobs.stop();
    db.close();
  });

  it('gives up after the last attempt and says so, without touching other printers’ jobs', async () => {
    const { jobs, jobEvents, db } = setup(
      async (job) => {
        if (job.printerId === 'broken') throw new PrinterError('paper-out');
      },
      tempDir(),
      2,
    );
    jobs.start();
    const bad = jobs.enqueue({ printerId: 'broken', kind: 'ticket', payload: ticketPayload() });
    const good = jobs.enqueue({ printerId: 'fine', kind: 'ticket', payload: ticketPayload() });
    jobs.kick();
    await until(() => jobs.status(bad) === 'failed' && jobs.status(good) === 'done');
    const last = jobEvents()
      .filter((e) => e.jobId === bad)
      .at(-1);
    expect(last).toMatchObject({ status: 'failed', error: { code: 'paper-out', vi: 'Máy in hết giấy' } });
    // Staff can send it again by hand.
    expect(jobs.retry(bad)).toBe(true);
    expect(jobs.status(bad)).toBe('queued');
    await jobs.stop();
    db.close();
  });

  it('keeps jobs across a restart, sending again one a crash left half-sent', async () => {
    const dataDir = tempDir();
    const first = setup(async () => {
      throw new PrinterError('printer-unreachable');
    }, dataDir);
    const queued = first.jobs.enqueue({ printerId: 'p1', kind: 'ticket', payload: ticketPayload('A001') });
    const halfSent = first.jobs.enqueue({ printerId: 'p1', kind: 'ticket', payload: ticketPayload('A002') });
    first.db.prepare("UPDATE print_jobs SET status = 'sent' WHERE id = ?").run(halfSent);
    first.db.close();

    const delivered: unknown[] = [];
    const second = setup(async (job) => void delivered.push(job.payload), dataDir);
    second.jobs.start();
    await until(() => second.jobs.status(queued) === 'done' && second.jobs.status(halfSent) === 'done');
    expect(delivered).toEqual([ticketPayload('A001'), ticketPayload('A002')]);
    await second.jobs.stop();
    second.db.close();
  });

  it('fails a job whose stored payload no longer reads, with a log line, and prints the rest', async () => {
    logs.length = 0;
    const delivered: number[] = [];
    const { jobs, jobEvents, alertEvents, db } = setup(async (job) => void delivered.push(job.id));
    const good = jobs.enqueue({ printerId: 'p1', kind: 'ticket', payload: ticketPayload('A001') });
    const reshaped = jobs.enqueue({ printerId: 'p1', kind: 'ticket', payload: ticketPayload('A002') });
    const garbled = jobs.enqueue({
      printerId: 'p1',
      kind: 'receipt',
      payload: ticketPayload('A003') as never,
    });
    const unknown = jobs.enqueue({ printerId: 'p1', kind: 'ticket', payload: ticketPayload('A004') });
    const after = jobs.enqueue({ printerId: 'p1', kind: 'ticket', payload: ticketPayload('A005') });
    // Bytes changed on disk: JSON that lost its shape, JSON cut short, a kind this build does not know.
    const set = db.prepare('UPDATE print_jobs SET payload = ?, kind = ? WHERE id = ?');
    set.run(JSON.stringify({ ticket: { number: 7 }, centreName: 'UBND' }), 'ticket', reshaped);
    set.run('{"data":{"code":"000.00.12.H29-K01', 'receipt', garbled);
    set.run(JSON.stringify(ticketPayload('A004')), 'poster', unknown);
    jobs.start();
    const settled = [good, reshaped, garbled, unknown, after];
    await until(() => settled.every((id) => ['done', 'failed'].includes(jobs.status(id))));
    expect(settled.map((id) => jobs.status(id))).toEqual(['done', 'failed', 'failed', 'failed', 'done']);
    expect(delivered).toEqual([good, after]);
    // Failed at once, never sent: no retry, no printer alert (the printer is fine).
    for (const id of [reshaped, garbled, unknown]) {
      expect(jobEvents().filter((e) => e.jobId === id)).toEqual([
        expect.objectContaining({
          status: 'failed',
          error: expect.objectContaining({ code: 'print-job-damaged' }),
        }),
      ]);
    }
    expect(alertEvents()).toEqual([]);
    const listed = jobs.pending().find((j) => j.jobId === reshaped);
    expect(listed).toMatchObject({
      status: 'failed',
      error: {
        code: 'print-job-damaged',
        vi: expect.stringContaining('bị hỏng'),
        en: expect.stringContaining('damaged'),
      },
    });
    const text = logs.join('\n');
    expect(text).toMatch(/print job queued with a payload that will not print/);
    expect(text).toMatch(/does not match its schema.*at ticket\.id/);
    expect(text).toMatch(/payload is not JSON/);
    expect(text).toMatch(/unknown print job kind poster/);
    // Sent again by staff, it fails the same way rather than print holes.
    expect(jobs.retry(reshaped)).toBe(true);
    await until(() => jobs.status(reshaped) === 'failed');
    expect(delivered).toEqual([good, after]);
    await jobs.stop();
    db.close();
  });
});
