import { describe, expect, it } from 'vitest';
import type { Session, Ticket } from '../../../preload/api';
import { PrinterError } from '../../../main/core/print/errors';
import { lanDevice, local, makeCore, quietLogs } from '../helpers';
import { queueConfig } from '../queue/fixtures';

quietLogs();

/**
 * The audit rows of the methods whose audit is declared where they are registered (main/core/handlers.ts)
 * and written by the dispatcher: the same rows, field for field, as when each handler wrote its own.
 */
describe('audit rows written by the dispatcher', () => {
  it('are the rows the handlers wrote themselves', async () => {
    let printerUp = false;
    const { core, dataDir } = await makeCore({
      config: {
        ...queueConfig,
        printers: [{ id: 'p1', kind: 'escpos-tcp', host: '127.0.0.1' }],
        ticketPrinter: 'p1',
      },
      printRetry: { baseDelayMs: 10, maxAttempts: 1 },
      deliver: async () => {
        if (!printerUp) throw new PrinterError('paper-out');
      },
    });
    // lanDevice: staff.setupAdmin, lan.startPairing, staff.signOut, lan.pair on the admin's window.
    const counter = await lanDevice(core, 'counter', { name: 'Quầy 1' });
    const signIn = await core.call('staff.signIn', { user: 'admin', pin: '135790' }, counter);
    const admin = { ...counter, token: (signIn.ok && (signIn.value as Session).token) || '' };
    const created = await core.call(
      'staff.createUser',
      { user: 'lan', displayName: 'Chị Lan', role: 'staff', pin: '246802' },
      admin,
    );
    expect(created.ok).toBe(true);
    const atWindow = await core.call('staff.signIn', { user: 'lan', pin: '246802' }, local);
    const lan = { ...local, token: (atWindow.ok && (atWindow.value as Session).token) || '' };
    const t = await core.call('queue.issueTicket', { serviceId: 'ho-tich' }, local);
    const jobId = (t.ok && (t.value as Ticket).print.jobId) || 0;
    const failed = async () => {
      const r = await core.call('print.jobs', {}, lan);
      return r.ok && (r.value as { status: string }[])[0]?.status === 'failed';
    };
    for (let i = 0; i < 200 && !(await failed()); i++) await new Promise((r) => setTimeout(r, 10));
    printerUp = true;
    expect(await core.call('print.retry', { jobId }, lan)).toMatchObject({ ok: true });
    expect(await core.call('staff.signOut', {}, admin)).toMatchObject({ ok: true });

    const { default: Database } = await import('better-sqlite3');
    const db = new Database(`${dataDir}/kiosk.db`, { readonly: true });
    const rows = db
      .prepare(
        `SELECT actor_id AS actorId, actor, action, target_type AS targetType, target_id AS targetId, details
         FROM audit_log WHERE action NOT LIKE 'alert.%' ORDER BY id`,
      )
      .all();
    db.close();
    const deviceId = counter.deviceId;
    expect(rows).toEqual([
      row(1, 'admin', 'staff.setupAdmin', 'staff', '1'),
      row(1, 'admin', 'lan.startPairing', null, null, { role: 'counter', name: 'Quầy 1' }),
      row(1, 'admin', 'staff.signOut'),
      row(1, 'admin', 'lan.pair', 'device', deviceId, {
        role: 'counter',
        name: 'Quầy 1',
        from: '192.168.1.50',
      }),
      row(1, 'admin', 'staff.signIn', null, null, { source: `pc:${deviceId}` }),
      row(1, 'admin', 'staff.createUser', 'staff', '2', { role: 'staff' }),
      row(2, 'lan', 'staff.signIn', null, null, { source: 'local' }),
      row(null, null, 'queue.issueTicket', 'ticket', '1', { number: 'A001', priority: null }),
      row(2, 'lan', 'print.retry', 'print_job', String(jobId)),
      row(1, 'admin', 'staff.signOut'),
    ]);
  });
});

function row(
  actorId: number | null,
  actor: string | null,
  action: string,
  targetType: string | null = null,
  targetId: string | null = null,
  details: Record<string, unknown> | null = null,
) {
  return { actorId, actor, action, targetType, targetId, details: details && JSON.stringify(details) };
}
