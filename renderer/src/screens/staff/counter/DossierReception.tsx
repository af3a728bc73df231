/**
 * A submitted dossier opened at the counter, from the ticket the citizen took with it or from their
 * receipt's QR: while it waits for an officer, its row of "Chờ tiếp nhận" with "Tiếp nhận" (Mẫu 01),
 * "Từ chối tiếp nhận" (Mẫu 03) and "Yêu cầu bổ sung" (Mẫu 02), the same calls as the Hồ sơ tab; once
 * received or refused, what it is (dossier.lookup, as staff) and its paper to print again or view.
 */
import { useReducer, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskError } from '../../../../../preload/api';
import { useKiosk } from '../../../context';
import { useCall } from '../../../hooks/useCall';
import { ErrorRegion } from '../../../components/ErrorRegion';
import { PendingRow, PendingTable } from '../reception/PendingDossiers';
import { RefuseDialog } from '../reception/RefuseDialog';
import { SupplementDialog } from '../reception/SupplementDialog';
import { initialPending, paperOf, pendingReducer, type PendingDossier } from '../reception/model';
import { ReceiptDialog } from '../ReceiptDialog';
import { receptionView } from './handover';
import '../../../styles/reception.css';

export function DossierReception({
  id,
  code,
  onError,
}: {
  id: string | null;
  code: string;
  onError: (error: KioskError) => boolean;
}) {
  const { t } = useTranslation();
  const pending = useCall((c) => c.call('dossier.pending', {}), [], { onError });
  const rows = pending.value;
  return (
    <section className="dossier-reception" data-testid="dossier-reception" aria-labelledby="reception-one">
      <h2 id="reception-one">{t('handover.opened.receptionTitle', { code })}</h2>
      <ErrorRegion error={pending.error} testId="dossier-reception-error" />
      {rows === undefined ? (
        pending.error ? null : (
          <p role="status">{t('handover.opened.loading')}</p>
        )
      ) : (
        <Reception view={receptionView({ id, code }, rows)} onError={onError} />
      )}
    </section>
  );
}

function Reception({
  view,
  onError,
}: {
  view: ReturnType<typeof receptionView>;
  onError: (error: KioskError) => boolean;
}) {
  return view.kind === 'pending' ? (
    <WaitingDossier row={view.row} onError={onError} />
  ) : (
    <ReceiptPaper code={view.code} onError={onError} />
  );
}

/** The dossier's row of "Chờ tiếp nhận", acted on here as in the Hồ sơ tab. */
function WaitingDossier({ row, onError }: { row: PendingDossier; onError: (error: KioskError) => boolean }) {
  const client = useKiosk();
  const [state, dispatch] = useReducer(pendingReducer, { ...initialPending, rows: [row] });
  const [dialog, setDialog] = useState<'refuse' | 'supplement' | null>(null);
  const [error, setError] = useState<KioskError | undefined>();
  const shown = state.rows?.[0] ?? row;

  const receive = async (): Promise<void> => {
    dispatch({ type: 'busy', id: row.id });
    const result = await client.call('dossier.receive', { id: row.id });
    if (!result.ok) {
      dispatch({ type: 'busy', id: null });
      if (!onError(result.error)) setError(result.error);
      return;
    }
    setError(undefined);
    dispatch({ type: 'received', id: row.id, received: result.value });
  };

  return (
    <>
      <ErrorRegion error={error} testId="pending-error" />
      <PendingTable>
        <PendingRow
          row={shown}
          outcome={state.outcomes[row.id]}
          busy={state.busy !== null}
          onReceive={() => void receive()}
          onRefuse={() => setDialog('refuse')}
          onSupplement={() => setDialog('supplement')}
        />
      </PendingTable>
      {dialog === 'refuse' ? (
        <RefuseDialog
          id={row.id}
          code={row.code}
          onRefused={(refused) => dispatch({ type: 'refused', id: row.id, refused })}
          onClose={() => setDialog(null)}
        />
      ) : dialog === 'supplement' ? (
        <SupplementDialog
          id={row.id}
          code={row.code}
          onMade={(request) => dispatch({ type: 'supplement', id: row.id, request })}
          onClose={() => setDialog(null)}
        />
      ) : null}
    </>
  );
}

/** A dossier already received or refused: what it is, and its paper printed again or viewed. */
function ReceiptPaper({ code, onError }: { code: string; onError: (error: KioskError) => boolean }) {
  const { t } = useTranslation();
  const client = useKiosk();
  const found = useCall((c) => c.call('dossier.lookup', { code }), [code], { onError });
  const [viewing, setViewing] = useState(false);
  const [printing, setPrinting] = useState<'busy' | { jobs: number } | null>(null);
  const [error, setError] = useState<KioskError | undefined>();
  const lookup = found.value?.detail === 'full' ? found.value : null;

  const reprint = async (): Promise<void> => {
    setPrinting('busy');
    const result = await client.call('dossier.receipt', { code, print: true });
    if (!result.ok) {
      setPrinting(null);
      if (!onError(result.error)) setError(result.error);
      return;
    }
    setError(undefined);
    setPrinting({ jobs: result.value.jobIds.length });
  };

  if (lookup === null)
    return (
      <>
        <ErrorRegion error={found.error} testId="dossier-reception-error" />
        {found.error ? null : <p role="status">{t('handover.opened.loading')}</p>}
      </>
    );
  const paper = paperOf(lookup.reception.state);
  const paperName = t(`reception.paper.${paper}`);
  return (
    <div className="receipt-paper" data-testid="receipt-paper" data-reception={lookup.reception.state}>
      <p>{t('handover.opened.procedure', { name: lookup.procedureName })}</p>
      <p>{t('handover.opened.applicant', { name: lookup.applicant })}</p>
      <p data-testid="receipt-paper-state">
        {t('handover.opened.state', { state: t(`reception.state.${lookup.reception.state}`) })}
      </p>
      <ErrorRegion error={error} testId="receipt-paper-error" />
      <div className="row-actions">
        <button
          type="button"
          className="btn btn-primary"
          data-testid="receipt-paper-reprint"
          aria-label={t(`reception.reprint.${paper}Label`, { code })}
          disabled={printing === 'busy'}
          onClick={() => void reprint()}
        >
          {t(`reception.reprint.${paper}`)}
        </button>
        <button
          type="button"
          className="btn btn-secondary"
          data-testid="receipt-paper-view"
          aria-label={t('staffDossier.receipt.viewLabel', { code })}
          onClick={() => setViewing(true)}
        >
          {t('staffDossier.receipt.view')}
        </button>
      </div>
      <p role="status" data-testid="receipt-paper-status">
        {printing === 'busy'
          ? t('handover.opened.printing')
          : printing === null
            ? null
            : printing.jobs === 0
              ? t('staffDossier.receipt.noPrinter', { code, paper: paperName })
              : t('staffDossier.receipt.sent', { code, paper: paperName, count: printing.jobs })}
      </p>
      {viewing ? <ReceiptDialog code={code} onClose={() => setViewing(false)} onError={onError} /> : null}
    </div>
  );
}
