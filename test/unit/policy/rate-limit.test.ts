import { describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../../main/core/policy';

describe('rate limiter (dossier lookups per caller)', () => {
  it('allows the budget in the window, then says how long to wait, then allows again', () => {
    const limiter = createRateLimiter({ limit: 3, windowMs: 60_000 });
    expect([0, 1_000, 2_000].map((t) => limiter.take('10.0.0.7', t))).toEqual([0, 0, 0]);
    expect(limiter.take('10.0.0.7', 10_000)).toBe(50); // the first request frees its place at 60 s
    expect(limiter.take('10.0.0.7', 59_999)).toBe(1);
    expect(limiter.take('10.0.0.7', 60_000)).toBe(0);
  });

  it('keeps callers apart: one walking codes does not block the kiosk screen', () => {
    const limiter = createRateLimiter({ limit: 2, windowMs: 60_000 });
    limiter.take('10.0.0.9', 0);
    limiter.take('10.0.0.9', 1);
    expect(limiter.take('10.0.0.9', 2)).toBeGreaterThan(0);
    expect(limiter.take('ipc', 3)).toBe(0);
  });

  it('refused requests do not extend the wait', () => {
    const limiter = createRateLimiter({ limit: 1, windowMs: 10_000 });
    limiter.take('a', 0);
    for (let t = 1; t < 10_000; t += 500) expect(limiter.take('a', t)).toBeGreaterThan(0);
    expect(limiter.take('a', 10_000)).toBe(0);
  });

  it('forgets the oldest caller when too many addresses are tracked', () => {
    const limiter = createRateLimiter({ limit: 1, windowMs: 60_000, maxKeys: 2 });
    limiter.take('first', 0);
    limiter.take('second', 1);
    limiter.take('third', 2); // "first" is dropped to keep the map bounded
    expect(limiter.take('first', 3)).toBe(0);
    expect(limiter.take('third', 4)).toBeGreaterThan(0);
  });
});
