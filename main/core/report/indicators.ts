import type { IndicatorRow, Indicators, Share } from '../../../preload/api';
import type { WorkingCalendar } from '../calendar';
import { shiftByPause } from '../dossier/reception';
import { localDay, localParts } from '../time';

/**
 * The Quyết định 766/QĐ-TTg scores (DOMAIN.md "The 2025 reform") over plain facts, with no database:
 * service.ts reads the rows, this decides what counts. Each rule is one small function below so a test
 * can break it alone; README.md in this folder says the same in words.
 */

/** A paper the procedure asks for, as the dossier's own copy of the procedure lists it. */
export interface PaperFact {
  id: string;
  required: boolean;
  /** The declaration the e-form produces: digitised by construction. */
  fromForm: boolean;
}

/** One timeline row; `at` in epoch milliseconds (service.ts reads the stored text). */
export interface EventFact {
  status: string;
  at: number;
}

/** What the scores read of one submitted dossier. */
export interface DossierFact {
  code: string;
  /** The portal's code once it gave one: a rating at lookup may name the dossier by it. */
  portalCode?: string | null;
  procedureId: string;
  procedureName: string;
  field: string;
  /** The centre's day it was submitted on (YYYY-MM-DD). */
  day: string;
  /** assisted_by NULL: the citizen alone at the kiosk. */
  channel: 'kiosk' | 'counter';
  reception: 'pending' | 'received' | 'refused';
  /** When it was received (reception_at), epoch ms; null when not recorded (or not received). */
  receivedAt: number | null;
  /** The appointment date (YYYY-MM-DD) as first given; null: cannot be scored on time. */
  dueDate: string | null;
  feeAmount: number;
  paid: boolean;
  paidVia: 'online' | 'counter' | null;
  /** The result issued electronically: true, false, or null while nobody said (not finished, old portal). */
  resultElectronic: boolean | null;
  papers: readonly PaperFact[];
  /** The components at least one attached file belongs to. */
  attached: ReadonlySet<string>;
  /** In time order. */
  events: readonly EventFact[];
}

/** A rating a citizen gave (ratings table); computeIndicators takes them in the order they were given. */
export interface RatingFact {
  day: string;
  context: 'submit' | 'lookup' | 'queue';
  dossierCode: string | null;
  rating: 'very-satisfied' | 'satisfied' | 'unsatisfied';
}

export interface IndicatorRange {
  from: string;
  to: string;
  timeZone: string;
  /** The centre's working days, to move an appointment by a supplement's pause as the kiosk does. */
  calendar?: WorkingCalendar;
}

// ── calendar ───────────────────────────────────────────────────────────────────────────────────────

/** The day after `day` (YYYY-MM-DD). */
export function nextDay(day: string): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** The days from `from` to `to`, both included. */
export function daysOf(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = from; d <= to; d = nextDay(d)) days.push(d);
  return days;
}

/**
 * The instant local midnight begins `day` in `timeZone`. The zone's offset is taken at the first guess,
 * then again at the result, so a day whose offset differs from the day before (summer time elsewhere;
 * Việt Nam has none) still lands on its own midnight.
 */
export function startOfDay(day: string, timeZone: string): number {
  const wanted = Date.parse(`${day}T00:00:00Z`);
  const offsetAt = (t: number): number => {
    const wall = localParts(new Date(t), timeZone);
    return Date.parse(`${wall.date}T00:00:00Z`) + wall.seconds * 1000 - (t - (t % 1000));
  };
  let t = wanted;
  for (let i = 0; i < 2; i++) t = wanted - offsetAt(t);
  return t;
}

// ── the rules ──────────────────────────────────────────────────────────────────────────────────────

/**
 * Digitised (766's criterion): every paper handed in is on file here, and the result is electronic.
 * A required paper needs at least one attached file; the declaration the e-form makes counts as on
 * file; an optional paper the kiosk holds no file of is taken as not handed in (the kiosk cannot know of
 * a paper given on paper only). The result: electronic when the portal said so (true), not when it said
 * it was on paper (false); null (not finished yet, or a portal that does not say) is scored on the papers
 * alone, so a dossier still in progress is not marked down for a result nobody has issued.
 */
export function isDigitised(d: DossierFact): boolean {
  const papersOnFile = d.papers.every((p) => p.fromForm || !p.required || d.attached.has(p.id));
  return papersOnFile && d.resultElectronic !== false;
}

/** The dossier's first 'done' (Đã xử lý xong) and whether it was on time; null when not finished. */
export interface Finishing {
  at: number;
  /** null: no appointment date to score it against (left out of the share). */
  onTime: boolean | null;
}

/**
 * On time (766): finished by the end of the appointment day (the first instant after it in the centre's
 * zone, `endOf`). A request for papers moves the appointment as the kiosk moved the citizen's date
 * (dossier/reception.ts shiftByPause): by the working days from the day of the request (included) to the
 * day the papers came (excluded), the papers' coming being the next event after the request (the kiosk's
 * own 'sent' aside). Without a calendar, or for a year it does not cover, the pause is subtracted in clock
 * time instead. More than one supplement request before finishing counts as late whatever the dates.
 * Requests before reception are not counted at all.
 */
export function finishing(
  d: DossierFact,
  endOf: (day: string) => number,
  timeZone: string,
  calendar?: WorkingCalendar,
): Finishing | null {
  const doneIndex = d.events.findIndex((e) => e.status === 'done');
  const done = d.events[doneIndex];
  if (!done) return null;
  if (d.dueDate === null) return { at: done.at, onTime: null };
  // A request for papers before reception (a Mẫu 02 instead of receiving it) is not a supplement: the
  // agency's clock had not started. Reception: the first 'received' event, else reception_at; with
  // neither, a dossier received before 0013 recorded it counts all its requests.
  const receivedIndex = d.events.findIndex((e) => e.status === 'received');
  const afterReception = (i: number, at: number): boolean =>
    receivedIndex >= 0
      ? i > receivedIndex
      : d.receivedAt !== null
        ? at >= d.receivedAt
        : d.reception === 'received';
  let asked = -1;
  for (let i = 0; i < doneIndex; i++) {
    const e = d.events[i];
    if (e?.status !== 'supplement' || !afterReception(i, e.at)) continue;
    if (asked >= 0) return { at: done.at, onTime: false }; // a second request
    asked = i;
  }
  const request = d.events[asked];
  if (!request) return { at: done.at, onTime: done.at < endOf(d.dueDate) };
  const resumed = d.events.slice(asked + 1).find((e) => e.status !== 'sent') ?? done;
  if (calendar) {
    try {
      const day = (at: number) => localDay(new Date(at), timeZone);
      const due = shiftByPause(d.dueDate, day(request.at), day(resumed.at), calendar);
      return { at: done.at, onTime: done.at < endOf(due) };
    } catch {
      // A year the calendar does not cover: the clock-time pause below.
    }
  }
  const pause = Math.max(0, resumed.at - request.at);
  return { at: done.at, onTime: done.at - pause < endOf(d.dueDate) };
}

/** Paid online (766): of the dossiers with a fee that were paid, those paid online. Null: not scored. */
export const paidOnline = (d: DossierFact): boolean | null =>
  d.feeAmount > 0 && d.paid ? d.paidVia === 'online' : null;

/** Satisfaction (766): ratings about dossiers (at submit or at lookup), not the queue's. Null: not scored. */
export const satisfied = (r: RatingFact): boolean | null =>
  r.context === 'queue' ? null : r.rating === 'very-satisfied' || r.rating === 'satisfied';

// ── grouping ───────────────────────────────────────────────────────────────────────────────────────

export const share = (count: number, of: number): Share => ({
  count,
  of,
  share: of === 0 ? null : count / of,
});

interface Tally {
  key: string;
  label: string;
  total: number;
  kiosk: number;
  counter: number;
  refused: number;
  digitised: number;
  digitisable: number;
  onTime: number;
  finished: number;
  paidOnline: number;
  paid: number;
  satisfied: number;
  rated: number;
}

const tally = (key: string, label: string): Tally => ({
  key,
  label,
  total: 0,
  kiosk: 0,
  counter: 0,
  refused: 0,
  digitised: 0,
  digitisable: 0,
  onTime: 0,
  finished: 0,
  paidOnline: 0,
  paid: 0,
  satisfied: 0,
  rated: 0,
});

const rowOf = (t: Tally): IndicatorRow => ({
  key: t.key,
  label: t.label,
  received: { total: t.total, kiosk: t.kiosk, counter: t.counter, refused: t.refused },
  digitised: share(t.digitised, t.digitisable),
  onTime: share(t.onTime, t.finished),
  paidOnline: share(t.paidOnline, t.paid),
  satisfied: share(t.satisfied, t.rated),
});

const byLabel = (a: Tally, b: Tally): number =>
  a.label.localeCompare(b.label, 'vi') || (a.key < b.key ? -1 : 1);

/**
 * The scores of `range` (the centre's days) over the dossiers given: those submitted in the range, those
 * finished in it, and those rated in it (service.ts reads exactly these; others are ignored here too).
 * A rating whose code names no dossier given counts nowhere; one without a code in the whole only.
 */
export function computeIndicators(
  range: IndicatorRange,
  dossiers: readonly DossierFact[],
  ratings: readonly RatingFact[],
): Indicators {
  const days = daysOf(range.from, range.to);
  const starts = new Map<string, number>();
  const startOf = (day: string): number => {
    let t = starts.get(day);
    if (t === undefined) starts.set(day, (t = startOfDay(day, range.timeZone)));
    return t;
  };
  const ends = new Map<string, number>();
  const endOf = (day: string): number => {
    let t = ends.get(day);
    if (t === undefined) ends.set(day, (t = startOf(nextDay(day))));
    return t;
  };
  const dayStarts = days.map(startOf);
  const rangeEnd = endOf(range.to);
  /** The index in `days` of an instant, or -1 outside the range. */
  const dayIndex = (at: number): number => {
    if (!(at >= (dayStarts[0] ?? Infinity) && at < rangeEnd)) return -1;
    let lo = 0;
    let hi = dayStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((dayStarts[mid] ?? Infinity) <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };

  const all = tally('all', 'Tất cả');
  const procedures = new Map<string, Tally>();
  const fields = new Map<string, Tally>();
  const perDay = days.map((day) => ({ day, received: 0, finished: 0, onTime: 0 }));
  const pointOf = new Map(perDay.map((point) => [point.day, point]));
  const byCode = new Map<string, DossierFact>();
  for (const d of dossiers) {
    byCode.set(d.code, d);
    if (d.portalCode) byCode.set(d.portalCode, d);
  }
  const groupsOf = (d: DossierFact | undefined): Tally[] => {
    if (!d) return [all];
    let p = procedures.get(d.procedureId);
    if (!p) procedures.set(d.procedureId, (p = tally(d.procedureId, d.procedureName)));
    let f = fields.get(d.field);
    if (!f) fields.set(d.field, (f = tally(d.field, d.field)));
    return [all, p, f];
  };

  for (const d of dossiers) {
    const received = d.day >= range.from && d.day <= range.to;
    const finished = finishing(d, endOf, range.timeZone, range.calendar);
    const finishedDay = finished && finished.onTime !== null ? dayIndex(finished.at) : -1;
    if (!received && finishedDay < 0) continue;
    const groups = groupsOf(d);
    if (received) {
      const digitised = d.reception === 'refused' ? null : isDigitised(d);
      const online = paidOnline(d);
      for (const t of groups) {
        t.total++;
        if (d.channel === 'kiosk') t.kiosk++;
        else t.counter++;
        if (d.reception === 'refused') t.refused++;
        if (digitised !== null) {
          t.digitisable++;
          if (digitised) t.digitised++;
        }
        if (online !== null) {
          t.paid++;
          if (online) t.paidOnline++;
        }
      }
      const point = pointOf.get(d.day);
      if (point) point.received++;
    }
    if (finished && finishedDay >= 0) {
      for (const t of groups) {
        t.finished++;
        if (finished.onTime) t.onTime++;
      }
      const point = perDay[finishedDay];
      if (point) {
        point.finished++;
        if (finished.onTime) point.onTime++;
      }
    }
  }

  // feedback.rate takes any number of ratings with any code, so one rating per dossier and moment (submit,
  // lookup) counts: the last given in the range. A code that names no dossier of this kiosk counts
  // nowhere; a rating with no code (of the visit) counts in the whole only.
  const counted: { d: DossierFact | undefined; ok: boolean }[] = [];
  const latest = new Map<string, number>();
  for (const r of ratings) {
    if (r.day < range.from || r.day > range.to) continue;
    const ok = satisfied(r);
    if (ok === null) continue;
    if (r.dossierCode === null) {
      counted.push({ d: undefined, ok });
      continue;
    }
    const d = byCode.get(r.dossierCode);
    if (!d) continue;
    const key = `${r.context}\u0000${d.code}`;
    const at = latest.get(key);
    if (at === undefined) latest.set(key, counted.push({ d, ok }) - 1);
    else counted[at] = { d, ok };
  }
  for (const { d, ok } of counted)
    for (const t of groupsOf(d)) {
      t.rated++;
      if (ok) t.satisfied++;
    }

  return {
    from: range.from,
    to: range.to,
    all: rowOf(all),
    byProcedure: [...procedures.values()].sort(byLabel).map(rowOf),
    byField: [...fields.values()].sort(byLabel).map(rowOf),
    days: perDay,
  };
}
