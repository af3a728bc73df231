/**
 * The day's submitted dossiers (dossier.today): code, procedure, applicant (ID masked by main), received,
 * due, how it came in (alone at the kiosk, or at the counter and with whom), whether an officer received
 * it, the sync state; per row "In lại" (the paper its reception calls for: the submission slip while
 * pending, Mẫu 01 once received, Mẫu 03 if refused), "Xem biên nhận", and for a dossier the portal asked
 * papers for, "In Mẫu 02". A dossier whose stored data is damaged says "Hồ sơ bị hỏng dữ liệu — liên hệ
 * kỹ thuật" instead.
 * Refreshed on `dossier.changed`, so a dossier submitted at the kiosk appears at the counter by itself.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  KioskError,
  MethodOutput,
  PrintJobEvent,
  Result,
  TimelineStatus,
} from '../../../../preload/api';
import { errorText } from '../../api';
import { useAppInfo, useKiosk } from '../../context';
import { useCall } from '../../hooks/useCall';
import { ErrorRegion } from '../../components/ErrorRegion';
import { centreDay, centreTime } from '../../lib/queue';
import { formatDay } from '../lookup/model';
import { newestFirst, reprintView } from './dossierModel';
import { ReceiptDialog } from './ReceiptDialog';
import { paperOf, type Paper } from './reception/model';
import { SupplementDialog } from './reception/SupplementDialog';
import { NationalStatus } from './NationalStatus';
import '../../styles/reception.css';
import { DayInput } from '../../components/DayInput';

type DayDossier = MethodOutput<'dossier.today'>[number];

/** The newest reprint: its jobs and the print events seen since. */
interface Reprint {
  code: string;
  /** The paper printed, once main said which. */
  paper: Paper | null;
  jobIds: number[];
  events: PrintJobEvent[];
}

const REFRESH_DEBOUNCE_MS = 400;
const MAX_EVENTS = 100;

export function DayDossiers({ onError }: { onError: (error: KioskError) => boolean }) {
  const { t } = useTranslation();
  const client = useKiosk();
  const { clockOffsetMs } = useAppInfo();
  const [today] = useState(() => centreDay(new Date(Date.now() + clockOffsetMs)));
  const [day, setDay] = useState(today);
  const [viewing, setViewing] = useState<string | null>(null);
  const [printing, setPrinting] = useState<string | null>(null);
  const [reprint, setReprint] = useState<Reprint | null>(null);
  const [supplement, setSupplement] = useState<DayDossier | null>(null);

  const rows = useCall(
    /^\d{4}-\d{2}-\d{2}$/.test(day)
      ? async (c): Promise<Result<DayDossier[]>> => {
          const result = await c.call('dossier.today', { day });
          return result.ok ? { ok: true, value: newestFirst(result.value) } : result;
        }
      : null,
    [day],
    { onError },
  );
  const { error, setError, reload } = rows;
  const fail = (e: KioskError): void => void (onError(e) || setError(e));

  // A dossier submitted or changed anywhere lists again, once a burst of changes has passed.
  useEffect(() => {
    let timer: number | undefined;
    const off = client.on('dossier.changed', () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(reload, REFRESH_DEBOUNCE_MS);
    });
    return () => {
      window.clearTimeout(timer);
      off();
    };
  }, [client, reload]);

  // Print events may come before dossier.receipt answers: keep them all, the fold picks this reprint's.
  useEffect(
    () =>
      client.on('print.job', (event) =>
        setReprint((r) => (r === null ? r : { ...r, events: [...r.events, event].slice(-MAX_EVENTS) })),
      ),
    [client],
  );

  const print = async (code: string): Promise<void> => {
    setPrinting(code);
    setReprint({ code, paper: null, jobIds: [], events: [] });
    const result = await client.call('dossier.receipt', { code, print: true });
    setPrinting(null);
    if (!result.ok) {
      setReprint(null);
      return fail(result.error);
    }
    setError(undefined);
    setReprint((r) => ({
      code,
      paper: result.value.form,
      jobIds: result.value.jobIds,
      events: r?.code === code ? r.events : [],
    }));
  };

  // Another day's list is not shown under this day's title while it loads.
  const shown = rows.stale ? undefined : rows.value;
  const ready = shown !== undefined;
  const list = shown ?? [];

  return (
    <section
      className="day-dossiers"
      data-testid="day-dossiers"
      aria-labelledby="day-dossiers-title"
      aria-busy={!ready}
    >
      <div className="report-bar">
        <h2 id="day-dossiers-title">{t('staffDossier.title')}</h2>
        <div className="field field-inline">
          <label htmlFor="dossier-day">{t('staffDossier.day')}</label>
          <DayInput id="dossier-day" data-testid="dossier-day" value={day} onChange={setDay} />
        </div>
        <button type="button" className="btn btn-secondary" data-testid="dossier-refresh" onClick={reload}>
          {t('staffDossier.refresh')}
        </button>
        {ready ? <p className="dossier-count">{t('staffDossier.count', { count: list.length })}</p> : null}
      </div>
      <ErrorRegion error={error} testId="day-dossiers-error" />
      <ReprintNotice reprint={reprint} pending={reprint !== null && printing === reprint.code} />

      {!ready ? (
        error ? null : (
          <p role="status">{t('staffDossier.loading')}</p>
        )
      ) : list.length === 0 ? (
        <p className="report-empty" data-testid="day-dossiers-empty">
          {t('staffDossier.empty')}
        </p>
      ) : (
        <div className="table-wrap">
          <table className="report-table dossier-table" data-testid="day-dossiers-table">
            <caption className="sr-only">{t('staffDossier.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('staffDossier.col.code')}</th>
                <th scope="col">{t('staffDossier.col.procedure')}</th>
                <th scope="col">{t('staffDossier.col.applicant')}</th>
                <th scope="col">{t('staffDossier.col.receivedAt')}</th>
                <th scope="col">{t('staffDossier.col.dueDate')}</th>
                <th scope="col">{t('reception.col.channel')}</th>
                <th scope="col">{t('staffDossier.statusCol')}</th>
                <th scope="col">{t('reception.col.reception')}</th>
                <th scope="col">{t('staffDossier.col.sync')}</th>
                <th scope="col">{t('staffDossier.col.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((row) => (
                <DayDossierRow
                  key={row.id}
                  row={row}
                  busy={printing !== null}
                  onPrint={(code) => void print(code)}
                  onView={setViewing}
                  onSupplement={setSupplement}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {viewing !== null ? (
        <ReceiptDialog code={viewing} onClose={() => setViewing(null)} onError={onError} />
      ) : null}
      {supplement !== null ? (
        <SupplementDialog id={supplement.id} code={supplement.code} onClose={() => setSupplement(null)} />
      ) : null}
    </section>
  );
}

/**
 * One dossier of the day. A damaged one (its stored data no longer reads back: `damaged` from main) says
 * so instead of its procedure and applicant, shows no due date, and offers no receipt: main would refuse
 * it (`dossier-damaged`) and staff are already alerted to call a technician.
 */
export function DayDossierRow({
  row,
  busy,
  onPrint,
  onView,
  onSupplement,
}: {
  row: DayDossier;
  busy: boolean;
  onPrint: (code: string) => void;
  onView: (code: string) => void;
  /** "In Mẫu 02" for a dossier the portal asked papers for (its status `supplement`). */
  onSupplement?: (row: DayDossier) => void;
}) {
  const { t } = useTranslation();
  const damaged = row.damaged === true;
  const paper = paperOf(row.reception);
  return (
    <tr data-code={row.code} data-testid="dossier-row" data-damaged={damaged ? 'true' : undefined}>
      <th scope="row">
        <span className="dossier-code">{row.code}</span>
        {row.portalCode !== null && row.portalCode !== row.code ? (
          <span className="dossier-portal-code">
            {t('staffDossier.portalCode', { code: row.portalCode })}
          </span>
        ) : null}
      </th>
      {damaged ? (
        <td colSpan={2}>
          <strong className="dossier-damaged" data-testid="dossier-damaged">
            {t('staffDossier.damaged')}
          </strong>
        </td>
      ) : (
        <>
          <td>{row.procedureName}</td>
          <td>{row.applicant}</td>
        </>
      )}
      <td>
        <time dateTime={row.receivedAt}>{centreTime(row.receivedAt)}</time>
      </td>
      <td>{damaged ? '—' : <time dateTime={row.dueDate}>{formatDay(row.dueDate)}</time>}</td>
      <td data-testid="dossier-channel" data-channel={row.channel}>
        {row.channel === 'kiosk' ? (
          <span className="muted">{t('reception.channel.kiosk')}</span>
        ) : (
          <>
            {t('reception.channel.counter')}
            {row.assistedBy !== null ? <span className="dossier-assisted-by">{row.assistedBy}</span> : null}
          </>
        )}
      </td>
      <td>
        <NationalStatus status={row.status} testId="dossier-status" />
      </td>
      <td>
        <span
          className={`badge reception-badge is-${row.reception}`}
          data-testid="dossier-reception"
          data-reception={row.reception}
        >
          {t(`reception.state.${row.reception}`)}
        </span>
      </td>
      <td>
        <span className={`sync-badge sync-${row.sync}`} data-testid="dossier-sync">
          {t(`staffDossier.syncState.${row.sync}`)}
        </span>
      </td>
      <td>
        {damaged ? (
          '—'
        ) : (
          <div className="row-actions">
            <button
              type="button"
              className="btn btn-secondary btn-small"
              aria-label={t(`reception.reprint.${paper}Label`, { code: row.code })}
              data-testid="dossier-reprint"
              data-paper={paper}
              disabled={busy}
              onClick={() => onPrint(row.code)}
            >
              {t(`reception.reprint.${paper}`)}
            </button>
            {statusOf(row) === 'supplement' && onSupplement ? (
              <button
                type="button"
                className="btn btn-secondary btn-small"
                aria-label={t('reception.reprint.supplementLabel', { code: row.code })}
                data-testid="dossier-supplement"
                onClick={() => onSupplement(row)}
              >
                {t('reception.reprint.supplement')}
              </button>
            ) : null}
            <button
              type="button"
              className="btn btn-secondary btn-small"
              aria-label={t('staffDossier.receipt.viewLabel', { code: row.code })}
              data-testid="dossier-view"
              onClick={() => onView(row.code)}
            >
              {t('staffDossier.receipt.view')}
            </button>
          </div>
        )}
      </td>
    </tr>
  );
}

/** The dossier's latest timeline status (the portal's once it answered). */
const statusOf = (row: DayDossier): TimelineStatus => row.status;

/** What the newest reprint came to; an empty live region until there is something to say. */
function ReprintNotice({ reprint, pending }: { reprint: Reprint | null; pending: boolean }) {
  const { t, i18n } = useTranslation();
  if (reprint === null || pending) return <p role="status" className="reprint-notice-empty" />;
  const { view, error } = reprintView(reprint.jobIds, reprint.events);
  const code = reprint.code;
  // Which paper it was (the slip, Mẫu 01 or Mẫu 03), as main printed it.
  const paper = t(`reception.paper.${reprint.paper ?? 'receipt'}`);
  const text =
    view === 'none'
      ? t('staffDossier.receipt.noPrinter', { code, paper })
      : view === 'done'
        ? t('staffDossier.receipt.done', { code, paper })
        : view === 'failed' || view === 'problem'
          ? t('staffDossier.receipt.failed', {
              code,
              paper,
              error: error ? errorText(error, i18n.language) : '',
            })
          : t('staffDossier.receipt.sent', { code, paper, count: reprint.jobIds.length });
  return (
    <p
      role="status"
      className={`reprint-notice is-${view}`}
      data-testid="reprint-notice"
      data-view={view}
      data-paper={reprint.paper ?? undefined}
    >
      {text}
    </p>
  );
}
