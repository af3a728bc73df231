/**
 * The day report: totals, per service, per counter and per hour, with two charts. The tables are the
 * accessible source of every figure; each chart is an image with a caption that says so.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { KioskError, Stats } from '../../../../preload/api';
import { useAppInfo, useKiosk } from '../../context';
import { useCall } from '../../hooks/useCall';
import { ErrorRegion } from '../../components/ErrorRegion';
import { formatDuration } from '../../components/duration';
import { centreDay } from '../../lib/queue';
import { nameIn } from '../citizen/queue/ServicePicker';
import { SatisfactionReport } from './SatisfactionReport';
import { TrackingExport } from './reception/TrackingExport';
import { BarsFigure } from './BarsFigure';
import { downloadBytes } from '../../lib/download';
import { DayInput } from '../../components/DayInput';

const COLOURS = { issued: '#a4161a', served: '#1d5fa8', wait: '#7a4b00' };

const EMPTY_STATS: Stats = {
  issued: 0,
  served: 0,
  noShow: 0,
  waitAvg: null,
  waitP90: null,
  serviceAvg: null,
  serviceP90: null,
};

/**
 * The hours the charts span: the working day (07:00–17:00) widened to any hour with data, every hour in
 * between present, so a quiet hour shows as a gap rather than vanishing from the axis.
 */
export function chartHours(hours: readonly (Stats & { hour: number })[]): (Stats & { hour: number })[] {
  const busy = hours.filter((h) => h.issued > 0 || h.served > 0 || h.noShow > 0).map((h) => h.hour);
  const from = Math.min(7, ...busy);
  const to = Math.max(16, ...busy);
  const out: (Stats & { hour: number })[] = [];
  for (let hour = from; hour <= to; hour++)
    out.push(hours.find((h) => h.hour === hour) ?? { ...EMPTY_STATS, hour });
  return out;
}

function StatCells({ stats, t }: { stats: Stats; t: TFunction }) {
  return (
    <>
      <td>{stats.issued}</td>
      <td>{stats.served}</td>
      <td>{stats.noShow}</td>
      <td>{formatDuration(t, stats.waitAvg)}</td>
      <td>{formatDuration(t, stats.waitP90)}</td>
      <td>{formatDuration(t, stats.serviceAvg)}</td>
      <td>{formatDuration(t, stats.serviceP90)}</td>
    </>
  );
}

function StatsTable({
  caption,
  first,
  rows,
  t,
}: {
  caption: string;
  first: string;
  rows: { key: string; label: string; stats: Stats }[];
  t: TFunction;
}) {
  return (
    <div className="table-wrap">
      <table className="report-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{first}</th>
            <th scope="col">{t('report.issued')}</th>
            <th scope="col">{t('report.served')}</th>
            <th scope="col">{t('report.noShow')}</th>
            <th scope="col">{t('report.waitAvg')}</th>
            <th scope="col">{t('report.waitP90')}</th>
            <th scope="col">{t('report.serviceAvg')}</th>
            <th scope="col">{t('report.serviceP90')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              <StatCells stats={row.stats} t={t} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function Report({ onError }: { onError: (error: KioskError) => boolean }) {
  const { t, i18n } = useTranslation();
  const client = useKiosk();
  const { clockOffsetMs } = useAppInfo();
  const language = i18n.language;
  const [today] = useState(() => centreDay(new Date(Date.now() + clockOffsetMs)));
  const [day, setDay] = useState(today);
  const [downloading, setDownloading] = useState(false);
  // The CSV's refusal shows where the report's does; the next report read replaces it.
  const loaded = useCall(
    /^\d{4}-\d{2}-\d{2}$/.test(day) ? (c) => c.call('queue.report', { day }) : null,
    [day],
    { onError },
  );
  const report = loaded.value ?? null;
  const error = loaded.error;
  const fail = (e: KioskError): void => void (onError(e) || loaded.setError(e));

  const downloadCsv = async (): Promise<void> => {
    setDownloading(true);
    const result = await client.call('queue.reportCsv', { day });
    setDownloading(false);
    if (!result.ok) return fail(result.error);
    downloadBytes(result.value.filename, result.value.csv, 'text/csv;charset=utf-8');
  };

  const hours = (report?.hours ?? []).filter((h) => h.issued > 0 || h.served > 0 || h.noShow > 0);
  const hourLabel = (h: number): string => t('report.hourLabel', { h: String(h).padStart(2, '0') });
  const chartData = chartHours(report?.hours ?? []).map((h) => ({
    hour: hourLabel(h.hour),
    issued: h.issued,
    served: h.served,
    wait: h.waitAvg === null ? null : Math.round(h.waitAvg / 6) / 10,
  }));
  const ready = report !== null && report.day === day;

  return (
    <section className="report" data-testid="report" aria-labelledby="report-title" aria-busy={!ready}>
      <div className="report-bar">
        <h2 id="report-title">{t('report.title')}</h2>
        <div className="field field-inline">
          <label htmlFor="report-day">{t('report.day')}</label>
          <DayInput id="report-day" data-testid="report-day" value={day} onChange={setDay} />
        </div>
        <button
          type="button"
          className="btn btn-primary"
          data-testid="report-csv"
          disabled={downloading || !ready}
          onClick={() => void downloadCsv()}
        >
          {t('report.csv')}
        </button>
      </div>
      <ErrorRegion error={error} testId="report-error" />

      {!ready ? (
        <p role="status">{t('report.loading')}</p>
      ) : (
        <>
          <section aria-labelledby="report-totals">
            <h3 id="report-totals">{t('report.totals')}</h3>
            <dl className="report-totals">
              {(
                [
                  ['issued', String(report.totals.issued)],
                  ['served', String(report.totals.served)],
                  ['noShow', String(report.totals.noShow)],
                  ['waitAvg', formatDuration(t, report.totals.waitAvg)],
                  ['waitP90', formatDuration(t, report.totals.waitP90)],
                  ['serviceAvg', formatDuration(t, report.totals.serviceAvg)],
                  ['serviceP90', formatDuration(t, report.totals.serviceP90)],
                ] as const
              ).map(([key, value]) => (
                <div key={key} className="stat report-total">
                  <dt>{t(`report.${key}`)}</dt>
                  <dd>{value}</dd>
                </div>
              ))}
            </dl>
            <p className="report-note">{t('report.p90Note')}</p>
          </section>

          {report.totals.issued === 0 ? <p className="report-empty">{t('report.empty')}</p> : null}

          <SatisfactionReport day={day} onError={onError} />

          <StatsTable
            caption={t('report.byService')}
            first={t('report.service')}
            t={t}
            rows={report.services.map((s) => ({
              key: s.serviceId,
              label: nameIn(s.names, language),
              stats: s,
            }))}
          />
          <StatsTable
            caption={t('report.byCounter')}
            first={t('report.counter')}
            t={t}
            rows={report.counters.map((c) => ({
              key: String(c.counterId),
              label: nameIn(c.name, language),
              stats: c,
            }))}
          />

          <div className="report-charts" data-testid="report-chart">
            <BarsFigure
              id="chart-volume"
              title={t('report.chartVolume')}
              description={t('report.chartVolumeDesc')}
              data={chartData}
              xKey="hour"
              bars={[
                { key: 'issued', name: t('report.issued'), colour: COLOURS.issued },
                { key: 'served', name: t('report.served'), colour: COLOURS.served },
              ]}
            />
            <figure className="chart">
              <figcaption id="chart-wait-cap">
                <strong>{t('report.chartWait')}</strong> <span>{t('report.chartWaitDesc')}</span>
              </figcaption>
              <div className="chart-box" role="img" aria-labelledby="chart-wait-cap">
                <ResponsiveContainer width="100%" height="100%">
                  <LineChart data={chartData} accessibilityLayer={false}>
                    <CartesianGrid strokeDasharray="3 3" vertical={false} />
                    <XAxis dataKey="hour" />
                    <YAxis width={40} />
                    <Tooltip />
                    <Legend />
                    <Line
                      type="monotone"
                      dataKey="wait"
                      name={t('report.waitAvg')}
                      unit={` ${t('report.minutes')}`}
                      stroke={COLOURS.wait}
                      strokeWidth={3}
                      connectNulls
                      isAnimationActive={false}
                    />
                  </LineChart>
                </ResponsiveContainer>
              </div>
            </figure>
          </div>

          <StatsTable
            caption={t('report.byHour')}
            first={t('report.hour')}
            t={t}
            rows={hours.map((h) => ({
              key: String(h.hour),
              label: t('report.hourRange', {
                from: String(h.hour).padStart(2, '0'),
                to: String(h.hour + 1).padStart(2, '0'),
              }),
              stats: h,
            }))}
          />
        </>
      )}
      <TrackingExport onError={onError} />
    </section>
  );
}
