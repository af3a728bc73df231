/**
 * The satisfaction rating after a lookup or a submission: three very large face buttons (Rất hài lòng /
 * Hài lòng / Chưa hài lòng), then an optional reason (a few choices and free text) and "Gửi".
 *
 * It never stands in the way: the host screen keeps its own way out, nothing here is required, and a
 * face that was tapped but not sent is still recorded (without a reason) when the screen goes away, so
 * a citizen who taps a face and walks off is counted once, not lost and not counted twice.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodInput } from '../../../preload/api';
import { lookupVi } from '../i18n/lookup.vi';
import { useKiosk } from '../context';
import '../styles/lookup.css';

export type RatingValue = 'very-satisfied' | 'satisfied' | 'unsatisfied';
export type RatingContext = 'submit' | 'lookup';

export const RATINGS: readonly RatingValue[] = ['very-satisfied', 'satisfied', 'unsatisfied'];

export type ReasonId = keyof typeof lookupVi.rating.reasons;

/** Praise for a very good rating; for the others, what to improve (the question the screen asks). */
export function reasonChoices(rating: RatingValue): ReasonId[] {
  return rating === 'very-satisfied'
    ? ['fast', 'easy', 'clear', 'staff']
    : ['wait', 'guide', 'machine', 'info'];
}

/** The contract's limit on a reason (feedback.rate). */
export const REASON_MAX = 500;

/**
 * The reason as stored: the chosen choices' Vietnamese labels, then the free text, joined by "; ". Always
 * Vietnamese whatever the screen's language, so the staff report reads one way; undefined when empty.
 */
export function composeReason(choices: readonly ReasonId[], text: string): string | undefined {
  const parts = choices.map((id) => lookupVi.rating.reasons[id]);
  const free = text.replace(/\s+/g, ' ').trim();
  if (free !== '') parts.push(free);
  const reason = parts.join('; ').slice(0, REASON_MAX).trim();
  return reason === '' ? undefined : reason;
}

/** The call's input; the code only when there is one (the contract refuses an empty one). */
export function rateInput(
  context: RatingContext,
  code: string | undefined,
  rating: RatingValue,
  reason: string | undefined,
): MethodInput<'feedback.rate'> {
  return {
    context,
    rating,
    ...(code !== undefined && code.trim() !== '' ? { code } : {}),
    ...(reason !== undefined ? { reason } : {}),
  };
}

type Phase = 'choose' | 'sending' | 'thanks' | 'failed';

export function Rating({
  context,
  code,
  onDone,
}: {
  context: RatingContext;
  code?: string;
  onDone?: () => void;
}) {
  const { t } = useTranslation();
  const client = useKiosk();
  const headingId = useId();
  const textId = useId();
  const [rating, setRating] = useState<RatingValue | null>(null);
  const [choices, setChoices] = useState<ReasonId[]>([]);
  const [text, setText] = useState('');
  const [phase, setPhase] = useState<Phase>('choose');

  // What the unmount should still send: a face tapped, not yet sent.
  const unsent = useRef<MethodInput<'feedback.rate'> | null>(null);
  useEffect(() => {
    unsent.current =
      rating !== null && phase === 'choose' ? rateInput(context, code, rating, undefined) : null;
  }, [rating, phase, context, code]);
  useEffect(
    () => () => {
      const input = unsent.current;
      // Fire and forget: the person has left; nobody is there to read an error.
      if (input) void client.call('feedback.rate', input);
    },
    [client],
  );

  const pick = (value: RatingValue): void => {
    if (value !== rating) setChoices([]);
    setRating(value);
  };

  const toggle = (id: ReasonId): void =>
    setChoices((list) => (list.includes(id) ? list.filter((c) => c !== id) : [...list, id]));

  const send = async (): Promise<void> => {
    if (rating === null) return;
    setPhase('sending');
    const result = await client.call(
      'feedback.rate',
      rateInput(context, code, rating, composeReason(choices, text)),
    );
    setPhase(result.ok ? 'thanks' : 'failed');
  };

  if (phase === 'thanks' || phase === 'failed') {
    return (
      <section className="rating rating-done" data-testid="rating" aria-labelledby={headingId}>
        <div role="status" className="rating-thanks" data-testid="rating-thanks">
          <h2 id={headingId}>{phase === 'thanks' ? t('lookup.rating.thanks') : t('lookup.rating.failed')}</h2>
          {phase === 'thanks' ? <p>{t('lookup.rating.thanksHelp')}</p> : null}
        </div>
        {onDone ? (
          <button type="button" className="btn btn-primary btn-xl" data-testid="rating-done" onClick={onDone}>
            {t('lookup.rating.done')}
          </button>
        ) : null}
      </section>
    );
  }

  return (
    <section className="rating" data-testid="rating" aria-labelledby={headingId}>
      <h2 id={headingId} className="rating-heading">
        {t('lookup.rating.heading')}
      </h2>
      <p className="rating-optional">{t('lookup.rating.optional')}</p>
      <div className="rating-faces" role="group" aria-labelledby={headingId}>
        {RATINGS.map((value) => (
          <button
            key={value}
            type="button"
            className={`btn rating-face rating-${value}`}
            aria-pressed={rating === value}
            data-testid={`rate-${value}`}
            disabled={phase === 'sending'}
            onClick={() => pick(value)}
          >
            <Face rating={value} />
            <span className="rating-face-label">{t(`lookup.rating.${value}`)}</span>
          </button>
        ))}
      </div>

      {rating !== null ? (
        <div className="rating-reason">
          <fieldset className="rating-reasons">
            <legend>
              {rating === 'very-satisfied'
                ? t('lookup.rating.reasonAskGood')
                : t('lookup.rating.reasonAskBad')}
            </legend>
            <div className="rating-chips">
              {reasonChoices(rating).map((id) => (
                <button
                  key={id}
                  type="button"
                  className="btn btn-tool rating-chip"
                  aria-pressed={choices.includes(id)}
                  data-testid={`reason-${id}`}
                  disabled={phase === 'sending'}
                  onClick={() => toggle(id)}
                >
                  {t(`lookup.rating.reasons.${id}`)}
                </button>
              ))}
            </div>
          </fieldset>
          <div className="field rating-text">
            <label htmlFor={textId}>{t('lookup.rating.reasonText')}</label>
            <textarea
              id={textId}
              data-testid="rating-text"
              rows={2}
              maxLength={REASON_MAX}
              value={text}
              disabled={phase === 'sending'}
              onChange={(e) => setText(e.target.value)}
            />
          </div>
          <button
            type="button"
            className="btn btn-primary btn-xl rating-send"
            data-testid="rating-send"
            disabled={phase === 'sending'}
            onClick={() => void send()}
          >
            {phase === 'sending' ? t('lookup.rating.sending') : t('lookup.rating.send')}
          </button>
        </div>
      ) : null}
    </section>
  );
}

/**
 * A face drawn in SVG (not an emoji: emoji fonts differ between machines and some kiosks have none). The
 * mouth tells the three apart; colour only adds to it.
 */
export function Face({ rating }: { rating: RatingValue }) {
  const mouth =
    rating === 'very-satisfied'
      ? 'M15 28c2.5 6 15.5 6 18 0z'
      : rating === 'satisfied'
        ? 'M16 30c3 3.5 13 3.5 16 0'
        : 'M16 34c3-4 13-4 16 0';
  return (
    <svg
      className="icon rating-icon"
      viewBox="0 0 48 48"
      fill="none"
      stroke="currentColor"
      strokeWidth="3"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <circle cx="24" cy="24" r="20" />
      <circle cx="17" cy="19" r="2" fill="currentColor" />
      <circle cx="31" cy="19" r="2" fill="currentColor" />
      <path d={mouth} fill={rating === 'very-satisfied' ? 'currentColor' : 'none'} />
    </svg>
  );
}
