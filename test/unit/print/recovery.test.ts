import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Alert, Ticket } from '../../../preload/api';
import { createAlerts } from '../../../main/core/alerts';
import { createAudit } from '../../../main/core/audit';
import { systemClock } from '../../../main/core/clock';
import { parseConfig } from '../../../main/core/config/load';
import { openDatabase } from '../../../main/core/db/open';
import { createEventBus } from '../../../main/core/events';
import { PrinterError } from '../../../main/core/print/errors';
import { createPrintJobs } from '../../../main/core/print/jobs';
import { createPrintRecovery } from '../../../main/core/print/recovery';
import type { CallContext } from '../../../main/core/types';
import { startFakePrinter } from '../../e2e/support/fake-printer';
import { answer } from '../failures';
import { lanDevice, makeCore, quietLogs, tempDir } from '../helpers';
import { queueConfig } from '../queue/fixtures';
import { ticketPayload } from './helpers';

quietLogs();

/**
 * A printer that was down when tickets were taken (issue 23): its jobs are given up after the retries,
 * the printer is probed now and then, and when it answers the numbers still waiting print by themselves,
 * once; one called meanwhile does not. Through `core.call` with the real TCP transport and a loopback
 * printer that is switched off and on again.
 */

const PIN = '135790';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `predicate` every 20 ms, at most `ms` in all and 500 rounds. */
async function until(predicate: () => boolean | Promise<boolean>, ms = 8000): Promise<void> {
  const end = Date.now() + ms;
  for (let i = 0; i < 500 && Date.now() < end; i++) {
    if (await predicate()) return;
    await sleep(20);
  }
  throw new Error('timed out');
}

interface JobRow {
  jobId: number;
  status: string;
  error: { code: string; vi: string; en: string } | null;
}

describe('printing that recovers', () => {
  it('prints the numbers still waiting once the printer answers again, once, and not a called one', async () => {
    const printer = await startFakePrinter();
    try {
      await printer.down();
      const { core } = await makeCore({
        config: {
          ...queueConfig,
          printers: [{ id: 'quay', kind: 'escpos-tcp', host: '127.0.0.1', port: printer.port }],
          ticketPrinter: 'quay',
        },
        env: { KIOSK_ADMIN_PIN: PIN },
        // One try each: the test's clock stands still, so a backoff would never come due.
        printRetry: { baseDelayMs: 10, maxAttempts: 1, probeIntervalMs: 100 },
      });
      const kiosk = await lanDevice(core, 'kiosk', { adminPin: PIN, client: '10.1.0.1' });
      const counter = await lanDevice(core, 'counter', { adminPin: PIN, client: '10.9.9.9' });
      const signIn = await answer<{ token: string }>(
        core.call('staff.signIn', { user: 'admin', pin: PIN }, counter),
      );
      const staff: CallContext = { ...counter, token: signIn.token };
      const call = <T>(name: string, input: unknown, from: CallContext) =>
        answer<T>(core.call(name, input, from), name);
      const jobs = () => call<JobRow[]>('print.jobs', {}, staff);
      const openAlerts = () =>
        call<Alert[]>('staff.alerts', {}, staff).then((l) => l.filter((a) => a.code === 'printer-error'));

      const first = await call<Ticket>('queue.issueTicket', { serviceId: 'ho-tich' }, kiosk);
      const second = await call<Ticket>('queue.issueTicket', { serviceId: 'ho-tich' }, kiosk);
      await until(async () => (await jobs()).filter((j) => j.status === 'failed').length === 2);

      // While it is down, staff are told what will really happen.
      const [alert] = await openAlerts();
      expect(alert?.vi).toContain(
        'Các số thứ tự còn chờ sẽ được in lại khi máy in hoạt động; biên nhận và phiếu khác thì in lại từ màn hình.',
      );
      expect(alert?.en).toContain(
        'Queue numbers still waiting will be printed once it works again; receipts and other slips are printed again from their screens.',
      );
      expect(alert?.vi).not.toContain('Ki-ốt sẽ tự in lại');

      // The first number is called meanwhile: its paper is no use any more.
      expect((await call<Ticket>('queue.callNext', { counterId: 2 }, staff)).number).toBe(first.number);

      await printer.up();
      await printer.nextJob(5000);
      // Some probe rounds more: nothing else prints (the called number, or the same ticket twice).
      await sleep(600);
      expect(printer.jobs).toHaveLength(1);
      expect(await jobs()).toEqual([
        expect.objectContaining({
          jobId: first.print.jobId,
          status: 'failed',
          error: expect.objectContaining({ code: 'print-not-needed' }),
        }),
      ]);
      // The second number's job printed: done, so no longer listed.
      expect(second.print.jobId).toBeGreaterThan(0);
      // It prints again: the alert is closed.
      await until(async () => (await openAlerts()).length === 0);
    } finally {
      await printer.close();
    }
  });

  it('sends a given-up job once when a staff retry and the probe race', async () => {
    const { db } = openDatabase(tempDir(), new Date());
    const bus = createEventBus();
    const alerts = createAlerts(db, { clock: systemClock, bus, audit: createAudit(db, systemClock) });
    let up = false;
    const delivered: number[] = [];
    const jobs = createPrintJobs(db, {
      clock: systemClock,
      bus,
      alerts,
      deliver: async (job) => {
        if (!up) throw new PrinterError('printer-unreachable');
        await sleep(150);
        delivered.push(job.id);
      },
      baseDelayMs: 5,
      maxAttempts: 1,
      probeIntervalMs: 20,
      recovery: { probe: async () => up, stale: () => null },
    });
    jobs.start();
    const id = jobs.enqueue({ printerId: 'p1', kind: 'ticket', ref: 'ticket:1', payload: ticketPayload() });
    jobs.kick();
    await until(() => jobs.status(id) === 'failed');
    up = true;
    // Staff press "retry" while the probe finds the printer back.
    for (let i = 0; i < 10; i++) {
      jobs.retry(id);
      await sleep(10);
    }
    await until(() => jobs.status(id) === 'done');
    await sleep(200);
    await jobs.stop();
    db.close();
    expect(delivered).toEqual([id]);
  });

  it('leaves a waiting number of another day, receipts and park slips unprinted, saying why', async () => {
    const { core, clock, dataDir } = await makeCore({ config: queueConfig, env: { KIOSK_ADMIN_PIN: PIN } });
    const kiosk = await lanDevice(core, 'kiosk', { adminPin: PIN, client: '10.1.0.1' });
    const ticket = await answer<Ticket>(core.call('queue.issueTicket', { serviceId: 'ho-tich' }, kiosk));
    const db = new Database(join(dataDir, 'kiosk.db'), { readonly: true });
    try {
      const recovery = createPrintRecovery(db, parseConfig(queueConfig), clock);
      const job = { kind: 'ticket', ref: `ticket:${ticket.id}` };
      expect(recovery.stale(job)).toBeNull();
      for (const kind of ['receipt', 'park-slip', 'form'])
        expect(recovery.stale({ kind, ref: 'receipt:HS-1' })).toMatchObject({ code: 'print-not-reprinted' });
      clock.advance(24 * 3600_000);
      expect(recovery.stale(job)).toMatchObject({ code: 'print-not-needed' });
    } finally {
      db.close();
    }
  });
});
