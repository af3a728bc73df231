/**
 * "Chỉ số 766": the scores of Quyết định 766/QĐ-TTg for a range of days (this month by default, as the
 * centre is scored monthly): the whole centre's figures as large numbers with their counts, tables per
 * field and per procedure, the days as a chart, and the same as CSV. Every figure comes from main
 * (`report.indicators`); this screen only picks the range and formats.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Indicators as IndicatorsData, IndicatorRow, KioskError } from '../../../../../preload/api';
import { useAppInfo, useKiosk } from '../../../context';
import { useCall } from '../../../hooks/useCall';
import { ErrorRegion } from '../../../components/ErrorRegion';
import { centreDay } from '../../../lib/queue';
import { formatDay } from '../../lookup/model';
import { downloadBytes } from '../../../lib/download';
import { BarsFigure } from '../BarsFigure';
import '../../../styles/indicators.css';
import { dayLabel, formatShare, isEmpty, presetRange, rangeProblem, type Preset, type Range } from './model';
import { DayInput } from '../../../components/DayInput';

const COLOURS = { received: '#a4161a', finished: '#1d5fa8', onTime: '#1f5e2a' };
const SHARES = ['digitised', 'onTime', 'paidOnline', 'satisfied'] as const;

export function Indicators({ onError }: { onError: (error: KioskError) => boolean }) {
  const { t } = useTranslation();
  const client = useKiosk();
  const { clockOffsetMs } = useAppInfo();
  const [today] = useState(() => centreDay(new Date(Date.now() + clockOffsetMs)));
  const [preset, setPreset] = useState<Preset>('month');
  const [range, setRange] = useState<Range>(() => presetRange('month', today));
  // The typed range, applied by "Xem" once it reads (a half-typed date asks nothing of main).
  const [typed, setTyped] = useState<Range>(range);
  const [problem, setProblem] = useState<ReturnType<typeof rangeProblem>>(null);
  const [downloading, setDownloading] = useState(false);
  const loaded = useCall((c) => c.call('report.indicators', range), [range.from, range.to], { onError });
  const data = loaded.value;
  const ready = data !== undefined && !loaded.stale && data.from === range.from && data.to === range.to;

  const choose = (next: Exclude<Preset, 'custom'>): void => {
    const r = presetRange(next, today);
    setPreset(next);
    setProblem(null);
    setTyped(r);
    setRange(r);
  };
  const apply = (): void => {
    const found = rangeProblem(typed);
    setProblem(found);
    if (found !== null) return;
    setPreset('custom');
    setRange(typed);
  };
  const downloadCsv = async (): Promise<void> => {
    setDownloading(true);
    const result = await client.call('report.indicatorsCsv', range);
    setDownloading(false);
    if (!result.ok) return void (onError(result.error) || loaded.setError(result.error));
    downloadBytes(result.value.filename, result.value.csv, 'text/csv;charset=utf-8');
  };

  return (
    <section className="report indicators" data-testid="indicators" aria-labelledby="indicators-title">
      <div className="report-bar indicators-bar">
        <h2 id="indicators-title">{t('indicators.title')}</h2>
        <div className="indicators-presets" role="group" aria-label={t('indicators.range')}>
          {(['today', 'month'] as const).map((p) => (
            <button
              key={p}
              type="button"
              className={`btn btn-secondary${preset === p ? ' is-selected' : ''}`}
              aria-pressed={preset === p}
              data-testid={`indicators-${p}`}
              onClick={() => choose(p)}
            >
              {t(`indicators.${p}`)}
            </button>
          ))}
        </div>
        <form
          className="indicators-range"
          onSubmit={(event) => {
            event.preventDefault();
            apply();
          }}
        >
          {(['from', 'to'] as const).map((end) => (
            <div key={end} className="field field-inline">
              <label htmlFor={`indicators-${end}`}>{t(`indicators.${end}`)}</label>
              <DayInput
                id={`indicators-${end}`}
                data-testid={`indicators-${end}`}
                value={typed[end]}
                aria-invalid={problem !== null ? true : undefined}
                aria-describedby={problem !== null ? 'indicators-problem' : undefined}
                onChange={(iso) => setTyped({ ...typed, [end]: iso })}
              />
            </div>
          ))}
          <button type="submit" className="btn btn-secondary" data-testid="indicators-show">
            {t('indicators.show')}
          </button>
        </form>
        <button
          type="button"
          className="btn btn-primary"
          data-testid="indicators-csv"
          disabled={downloading || !ready}
          onClick={() => void downloadCsv()}
        >
          {t('indicators.csv')}
        </button>
      </div>
      <p id="indicators-problem" role="alert" className={problem !== null ? 'error-box' : 'error-box-empty'}>
        {problem !== null ? t(`indicators.problem.${problem}`) : null}
      </p>
      <IndicatorsView range={range} data={ready ? data : undefined} error={loaded.error} />
    </section>
  );
}

/**
 * What the range holds, in its states: loading, refused (main's words), nothing to show, or the figures.
 * Apart from the screen so each state renders under test without a call.
 */
export function IndicatorsView({
  range,
  data,
  error,
}: {
  range: Range;
  data: IndicatorsData | undefined;
  error: KioskError | undefined;
}) {
  const { t } = useTranslation();
  return (
    <div className="indicators-body" aria-busy={data === undefined && error === undefined}>
      <p className="report-note" data-testid="indicators-basis">
        {t('indicators.basis')}
      </p>
      <ErrorRegion error={error} testId="indicators-error" />
      {data === undefined ? (
        error === undefined ? (
          <p role="status">{t('indicators.loading')}</p>
        ) : null
      ) : (
        <>
          <p className="indicators-range-shown" data-testid="indicators-range">
            {t('indicators.rangeShown', { from: formatDay(range.from), to: formatDay(range.to) })}
          </p>
          {isEmpty(data) ? (
            <p className="report-empty" data-testid="indicators-empty">
              {t('indicators.empty')}
            </p>
          ) : null}
          <Overall row={data.all} />
          <IndicatorTable
            caption={t('indicators.byField')}
            first={t('indicators.col.field')}
            rows={data.byField}
            testId="indicators-by-field"
          />
          <IndicatorTable
            caption={t('indicators.byProcedure')}
            first={t('indicators.col.procedure')}
            rows={data.byProcedure}
            testId="indicators-by-procedure"
          />
          <div className="report-charts indicators-charts" data-testid="indicators-chart">
            <BarsFigure
              id="chart-indicator-days"
              title={t('indicators.chart')}
              description={t('indicators.chartDesc')}
              data={data.days.map((d) => ({ ...d, label: dayLabel(d.day) }))}
              xKey="label"
              bars={[
                { key: 'received', name: t('indicators.received'), colour: COLOURS.received },
                { key: 'finished', name: t('indicators.finished'), colour: COLOURS.finished },
                { key: 'onTime', name: t('indicators.finishedOnTime'), colour: COLOURS.onTime },
              ]}
            />
          </div>
        </>
      )}
    </div>
  );
}

/** The whole centre's figures as large numbers, each share with the counts it comes from. */
function Overall({ row }: { row: IndicatorRow }) {
  const { t, i18n } = useTranslation();
  return (
    <section aria-labelledby="indicators-overall">
      <h3 id="indicators-overall">{t('indicators.overall')}</h3>
      <dl className="report-totals indicators-totals">
        <div className="stat report-total indicator" data-testid="indicator-received">
          <dt>{t('indicators.received')}</dt>
          <dd>
            <span className="indicator-value">{row.received.total}</span>
            <span className="indicator-help">{t('indicators.receivedDetail', row.received)}</span>
          </dd>
        </div>
        {SHARES.map((key) => (
          <div key={key} className="stat report-total indicator" data-testid={`indicator-${key}`}>
            <dt>{t(`indicators.${key}`)}</dt>
            <dd>
              <span className="indicator-value">{formatShare(row[key], i18n.language)}</span>
              <span className="indicator-help">{t(`indicators.${key}Help`)}</span>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function IndicatorTable({
  caption,
  first,
  rows,
  testId,
}: {
  caption: string;
  first: string;
  rows: readonly IndicatorRow[];
  testId: string;
}) {
  const { t, i18n } = useTranslation();
  return (
    <div className="table-wrap">
      <table className="report-table" data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{first}</th>
            {(['total', 'kiosk', 'counter', 'refused'] as const).map((key) => (
              <th key={key} scope="col">
                {t(`indicators.col.${key}`)}
              </th>
            ))}
            {SHARES.map((key) => (
              <th key={key} scope="col">
                {t(`indicators.${key}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={9} className="muted">
                {t('indicators.none')}
              </td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr key={row.key} data-key={row.key}>
                <th scope="row">{row.label}</th>
                <td>{row.received.total}</td>
                <td>{row.received.kiosk}</td>
                <td>{row.received.counter}</td>
                <td>{row.received.refused}</td>
                {SHARES.map((key) => (
                  <td key={key}>{formatShare(row[key], i18n.language)}</td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
