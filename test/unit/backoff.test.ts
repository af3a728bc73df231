import { describe, expect, it } from 'vitest';
import type { EventMessage } from '../../preload/api';
import { backoffMs } from '../../main/core/backoff';
import { createAlerts } from '../../main/core/alerts';
import { createAudit } from '../../main/core/audit';
import { manualClock } from '../../main/core/clock';
import { openDatabase } from '../../main/core/db/open';
import { createEventBus } from '../../main/core/events';
import { PrinterError } from '../../main/core/print/errors';
import { createPrintJobs } from '../../main/core/print/jobs';
import { retryDelayMs } from '../../main/core/sync/backoff';
import { tempDir } from './helpers';
import { ticketPayload } from './print/helpers';

describe('backoffMs', () => {
  it('doubles from the base at each step, up to the cap', () => {
    const steps = [0, 1, 2, 3, 4, 5, 10];
    expect(steps.map((step) => backoffMs({ step, baseMs: 3000, maxMs: 30_000 }))).toEqual([
      3000, 6000, 12_000, 24_000, 30_000, 30_000, 30_000,
    ]);
  });

  it('takes a random share of that delay when given a random (full jitter), unrounded', () => {
    expect(backoffMs({ step: 2, baseMs: 2000, maxMs: 60_000, random: () => 0.25 })).toBe(2000);
    expect(backoffMs({ step: 0, baseMs: 2000, maxMs: 60_000, random: () => 0.33333 })).toBeCloseTo(666.66);
    expect(backoffMs({ step: 9, baseMs: 2000, maxMs: 60_000, random: () => 0 })).toBe(0);
  });

  it('stays finite however many failures came before, even from a base of 0', () => {
    expect(backoffMs({ step: -3, baseMs: 5000, maxMs: 60_000 })).toBe(5000);
    expect(backoffMs({ step: 5000, baseMs: 5000, maxMs: 60_000 })).toBe(60_000);
    expect(backoffMs({ step: 5000, baseMs: 0, maxMs: 60_000 })).toBe(0);
  });
});

/** The formulas the sites had before they shared backoffMs, kept here to show their delays are the same. */
const before = {
  sync: (attempts: number, maxBackoffMs: number, random: number, retryAfterMs: number | null) => {
    const exponent = Math.min(Math.max(attempts - 1, 0), 30);
    const ceiling = Math.min(maxBackoffMs, 2_000 * 2 ** exponent);
    const jittered = Math.floor(random * ceiling);
    const asked = Math.min(Math.max(retryAfterMs ?? 0, 0), 3_600_000);
    return Math.max(jittered, asked);
  },
  print: (attempts: number, random: number) =>
    Math.round(random * Math.min(60_000, 2_000 * 2 ** (attempts - 1))),
};

const randoms = [0, 0.000_1, 0.25, 0.333_33, 0.5, 0.666_67, 0.9, 0.999_999];

describe('the sync outbox keeps its delays', () => {
  it('is the same as before for every attempt, cap, random share and Retry-After', () => {
    for (const maxBackoffMs of [1000, 300_000, 3_600_000]) {
      for (const attempts of [0, 1, 2, 3, 5, 8, 12, 20, 31, 32, 100, 10_000]) {
        for (const random of randoms) {
          for (const retryAfterMs of [null, -5, 0, 30_000, 86_400_000]) {
            const now = retryDelayMs({ attempts, maxBackoffMs, retryAfterMs, random: () => random });
            expect(now, `${attempts} ${maxBackoffMs} ${random} ${retryAfterMs}`).toBe(
              before.sync(attempts, maxBackoffMs, random, retryAfterMs),
            );
          }
        }
      }
    }
  });

  it('rounds the random share down, as it did', () => {
    const delays = [1, 2, 3, 4].map((attempts) =>
      retryDelayMs({ attempts, maxBackoffMs: 300_000, retryAfterMs: null, random: () => 0.333_33 }),
    );
    expect(delays).toEqual([666, 1333, 2666, 5333]);
  });
});

describe('print jobs keep their delays', () => {
  /** A job whose printer always fails, sent at each due time; returns the waits it was given. */
  async function waits(random: number, failures: number): Promise<number[]> {
    const clock = manualClock('2026-12-07T08:00:00.000Z');
    const { db } = openDatabase(tempDir(), clock.now());
    const bus = createEventBus();
    const events: EventMessage[] = [];
    bus.subscribe((m) => events.push(m));
    const alerts = createAlerts(db, { clock, bus, audit: createAudit(db, clock) });
    const jobs = createPrintJobs(db, {
      clock,
      bus,
      alerts,
      deliver: () => Promise.reject(new PrinterError('printer-unreachable')),
      maxAttempts: failures + 1,
      random: () => random,
    });
    const id = jobs.enqueue({ printerId: 'p1', kind: 'ticket', payload: ticketPayload() });
    const next = db.prepare('SELECT next_attempt_at FROM print_jobs WHERE id = ?').pluck();
    const result: number[] = [];
    for (let i = 0; i < failures; i++) {
      const sentAt = clock.now().getTime();
      await jobs.runDue();
      const due = Date.parse(next.get(id) as string);
      result.push(due - sentAt);
      clock.set(new Date(due));
    }
    await jobs.stop();
    db.close();
    return result;
  }

  it('is the same as before with the default base and cap (2 s, 60 s), rounded to the nearest ms', async () => {
    expect(await waits(0.333_33, 6)).toEqual([667, 1333, 2667, 5333, 10_667, 20_000]);
    for (const random of randoms) {
      const expected = [1, 2, 3, 4, 5, 6, 7].map((attempts) => before.print(attempts, random));
      expect(await waits(random, 7), String(random)).toEqual(expected);
    }
  });
});
