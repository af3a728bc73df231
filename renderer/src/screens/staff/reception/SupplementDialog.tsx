/**
 * "Yêu cầu bổ sung": Mẫu 02, the request to complete a dossier, every missing or wrong paper at once
 * (main takes them from the completeness check, or from the portal's request). Staff may add one note of
 * their own; the form is printed on the forms printer, or given as a PDF when there is none.
 */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskError } from '../../../../../preload/api';
import { useKiosk } from '../../../context';
import { ErrorRegion } from '../../../components/ErrorRegion';
import { Modal } from '../../dossier/ConfirmDialog';
import { FormOutcome } from './FormOutcome';
import { REASON_MAX, type SupplementRequest } from './model';
import '../../../styles/reception.css';

export function SupplementDialog({
  id,
  code,
  onMade,
  onClose,
}: {
  id: string;
  /** The dossier's code; null for a draft, which has none yet. */
  code: string | null;
  onMade?: (request: SupplementRequest) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const client = useKiosk();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<KioskError | undefined>();
  const [made, setMade] = useState<SupplementRequest | null>(null);
  const fieldId = useId();
  const hintId = useId();
  const title =
    code === null ? t('reception.supplement.titleDraft') : t('reception.supplement.title', { code });

  const send = async (): Promise<void> => {
    setBusy(true);
    const trimmed = note.trim();
    const result = await client.call('dossier.supplementRequest', {
      id,
      print: true,
      ...(trimmed === '' ? {} : { note: trimmed }),
    });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setError(undefined);
    setMade(result.value);
    onMade?.(result.value);
  };

  if (made !== null)
    return (
      <Modal title={title} onCancel={onClose} focus="button" testId="supplement-dialog">
        <p className="reception-done" data-testid="supplement-done">
          {t('reception.supplement.done', { count: made.items.length })}
        </p>
        <h3 className="reception-items-title">{t('reception.supplement.items')}</h3>
        <ol className="reception-items" data-testid="supplement-items">
          {made.items.map((item, i) => (
            <li key={`${item.paper}-${i}`}>
              <strong>{item.paper}</strong>: {item.request}
            </li>
          ))}
        </ol>
        <FormOutcome
          paper="supplement"
          code={made.code ?? code ?? ''}
          pdfBase64={made.pdfBase64}
          jobIds={made.jobIds}
        />
        <div className="dialog-actions">
          <button type="button" className="btn btn-primary" data-testid="supplement-close" onClick={onClose}>
            {t('reception.supplement.close')}
          </button>
        </div>
      </Modal>
    );

  return (
    <Modal title={title} onCancel={onClose} focus="textarea" testId="supplement-dialog">
      <form
        className="reception-form"
        noValidate
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          if (!busy) void send();
        }}
      >
        <p>{t('reception.supplement.help')}</p>
        <div className="field">
          <label htmlFor={fieldId}>{t('reception.supplement.note')}</label>
          <textarea
            id={fieldId}
            rows={3}
            maxLength={REASON_MAX}
            aria-describedby={hintId}
            data-testid="supplement-note"
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
          <span id={hintId} className="field-help">
            {t('reception.supplement.noteHint')}
          </span>
        </div>
        <ErrorRegion error={error} testId="supplement-error" />
        <div className="dialog-actions">
          <button type="button" className="btn btn-secondary" onClick={onClose}>
            {t('reception.supplement.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy} data-testid="supplement-send">
            {busy ? t('reception.supplement.sending') : t('reception.supplement.send')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
