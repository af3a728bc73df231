import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core } from '../../main/core';
import { startServer, type RunningServer } from '../../main/server';
import type { Ticket } from '../../preload/api';
import { startFakePrinter } from '../e2e/support/fake-printer';
import { ms, percentile } from './stats';

export const TAP_RUNS = 200;
export const TAP_WARMUP = 5;
const THROUGHPUT_TICKETS = 2_000;
const THROUGHPUT_CLIENTS = 4;

const allDay = { open: '00:00', close: '23:59' };

/** Two services open all day, one counter, and the ticket printer: a raw TCP port or a stub. */
export function benchConfig(printer: { kind: 'escpos-tcp'; port: number } | { kind: 'stub' }) {
  return {
    centre: { name: 'UBND phường Bến Nghé', unitCode: '000.00.12.H29' },
    services: [
      {
        id: 'ho-tich',
        name: { vi: 'Tư pháp – Hộ tịch', en: 'Civil status' },
        prefix: 'A',
        range: [1, 9999],
        hours: allDay,
      },
      { id: 'dat-dai', name: { vi: 'Đất đai', en: 'Land' }, prefix: 'B', range: [1, 9999], hours: allDay },
    ],
    counters: [{ id: 1, services: ['ho-tich', 'dat-dai'] }],
    printers: [
      printer.kind === 'escpos-tcp'
        ? { id: 'ticket', kind: 'escpos-tcp', host: '127.0.0.1', port: printer.port, dots: 576 }
        : { id: 'ticket', kind: 'system', queue: 'unused-bench-stub' },
    ],
    ticketPrinter: 'ticket',
  };
}

async function issue(url: string, serviceId: string): Promise<Ticket> {
  const r = await fetch(`${url}/api/queue.issueTicket`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ serviceId }),
  });
  const body = (await r.json()) as { ok: boolean; value: Ticket; error?: { code: string } };
  if (!body.ok) throw new Error(`issueTicket → ${r.status} ${body.error?.code}`);
  return body.value;
}

async function withKiosk<T>(
  config: unknown,
  extra: { deliver?: Parameters<typeof createCore>[0]['deliver'] },
  run: (server: RunningServer, core: Core) => Promise<T>,
): Promise<T> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-bench-'));
  const core = await createCore({ dataDir, config, env: {}, ...extra });
  const server = await startServer({ core, port: 0 });
  try {
    return await run(server, core);
  } finally {
    await server.close();
    await core.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * (a) Tap → last byte: POST /api/queue.issueTicket to the in-process bridge, until a thermal printer's raw
 * port on 127.0.0.1 has received the job's cut. The printer answers the paper-status request at once, as a
 * real one does. Sequential, so each figure is one ticket's whole path: HTTP, the SQLite transaction
 * (fsync), the print worker, layout + raster + ESC/POS, TCP.
 */
export async function benchTapToPrint(): Promise<Record<string, number | string>> {
  const printer = await startFakePrinter();
  try {
    return await withKiosk(benchConfig({ kind: 'escpos-tcp', port: printer.port }), {}, async (server) => {
      const times: number[] = [];
      let bytes = 0;
      for (let i = 0; i < TAP_WARMUP + TAP_RUNS; i++) {
        const start = performance.now();
        await issue(server.url, 'ho-tich');
        const job = await printer.nextJob(10_000);
        if (i >= TAP_WARMUP) times.push(job.completedAt - start);
        bytes = job.bytes.length;
      }
      return {
        'queue.tapToCut.runs': TAP_RUNS,
        'queue.tapToCut.p50.ms': ms(percentile(times, 50)),
        'queue.tapToCut.p95.ms': ms(percentile(times, 95)),
        'queue.tapToCut.max.ms': ms(Math.max(...times)),
        'queue.tapToCut.goal': percentile(times, 95) <= 100 ? 'p95 ≤ 100 ms: met' : 'p95 ≤ 100 ms: MISSED',
        'queue.tapToCut.jobBytes': bytes,
      };
    });
  } finally {
    await printer.close();
  }
}

/**
 * (d) 2,000 tickets by 4 concurrent HTTP clients (keep-alive, 500 each, two services). Each ticket writes
 * its print job in the same transaction; the jobs go to a stub printer, so this measures the bridge and the
 * queue, not raster rendering.
 */
export async function benchIssueThroughput(): Promise<Record<string, number | string>> {
  let printed = 0;
  const deliver = async (): Promise<void> => {
    printed++;
  };
  return withKiosk(benchConfig({ kind: 'stub' }), { deliver }, async (server) => {
    const perClient = THROUGHPUT_TICKETS / THROUGHPUT_CLIENTS;
    const numbers = new Set<string>();
    const start = performance.now();
    await Promise.all(
      Array.from({ length: THROUGHPUT_CLIENTS }, async (_, client) => {
        for (let i = 0; i < perClient; i++) {
          const t = await issue(server.url, client % 2 === 0 ? 'ho-tich' : 'dat-dai');
          numbers.add(t.number);
        }
      }),
    );
    const seconds = (performance.now() - start) / 1000;
    if (numbers.size !== THROUGHPUT_TICKETS) {
      throw new Error(`expected ${THROUGHPUT_TICKETS} distinct numbers, got ${numbers.size}`);
    }
    // Let the worker drain the stub jobs (bounded), so closing does not cut it short.
    const drainUntil = performance.now() + 30_000;
    while (printed < THROUGHPUT_TICKETS && performance.now() < drainUntil) {
      await new Promise((r) => setTimeout(r, 20));
    }
    return {
      'queue.issue.tickets': THROUGHPUT_TICKETS,
      'queue.issue.clients': THROUGHPUT_CLIENTS,
      'queue.issue.seconds': Math.round(seconds * 100) / 100,
      'queue.issue.ticketsPerSecond': Math.round(THROUGHPUT_TICKETS / seconds),
      'queue.issue.distinctNumbers': numbers.size,
      'queue.issue.printJobsDrained': printed,
    };
  });
}
