/**
 * Pure helpers for the "Chỉ số 766" tab (Quyết định 766/QĐ-TTg): the range a preset stands for, what is
 * wrong with a typed range, and each share as the centre reads it ("83,3 % (25/30)", "—" when there is
 * nothing to score). No React, no DOM.
 */
import type { Indicators, Share } from '../../../../../preload/api';

/** The contract's bound for one computation (`MAX_INDICATOR_DAYS`): the renderer imports no values. */
export const INDICATOR_MAX_DAYS = 366;

export type Preset = 'today' | 'month' | 'custom';

export interface Range {
  from: string;
  to: string;
}

/** Today alone, or the month so far (its first day to today): the scores are counted monthly. */
export function presetRange(preset: Exclude<Preset, 'custom'>, today: string): Range {
  return preset === 'today' ? { from: today, to: today } : { from: `${today.slice(0, 8)}01`, to: today };
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Why a typed range cannot be asked for, or null: both days, in order, at most a year. */
export function rangeProblem(range: Range): 'incomplete' | 'order' | 'too-long' | null {
  if (!DAY.test(range.from) || !DAY.test(range.to)) return 'incomplete';
  if (range.from > range.to) return 'order';
  const days = (Date.parse(`${range.to}T00:00:00Z`) - Date.parse(`${range.from}T00:00:00Z`)) / 86_400_000 + 1;
  return days > INDICATOR_MAX_DAYS ? 'too-long' : null;
}

/** A share as a percentage with one decimal, in the language's way: `83,3 %` (vi), `83.3%` (en). */
export function formatPercent(share: number, language: string): string {
  const value = (Math.round(share * 1000) / 10).toFixed(1);
  return language === 'en' ? `${value}%` : `${value.replace('.', ',')} %`;
}

/** `83,3 % (25/30)`; `—` when nothing was there to score (the whole is 0). */
export function formatShare(share: Share, language: string): string {
  return share.share === null ? '—' : `${formatPercent(share.share, language)} (${share.count}/${share.of})`;
}

/** Nothing happened in the range: no dossier received or finished, no payment, no rating. */
export function isEmpty(data: Indicators): boolean {
  const all = data.all;
  return (
    all.received.total === 0 &&
    all.onTime.of === 0 &&
    all.paidOnline.of === 0 &&
    all.satisfied.of === 0 &&
    data.days.every((d) => d.received === 0 && d.finished === 0)
  );
}

/** `2026-12-07` → `07/12`: the chart's axis, where the year is the range's. */
export function dayLabel(day: string): string {
  return `${day.slice(8, 10)}/${day.slice(5, 7)}`;
}
