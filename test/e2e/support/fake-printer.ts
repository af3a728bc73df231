import { createServer, type Server, type Socket } from 'node:net';
import { type EscPosCommand, decodeEscPos } from '../../../main/core/print';

/** DLE EOT 4: the paper-sensor status request the kiosk sends before a job. */
const STATUS_REQUEST = [0x10, 0x04, 0x04];
/** "Paper present, no near-end" in answer to DLE EOT 4. */
const PAPER_OK = 0x12;

export interface ReceivedJob {
  /** The job's bytes, the status request (if any) taken off the front. */
  bytes: Buffer;
  commands: EscPosCommand[];
  statusRequested: boolean;
  /** performance.now() when the connection was accepted and when the cut (the last byte) arrived. */
  connectedAt: number;
  completedAt: number;
}

export type FakePrinterMode =
  /** Answers the status request, takes the job and closes its side when the kiosk closes its own. */
  | 'ok'
  /** Resets the connection as soon as job bytes arrive, before the job can complete. */
  | 'reset-mid-job';

export interface FakePrinter {
  readonly port: number;
  readonly jobs: ReceivedJob[];
  /** Connections that were dropped by 'reset-mid-job'. */
  readonly dropped: number;
  mode: FakePrinterMode;
  /** Resolves with the next complete job (already received ones count first), bounded by `timeoutMs`. */
  nextJob(timeoutMs?: number): Promise<ReceivedJob>;
  /** Stops listening and drops every connection: the port then refuses, like a printer switched off. */
  down(): Promise<void>;
  /** Listens again on the same port. */
  up(): Promise<void>;
  close(): Promise<void>;
}

/** True when the bytes decode to a whole job that ends with a cut. */
function completeJob(bytes: Buffer): EscPosCommand[] | null {
  const last = bytes.length >= 3 ? bytes.subarray(-4) : null;
  if (!last || !last.includes(0x56)) return null;
  try {
    const commands = decodeEscPos(bytes);
    return commands.at(-1)?.op === 'cut' ? commands : null;
  } catch {
    return null; // truncated: more bytes to come
  }
}

/**
 * A thermal receipt printer's raw port (9100) on 127.0.0.1: answers DLE EOT 4 with "paper OK", collects
 * the job and, like real printers, closes its side when the client ends, which is how the kiosk knows the
 * bytes were taken.
 */
export async function startFakePrinter(options: { port?: number; mode?: FakePrinterMode } = {}) {
  const jobs: ReceivedJob[] = [];
  const waiters: ((job: ReceivedJob) => void)[] = [];
  const sockets = new Set<Socket>();
  let taken = 0;
  let dropped = 0;
  let server: Server | null = null;
  let port = options.port ?? 0;

  const deliverJob = (job: ReceivedJob): void => {
    jobs.push(job);
    const waiter = waiters.shift();
    if (waiter) {
      taken++;
      waiter(job);
    }
  };

  const onConnection = (socket: Socket): void => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    const connectedAt = performance.now();
    let buffer: Buffer = Buffer.alloc(0);
    let statusRequested = false;
    let done = false;
    socket.on('data', (chunk: Buffer) => {
      buffer = buffer.length === 0 ? chunk : Buffer.concat([buffer, chunk]);
      while (
        buffer.length >= 3 &&
        buffer[0] === STATUS_REQUEST[0] &&
        buffer[1] === STATUS_REQUEST[1] &&
        buffer[2] === STATUS_REQUEST[2]
      ) {
        statusRequested = true;
        buffer = buffer.subarray(3);
        if (printer.mode === 'ok') socket.write(Uint8Array.of(PAPER_OK));
      }
      if (buffer.length === 0) return;
      if (printer.mode === 'reset-mid-job') {
        dropped++;
        socket.resetAndDestroy();
        return;
      }
      if (done) return;
      const commands = completeJob(buffer);
      if (commands) {
        done = true;
        deliverJob({ bytes: buffer, commands, statusRequested, connectedAt, completedAt: performance.now() });
      }
    });
    // The kiosk ended its side: close ours, as a printer does once it has the bytes.
    socket.on('end', () => socket.end());
  };

  const listen = (): Promise<void> =>
    new Promise((resolve, reject) => {
      const s = createServer(onConnection);
      s.once('error', reject);
      s.listen(port, '127.0.0.1', () => {
        const address = s.address();
        if (address && typeof address === 'object') port = address.port;
        server = s;
        resolve();
      });
    });

  const stopListening = (): Promise<void> =>
    new Promise((resolve) => {
      for (const s of sockets) s.destroy();
      sockets.clear();
      if (!server) {
        resolve();
        return;
      }
      const s = server;
      server = null;
      s.close(() => resolve());
    });

  await listen();

  const printer: FakePrinter = {
    get port() {
      return port;
    },
    jobs,
    get dropped() {
      return dropped;
    },
    mode: options.mode ?? 'ok',
    nextJob(timeoutMs = 15_000) {
      if (taken < jobs.length) return Promise.resolve(jobs[taken++]!);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          const i = waiters.indexOf(onJob);
          if (i >= 0) waiters.splice(i, 1);
          reject(new Error(`no complete print job reached 127.0.0.1:${port} within ${timeoutMs} ms`));
        }, timeoutMs);
        const onJob = (job: ReceivedJob): void => {
          clearTimeout(timer);
          resolve(job);
        };
        waiters.push(onJob);
      });
    },
    down: stopListening,
    up: () => (server ? Promise.resolve() : listen()),
    close: stopListening,
  };
  return printer;
}

/** A port that refuses connections: listened on once, then closed. */
export async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const address = s.address();
  const port = address && typeof address === 'object' ? address.port : 0;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}
