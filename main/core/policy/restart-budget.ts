/**
 * How often the shell may restart a crashed renderer before it stops and shows an out-of-service page.
 * A crash loop (a bad build, a page that crashes on load) would otherwise spin the CPU and flash the screen
 * at citizens forever; a single crash now and then should heal itself without anyone noticing.
 */
export interface RestartBudget {
  /** Records a crash at `now` (ms). True: restart. False: too many crashes in the window, give up. */
  allowRestart(now: number): boolean;
  /** Forgets the history, e.g. after the out-of-service page has been shown for a while. */
  reset(): void;
}

export function createRestartBudget(maxRestarts = 3, windowMs = 60_000): RestartBudget {
  let crashes: number[] = [];
  return {
    allowRestart(now) {
      crashes = crashes.filter((t) => now - t < windowMs);
      crashes.push(now);
      return crashes.length <= maxRestarts;
    },
    reset() {
      crashes = [];
    },
  };
}
