/**
 * Pure helpers for the console's "Hồ sơ" tab: the receipt PDF's bytes, what a reprint's print jobs add up
 * to, park codes as typed, and the order of the day's list. No React, no DOM.
 */
import type { KioskError, PrintJobEvent } from '../../../../preload/api';
import { nextPrintView, type PrintView } from '../../lib/queue';

/** Base64 (as `dossier.receipt` sends the PDF) to bytes, for a `blob:` URL the viewer and download use. */
export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** True when the bytes start like a PDF (`%PDF-`): anything else is not put in the viewer. */
export function looksLikePdf(bytes: Uint8Array): boolean {
  return bytes.length >= 5 && String.fromCharCode(...bytes.subarray(0, 5)) === '%PDF-';
}

/** The file name a downloaded receipt gets: the code, safe for every file system. */
export function receiptFileName(code: string): string {
  return `bien-nhan-${code.replace(/[^0-9A-Za-z.-]/g, '_')}.pdf`;
}

/**
 * A reprint prints one job per copy. Together they are: `failed` when any copy was given up (with its
 * printer's error), `done` when every copy printed, `problem` while one is being retried after an error,
 * else `sent`. `none`: no job at all (no receipt printer configured).
 */
export interface ReprintView {
  view: PrintView;
  error: KioskError | null;
}

export function reprintView(jobIds: readonly number[], events: readonly PrintJobEvent[]): ReprintView {
  if (jobIds.length === 0) return { view: 'none', error: null };
  const views = new Map<number, PrintView>(jobIds.map((id) => [id, 'queued']));
  let error: KioskError | null = null;
  for (const event of events) {
    const current = views.get(event.jobId);
    if (current === undefined) continue;
    views.set(event.jobId, nextPrintView(current, event));
    if (event.error !== null) error = event.error;
  }
  const all = [...views.values()];
  if (all.includes('failed')) return { view: 'failed', error };
  if (all.every((v) => v === 'done')) return { view: 'done', error: null };
  if (all.includes('problem')) return { view: 'problem', error };
  return { view: 'sent', error: null };
}

/** A park code as typed: upper case, letters and digits only, at most 8 (the contract's shape). */
export function cleanParkCode(raw: string): string {
  return raw
    .toUpperCase()
    .replace(/[^0-9A-Z]/g, '')
    .slice(0, 8);
}

export function isParkCode(code: string): boolean {
  return /^[0-9A-Z]{4,8}$/.test(code);
}

/** Newest first: at a counter the dossier just received is the one staff look for. */
export function newestFirst<T extends { receivedAt: string }>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => b.receivedAt.localeCompare(a.receivedAt));
}
