/** Time comes in through a parameter so tests control it (ARCHITECTURE.md). */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock for tests and benches that only moves when told to. */
export function manualClock(start: Date | string): Clock & { advance(ms: number): void; set(d: Date): void } {
  let current = new Date(start).getTime();
  return {
    now: () => new Date(current),
    advance(ms: number) {
      current += ms;
    },
    set(d: Date) {
      current = d.getTime();
    },
  };
}
