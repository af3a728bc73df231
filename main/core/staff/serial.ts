/**
 * Runs tasks one after another per key, in the order they came; different keys run side by side.
 * Bounded: at most `maxPerKey` tasks wait on one key and at most `maxKeys` keys are active at once;
 * beyond that `run` answers `undefined` at once instead of queueing (the caller says "busy").
 * A key's entry is deleted when its last task settles, so idle keys cost nothing.
 */
export function createKeyedSerial(limits: { maxPerKey: number; maxKeys: number }) {
  const active = new Map<string, { tail: Promise<void>; size: number }>();
  return {
    run<T>(key: string, task: () => Promise<T>): Promise<T> | undefined {
      let entry = active.get(key);
      if (!entry) {
        if (active.size >= limits.maxKeys) return undefined;
        entry = { tail: Promise.resolve(), size: 0 };
        active.set(key, entry);
      }
      if (entry.size >= limits.maxPerKey) return undefined;
      const current = entry;
      current.size += 1;
      const result = current.tail.then(task);
      current.tail = result.then(
        () => settle(),
        () => settle(),
      );
      function settle(): void {
        current.size -= 1;
        if (current.size === 0 && active.get(key) === current) active.delete(key);
      }
      return result;
    },
    /** Keys with a task running or waiting (tests). */
    get size(): number {
      return active.size;
    },
  };
}
