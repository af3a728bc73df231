/**
 * "Chờ tiếp nhận": the dossiers citizens submitted alone at the kiosk that no officer has received yet
 * (dossier.pending, oldest first). Per dossier: "Tiếp nhận" (dossier.receive: the due date counted from
 * now, Mẫu 01 printed, or its PDF when there is no forms printer), "Từ chối tiếp nhận" (a reason, Mẫu 03)
 * and "Yêu cầu bổ sung" (Mẫu 02). A row acted on stays, changed, until the list is left. Refreshed on
 * `dossier.changed`, so a dossier submitted at the kiosk appears here by itself.
 */
import { useEffect, useReducer, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskError } from '../../../../../preload/api';
import { useKiosk } from '../../../context';
import { useCall } from '../../../hooks/useCall';
import { ErrorRegion } from '../../../components/ErrorRegion';
import { centreTime } from '../../../lib/queue';
import { formatDay } from '../../lookup/model';
import { FormOutcome } from './FormOutcome';
import {
  initialPending,
  isOpen,
  pendingReducer,
  pendingStatus,
  type Outcome,
  type PendingDossier,
} from './model';
import { NationalStatus } from '../NationalStatus';
import { RefuseDialog } from './RefuseDialog';
import { SupplementDialog } from './SupplementDialog';
import '../../../styles/reception.css';

const REFRESH_DEBOUNCE_MS = 400;

type Open = { kind: 'refuse' | 'supplement'; row: PendingDossier } | null;

export function PendingDossiers({ onError }: { onError: (error: KioskError) => boolean }) {
  const { t } = useTranslation();
  const client = useKiosk();
  const [state, dispatch] = useReducer(pendingReducer, initialPending);
  const [dialog, setDialog] = useState<Open>(null);
  const list = useCall((c) => c.call('dossier.pending', {}), [], { onError });
  const { error, setError, reload } = list;
  const fail = (e: KioskError): void => void (onError(e) || setError(e));

  useEffect(() => {
    if (list.value !== undefined) dispatch({ type: 'loaded', rows: list.value });
  }, [list.value]);

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

  const receive = async (row: PendingDossier): Promise<void> => {
    dispatch({ type: 'busy', id: row.id });
    const result = await client.call('dossier.receive', { id: row.id });
    if (!result.ok) {
      dispatch({ type: 'busy', id: null });
      return fail(result.error);
    }
    setError(undefined);
    dispatch({ type: 'received', id: row.id, received: result.value });
  };

  const rows = state.rows;
  const waiting = rows?.filter((r) => r.reception === 'pending').length ?? 0;
  return (
    <section
      className="pending-dossiers"
      data-testid="pending-dossiers"
      aria-labelledby="pending-title"
      aria-busy={rows === null}
    >
      <div className="report-bar">
        <h2 id="pending-title">{t('reception.pending.title')}</h2>
        <button type="button" className="btn btn-secondary" onClick={reload}>
          {t('staffDossier.refresh')}
        </button>
        {rows !== null ? (
          <p className="dossier-count" data-testid="pending-count">
            {t('reception.pending.count', { count: waiting })}
          </p>
        ) : null}
      </div>
      <p className="pending-help">{t('reception.pending.help')}</p>
      <ErrorRegion error={error} testId="pending-error" />
      {rows === null ? (
        error ? null : (
          <p role="status">{t('reception.pending.loading')}</p>
        )
      ) : rows.length === 0 ? (
        <p className="report-empty" data-testid="pending-empty">
          {t('reception.pending.empty')}
        </p>
      ) : (
        <PendingTable>
          {rows.map((row) => (
            <PendingRow
              key={row.id}
              row={row}
              outcome={state.outcomes[row.id]}
              busy={state.busy !== null}
              onReceive={() => void receive(row)}
              onRefuse={() => setDialog({ kind: 'refuse', row })}
              onSupplement={() => setDialog({ kind: 'supplement', row })}
            />
          ))}
        </PendingTable>
      )}
      {dialog?.kind === 'refuse' ? (
        <RefuseDialog
          id={dialog.row.id}
          code={dialog.row.code}
          onRefused={(refused) => dispatch({ type: 'refused', id: dialog.row.id, refused })}
          onClose={() => setDialog(null)}
        />
      ) : dialog?.kind === 'supplement' ? (
        <SupplementDialog
          id={dialog.row.id}
          code={dialog.row.code}
          onMade={(request) => dispatch({ type: 'supplement', id: dialog.row.id, request })}
          onClose={() => setDialog(null)}
        />
      ) : null}
    </section>
  );
}

/** One dossier waiting (or just received or refused here): its facts, then its actions or what they did. */
/** The table of dossiers waiting for an officer, its rows given (the Hồ sơ tab's list, the counter's one). */
export function PendingTable({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap">
      <table className="report-table dossier-table" data-testid="pending-table">
        <caption className="sr-only">{t('reception.pending.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('reception.pending.col.code')}</th>
            <th scope="col">{t('reception.pending.col.procedure')}</th>
            <th scope="col">{t('reception.pending.col.applicant')}</th>
            <th scope="col">{t('reception.pending.col.submittedAt')}</th>
            <th scope="col">{t('reception.pending.col.dueDate')}</th>
            <th scope="col">{t('staffDossier.statusCol')}</th>
            <th scope="col">{t('reception.pending.col.actions')}</th>
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

export function PendingRow({
  row,
  outcome,
  busy,
  onReceive,
  onRefuse,
  onSupplement,
}: {
  row: PendingDossier;
  outcome: Outcome | undefined;
  busy: boolean;
  onReceive: () => void;
  onRefuse: () => void;
  onSupplement: () => void;
}) {
  const { t } = useTranslation();
  const open = isOpen(row, outcome);
  return (
    <tr data-code={row.code} data-testid="pending-row" data-reception={row.reception}>
      <th scope="row">
        <span className="dossier-code">{row.code}</span>
      </th>
      <td>{row.procedureName}</td>
      <td>{row.applicant}</td>
      <td>
        <time dateTime={row.receivedAt}>{centreTime(row.receivedAt)}</time>
      </td>
      <td data-testid="pending-due">
        <time dateTime={row.dueDate}>{formatDay(row.dueDate)}</time>
        {row.reception === 'pending' ? (
          <span className="muted"> {t('reception.pending.estimated')}</span>
        ) : null}
      </td>
      <td>
        <NationalStatus status={pendingStatus(row, outcome)} testId="pending-status" />
      </td>
      <td>
        {outcome?.kind === 'received' ? (
          <p className="reception-state is-ok" data-testid="pending-received">
            {t('reception.pending.received', { due: formatDay(outcome.dueDate) })}
          </p>
        ) : outcome?.kind === 'refused' ? (
          <p className="reception-state is-warn" data-testid="pending-refused">
            {t('reception.pending.refused')}
          </p>
        ) : outcome?.kind === 'supplement' ? (
          <p className="reception-state" data-testid="pending-supplemented">
            {t('reception.pending.supplemented')}
          </p>
        ) : null}
        {outcome !== undefined ? (
          <FormOutcome
            paper={outcome.paper}
            code={outcome.code || row.code}
            pdfBase64={outcome.pdfBase64}
            jobIds={outcome.jobIds}
          />
        ) : null}
        {open ? (
          <div className="row-actions">
            <button
              type="button"
              className="btn btn-primary btn-small"
              aria-label={t('reception.pending.receiveLabel', { code: row.code })}
              data-testid="pending-receive"
              disabled={busy}
              onClick={onReceive}
            >
              {t('reception.pending.receive')}
            </button>
            <button
              type="button"
              className="btn btn-secondary btn-small"
              aria-label={t('reception.pending.refuseLabel', { code: row.code })}
              data-testid="pending-refuse"
              disabled={busy}
              onClick={onRefuse}
            >
              {t('reception.pending.refuse')}
            </button>
            <button
              type="button"
              className="btn btn-secondary btn-small"
              aria-label={t('reception.pending.supplementLabel', { code: row.code })}
              data-testid="pending-supplement"
              disabled={busy}
              onClick={onSupplement}
            >
              {t('reception.pending.supplement')}
            </button>
          </div>
        ) : null}
      </td>
    </tr>
  );
}
