import type Database from 'better-sqlite3';
import type { WalSync } from './durable';

/**
 * Group commit: writes asked for in the same turn of the event loop go into ONE transaction, and each
 * caller's promise settles only once that transaction is durable (the WAL fdatasync of durable.ts, which
 * batches further: commits made while one runs share the next) — a request is answered after its data is
 * on disk, never before. Each write runs in its own savepoint: one that throws is rolled back alone and
 * only its caller sees the error. If the commit or the sync fails, every caller in the batch sees that
 * failure (none of them was answered yet; the kiosk retries, and its Idempotency-Key makes that safe).
 *
 * The batches are as large as the load makes them: one kiosk's lone POST commits at once (the next turn),
 * many kiosks' POSTs arriving together share a commit and a sync.
 */
export interface GroupCommit {
  run<T>(write: () => T): Promise<T>;
}

interface Job {
  write: () => unknown;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

type Result = { ok: true; value: unknown } | { ok: false; error: unknown };

export function createGroupCommit(db: Database.Database, wal: WalSync): GroupCommit {
  let queue: Job[] = [];
  let scheduled = false;

  function flush(): void {
    scheduled = false;
    const jobs = queue;
    queue = [];
    const results: Result[] = [];
    try {
      db.transaction(() => {
        for (const job of jobs) {
          try {
            results.push({ ok: true, value: db.transaction(job.write)() });
          } catch (error) {
            results.push({ ok: false, error });
          }
        }
      })();
    } catch (error) {
      for (const job of jobs) job.reject(error);
      return;
    }
    wal.after().then(
      () =>
        jobs.forEach((job, i) => {
          const r = results[i]!;
          if (r.ok) job.resolve(r.value);
          else job.reject(r.error);
        }),
      (error: unknown) => {
        for (const job of jobs) job.reject(error);
      },
    );
  }

  return {
    run<T>(write: () => T): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queue.push({ write, resolve: resolve as (value: unknown) => void, reject });
        if (!scheduled) {
          scheduled = true;
          setImmediate(flush);
        }
      });
    },
  };
}
