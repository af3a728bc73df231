import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { RatingSchema } from '../../../preload/api';
import type { Clock } from '../clock';
import { KioskFailure, kioskError } from '../errors';
import { isPlainText } from '../dossier/sanitize';
import { localParts } from '../time';

/**
 * Satisfaction ratings (Rất hài lòng / Hài lòng / Chưa hài lòng) after a submit, a lookup or a queue
 * visit, with an optional reason; the staff report counts a day's. Owns the `ratings` table.
 * The day is the centre's day (`timeZone`), so a rating at 06:30 local time is not filed under the
 * previous UTC day.
 */

export type Rating = z.infer<typeof RatingSchema>;
export type RatingContext = 'submit' | 'lookup' | 'queue';

export interface FeedbackReport {
  day: string;
  counts: Record<Rating, number>;
  reasons: { at: string; rating: Rating; reason: string; code: string | null }[];
}

const reasonRefused = () =>
  new KioskFailure(
    kioskError(
      'reason-refused',
      'Lý do chỉ gồm chữ, số và dấu câu thông thường (không có mã HTML hay ký tự điều khiển).',
      'The reason may hold only letters, digits and ordinary punctuation (no markup or control characters).',
      'reason',
    ),
  );

export function createFeedback(db: Database.Database, deps: { clock: Clock; timeZone: string }) {
  const q = {
    insert: db.prepare(
      'INSERT INTO ratings (at, day, context, dossier_code, rating, reason) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    counts: db.prepare('SELECT rating, COUNT(*) AS n FROM ratings WHERE day = ? GROUP BY rating'),
    reasons: db.prepare(
      `SELECT at, rating, reason, dossier_code AS code FROM ratings
       WHERE day = ? AND reason IS NOT NULL ORDER BY at DESC, id DESC`,
    ),
  };
  const today = () => localParts(deps.clock.now(), deps.timeZone).date;

  return {
    rate(input: { context: RatingContext; code?: string; rating: Rating; reason?: string }): { id: number } {
      const reason = input.reason?.trim() || null;
      // Shown on a staff screen: markup and control characters are refused, as in dossier forms.
      if (reason !== null && !isPlainText(reason)) throw reasonRefused();
      const now = deps.clock.now();
      const result = q.insert.run(
        now.toISOString(),
        localParts(now, deps.timeZone).date,
        input.context,
        input.code?.trim().toUpperCase() || null,
        input.rating,
        reason,
      );
      return { id: Number(result.lastInsertRowid) };
    },

    report(day: string = today()): FeedbackReport {
      const counts: Record<Rating, number> = { 'very-satisfied': 0, satisfied: 0, unsatisfied: 0 };
      for (const row of q.counts.all(day) as { rating: Rating; n: number }[]) counts[row.rating] = row.n;
      return { day, counts, reasons: q.reasons.all(day) as FeedbackReport['reasons'] };
    },
  };
}

export type Feedback = ReturnType<typeof createFeedback>;
