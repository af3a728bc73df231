import { nfc } from '../layout';
import { formatDay, localParts } from '../receipt-text';
import { type FormUnit, type TrackedDossier, type TrackedStatus } from './data';
import { type FormWords, fill } from './words';

/**
 * The facts Mẫu 06 and Mẫu 07 print, as strings, shared by their PDFs and their CSVs so both say the
 * same: the handovers read from a dossier's timeline, and the book's row.
 */

/** "23/11/2026" in the centre's time zone. */
export function dayOf(iso: string, timeZone: string): string {
  const { day, month, year } = localParts(iso, timeZone);
  return `${day}/${month}/${year}`;
}

/** "09:15 23/11/2026" in the centre's time zone. */
export function timeOf(iso: string, timeZone: string): string {
  const { time } = localParts(iso, timeZone);
  return `${time} ${dayOf(iso, timeZone)}`;
}

/** The local calendar day, YYYY-MM-DD, comparable with a due date. */
function isoDayOf(iso: string, timeZone: string): string {
  const { day, month, year } = localParts(iso, timeZone);
  return `${year}-${month}-${day}`;
}

type Holder = 'applicant' | 'kiosk' | 'unit' | 'portal' | 'agency';

/**
 * Who holds the dossier after each status: the applicant hands it to the kiosk (submitted) or the unit
 * (received); the unit sends it through the portal to the agency that decides (a `received` from the
 * portal is the agency's: see `holderAfter`); a result comes back to the unit and goes out to the
 * applicant, as do a request for papers or for fees and a refusal.
 */
const HOLDER_AFTER: Record<TrackedStatus, Holder> = {
  submitted: 'kiosk',
  received: 'unit',
  refused: 'applicant',
  processing: 'agency',
  supplement: 'applicant',
  financial: 'applicant',
  withdrawn: 'applicant',
  stopped: 'unit',
  done: 'unit',
  returned: 'applicant',
  sent: 'portal',
};

const holderAfter = (e: TrackedDossier['events'][number]): Holder =>
  e.status === 'received' && e.source === 'portal' ? 'agency' : HOLDER_AFTER[e.status];

/** Statuses that close the processing clock: where "on time" can be told from the due date. */
const RESULT: ReadonlySet<TrackedStatus> = new Set(['done', 'stopped']);

export interface Handover {
  from: string;
  to: string;
  at: string;
  result: string;
  note: string;
}

function holderName(h: Holder, unit: FormUnit, words: FormWords): string {
  return h === 'unit' ? nfc(unit.receivingUnit) : words.control.holders[h];
}

/** Trước hạn, đúng hạn or quá hạn of a result against the due date; '' where it cannot be told. */
function timeliness(
  d: TrackedDossier,
  status: TrackedStatus,
  at: string,
  unit: FormUnit,
  w: FormWords,
): string {
  if (!RESULT.has(status) || d.reception !== 'received') return '';
  const day = isoDayOf(at, unit.timeZone);
  if (day < d.dueDate) return w.control.early;
  return day === d.dueDate ? w.control.onTime : w.control.late;
}

/** One row per event of the timeline, in order: from whom to whom, when, on time or not, and what. */
export function handovers(d: TrackedDossier, unit: FormUnit, words: FormWords): Handover[] {
  let holder: Holder = 'applicant';
  return d.events.map((e) => {
    const next = holderAfter(e);
    let to = holderName(next, unit, words);
    if (e.status === 'received' && e.source === 'kiosk' && d.receivedBy?.trim())
      to = `${to} (${nfc(d.receivedBy)})`;
    const word =
      next === 'agency' && e.status === 'received'
        ? words.statuses.receivedByAgency
        : words.statuses[e.status];
    const note = [word, e.note?.trim() ? nfc(e.note.trim()) : null].filter(Boolean);
    const row = {
      from: holderName(holder, unit, words),
      to,
      at: timeOf(e.at, unit.timeZone),
      result: timeliness(d, e.status, e.at, unit, words),
      note: note.join(': '),
    };
    holder = next;
    return row;
  });
}

/** The due date as printed: "26/11/2026", "(dự kiến)" after it while estimated. */
export function dueOf(d: TrackedDossier, words: FormWords): string {
  return `${formatDay(d.dueDate)}${d.dueEstimated ? ` ${words.common.estimated}` : ''}`;
}

const firstAt = (d: TrackedDossier, statuses: readonly TrackedStatus[]): string | null =>
  d.events.find((e) => statuses.includes(e.status))?.at ?? null;

/** The book's twelve columns for one dossier (Mẫu 07), `index` counted from 1. */
export function bookRow(d: TrackedDossier, index: number, unit: FormUnit, words: FormWords): string[] {
  const B = words.book;
  const tz = unit.timeZone;
  const day = (iso: string | null): string => (iso ? dayOf(iso, tz) : '');
  const code = d.portalCode?.trim() ? `${nfc(d.code)} (${nfc(d.portalCode.trim())})` : nfc(d.code);
  const contact = [d.applicant.address, d.applicant.phone].flatMap((v) => (v?.trim() ? [nfc(v.trim())] : []));
  // The result, or the request for papers: whichever came first is what the column dates.
  const result = d.events.find(
    (e) => e.status === 'done' || e.status === 'stopped' || e.status === 'supplement',
  );
  const resultText = !result
    ? ''
    : result.status === 'supplement'
      ? fill(B.supplementOn, { date: dayOf(result.at, tz) })
      : dayOf(result.at, tz);
  const note =
    d.reception === 'refused'
      ? fill(B.refused, { reason: nfc(d.refusalReason ?? '').trim() })
      : d.reception === 'pending'
        ? B.pending
        : '';
  return [
    String(index),
    code,
    nfc(d.procedure.name),
    String(d.sets),
    nfc(d.applicant.fullName),
    contact.join(', '),
    day(d.receivedAt ?? d.submittedAt),
    dueOf(d, words),
    day(firstAt(d, ['sent'])),
    resultText,
    day(firstAt(d, ['returned'])),
    note,
  ];
}

/** The book's column titles, in bookRow's order. */
export function bookColumns(words: FormWords): string[] {
  const c = words.book.columns;
  return [
    c.index,
    c.code,
    c.procedure,
    c.sets,
    c.applicant,
    c.contact,
    c.received,
    c.due,
    c.sent,
    c.result,
    c.returned,
    c.note,
  ];
}
