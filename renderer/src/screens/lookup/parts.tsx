/**
 * What both lookup views show the same way (the status only, LookupStatusView; the whole dossier,
 * LookupResult): the heading with the status badge, the code facts, the due-date words and the advice
 * for a status that asks something of the citizen. Focus moves to the heading when a new code shows.
 */
import { useEffect, useRef, useState, type RefObject } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Reception, ReceptionState, TimelineStatus } from '../../../../preload/api';
import { useAppInfo } from '../../context';
import { centreDay } from '../../lib/queue';
import { formatDateTime } from '../../components/Clock';
import { dueState, statusCode, type DueState } from './model';

/** Steps that ask something of the citizen or end the dossier badly get the warning look. */
export const WARN: ReadonlySet<TimelineStatus> = new Set(['supplement', 'financial', 'refused', 'stopped']);

export function dueText(t: TFunction, due: DueState): string | null {
  switch (due.kind) {
    case 'closed':
      return null;
    case 'ahead':
      return t('lookup.due.ahead', { count: due.days });
    case 'today':
      return t('lookup.due.today');
    case 'late':
      return t('lookup.due.late', { count: due.days });
  }
}

/**
 * Where the due date stands against the centre's day when the result came (a lookup screen does not stay
 * up across midnight), and its words.
 */
export function useDue(
  dueDate: string,
  status: TimelineStatus,
): { today: string; due: DueState; dueNote: string | null } {
  const { t } = useTranslation();
  const { clockOffsetMs } = useAppInfo();
  const [today] = useState(() => centreDay(new Date(Date.now() + clockOffsetMs)));
  const due = dueState(dueDate, today, status);
  return { today, due, dueNote: dueText(t, due) };
}

/**
 * What the citizen should do next, per national status: nothing yet while it is handled (2, 4), bring
 * the papers asked for (5), pay (6), come and collect (9), ask at the counter (3, 8), nothing more (7, 10).
 * Null while it waits for reception (the reception fact says what that means).
 */
export function adviceFor(t: TFunction, status: TimelineStatus): string | null {
  switch (status) {
    case 'submitted':
    case 'sent':
      return null;
    case 'received':
    case 'processing':
      return t('lookup.advice.wait');
    default:
      return t(`lookup.advice.${status}`);
  }
}

/**
 * The advice box: its words and, for a status that carries the portal's words (the papers to bring, the
 * reason it was refused or stopped), those words under them. Only the full view has the note: the code
 * alone never shows one (a portal's note may name a person).
 */
export function Advice({ status, note }: { status: TimelineStatus; note?: string | null }) {
  const { t } = useTranslation();
  const hasNote = note !== undefined && note !== null;
  // Without the portal's list (the code alone never shows it), the words say where to read it.
  const advice =
    status === 'supplement' && !hasNote ? t('lookup.advice.supplementNoList') : adviceFor(t, status);
  if (advice === null) return null;
  const label =
    status === 'supplement' ? t('lookup.advice.papers') : WARN.has(status) ? t('lookup.step.reason') : null;
  return (
    <div
      className={`lookup-advice${WARN.has(status) ? ' is-warn' : ''}`}
      data-testid="lookup-advice"
      data-status={status}
    >
      <p>{advice}</p>
      {hasNote && label !== null ? (
        <p className="lookup-advice-note" data-testid="lookup-advice-note">
          <strong>{label} </strong>
          {note}
        </p>
      ) : null}
    </div>
  );
}

/** A new result: the top of the screen, focus on its heading (without scrolling it under the header). */
export function useResultHeading(code: string): RefObject<HTMLHeadingElement | null> {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [code]);
  return heading;
}

export function ResultHead({
  status,
  heading,
}: {
  status: TimelineStatus;
  heading: RefObject<HTMLHeadingElement | null>;
}) {
  const { t } = useTranslation();
  return (
    <div className="lookup-result-head">
      <h1 id="lookup-title" ref={heading} tabIndex={-1}>
        {t('lookup.title')}
      </h1>
      <div className="lookup-status-wrap">
        <p
          className={`status-badge status-${status}${WARN.has(status) ? ' is-warn' : ''}`}
          data-testid="lookup-status"
        >
          <span className="sr-only">{t('lookup.result.status')}: </span>
          {t(`lookup.statusShort.${status}`)}
        </p>
        <StatusCode status={status} />
      </div>
    </div>
  );
}

/** "Mã trạng thái 5": the national code in small print, for a call to the centre or the portal. */
export function StatusCode({ status }: { status: TimelineStatus }) {
  const { t } = useTranslation();
  const code = statusCode(status);
  return code === null ? null : (
    <p className="status-code" data-testid="lookup-status-code" data-code={code}>
      {t('lookup.statusCode', { code })}
    </p>
  );
}

/** The kiosk's code (with "tạm" while provisional) and the portal's official one once it differs. */
export function CodeFacts({
  code,
  portalCode,
  provisional,
}: {
  code: string;
  portalCode: string | null;
  provisional: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      <div className="lookup-fact lookup-fact-code">
        <dt>{t('lookup.result.code')}</dt>
        <dd>
          <span className="lookup-code" data-testid="lookup-code-value">
            {code}
          </span>
          {provisional ? (
            <span className="badge badge-soon lookup-provisional">{t('lookup.result.provisional')}</span>
          ) : null}
        </dd>
      </div>
      {portalCode !== null && portalCode !== code ? (
        <div className="lookup-fact">
          <dt>{t('lookup.result.portalCode')}</dt>
          <dd className="lookup-code" data-testid="lookup-portal-code">
            {portalCode}
          </dd>
        </div>
      ) : null}
    </>
  );
}

/** "(dự kiến)" after the due date while no officer has received the dossier: the date may still move. */
export function EstimatedMark({ reception }: { reception: ReceptionState }) {
  const { t } = useTranslation();
  return reception === 'pending' ? (
    <span className="lookup-estimated" data-testid="lookup-estimated">
      {' '}
      ({t('lookup.reception.estimated')})
    </span>
  ) : null;
}

/**
 * "Tiếp nhận": received (when, and by whom at the counter or through the portal), still waiting for an
 * officer (the slip's date is only expected), or refused with the reason as printed on Mẫu 03.
 */
export function ReceptionFact({ reception }: { reception: Reception }) {
  const { t } = useTranslation();
  const at = reception.at === null ? '' : whenText(t, reception.at);
  const words =
    reception.state === 'pending'
      ? t('lookup.reception.pending')
      : reception.state === 'refused'
        ? t('lookup.reception.refused', { at })
        : reception.source === 'portal'
          ? t('lookup.reception.receivedPortal', { at })
          : reception.by !== null
            ? t('lookup.reception.receivedBy', { at, by: reception.by })
            : t('lookup.reception.receivedAt', { at });
  return (
    <div className="lookup-fact lookup-fact-wide">
      <dt>{t('lookup.result.reception')}</dt>
      <dd data-testid="lookup-reception" data-state={reception.state}>
        <span className={reception.state === 'refused' ? 'lookup-reception is-warn' : 'lookup-reception'}>
          {words}
        </span>
        {reception.state === 'pending' ? (
          <span className="lookup-reception-help">{t('lookup.reception.pendingHelp')}</span>
        ) : null}
        {reception.state === 'refused' && reception.reason !== null ? (
          <span className="lookup-reception-help" data-testid="lookup-refusal-reason">
            {t('lookup.reception.reason', { reason: reception.reason })}
          </span>
        ) : null}
      </dd>
    </div>
  );
}

/** A moment in the centre's words; the text as given when it does not read as a date. */
export function whenText(t: TFunction, iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : formatDateTime(t, date);
}
