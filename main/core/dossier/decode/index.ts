import { join } from 'node:path';
import type { KioskConfig } from '../../config/schema';
import { createFileDecoder, type FileDecoder, type LaunchWorker } from './pool';
import { DEFAULT_DECODE_LIMITS } from './protocol';

export { createFileDecoder, forkWorker, workerEnv, DecodeFailed, WORKER_EXEC_ARGV } from './pool';
export type { FileDecoder, LaunchWorker, WorkerChild } from './pool';
export { DEFAULT_DECODE_LIMITS } from './protocol';

/** The worker's bundle, written beside the main bundles by scripts/build-main.mjs. */
export const WORKER_FILE = 'file-worker.cjs';

export interface FileWorkerOptions {
  /** The worker's script; defaults to file-worker.cjs beside the running bundle (dist/main). */
  script?: string;
  /** How to start it; defaults to child_process.fork (the Electron shell passes a utilityProcess). */
  launch?: LaunchWorker;
}

/** At most this many attachments wait for the worker behind the one it is on. */
export const MAX_WAITING_FILES = 4;

export function decoderFor(config: KioskConfig, options: FileWorkerOptions = {}): FileDecoder {
  const d = config.dossier;
  return createFileDecoder({
    script: options.script ?? join(__dirname, WORKER_FILE),
    ...(options.launch ? { launch: options.launch } : {}),
    limits: {
      ...DEFAULT_DECODE_LIMITS,
      maxPixels: Math.round(d.maxImageMegapixels * 1e6),
      maxSide: d.maxImageSide,
    },
    timeoutMs: d.fileCheckSeconds * 1000,
    maxWaiting: MAX_WAITING_FILES,
  });
}
