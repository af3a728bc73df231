/**
 * Every wait on a card reader is bounded: a reader that stops answering (driver hang, a card half off the
 * antenna) must end in a message to the person, never in a kiosk that waits for ever.
 */

/** Timers as a parameter so tests can drive them; the real ones never keep a closing process alive. */
export interface ChipTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realChipTimers: ChipTimers = {
  setTimeout(fn, ms) {
    const t = setTimeout(fn, ms);
    t.unref();
    return t;
  },
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Settles like `promise`, or rejects with `onTimeout()` after `ms`. The loser's result is ignored. */
export function withTimeout<T>(
  promise: Promise<T>,
  ms: number,
  onTimeout: () => Error,
  timers: ChipTimers = realChipTimers,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const handle = timers.setTimeout(() => reject(onTimeout()), ms);
    promise.then(
      (value) => {
        timers.clearTimeout(handle);
        resolve(value);
      },
      (error: unknown) => {
        timers.clearTimeout(handle);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
