import { afterEach, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, startServer, type RunningServer } from '../../../main/server';
import { makeCore } from '../helpers';
import { send } from '../server/requests';
import { resolution } from './fixtures';

const servers: RunningServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

const api = (server: RunningServer, method: string, body: unknown, headers: Record<string, string> = {}) =>
  send(server, `/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

describe('installing an address dataset through the bridge (browser mode, the staff console)', () => {
  it('takes a dataset file far larger than an ordinary call’s 64 KiB, from a signed-in admin', async () => {
    const { core } = await makeCore({ env: { KIOSK_ADMIN_PIN: '135790' } });
    const server = await startServer({ core, port: 0 });
    servers.push(server);
    const dataset = JSON.stringify(resolution());
    expect(dataset.length).toBeGreaterThan(MAX_BODY_BYTES);
    const signIn = await api(server, 'staff.signIn', { user: 'admin', pin: '135790' });
    const token = (JSON.parse(signIn.body) as { value: { token: string } }).value.token;
    const installed = await api(
      server,
      'address.installDataset',
      { dataset },
      { Authorization: `Bearer ${token}` },
    );
    expect(installed.status).toBe(200);
    expect(JSON.parse(installed.body)).toMatchObject({
      ok: true,
      value: { version: '2026-03-01', inForce: true },
    });
    // Without a session the body is refused before it is read.
    expect((await api(server, 'address.installDataset', { dataset })).status).toBe(401);
  });
});
