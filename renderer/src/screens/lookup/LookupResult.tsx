/**
 * One dossier as a citizen sees it: the code (and the official one once the portal gave it), the
 * procedure, the applicant with the ID masked, the dates, the fee, the state now and the timeline as a
 * vertical list (what happened with its date, then the usual steps still to come, greyed).
 */
import { useTranslation } from 'react-i18next';
import type { Lookup } from '../../../../preload/api';
import {
  Advice,
  CodeFacts,
  EstimatedMark,
  ReceptionFact,
  ResultHead,
  useDue,
  useResultHeading,
  WARN,
  whenText as when,
} from './parts';
import { WarningIcon } from '../../components/icons';
import { buildTimeline, dueMovedAfterSupplement, formatDay, paymentState, safeMaskedId } from './model';

export function LookupResult({ lookup }: { lookup: Lookup }) {
  const { t, i18n } = useTranslation();
  const heading = useResultHeading(lookup.code);

  // The centre's day when the result came: a lookup screen does not stay up across midnight.
  const { due, dueNote } = useDue(lookup.dueDate, lookup.status);
  const maskedId = safeMaskedId(lookup.idMasked);
  const items = buildTimeline(lookup);
  const note = (n: { vi: string; en: string }): string => (i18n.language === 'en' ? n.en : n.vi);
  // The portal's words on where the dossier is now: the papers to bring, the reason it was refused.
  const currentNote = items.find((item) => item.state === 'current')?.note ?? null;
  const newDue = dueMovedAfterSupplement(items);

  return (
    <div className="lookup-result" data-testid="lookup-result">
      <ResultHead status={lookup.status} heading={heading} />

      <div className="lookup-result-body">
        <div className="lookup-result-main">
          {/* What to do comes first: it is what the citizen came to learn. */}
          <Advice status={lookup.status} note={currentNote === null ? null : note(currentNote)} />
          <dl className="lookup-facts">
            <CodeFacts code={lookup.code} portalCode={lookup.portalCode} provisional={lookup.provisional} />
            <div className="lookup-fact lookup-fact-wide">
              <dt>{t('lookup.result.procedure')}</dt>
              <dd data-testid="lookup-procedure">{lookup.procedureName}</dd>
            </div>
            <div className="lookup-fact">
              <dt>{t('lookup.result.applicant')}</dt>
              <dd data-testid="lookup-applicant">{lookup.applicant}</dd>
            </div>
            {maskedId !== null ? (
              <div className="lookup-fact">
                <dt>{t('lookup.result.idNumber')}</dt>
                <dd className="lookup-id" data-testid="lookup-id">
                  {maskedId}
                </dd>
              </div>
            ) : null}
            <div className="lookup-fact">
              <dt>{t('lookup.result.receivedAt')}</dt>
              <dd>
                <time dateTime={lookup.receivedAt}>{when(t, lookup.receivedAt)}</time>
              </dd>
            </div>
            <div className="lookup-fact">
              <dt>{t('lookup.result.dueDate')}</dt>
              <dd data-testid="lookup-due">
                <time dateTime={lookup.dueDate} className="lookup-due-date">
                  {formatDay(lookup.dueDate)}
                </time>
                <EstimatedMark reception={lookup.reception.state} />
                {newDue ? (
                  <span className="lookup-due-new" data-testid="lookup-due-new">
                    {t('lookup.newDue.afterSupplement')}
                  </span>
                ) : null}
                {lookup.firstDueDate && lookup.firstDueDate !== lookup.dueDate ? (
                  <span className="lookup-due-new" data-testid="lookup-due-first">
                    {t('lookup.newDue.first', { day: formatDay(lookup.firstDueDate) })}
                  </span>
                ) : null}
                {dueNote !== null ? (
                  <span
                    className={`lookup-due-note${due.kind === 'late' ? ' is-late' : ''}`}
                    data-due={due.kind}
                  >
                    {' '}
                    ({dueNote})
                  </span>
                ) : null}
              </dd>
            </div>
            <ReceptionFact reception={lookup.reception} />
            {lookup.apology ? (
              // Mẫu 04: the agency's apology for a late dossier, in its words, and the date it now gives.
              <div className="lookup-fact lookup-fact-wide" data-testid="lookup-apology">
                <dt>{t('lookup.apology.title')}</dt>
                <dd>
                  <p className="lookup-apology-text">{lookup.apology.text}</p>
                  <p className="lookup-apology-date">
                    <strong>
                      {t('lookup.apology.newDate', { day: formatDay(lookup.apology.newDueDate) })}
                    </strong>
                  </p>
                </dd>
              </div>
            ) : null}
            <div className="lookup-fact">
              <dt>{t('lookup.result.payment')}</dt>
              <dd data-testid="lookup-payment">{t(`lookup.paymentState.${paymentState(lookup.paid)}`)}</dd>
            </div>
          </dl>
          {lookup.provisional ? <p className="lookup-note">{t('lookup.result.provisionalHelp')}</p> : null}
        </div>
        <section className="lookup-timeline" aria-labelledby="lookup-timeline-title">
          <h2 id="lookup-timeline-title">{t('lookup.result.timeline')}</h2>
          <ol className="timeline" data-testid="lookup-timeline">
            {items.map((item, i) => (
              <li
                key={`${item.status}-${item.at ?? 'next'}-${i}`}
                className={`timeline-item is-${item.state}${WARN.has(item.status) ? ' is-warn' : ''}`}
                data-status={item.status}
                data-state={item.state}
                aria-current={item.state === 'current' ? 'step' : undefined}
              >
                <span className="timeline-mark" aria-hidden="true">
                  {item.state === 'next' ? null : WARN.has(item.status) ? <WarningIcon /> : <Tick />}
                </span>
                <div className="timeline-body">
                  <p className="timeline-title">
                    {item.status === 'submitted' && item.state === 'past'
                      ? t('lookup.step.submitted')
                      : t(`lookup.status.${item.status}`)}
                  </p>
                  {item.at !== null ? (
                    <p className="timeline-at">
                      <time dateTime={item.at}>{when(t, item.at)}</time>
                    </p>
                  ) : (
                    // The status now without a time recorded is still where the dossier is, not "to come".
                    <p className="timeline-at">
                      {item.state === 'current' ? t('lookup.step.current') : t('lookup.step.next')}
                    </p>
                  )}
                  {item.note !== null ? (
                    <p className="timeline-note">
                      {WARN.has(item.status) ? <strong>{t('lookup.step.reason')} </strong> : null}
                      {note(item.note)}
                    </p>
                  ) : null}
                </div>
              </li>
            ))}
          </ol>
        </section>
      </div>
    </div>
  );
}

/** A plain tick: the step's circle is drawn by CSS, so the icon carries no circle of its own. */
function Tick() {
  return (
    <svg
      className="icon"
      viewBox="0 0 48 48"
      fill="none"
      stroke="currentColor"
      strokeWidth="5"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d="m12 25 8 8 16-17" />
    </svg>
  );
}
