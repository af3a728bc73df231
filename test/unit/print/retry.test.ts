import { describe, expect, it } from 'vitest';
import type { Session, Ticket } from '../../../preload/api';
import { PrinterError } from '../../../main/core/print/errors';
import { makeCore, remote } from '../helpers';
import { queueConfig } from '../queue/fixtures';

describe('staff resend a ticket the printer gave up on', () => {
  it('lists the job with the printer error, resends it, and audits who did', async () => {
    let printerUp = false;
    const delivered: number[] = [];
    const { core } = await makeCore({
      config: {
        ...queueConfig,
        printers: [{ id: 'p1', kind: 'escpos-tcp', host: '127.0.0.1' }],
        ticketPrinter: 'p1',
      },
      env: { KIOSK_ADMIN_PIN: '135790' },
      printRetry: { baseDelayMs: 10, maxAttempts: 1 },
      deliver: async (job) => {
        if (!printerUp) throw new PrinterError('paper-out');
        delivered.push(job.id);
      },
    });
    const s = await core.call('staff.signIn', { user: 'admin', pin: '135790' }, remote);
    const staff = { ...remote, token: (s.ok && (s.value as Session).token) || '' };
    const t = await core.call('queue.issueTicket', { serviceId: 'ho-tich' }, remote);
    const jobId = (t.ok && (t.value as Ticket).print.jobId) || 0;
    expect(jobId).toBeGreaterThan(0);

    const pending = async () => {
      const r = await core.call('print.jobs', {}, staff);
      return r.ok ? (r.value as { jobId: number; status: string; error: { code: string } | null }[]) : [];
    };
    for (let i = 0; i < 200 && (await pending())[0]?.status !== 'failed'; i++)
      await new Promise((r) => setTimeout(r, 10));
    expect(await pending()).toEqual([
      expect.objectContaining({
        jobId,
        status: 'failed',
        error: expect.objectContaining({ code: 'paper-out' }),
      }),
    ]);

    expect(await core.call('print.retry', { jobId }, remote)).toMatchObject({
      ok: false,
      error: { code: 'unauthorized' },
    });
    printerUp = true;
    expect(await core.call('print.retry', { jobId }, staff)).toMatchObject({
      ok: true,
      value: { jobId, status: 'queued' },
    });
    for (let i = 0; i < 200 && delivered.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(delivered).toEqual([jobId]);
    expect(await pending()).toEqual([]);
    expect(await core.call('print.retry', { jobId }, staff)).toMatchObject({
      ok: false,
      error: { code: 'not-retryable' },
    });
  });
});
