import { describe, expect, it } from 'vitest';
import type { Session, Ticket } from '../../../preload/api';
import { PrinterError } from '../../../main/core/print/errors';
import { lanDevice, makeCore, remote } from '../helpers';
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
    // A counter PC with the admin signed in on it, and a kiosk on the LAN where a citizen takes a ticket.
    const counter = await lanDevice(core, 'counter');
    const kiosk = await lanDevice(core, 'kiosk', { client: '192.168.1.60' });
    const s = await core.call('staff.signIn', { user: 'admin', pin: '135790' }, counter);
    const staff = { ...counter, token: (s.ok && (s.value as Session).token) || '' };
    const t = await core.call('queue.issueTicket', { serviceId: 'ho-tich' }, kiosk);
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

    for (const [ctx, code] of [
      [counter, 'unauthorized'],
      [kiosk, 'unauthorized'],
      [{ ...remote, token: staff.token }, 'device-not-paired'],
      [{ ...kiosk, token: staff.token }, 'unauthorized'],
    ] as const) {
      expect(await core.call('print.retry', { jobId }, ctx)).toMatchObject({ ok: false, error: { code } });
    }
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
