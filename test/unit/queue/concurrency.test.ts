import { Agent, request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import type { Ticket } from '../../../preload/api';
import { startServer, type RunningServer } from '../../../main/server';
import { makeCore } from '../helpers';
import { queueConfig } from './fixtures';

const servers: RunningServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

function issue(port: number, agent: Agent, serviceId: string): Promise<Ticket> {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify({ serviceId });
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/api/queue.issueTicket',
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json' },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const r = JSON.parse(Buffer.concat(chunks).toString()) as {
            ok: boolean;
            value: Ticket;
            error?: { code: string };
          };
          if (r.ok) resolve(r.value);
          else reject(new Error(r.error?.code));
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('issuing tickets concurrently over the bridge', () => {
  it('gives 2,000 tickets from 4 clients with no duplicate and no gap per service', async () => {
    const config = {
      ...queueConfig,
      services: queueConfig.services!.map((s) => ({ ...s, range: [1, 9999] as [number, number] })),
    };
    const { core } = await makeCore({ config });
    const server = await startServer({ core, port: 0 });
    servers.push(server);
    const clients = Array.from({ length: 4 }, () => new Agent({ keepAlive: true, maxSockets: 8 }));
    const services = ['ho-tich', 'dat-dai'];
    const tickets = await Promise.all(
      Array.from({ length: 2000 }, (_, i) => issue(server.port, clients[i % 4]!, services[i % 2]!)),
    );
    for (const c of clients) c.destroy();
    for (const [serviceId, prefix] of [
      ['ho-tich', 'A'],
      ['dat-dai', 'C'],
    ] as const) {
      const numbers = tickets.filter((t) => t.serviceId === serviceId).map((t) => Number(t.number.slice(1)));
      expect(numbers).toHaveLength(1000);
      expect(new Set(numbers).size).toBe(1000);
      expect([...numbers].sort((a, b) => a - b)).toEqual(Array.from({ length: 1000 }, (_, i) => i + 1));
      expect(tickets.filter((t) => t.serviceId === serviceId).every((t) => t.number.startsWith(prefix))).toBe(
        true,
      );
    }
  }, 120_000);
});
