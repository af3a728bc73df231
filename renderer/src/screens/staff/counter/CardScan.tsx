/**
 * Scans at the counter. A citizen's ID card (its QR or MRZ) asks `dossier.resumeByCard` for the drafts
 * they set aside today or that were parked for them, listed by procedure and start time with one tap to
 * open each in the assisted wizard; a receipt's QR opens that dossier's reception, as a ticket taken with
 * it does. Off while something else reads scans (the wizard fills its form from them, the transfer dialog)
 * and while any dialog is open in front.
 */
import { useReducer, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskError } from '../../../../../preload/api';
import { useKiosk } from '../../../context';
import { useScan } from '../../../hooks/useScan';
import { formatDateTime } from '../../../components/Clock';
import { ErrorRegion } from '../../../components/ErrorRegion';
import {
  cardScanReducer,
  counterScan,
  idleCardScan,
  modalOpen,
  type CardScanState,
  type HandoverTarget,
} from './handover';
import '../../../styles/handover.css';

export function CardScan({
  enabled,
  onOpen,
  onError,
}: {
  enabled: boolean;
  onOpen: (target: HandoverTarget) => void;
  onError: (error: KioskError) => boolean;
}) {
  const client = useKiosk();
  const [state, dispatch] = useReducer(cardScanReducer, idleCardScan);
  const seq = useRef(0);

  useScan(
    (outcome) => {
      // A dialog in front (refusing, a supplement request, a receipt) has the officer's attention: a scan
      // must not switch the view under it and lose the reason being typed.
      if (modalOpen(document)) return;
      if (!outcome.result.ok) {
        dispatch({ type: 'refused', error: outcome.result.error });
        return;
      }
      const scan = counterScan(outcome.text, outcome.result.value);
      if (scan.kind === 'receipt') {
        dispatch({ type: 'closed' });
        onOpen({ kind: 'reception', id: null, code: scan.code });
        return;
      }
      const mine = ++seq.current;
      dispatch({ type: 'scanned', seq: mine });
      void client.call('dossier.resumeByCard', { text: scan.text }).then((result) => {
        // A lost session is the staff area's to handle (back to sign-in), not this panel's.
        if (!result.ok && onError(result.error)) return;
        dispatch({ type: 'answered', seq: mine, result });
      });
    },
    { enabled },
  );

  return (
    <CardScanView
      state={state}
      onOpen={(id) => {
        dispatch({ type: 'closed' });
        onOpen({ kind: 'draft', id });
      }}
      onClose={() => dispatch({ type: 'closed' })}
    />
  );
}

/** The panel as the state says: a hint, "looking", the card's drafts (or none), or why not. */
export function CardScanView({
  state,
  onOpen,
  onClose,
}: {
  state: CardScanState;
  onOpen: (id: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const error: KioskError | undefined = state.kind === 'failed' ? state.error : undefined;
  return (
    <section
      className="card-scan"
      data-testid="card-scan"
      data-state={state.kind}
      aria-labelledby="card-scan-title"
    >
      <div className="card-scan-head">
        <h3 id="card-scan-title">{t('handover.scan.title')}</h3>
        {state.kind === 'idle' ? null : (
          <button type="button" className="btn btn-secondary btn-small" onClick={onClose}>
            {t('handover.scan.close')}
          </button>
        )}
      </div>
      {state.kind === 'idle' ? <p className="field-help">{t('handover.scan.help')}</p> : null}
      <ErrorRegion error={error} testId="card-scan-error" />
      <p role="status">{state.kind === 'looking' ? t('handover.scan.looking') : null}</p>
      {state.kind !== 'found' ? null : state.drafts.length === 0 ? (
        <p className="report-empty" data-testid="card-scan-empty">
          {t('handover.scan.empty')}
        </p>
      ) : (
        <table className="report-table" data-testid="card-scan-drafts">
          <caption className="sr-only">{t('handover.scan.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('handover.scan.procedure')}</th>
              <th scope="col">{t('handover.scan.startedAt')}</th>
              <th scope="col">
                <span className="sr-only">{t('handover.scan.open')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {state.drafts.map((draft) => {
              const time = formatDateTime(t, new Date(draft.createdAt));
              return (
                <tr key={draft.id} data-testid="card-scan-draft">
                  <th scope="row">{draft.procedureName}</th>
                  <td>
                    <time dateTime={draft.createdAt}>{time}</time>
                  </td>
                  <td>
                    <button
                      type="button"
                      className="btn btn-primary btn-small"
                      data-testid="card-scan-open"
                      aria-label={t('handover.scan.openLabel', { procedure: draft.procedureName, time })}
                      onClick={() => onOpen(draft.id)}
                    >
                      {t('handover.scan.open')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
