/**
 * The kiosk's side of the file worker: one child process (decode/worker.ts) that decodes pictures and
 * checks PDFs one at a time, so a hostile file can cost the worker but never the kiosk's own process.
 * - A time limit per file: past it the child is killed (SIGKILL: a spinning decoder ignores anything
 *   gentler) and the file is refused with `file-too-slow`; the next file gets a new child. A worker
 *   thread could not do this: it cannot bound or free native memory, nor be stopped inside native code.
 * - A bounded queue: beyond `maxWaiting` files waiting, the next is refused at once with `file-busy`.
 * - A child that dies (out of memory, a crash in a native library) fails only its own file.
 * - A child whose memory has grown past `recycleRssBytes` is replaced after its answer.
 */
import { fork } from 'node:child_process';
import { createLogger } from '../../log';
import type { FileKind } from '../sniff';
import type { DecodeLimits, DecodeRefusal, DecodeRequest, DecodedDocument } from './protocol';
import { MEMORY_SIGNAL } from './watchdog';

const log = createLogger('dossier.decode');

/** A started worker, whatever started it (Node's fork, or Electron's utilityProcess in the shell). */
export interface WorkerChild {
  send(message: DecodeRequest): void;
  /** Ends the child at once (SIGKILL where there are signals). */
  kill(): void;
  onMessage(listener: (message: unknown) => void): void;
  /** `signal` where the platform reports one: SIGUSR2 is the worker's watchdog ending it for memory. */
  onExit(listener: (code: number | null, signal?: string | null) => void): void;
}

export type LaunchWorker = (script: string) => WorkerChild;

/**
 * The worker's environment: nothing of the kiosk's (KIOSK_PORTAL_TOKEN, KIOSK_ADMIN_PIN …), only what
 * Windows needs to start a process at all, and NODE_PATH, where a bundle outside the checkout (the
 * bench, the crash test) finds sharp.
 */
export function workerEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const key of ['SYSTEMROOT', 'SystemRoot', 'WINDIR', 'TEMP', 'TMP', 'NODE_PATH']) {
    const value = process.env[key];
    if (value !== undefined) env[key] = value;
  }
  return env;
}

/** A capped JavaScript heap (pdf-lib's objects live there; native buffers are the watchdog's). */
export const WORKER_EXEC_ARGV = ['--max-old-space-size=512'] as const;

/**
 * Plain Node: `child_process.fork` with V8 serialisation (bytes cross as a Uint8Array, not a JSON array
 * of numbers), an empty environment (the portal token and the admin PIN stay in the kiosk), a capped
 * JavaScript heap, and no inherited --inspect or loader flags.
 */
export const forkWorker: LaunchWorker = (script) => {
  const child = fork(script, [], {
    serialization: 'advanced',
    env: workerEnv(),
    execArgv: [...WORKER_EXEC_ARGV],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  // Without a listener, a failed spawn or a send on a closed channel would be thrown in the kiosk's
  // process; the exit that follows tells the decoder what it needs.
  child.on('error', (error) => log.warn('file worker process error', { error }));
  return {
    send: (message) => child.send(message),
    kill: () => child.kill('SIGKILL'),
    onMessage: (listener) => child.on('message', listener),
    onExit: (listener) => child.on('exit', (code, signal) => listener(code, signal)),
  };
};

/** Why the decoder gave up on a file without the worker's verdict. */
export type DecodeFailure =
  | DecodeRefusal
  | { code: 'file-too-slow' }
  | { code: 'file-busy' }
  | { code: 'file-check-failed' }
  | { code: 'file-too-complex' };

export class DecodeFailed extends Error {
  constructor(readonly failure: DecodeFailure) {
    super(failure.code);
  }
}

export interface FileDecoderOptions {
  /** The worker's script (dist/main/file-worker.cjs). */
  script: string;
  launch?: LaunchWorker;
  limits: DecodeLimits;
  /** How long one file may take in the worker, starting the worker included. */
  timeoutMs: number;
  /** Files waiting behind the one being decoded; one more is refused with `file-busy`. */
  maxWaiting: number;
  /** How long a file may wait for its turn before it is refused with `file-busy` (default: timeoutMs). */
  maxWaitMs?: number;
  /** A worker larger than this after a file is replaced (its native heap may not shrink). */
  recycleRssBytes?: number;
}

export interface FileDecoder {
  /** The stored form of the file, or a `DecodeFailed` naming why not. */
  decode(bytes: Uint8Array, kind: FileKind): Promise<DecodedDocument>;
  /** Starts the worker ahead of the first file, so a citizen's first attach does not wait for it. */
  warm(): void;
  close(): void;
  /** For the bench and tests: workers started and killed for time so far, the worker's last RSS. */
  stats(): { started: number; killedSlow: number; waiting: number; workerRssBytes: number };
}

interface Job {
  id: number;
  kind: FileKind;
  bytes: Uint8Array;
  resolve(value: DecodedDocument): void;
  reject(error: Error): void;
  /** A file waits no longer than one file's time limit before it is refused as `file-busy`. */
  waiting?: NodeJS.Timeout;
}

interface Live {
  child: WorkerChild;
  ready: Promise<void>;
  /** Where the answer to the file in flight goes. */
  onAnswer?: (message: unknown) => void;
  exited: boolean;
}

const isObject = (m: unknown): m is Record<string, unknown> => typeof m === 'object' && m !== null;

export function createFileDecoder(options: FileDecoderOptions): FileDecoder {
  const launch = options.launch ?? forkWorker;
  const recycleAt = options.recycleRssBytes ?? 600 * 1024 * 1024;
  const queue: Job[] = [];
  let live: Live | null = null;
  let busy = false;
  let nextId = 1;
  let closed = false;
  const counts = { started: 0, killedSlow: 0, workerRssBytes: 0 };

  function start(): Live {
    const child = launch(options.script);
    counts.started += 1;
    let markReady: () => void = () => {};
    let markDead: (error: Error) => void = () => {};
    const ready = new Promise<void>((resolve, reject) => {
      markReady = resolve;
      markDead = reject;
    });
    ready.catch(() => {}); // observed by the job that waits for it; never an unhandled rejection
    const entry: Live = { child, ready, exited: false };
    child.onMessage((message) => {
      if (isObject(message) && message.ready === true) markReady();
      else entry.onAnswer?.(message);
    });
    child.onExit((code, signal) => {
      entry.exited = true;
      markDead(new Error(`file worker exited (${code}) before it was ready`));
      if (live === entry) live = null;
      entry.onAnswer?.({ exited: code, signal: signal ?? null });
    });
    return entry;
  }

  function stop(entry: Live): void {
    if (live === entry) live = null;
    if (!entry.exited) entry.child.kill();
  }

  async function run(job: Job): Promise<void> {
    const entry = live ?? (live = start());
    let timer: NodeJS.Timeout | undefined;
    const answer = new Promise<unknown>((resolve) => {
      entry.onAnswer = resolve;
      timer = setTimeout(() => resolve({ timedOut: true }), options.timeoutMs);
    });
    let started = false;
    void entry.ready.then(
      () => {
        started = true;
        try {
          const { id, kind, bytes } = job;
          entry.child.send({ id, kind, bytes, limits: options.limits, timeoutMs: options.timeoutMs });
        } catch (error) {
          log.warn('could not hand a file to the worker', { error }); // its exit answers
        }
      },
      () => {}, // the exit already answered
    );
    const message = await answer;
    clearTimeout(timer);
    entry.onAnswer = undefined;
    if (!isObject(message) || message.id !== job.id) {
      stop(entry);
      if (isObject(message) && message.timedOut === true) {
        counts.killedSlow += 1;
        log.warn('file worker killed: a file took too long', { kind: job.kind, bytes: job.bytes.length });
        job.reject(new DecodeFailed({ code: 'file-too-slow' }));
      } else if (isObject(message) && message.signal === MEMORY_SIGNAL) {
        log.warn('file worker stopped itself: a file needed too much memory', {
          kind: job.kind,
          bytes: job.bytes.length,
        });
        job.reject(new DecodeFailed({ code: 'file-too-complex' }));
      } else if (!started) {
        // Not the file's fault: the worker never came up (a missing bundle, a broken sharp install).
        log.error('file worker could not start', { script: options.script, answer: message });
        job.reject(new DecodeFailed({ code: 'file-check-failed' }));
      } else {
        log.warn('file worker died while decoding', {
          kind: job.kind,
          bytes: job.bytes.length,
          answer: message,
        });
        job.reject(new DecodeFailed({ code: job.kind === 'pdf' ? 'pdf-damaged' : 'image-damaged' }));
      }
      return;
    }
    if (typeof message.rss === 'number') {
      counts.workerRssBytes = message.rss;
      if (message.rss > recycleAt) stop(entry);
    }
    if (message.ok === true) {
      job.resolve(message.value as DecodedDocument);
    } else if (isObject(message.refusal)) {
      job.reject(new DecodeFailed(message.refusal as DecodeRefusal));
    } else {
      log.error('file worker failed on a file', { kind: job.kind, crash: message.crash });
      job.reject(new DecodeFailed({ code: job.kind === 'pdf' ? 'pdf-damaged' : 'image-damaged' }));
    }
  }

  function pump(): void {
    if (busy || closed) return;
    const job = queue.shift();
    if (!job) return;
    clearTimeout(job.waiting);
    busy = true;
    run(job)
      .catch((error: unknown) => job.reject(error as Error))
      .finally(() => {
        busy = false;
        pump();
      });
  }

  return {
    decode(bytes, kind) {
      if (closed) return Promise.reject(new Error('file decoder closed'));
      if (queue.length >= options.maxWaiting) return Promise.reject(new DecodeFailed({ code: 'file-busy' }));
      return new Promise<DecodedDocument>((resolve, reject) => {
        const job: Job = { id: nextId++, kind, bytes, resolve, reject };
        job.waiting = setTimeout(() => {
          const at = queue.indexOf(job);
          if (at < 0) return;
          queue.splice(at, 1);
          reject(new DecodeFailed({ code: 'file-busy' }));
        }, options.maxWaitMs ?? options.timeoutMs);
        queue.push(job);
        pump();
      });
    },
    warm() {
      if (!closed && !live) live = start();
    },
    close() {
      closed = true;
      for (const job of queue.splice(0)) {
        clearTimeout(job.waiting);
        job.reject(new Error('file decoder closed'));
      }
      if (live) stop(live);
    },
    stats: () => ({ ...counts, waiting: queue.length }),
  };
}
