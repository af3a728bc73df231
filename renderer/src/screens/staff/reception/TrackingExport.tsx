/**
 * Mẫu 06 (Phiếu kiểm soát quá trình giải quyết hồ sơ, one per dossier) and Mẫu 07 (Sổ theo dõi hồ sơ) of
 * the dossiers submitted in a range of days (today by default), as PDF or CSV (dossier.tracking): each a
 * download, as the report's CSV. A range the contract would refuse is said in words before any call.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskError, TrackingForm } from '../../../../../preload/api';
import { localError } from '../../../api';
import { useAppInfo, useKiosk } from '../../../context';
import { ErrorRegion } from '../../../components/ErrorRegion';
import { centreDay } from '../../../lib/queue';
import { base64ToBytes } from '../dossierModel';
import { downloadBytes } from '../../../lib/download';
import { rangeProblem, TRACKING_MAX_DAYS } from './model';
import '../../../styles/reception.css';
import { DayInput } from '../../../components/DayInput';

type Format = 'pdf' | 'csv';

const FORMS: readonly { form: TrackingForm; key: 'control' | 'book' }[] = [
  { form: 'control', key: 'control' },
  { form: 'book', key: 'book' },
];

export function TrackingExport({ onError }: { onError: (error: KioskError) => boolean }) {
  const { t } = useTranslation();
  const client = useKiosk();
  const { clockOffsetMs } = useAppInfo();
  const [today] = useState(() => centreDay(new Date(Date.now() + clockOffsetMs)));
  const [from, setFrom] = useState(today);
  const [to, setTo] = useState(today);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<KioskError | undefined>();
  const [done, setDone] = useState<{ filename: string; count: number } | null>(null);
  const fromId = useId();
  const toId = useId();

  const download = async (form: TrackingForm, format: Format): Promise<void> => {
    const problem = rangeProblem(from, to);
    if (problem !== null) {
      setDone(null);
      return setError(
        problem === 'order'
          ? localError('range-order', (m) => m.reception.tracking.order, 'to')
          : localError('range-too-long', (m) =>
              m.reception.tracking.tooLong.replace('{{days}}', String(TRACKING_MAX_DAYS)),
            ),
      );
    }
    setBusy(true);
    const result = await client.call('dossier.tracking', { from, to, form, format });
    setBusy(false);
    if (!result.ok) {
      setDone(null);
      return void (onError(result.error) || setError(result.error));
    }
    setError(undefined);
    const { filename, content, dossiers } = result.value;
    if (result.value.format === 'pdf') downloadBytes(filename, base64ToBytes(content), 'application/pdf');
    else downloadBytes(filename, content, 'text/csv;charset=utf-8');
    setDone({ filename, count: dossiers });
  };

  const valid = /^\d{4}-\d{2}-\d{2}$/;
  const ready = valid.test(from) && valid.test(to) && !busy;
  return (
    <section className="tracking-export" data-testid="tracking-export" aria-labelledby="tracking-title">
      <h3 id="tracking-title">{t('reception.tracking.title')}</h3>
      <p className="report-note">{t('reception.tracking.help')}</p>
      <div className="tracking-range">
        <div className="field field-inline">
          <label htmlFor={fromId}>{t('reception.tracking.from')}</label>
          <DayInput id={fromId} data-testid="tracking-from" value={from} onChange={setFrom} />
        </div>
        <div className="field field-inline">
          <label htmlFor={toId}>{t('reception.tracking.to')}</label>
          <DayInput
            id={toId}
            data-testid="tracking-to"
            value={to}
            aria-invalid={error?.field === 'to' ? true : undefined}
            onChange={setTo}
          />
        </div>
      </div>
      <ul className="tracking-forms">
        {FORMS.map(({ form, key }) => {
          const name = t(`reception.tracking.${key}`);
          return (
            <li key={form} className="tracking-form" data-form={form}>
              <span className="tracking-form-name">{name}</span>
              <span className="row-actions">
                {(['pdf', 'csv'] as const).map((format) => (
                  <button
                    key={format}
                    type="button"
                    className="btn btn-secondary btn-small"
                    aria-label={t(`reception.tracking.${format}Label`, { form: name })}
                    data-testid={`tracking-${form}-${format}`}
                    disabled={!ready}
                    onClick={() => void download(form, format)}
                  >
                    {t(`reception.tracking.${format}`)}
                  </button>
                ))}
              </span>
            </li>
          );
        })}
      </ul>
      <ErrorRegion error={error} testId="tracking-error" />
      <p role="status" className="tracking-status" data-testid="tracking-status">
        {busy
          ? t('reception.tracking.working')
          : done !== null
            ? t('reception.tracking.done', { filename: done.filename, count: done.count })
            : null}
      </p>
    </section>
  );
}
