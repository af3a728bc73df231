import type { KioskError, MethodOutput } from '../../../preload/api';
import { localParts } from '../time';
import { localErrors, storedError } from './messages';
import type { SyncStore } from './store';

/** Rows as the staff sync screen reads them, and the centre-local time helpers the engine needs. */
export type SyncAttention = MethodOutput<'sync.attention'>[number];
export type SyncFeedEvent = MethodOutput<'sync.feed'>[number];

export function attentionView(r: ReturnType<SyncStore['attentionRows']>[number]): SyncAttention {
  const error: KioskError = storedError(r.errorJson, localErrors.unexpected());
  return {
    dossierId: r.dossierId,
    code: r.code ?? '',
    procedureName: procedureName(r.procedureJson),
    httpStatus: r.httpStatus,
    error: { vi: error.vi, en: error.en },
    reasons: reasonsOf(r.reasonsJson),
    since: r.since,
    attempts: r.attempts,
  };
}

export function feedView(r: ReturnType<SyncStore['feed']>[number]): SyncFeedEvent {
  return { at: r.at, kind: r.kind, code: r.code, message: { vi: r.vi, en: r.en } };
}

function procedureName(json: string): string {
  try {
    const p = JSON.parse(json) as { name?: unknown };
    return typeof p.name === 'string' ? p.name : '';
  } catch {
    return '';
  }
}

function reasonsOf(json: string | null): string[] {
  if (!json) return [];
  try {
    const list = JSON.parse(json) as unknown;
    return Array.isArray(list) ? list.filter((r): r is string => typeof r === 'string') : [];
  } catch {
    return [];
  }
}

/** The UTC instant of the centre's local midnight today ("synced today" counts from here). */
export function dayStart(now: Date, timeZone: string): string {
  const local = localParts(now, timeZone);
  let start = now.getTime() - local.seconds * 1000 - now.getUTCMilliseconds();
  // A daylight-saving change earlier today shifts the guess by the change; correct it once.
  const check = localParts(new Date(start), timeZone);
  if (check.date !== local.date) start += (86_400 - check.seconds) * 1000;
  else start -= check.seconds * 1000;
  return new Date(start).toISOString();
}

/** HH:MM in the centre's time zone, for "tried again at …" in the feed. */
export function clockTime(instant: Date, timeZone: string): string {
  const { minutes } = localParts(instant, timeZone);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
