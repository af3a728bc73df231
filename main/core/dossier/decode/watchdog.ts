/**
 * A watchdog inside the file worker, on a thread of its own: the worker's main thread can sit for
 * seconds inside one synchronous call (pdf-lib inflating an object stream, a decoder spinning), and
 * nothing on it runs meanwhile — not the `disconnect` handler, not a memory check. The watchdog thread
 * still does, every 50 ms, and ends the whole worker process when
 * - its RSS passes the limit for the file (a 1 MB PDF can inflate to gigabytes; a V8 heap limit does
 *   not bound the buffers pdf-lib and libvips allocate outside it): SIGUSR2, so the kiosk can tell this
 *   from other deaths and say "too complex" (on Windows, where there are no signals, it is a plain kill);
 * - its parent is gone (the kiosk was killed: nobody is left to stop a runaway worker), or a file has
 *   run well past its time limit (the kiosk should have killed it; this is the backstop): SIGKILL.
 * The main thread and the watchdog share three numbers, so telling it about a file costs no message.
 */
import { Worker } from 'node:worker_threads';

/** How the kiosk recognises a worker that stopped itself for memory. */
export const MEMORY_SIGNAL = 'SIGUSR2';
/** Past the file's time limit by this much, the worker ends itself even if the kiosk has not. */
const GRACE_MS = 5_000;

const SOURCE = `
const { workerData } = require('node:worker_threads');
const state = new Float64Array(workerData.shared);
const parent = process.ppid;
const end = (signal) => { try { process.kill(process.pid, signal); } catch { process.kill(process.pid); } };
setInterval(() => {
  if (process.ppid !== parent) return end('SIGKILL');
  if (state[0] === 0) return;
  if (process.memoryUsage.rss() > state[2]) return end(${JSON.stringify(MEMORY_SIGNAL)});
  if (Date.now() > state[1]) end('SIGKILL');
}, 50);
`;

export interface Watchdog {
  /** A file starts: watch it against these limits. */
  begin(limits: { maxRssBytes: number; timeoutMs: number }): void;
  /** The file is answered. */
  end(): void;
}

export function startWatchdog(): Watchdog {
  const shared = new SharedArrayBuffer(3 * Float64Array.BYTES_PER_ELEMENT);
  const state = new Float64Array(shared); // [watching, deadline (epoch ms), RSS limit (bytes)]
  const thread = new Worker(SOURCE, { eval: true, workerData: { shared } });
  thread.unref(); // the watchdog never keeps the worker alive on its own
  return {
    begin({ maxRssBytes, timeoutMs }) {
      state[1] = Date.now() + timeoutMs + GRACE_MS;
      state[2] = maxRssBytes;
      state[0] = 1;
    },
    end() {
      state[0] = 0;
    },
  };
}
