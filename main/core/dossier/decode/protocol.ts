/**
 * What the kiosk and its file worker (a child process, decode/worker.ts) say to each other. The worker
 * decodes untrusted images and parses untrusted PDFs, so the kiosk's own process never does: a file that
 * hangs a decoder or balloons its memory costs only the worker, which the kiosk kills on a time limit.
 * Messages are plain data (structured clone / V8 serialisation): bytes travel as Uint8Array.
 */
import type { FileKind } from '../sniff';

/** Limits applied in the worker; `dossier.images` in the configuration. */
export interface DecodeLimits {
  /** Largest picture, in pixels, counted after EXIF rotation (40 megapixels by default). */
  maxPixels: number;
  /** Longest side in pixels, after EXIF rotation (20,000 by default). */
  maxSide: number;
  /** The worker ends itself when its memory passes this while on a file (decode/watchdog.ts). */
  maxRssBytes: number;
}

export const DEFAULT_DECODE_LIMITS: DecodeLimits = {
  maxPixels: 40_000_000,
  maxSide: 20_000,
  maxRssBytes: 1024 * 1024 * 1024,
};

export interface DecodeRequest {
  id: number;
  kind: FileKind;
  bytes: Uint8Array;
  limits: DecodeLimits;
  /** The kiosk's time limit for this file; the worker's watchdog ends it a little after, as a backstop. */
  timeoutMs: number;
}

/**
 * Why a file was refused, as data: the kiosk turns it into words (messages.ts). The worker never sends
 * text meant for people, so one place says everything a citizen reads.
 */
export type DecodeRefusal =
  | { code: 'image-damaged' }
  | { code: 'image-too-large'; megapixels: number; maxMegapixels: number }
  | { code: 'image-too-wide'; width: number; height: number; maxSide: number }
  | { code: 'pdf-damaged' }
  | { code: 'pdf-encrypted' }
  | { code: 'pdf-too-many-pages'; maxPages: number }
  | { code: 'pdf-active-content'; what: 'javascript' | 'launch' | 'embedded-file' | 'external-action' };

export interface DecodedDocument {
  pdf: Uint8Array;
  pages: number;
  /** A ~160 px PNG data URL for pictures; null for PDFs (the screen shows their page count). */
  thumbnail: string | null;
}

export type DecodeResponse =
  | { id: number; ok: true; value: DecodedDocument; rss: number }
  | { id: number; ok: false; refusal: DecodeRefusal; rss: number }
  /** A bug or an unexpected library error: logged by the kiosk, shown to the citizen as "damaged". */
  | { id: number; ok: false; crash: string; rss: number };

/** The first message a worker sends: it has loaded its libraries and takes requests. */
export interface WorkerReady {
  ready: true;
}
