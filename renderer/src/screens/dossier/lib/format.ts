/**
 * How procedures, fees and dates read on the citizen screens. Pure, for tests; the words themselves come
 * from the i18n files, these only pick and format.
 */
import type { ProcedureComponent } from '../../../../../preload/api';

export type Lang = 'vi' | 'en';

export const langOf = (language: string): Lang => (language === 'en' ? 'en' : 'vi');

/** 8000 → "8.000" (vi) or "8,000" (en); the unit is added by the message ("8.000 đồng"). */
export function formatAmount(amount: number, lang: Lang): string {
  return new Intl.NumberFormat(lang === 'en' ? 'en-US' : 'vi-VN', { maximumFractionDigits: 0 }).format(
    amount,
  );
}

/** "2026-11-23" → "23/11/2026": the way every Vietnamese form writes a date. Unreadable input is kept. */
export function formatDay(day: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : day;
}

/** An ISO time as "HH:MM dd/mm/yyyy" in the centre's time zone. */
export function formatDateTime(iso: string, timeZone = 'Asia/Ho_Chi_Minh'): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const parts: Record<string, string> = {};
  const f = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  for (const p of f.formatToParts(date)) parts[p.type] = p.value;
  return `${parts.hour}:${parts.minute} ${parts.day}/${parts.month}/${parts.year}`;
}

/** The i18n key that names a paper's form (bản chính, bản sao …). */
export function paperFormKey(
  form: ProcedureComponent['form'],
): `dossier.paper.form.${ProcedureComponent['form']}` {
  return `dossier.paper.form.${form}`;
}

/** Name in the screen's language (the catalogue carries both). */
export function inLang(vi: string, en: string, lang: Lang): string {
  return lang === 'en' && en.trim() !== '' ? en : vi;
}

/** 1 234 567 bytes → "1,2 MB" / "1.2 MB"; small files in KB. */
export function formatBytes(bytes: number, lang: Lang): string {
  const f = (n: number): string =>
    new Intl.NumberFormat(lang === 'en' ? 'en-US' : 'vi-VN', { maximumFractionDigits: 1 }).format(n);
  if (bytes >= 1_000_000) return `${f(bytes / 1_000_000)} MB`;
  return `${f(Math.max(1, Math.round(bytes / 1_000)))} KB`;
}
