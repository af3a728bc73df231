/**
 * Drafts parked by staff for a citizen who went to fetch a paper (dossier.parked), and resuming one by
 * its park code (dossier.resume), from the list or typed from the slip the citizen brings back. Each row
 * can print its park slip again (dossier.printParkSlip) when the first one was lost or not printed. A
 * draft whose stored data is damaged says so and offers neither (main would refuse both).
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dossier, KioskError } from '../../../../preload/api';
import { useKiosk } from '../../context';
import { useCall } from '../../hooks/useCall';
import { formatDateTime } from '../../components/Clock';
import { ErrorRegion } from '../../components/ErrorRegion';
import { cleanParkCode, isParkCode } from './dossierModel';

export function ParkedDrafts({
  onResume,
  onError,
}: {
  onResume: (dossier: Dossier) => void;
  onError: (error: KioskError) => boolean;
}) {
  const { t } = useTranslation();
  const client = useKiosk();
  const inputId = useId();
  const helpId = useId();
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  /** The reprint's state, said in one status line under the list (the code it is about included). */
  const [reprint, setReprint] = useState<{ code: string; state: 'printing' | 'sent' } | null>(null);

  // The actions' refusals show where the list's own does.
  const parked = useCall((c) => c.call('dossier.parked', {}), [], { onError });
  const drafts = parked.value ?? null;
  const { error, setError } = parked;
  const fail = (e: KioskError): void => void (onError(e) || setError(e));

  const resume = async (parkCode: string): Promise<void> => {
    setBusy(true);
    const result = await client.call('dossier.resume', { parkCode });
    setBusy(false);
    if (!result.ok) return fail(result.error);
    setError(undefined);
    onResume(result.value);
  };

  const printSlip = async (draft: Dossier): Promise<void> => {
    const code = draft.parkCode ?? '';
    setReprint({ code, state: 'printing' });
    const result = await client.call('dossier.printParkSlip', { id: draft.id });
    if (!result.ok) {
      setReprint(null);
      return fail(result.error);
    }
    setError(undefined);
    setReprint({ code, state: 'sent' });
  };

  return (
    <section className="parked" data-testid="parked-drafts" aria-labelledby="parked-title">
      <h2 id="parked-title">{t('staffDossier.parked.title')}</h2>
      <p className="section-help">{t('staffDossier.parked.help')}</p>
      <form
        className="parked-by-code"
        onSubmit={(event) => {
          event.preventDefault();
          if (isParkCode(code) && !busy) void resume(code);
        }}
      >
        <div className="field">
          <label htmlFor={inputId}>{t('staffDossier.parked.byCode')}</label>
          <input
            id={inputId}
            className="park-code-input"
            data-testid="park-code"
            value={code}
            autoComplete="off"
            spellCheck={false}
            aria-describedby={helpId}
            onChange={(e) => setCode(cleanParkCode(e.target.value))}
          />
          <p id={helpId} className="field-help">
            {t('staffDossier.parked.byCodeHelp')}
          </p>
        </div>
        <button
          type="submit"
          className="btn btn-primary"
          data-testid="park-resume"
          disabled={busy || !isParkCode(code)}
        >
          {t('staffDossier.parked.byCodeSubmit')}
        </button>
      </form>
      <ErrorRegion error={error} testId="parked-error" />
      <p role="status" className="field-help" data-testid="parked-reprint-status">
        {reprint === null
          ? null
          : t(`staffDossier.parked.${reprint.state === 'printing' ? 'reprinting' : 'reprinted'}`, {
              code: reprint.code,
            })}
      </p>
      {drafts === null ? null : drafts.length === 0 ? (
        <p className="report-empty">{t('staffDossier.parked.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="report-table parked-table">
            <caption className="sr-only">{t('staffDossier.parked.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('staffDossier.parked.parkCode')}</th>
                <th scope="col">{t('staffDossier.parked.procedure')}</th>
                <th scope="col">{t('staffDossier.parked.updatedAt')}</th>
                <th scope="col">{t('staffDossier.parked.assistedBy')}</th>
                <th scope="col">
                  <span className="sr-only">{t('staffDossier.parked.resume')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {drafts.map((draft) => (
                <tr key={draft.id} data-damaged={draft.damaged ? 'true' : undefined}>
                  <th scope="row" className="dossier-code">
                    {draft.parkCode ?? '—'}
                  </th>
                  <td>
                    {draft.damaged ? (
                      <strong className="dossier-damaged">{t('staffDossier.damaged')}</strong>
                    ) : (
                      draft.procedureName
                    )}
                  </td>
                  <td>
                    <time dateTime={draft.updatedAt}>{formatDateTime(t, new Date(draft.updatedAt))}</time>
                  </td>
                  <td>{draft.assistedBy?.displayName ?? '—'}</td>
                  <td>
                    {draft.parkCode !== null && !draft.damaged ? (
                      <div className="row-actions">
                        <button
                          type="button"
                          className="btn btn-secondary btn-small"
                          aria-label={t('staffDossier.parked.resumeLabel', { code: draft.parkCode })}
                          disabled={busy}
                          onClick={() => void resume(draft.parkCode ?? '')}
                        >
                          {t('staffDossier.parked.resume')}
                        </button>
                        <button
                          type="button"
                          className="btn btn-secondary btn-small"
                          data-testid={`parked-reprint-${draft.parkCode}`}
                          aria-label={t('staffDossier.parked.reprintLabel', { code: draft.parkCode })}
                          disabled={reprint?.state === 'printing'}
                          onClick={() => void printSlip(draft)}
                        >
                          {t('staffDossier.parked.reprint')}
                        </button>
                      </div>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
