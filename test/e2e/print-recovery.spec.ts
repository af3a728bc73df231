import { expect, startApp, test } from './fixtures';
import { startFakePrinter } from './support/fake-printer';
import { ADMIN_PIN, api, issueTicket, queueConfig, staffToken, waitForAlerts } from './support/queue';
import type { Ticket } from '../../preload/api';

/**
 * Printing that recovers (issue 23): the thermal printer is switched off (its listener stopped), two
 * tickets are taken and their jobs given up after the retries; the first number is called meanwhile.
 * Switched on again, the printer is probed (every 30 s) and the number still waiting prints by itself,
 * once; the called one does not.
 */

/** The shortest first retry the kiosk accepts: the retries are over in about a second. */
const RETRY_MS = '50';
/** The probe's interval (30 s) and the job's time on the wire, with a margin. */
const RECOVERY_MS = 45_000;

test('a ticket taken while the printer was off prints by itself when it is back, a called one not', async () => {
  test.setTimeout(120_000);
  const printer = await startFakePrinter();
  await printer.down();
  const app = await startApp({
    config: queueConfig({
      printer: { id: 'quay-in', kind: 'escpos-tcp', host: '127.0.0.1', port: printer.port },
      prefix: 'Q',
    }),
    env: { KIOSK_ADMIN_PIN: ADMIN_PIN, KIOSK_PRINT_RETRY_MS: RETRY_MS },
  });
  try {
    const token = await staffToken(app.url);
    const jobs = () =>
      api<{ jobId: number; status: string; error: { code: string } | null }[]>(
        app.url,
        'print.jobs',
        {},
        token,
      );
    const called = await issueTicket(app.url);
    const waiting = await issueTicket(app.url);
    await expect
      .poll(async () => (await jobs()).filter((j) => j.status === 'failed').length, { timeout: 30_000 })
      .toBe(2);
    const alerts = await waitForAlerts(app.url, token, (list) =>
      list.some((a) => a.code === 'printer-error'),
    );
    expect(alerts.find((a) => a.code === 'printer-error')?.vi).toContain(
      'Các số thứ tự còn chờ sẽ được in lại khi máy in hoạt động',
    );
    const next = await api<Ticket>(app.url, 'queue.callNext', { counterId: 1 }, token);
    expect(next.number).toBe(called.number);

    await printer.up();
    await printer.nextJob(RECOVERY_MS);
    await waitForAlerts(app.url, token, (list) => !list.some((a) => a.code === 'printer-error'));
    expect(printer.jobs).toHaveLength(1);
    expect(await jobs()).toEqual([
      expect.objectContaining({
        jobId: called.print.jobId,
        status: 'failed',
        error: expect.objectContaining({ code: 'print-not-needed' }),
      }),
    ]);
    expect(waiting.print.jobId).not.toBe(called.print.jobId);
  } finally {
    await app.stop();
    await printer.close();
  }
});
