/**
 * What a paired kiosk on the LAN may do without staff: tickets and ratings at the pace of people, per
 * device and per address. The kiosk's own screen and signed-in staff are not limited (a service's numbers
 * for the day and the satisfaction report are what a LAN script used up before pairing).
 */
import { describe, expect, it } from 'vitest';
import type { CallContext } from '../../../main/core';
import { LAN_RATINGS, LAN_TICKETS } from '../../../main/core/policy/lan-budget';
import { lanDevice, makeCore } from '../helpers';

const config = {
  centre: { name: 'UBND phường Bến Nghé', unitCode: '000.00.12.H29' },
  services: [{ id: 'ho-tich', name: { vi: 'Hộ tịch', en: 'Civil status' }, prefix: 'A' }],
  counters: [{ id: 1, services: ['ho-tich'] }],
};
const kiosk: CallContext = { transport: 'ipc', local: true };

async function setup() {
  const { core, clock } = await makeCore({ config, env: { KIOSK_ADMIN_PIN: '135790' } });
  const codes = async (n: number, ctx: CallContext, method: string, input: unknown) => {
    const out: string[] = [];
    for (let i = 0; i < n; i++) {
      const r = await core.call(method, input, ctx);
      out.push(r.ok ? 'ok' : r.error.code);
    }
    return out;
  };
  return { core, clock, codes };
}

describe('the LAN budget of a paired kiosk', () => {
  it('gives one paired kiosk 60 tickets in 10 minutes, then a wait; another kiosk, this screen and staff go on', async () => {
    const { core, clock, codes } = await setup();
    const ticket = { serviceId: 'ho-tich' };
    const k2 = await lanDevice(core, 'kiosk', { client: '10.0.0.9' });
    expect(LAN_TICKETS.limit).toBe(60);
    expect(await codes(62, k2, 'queue.issueTicket', ticket)).toEqual([
      ...Array(60).fill('ok'),
      'too-many-requests',
      'too-many-requests',
    ]);
    const k3 = await lanDevice(core, 'kiosk', { client: '10.0.0.10' });
    expect(await codes(1, k3, 'queue.issueTicket', ticket)).toEqual(['ok']);
    expect(await codes(70, kiosk, 'queue.issueTicket', ticket)).toEqual(Array(70).fill('ok'));
    // Staff signed in on that kiosk issue for people at the counter: not counted.
    const signIn = await core.call('staff.signIn', { user: 'admin', pin: '135790' }, k2);
    const token = (signIn as { ok: true; value: { token: string } }).value.token;
    expect(await codes(8, { ...k2, token }, 'queue.issueTicket', ticket)).toEqual(Array(8).fill('ok'));
    clock.advance(10 * 60_000 + 1_000);
    expect(await codes(1, k2, 'queue.issueTicket', ticket)).toEqual(['ok']);
  });

  it('counts the address too: a second device paired from the same PC shares its budget', async () => {
    const { core, codes } = await setup();
    const ticket = { serviceId: 'ho-tich' };
    const first = await lanDevice(core, 'kiosk', { client: '10.0.0.30' });
    const second = await lanDevice(core, 'kiosk', { client: '10.0.0.30' });
    expect(await codes(40, first, 'queue.issueTicket', ticket)).toEqual(Array(40).fill('ok'));
    expect(await codes(21, second, 'queue.issueTicket', ticket)).toEqual([
      ...Array(20).fill('ok'),
      'too-many-requests',
    ]);
  });

  it('gives one paired kiosk 60 ratings an hour; the kiosk screen rates as often as citizens do', async () => {
    const { core, codes } = await setup();
    const rating = { context: 'queue', rating: 'unsatisfied' };
    const k2 = await lanDevice(core, 'kiosk', { client: '10.0.0.20' });
    expect(LAN_RATINGS.limit).toBe(60);
    expect(await codes(61, k2, 'feedback.rate', rating)).toEqual([
      ...Array(60).fill('ok'),
      'too-many-requests',
    ]);
    expect(await codes(70, kiosk, 'feedback.rate', rating)).toEqual(Array(70).fill('ok'));
  });
});
