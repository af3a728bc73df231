/**
 * What one LAN address may do without signing in: a few tickets, a few ratings. The kiosk's own screen
 * and signed-in staff are not limited (a service's numbers for the day and the satisfaction report are
 * what a LAN script used up before).
 */
import { describe, expect, it } from 'vitest';
import type { CallContext } from '../../../main/core';
import { makeCore } from '../helpers';

const config = {
  centre: { name: 'UBND phường Bến Nghé', unitCode: '000.00.12.H29' },
  services: [{ id: 'ho-tich', name: { vi: 'Hộ tịch', en: 'Civil status' }, prefix: 'A' }],
  counters: [{ id: 1, services: ['ho-tich'] }],
};
const lan = (client: string): CallContext => ({ transport: 'http', local: false, client });
const kiosk: CallContext = { transport: 'ipc', local: true };

async function setup() {
  const { core, clock } = await makeCore({ config, env: { KIOSK_ADMIN_PIN: '135790' } });
  const signIn = await core.call('staff.signIn', { user: 'admin', pin: '135790' }, kiosk);
  const token = (signIn as { ok: true; value: { token: string } }).value.token;
  const codes = async (n: number, ctx: CallContext, method: string, input: unknown) => {
    const out: string[] = [];
    for (let i = 0; i < n; i++) {
      const r = await core.call(method, input, ctx);
      out.push(r.ok ? 'ok' : r.error.code);
    }
    return out;
  };
  return { core, clock, token, codes };
}

describe('the LAN budget without pairing', () => {
  it('gives one LAN address 5 tickets in 10 minutes, then a wait; another address, the kiosk and staff go on', async () => {
    const { clock, token, codes } = await setup();
    const ticket = { serviceId: 'ho-tich' };
    expect(await codes(7, lan('10.0.0.9'), 'queue.issueTicket', ticket)).toEqual([
      ...Array(5).fill('ok'),
      'too-many-requests',
      'too-many-requests',
    ]);
    expect(await codes(1, lan('10.0.0.10'), 'queue.issueTicket', ticket)).toEqual(['ok']);
    expect(await codes(20, kiosk, 'queue.issueTicket', ticket)).toEqual(Array(20).fill('ok'));
    expect(await codes(8, { ...lan('10.0.0.9'), token }, 'queue.issueTicket', ticket)).toEqual(
      Array(8).fill('ok'),
    );
    clock.advance(10 * 60_000 + 1_000);
    expect(await codes(1, lan('10.0.0.9'), 'queue.issueTicket', ticket)).toEqual(['ok']);
  });

  it('gives one LAN address 5 ratings an hour; the kiosk screen rates as often as citizens do', async () => {
    const { codes } = await setup();
    const rating = { context: 'queue', rating: 'unsatisfied' };
    expect(await codes(6, lan('10.0.0.20'), 'feedback.rate', rating)).toEqual([
      ...Array(5).fill('ok'),
      'too-many-requests',
    ]);
    expect(await codes(10, kiosk, 'feedback.rate', rating)).toEqual(Array(10).fill('ok'));
  });
});
