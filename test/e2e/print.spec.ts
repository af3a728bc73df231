import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reassembleRaster } from '../../main/core/print';
import { expect, expectAccessible, shot, startApp, test as base } from './fixtures';
import { listPdfs, pdfQrCodes, PRINTER_QUEUE, waitForNewPdf } from './support/cups';
import { type FakePrinter, type ReceivedJob, startFakePrinter } from './support/fake-printer';
import {
  ADMIN_PIN,
  HO_TICH,
  api,
  issueTicket,
  openCounter,
  queueConfig,
  staffToken,
  takeTicket,
  waitForAlerts,
} from './support/queue';
import type { Alert, Ticket } from '../../preload/api';

/**
 * The printing pipeline end to end: a tap on the kiosk → a print job row → a real CUPS queue (cups-pdf,
 * see global-setup.ts) or a thermal printer's raw TCP port → the ticket screen's print status.
 */

/** First retry after a failed print (README: KIOSK_PRINT_RETRY_MS); doubles, with full jitter. */
const RETRY_MS = '1500';
/** With that retry, a job that failed once is delivered within this once its printer works again. */
const RECOVERY_MS = 40_000;

/** A well-formed raster ticket: ESC @, GS v 0 bands 72 bytes (576 dots) wide, a cut at the end. */
function expectWellFormed(job: ReceivedJob): void {
  expect(job.statusRequested, 'the kiosk asks for the paper status first').toBe(true);
  expect([...job.bytes.subarray(0, 2)], 'the job starts with ESC @').toEqual([0x1b, 0x40]);
  expect(job.commands[0]?.op).toBe('init');
  const bands = job.commands.filter((c) => c.op === 'raster');
  expect(bands.length).toBeGreaterThan(0);
  for (const band of bands) expect(band.widthBytes).toBe(72);
  const image = reassembleRaster(job.commands);
  expect(image.width).toBe(576);
  expect(image.height).toBeGreaterThan(0);
  expect(job.commands.at(-1)?.op, 'the job ends with a cut').toBe('cut');
}

async function ticketCode(baseUrl: string, number: string): Promise<string> {
  const token = await staffToken(baseUrl);
  const { waiting } = await api<{ waiting: Ticket[] }>(baseUrl, 'queue.waiting', { counterId: 1 }, token);
  const ticket = waiting.find((t) => t.number === number);
  if (!ticket) throw new Error(`ticket ${number} is not waiting at counter 1`);
  return ticket.code;
}

base.describe('a ticket on a CUPS printer (cups-pdf)', () => {
  base.use({
    appOptions: {
      config: queueConfig({ printer: { id: 'cups', kind: 'system', queue: PRINTER_QUEUE }, prefix: 'H' }),
      env: { KIOSK_ADMIN_PIN: ADMIN_PIN },
    },
  });

  base(
    'a tap prints a PDF with the number, the service in Vietnamese and the QR code',
    async ({ page, app }, testInfo) => {
      const before = listPdfs();
      const number = await takeTicket(page, app.url);
      const pdf = await waitForNewPdf(before, (text) => text.includes(number), 30_000);
      expect(pdf.text).toContain(HO_TICH.vi);
      await expect(page.getByTestId('ticket-print-status')).toHaveAttribute('data-status', 'done', {
        timeout: 30_000,
      });

      const work = mkdtempSync(join(tmpdir(), 'kiosk-qr-'));
      try {
        expect(pdfQrCodes(pdf.path, work)).toEqual([await ticketCode(app.url, number)]);
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
      // Kept with the test's results; the shared cups-pdf folder does not fill up run after run.
      await testInfo.attach('ticket.pdf', { path: pdf.path, contentType: 'application/pdf' });
      rmSync(pdf.path, { force: true });
    },
  );
});

/** The tests below get a fake thermal printer on 127.0.0.1 and an app configured to print to it. */
const test = base.extend<{ printer: FakePrinter }>({
  // Playwright reads a fixture's dependencies from its destructuring: this one has none.
  // eslint-disable-next-line no-empty-pattern
  printer: async ({}, use) => {
    const printer = await startFakePrinter();
    await use(printer);
    await printer.close();
  },
  appOptions: async ({ printer }, use) => {
    await use({
      config: queueConfig({
        printer: { id: 'quay-in', kind: 'escpos-tcp', host: '127.0.0.1', port: printer.port },
        prefix: 'T',
      }),
      env: { KIOSK_ADMIN_PIN: ADMIN_PIN, KIOSK_PRINT_RETRY_MS: RETRY_MS },
    });
  },
});

test.describe('a ticket on a network thermal printer (ESC/POS over TCP)', () => {
  test('a tap sends one well-formed raster job and the ticket says it printed', async ({
    page,
    app,
    printer,
  }) => {
    const number = await takeTicket(page, app.url);
    expectWellFormed(await printer.nextJob());
    await expect(page.getByTestId('ticket-print-status')).toHaveAttribute('data-status', 'done');
    await expect(page.getByTestId('ticket-number')).toContainText(number);
    expect(printer.jobs).toHaveLength(1);
  });

  test('a printer that drops the connection mid-job: the citizen sees a problem, staff an alert, then it prints', async ({
    page,
    app,
    printer,
  }) => {
    test.setTimeout(90_000);
    printer.mode = 'reset-mid-job';
    const number = await takeTicket(page, app.url);
    const status = page.getByTestId('ticket-print-status');
    await expect(status).toHaveAttribute('data-status', 'problem');
    await expect(page.getByTestId('ticket-number')).toContainText(number);
    expect(printer.dropped).toBeGreaterThan(0);
    await shot(page, 'queue-ticket-printer-problem');
    await expectAccessible(page, 'ticket with a printer problem');

    const token = await staffToken(app.url);
    const raised = await waitForAlerts(app.url, token, (list) =>
      list.some((a) => a.code === 'printer-error'),
    );
    expect(raised.find((a) => a.code === 'printer-error')?.vi).toContain('quay-in');

    printer.mode = 'ok';
    expectWellFormed(await printer.nextJob(RECOVERY_MS));
    await expect(status).toHaveAttribute('data-status', 'done', { timeout: 10_000 });
    await expect(page.getByTestId('ticket-number')).toContainText(number);
    // It prints again: the alert closed itself, staff are not left with a problem that is gone.
    await waitForAlerts(app.url, token, (list) => !list.some((a) => a.code === 'printer-error'));
  });

  test('a printer that refuses connections: problem, alert, delivered once it listens again', async ({
    page,
    app,
    printer,
    browser,
  }) => {
    test.setTimeout(90_000);
    await printer.down();
    const number = await takeTicket(page, app.url);
    const status = page.getByTestId('ticket-print-status');
    await expect(status).toHaveAttribute('data-status', 'problem');
    await expect(page.getByTestId('ticket-number')).toContainText(number);

    const token = await staffToken(app.url);
    await waitForAlerts(app.url, token, (list) => list.some((a) => a.code === 'printer-error'));
    // The alert is on the staff console too (its alerts panel names the printer) ...
    const staffContext = await browser.newContext();
    try {
      const staff = await staffContext.newPage();
      await openCounter(staff, app.url, 1);
      const alert = staff.locator('.alert-list .alert').filter({ hasText: 'quay-in' });
      await expect(alert).toHaveCount(1);

      await printer.up();
      expectWellFormed(await printer.nextJob(RECOVERY_MS));
      await expect(status).toHaveAttribute('data-status', 'done', { timeout: 10_000 });
      // ... and leaves it by itself once the printer prints again (pushed, no reload).
      await expect(alert).toHaveCount(0);
    } finally {
      await staffContext.close();
    }
  });
});

test('a job still queued when the app stops is printed after a restart on the same data folder', async ({
  printer,
}) => {
  test.setTimeout(90_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-e2e-restart-'));
  const options = {
    dataDir,
    config: queueConfig({
      printer: { id: 'quay-in', kind: 'escpos-tcp', host: '127.0.0.1', port: printer.port },
      prefix: 'R',
    }),
    env: { KIOSK_ADMIN_PIN: ADMIN_PIN, KIOSK_PRINT_RETRY_MS: RETRY_MS },
  };
  try {
    await printer.down();
    const first = await startApp(options);
    try {
      const ticket = await issueTicket(first.url);
      expect(ticket.print.status).toBe('queued');
      // The first attempt has failed (an alert says so): the job is waiting for its retry.
      await waitForAlerts(first.url, await staffToken(first.url), (list) =>
        list.some((a) => a.code === 'printer-error'),
      );
    } finally {
      await first.stop();
    }
    expect(printer.jobs).toHaveLength(0);

    await printer.up();
    const second = await startApp(options);
    try {
      expectWellFormed(await printer.nextJob(RECOVERY_MS));
      expect(printer.jobs).toHaveLength(1);
      // Nothing was lost or doubled. The alert from before the restart is kept in the record, and closed
      // by the kiosk once the printer printed again (no longer in the open list staff see).
      const token = await staffToken(second.url);
      await waitForAlerts(second.url, token, (list) => !list.some((a) => a.code === 'printer-error'));
      const all = await api<Alert[]>(second.url, 'staff.alerts', { includeAcknowledged: true }, token);
      const before = all.filter((a) => a.code === 'printer-error');
      expect(before.length).toBeGreaterThan(0);
      expect(before.every((a) => a.acknowledgedAt !== null)).toBe(true);
    } finally {
      await second.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
