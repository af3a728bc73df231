import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChipRead } from '../../../../preload/api';
import { errorText } from '../../api';
import { useKiosk } from '../../context';
import { useCall } from '../../hooks/useCall';
import { ErrorRegion } from '../../components/ErrorRegion';
import { ChipReadDialog } from '../chip/ChipReadDialog';
import { ChipSummary } from '../chip/ChipSummary';
import { ChipDemoContext } from '../chip/demo';
import '../../styles/chip.css';

const pcscKey = {
  ready: 'chip.diag.pcscReady',
  unavailable: 'chip.diag.pcscUnavailable',
  disabled: 'chip.diag.pcscDisabled',
} as const;

/**
 * "Đầu đọc chip" for staff: PC/SC state with its note, the readers and whether each holds a card (live,
 * from 'chip.reader'), how many CSCA certificates are installed, and two tries: "Đọc thẻ mẫu" reads the
 * software card straight away; "Thử hộp thoại đọc thẻ" opens the citizens' dialog with the sample card
 * allowed. The result is shown with the ID number masked and is dropped when the screen closes.
 */
export function ChipDiagnostics() {
  const { t, i18n } = useTranslation();
  const client = useKiosk();
  const [result, setResult] = useState<ChipRead | null>(null);
  const [reading, setReading] = useState(false);
  const [dialogOpen, setDialogOpen] = useState(false);

  const chip = useCall((c) => c.call('identity.chipStatus', {}), []);
  const { update, error, setError, reload: load } = chip;
  const status = chip.value ?? null;
  // The readers and cards change live.
  useEffect(() => client.on('chip.reader', (s) => update(() => s)), [client, update]);

  const readDemo = async (): Promise<void> => {
    setReading(true);
    setError(undefined);
    const r = await client.call('identity.readChip', { demo: true, readParents: true });
    setReading(false);
    if (r.ok) setResult(r.value);
    else setError(r.error);
  };

  return (
    <section className="chip-diagnostics" data-testid="chip-diagnostics" aria-labelledby="chip-diag-title">
      <div className="diag-head">
        <h2 id="chip-diag-title">{t('chip.diag.title')}</h2>
        <button type="button" className="btn btn-secondary" onClick={load}>
          {t('chip.diag.refresh')}
        </button>
      </div>
      <p>{t('chip.diag.intro')}</p>
      <ErrorRegion error={error} testId="chip-diag-error" />
      {status === null ? (
        <p role="status">{t('chip.diag.loading')}</p>
      ) : (
        <dl className="diag-status">
          <dt>{t('chip.diag.pcsc')}</dt>
          <dd data-testid="chip-diag-pcsc" data-pcsc={status.pcsc}>
            {t(pcscKey[status.pcsc])}
          </dd>
          <dt>{t('chip.diag.readers')}</dt>
          <dd data-testid="chip-diag-readers">
            {status.readers.length === 0 ? (
              t('chip.diag.noReaders')
            ) : (
              <ul className="chip-diag-list">
                {status.readers.map((r) => (
                  <li key={r.name}>
                    <strong>{r.name}</strong> ·{' '}
                    {r.cardPresent ? t('chip.diag.cardPresent') : t('chip.diag.cardAbsent')}
                  </li>
                ))}
              </ul>
            )}
          </dd>
          <dt>{t('chip.diag.csca')}</dt>
          <dd data-testid="chip-diag-csca">
            {status.cscaCount === 0
              ? t('chip.diag.cscaNone')
              : t('chip.diag.cscaCount', { count: status.cscaCount })}
          </dd>
          {status.note ? (
            <>
              <dt>{t('chip.diag.note')}</dt>
              <dd data-testid="chip-diag-note">
                {errorText({ code: 'note', ...status.note }, i18n.language)}
              </dd>
            </>
          ) : null}
        </dl>
      )}
      <div className="chip-actions chip-diag-actions">
        <button
          type="button"
          className="btn btn-primary"
          data-testid="chip-diag-demo"
          disabled={reading}
          onClick={() => void readDemo()}
        >
          {reading ? t('chip.diag.demoReading') : t('chip.diag.demoRead')}
        </button>
        <button
          type="button"
          className="btn btn-secondary"
          data-testid="chip-diag-dialog"
          onClick={() => setDialogOpen(true)}
        >
          {t('chip.diag.openDialog')}
        </button>
      </div>
      <h3>{t('chip.diag.lastResult')}</h3>
      {result === null ? (
        <p data-testid="chip-diag-no-result">{t('chip.diag.noResult')}</p>
      ) : (
        <div data-testid="chip-diag-result">
          <ChipSummary result={result} />
          <p className="chip-diag-duration">
            {t('chip.diag.duration', { ms: Math.round(result.durationMs) })}
          </p>
        </div>
      )}
      {dialogOpen ? (
        <ChipDemoContext value={true}>
          <ChipReadDialog
            readParents
            onRead={(r) => {
              setResult(r);
              setDialogOpen(false);
            }}
            onClose={() => setDialogOpen(false)}
          />
        </ChipDemoContext>
      ) : null}
    </section>
  );
}
