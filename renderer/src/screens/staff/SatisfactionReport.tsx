/**
 * The day report's satisfaction part (feedback.report): how many people rated very satisfied, satisfied
 * or not satisfied, each as a share, and the reasons they gave. It loads on its own, so the queue report
 * above it shows even when ratings are not available.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskError, MethodOutput } from '../../../../preload/api';
import { useCall } from '../../hooks/useCall';
import { ErrorRegion } from '../../components/ErrorRegion';
import { centreTime } from '../../lib/queue';
import '../../styles/staff-dossier.css';

type FeedbackReport = MethodOutput<'feedback.report'>;
type RatingKey = keyof FeedbackReport['counts'];

export const RATING_ORDER: readonly RatingKey[] = ['very-satisfied', 'satisfied', 'unsatisfied'];

/**
 * Whole-number percentages that add up to exactly 100 (largest remainder), so the column never reads
 * 33 + 33 + 33; all zero when nobody rated.
 */
export function shares(counts: Record<RatingKey, number>): Record<RatingKey, number> {
  const total = RATING_ORDER.reduce((sum, key) => sum + counts[key], 0);
  const out = { 'very-satisfied': 0, satisfied: 0, unsatisfied: 0 } as Record<RatingKey, number>;
  if (total <= 0) return out;
  const exact = RATING_ORDER.map((key) => ({ key, value: (counts[key] * 100) / total }));
  let left = 100;
  for (const { key, value } of exact) {
    out[key] = Math.floor(value);
    left -= out[key];
  }
  // Ties go to the order of RATING_ORDER: stable and explainable.
  const byRemainder = [...exact].sort(
    (a, b) => b.value - Math.floor(b.value) - (a.value - Math.floor(a.value)),
  );
  for (const { key } of byRemainder) {
    if (left <= 0) break;
    out[key] += 1;
    left -= 1;
  }
  return out;
}

export function SatisfactionReport({
  day,
  onError,
}: {
  day: string;
  onError: (error: KioskError) => boolean;
}) {
  const { t } = useTranslation();
  // The day a refusal answered: it is not shown under another day.
  const [failedDay, setFailedDay] = useState<string | null>(null);
  const loaded = useCall(
    /^\d{4}-\d{2}-\d{2}$/.test(day) ? (c) => c.call('feedback.report', { day }) : null,
    [day],
    {
      onError: (error) => {
        if (onError(error)) return true;
        setFailedDay(day);
        return false;
      },
    },
  );
  const report = loaded.value ?? null;
  const failed = failedDay === day ? loaded.error : undefined;
  const ready = report !== null && report.day === day;
  const total = ready ? RATING_ORDER.reduce((sum, key) => sum + report.counts[key], 0) : 0;
  const pct = ready ? shares(report.counts) : null;

  return (
    <section className="satisfaction" data-testid="satisfaction" aria-labelledby="satisfaction-title">
      <h3 id="satisfaction-title">{t('staffDossier.satisfaction.title')}</h3>
      {failed ? (
        failed.code === 'not-built' ? (
          <p className="report-note">{t('staffDossier.satisfaction.unavailable')}</p>
        ) : (
          <ErrorRegion error={failed} testId="satisfaction-error" />
        )
      ) : !ready || pct === null ? (
        <p role="status">{t('staffDossier.satisfaction.loading')}</p>
      ) : total === 0 ? (
        <p className="report-empty">{t('staffDossier.satisfaction.none')}</p>
      ) : (
        <>
          <p className="satisfaction-total">{t('staffDossier.satisfaction.total', { count: total })}</p>
          <div className="table-wrap">
            <table className="report-table satisfaction-table">
              <caption className="sr-only">{t('staffDossier.satisfaction.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('staffDossier.satisfaction.rating')}</th>
                  <th scope="col">{t('staffDossier.satisfaction.count')}</th>
                  <th scope="col">{t('staffDossier.satisfaction.share')}</th>
                </tr>
              </thead>
              <tbody>
                {RATING_ORDER.map((key) => (
                  <tr key={key} data-testid={`satisfaction-${key}`}>
                    <th scope="row">{t(`staffDossier.satisfaction.${key}`)}</th>
                    <td>{report.counts[key]}</td>
                    <td>
                      <span className="share-bar" aria-hidden="true">
                        <span className={`share-fill share-${key}`} style={{ width: `${pct[key]}%` }} />
                      </span>
                      {t('staffDossier.satisfaction.percent', { percent: pct[key] })}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h4 className="satisfaction-reasons-title">{t('staffDossier.satisfaction.reasons')}</h4>
          {report.reasons.length === 0 ? (
            <p className="report-empty">{t('staffDossier.satisfaction.noReasons')}</p>
          ) : (
            <div className="table-wrap">
              <table className="report-table reasons-table" data-testid="satisfaction-reasons">
                <caption className="sr-only">{t('staffDossier.satisfaction.reasons')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('staffDossier.satisfaction.at')}</th>
                    <th scope="col">{t('staffDossier.satisfaction.rating')}</th>
                    <th scope="col">{t('staffDossier.satisfaction.reason')}</th>
                    <th scope="col">{t('staffDossier.satisfaction.code')}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.reasons.map((r, i) => (
                    <tr key={`${r.at}-${i}`}>
                      <td>
                        <time dateTime={r.at}>{centreTime(r.at)}</time>
                      </td>
                      <td>{t(`staffDossier.satisfaction.${r.rating}`)}</td>
                      <td className="reason-text">{r.reason}</td>
                      <td className="dossier-code">{r.code ?? '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}
