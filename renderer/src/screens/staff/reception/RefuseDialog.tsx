/**
 * "Từ chối tiếp nhận": the reason (required, at least 5 characters: it is printed on Mẫu 03 for the
 * citizen), then dossier.refuse, then what became of Mẫu 03. A reason too short is said in words and
 * nothing is sent. Used for a dossier waiting in "Chờ tiếp nhận" and for an assisted draft whose check
 * found problems.
 */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskError } from '../../../../../preload/api';
import { localError } from '../../../api';
import { useKiosk } from '../../../context';
import { ErrorRegion } from '../../../components/ErrorRegion';
import { Modal } from '../../dossier/ConfirmDialog';
import { FormOutcome } from './FormOutcome';
import { canRefuse, REASON_MAX, type Refused } from './model';
import '../../../styles/reception.css';

/** The refusal the screen sends, or the words of why it is not sent: never a call with a short reason. */
export function refusalToSend(
  reason: string,
): { ok: true; reason: string } | { ok: false; error: KioskError } {
  return canRefuse(reason)
    ? { ok: true, reason: reason.trim() }
    : { ok: false, error: localError('reason-short', (m) => m.reception.refuse.reasonShort, 'reason') };
}

export function RefuseDialog({
  id,
  code,
  onRefused,
  onClose,
  closeLabel,
}: {
  id: string;
  /** The dossier's code; null for a draft, which has none yet. */
  code: string | null;
  onRefused: (refused: Refused) => void;
  onClose: (refused: Refused | null) => void;
  /** The close button's words once refused (the wizard leaves for the list). */
  closeLabel?: string;
}) {
  const { t } = useTranslation();
  const client = useKiosk();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<KioskError | undefined>();
  const [refused, setRefused] = useState<Refused | null>(null);
  const fieldId = useId();
  const hintId = useId();

  const send = async (): Promise<void> => {
    const checked = refusalToSend(reason);
    if (!checked.ok) return setError(checked.error);
    setBusy(true);
    const result = await client.call('dossier.refuse', { id, reason: checked.reason });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setError(undefined);
    setRefused(result.value);
    onRefused(result.value);
  };

  const title = code === null ? t('reception.refuse.titleDraft') : t('reception.refuse.title', { code });
  if (refused !== null)
    return (
      <Modal title={title} onCancel={() => onClose(refused)} focus="button" testId="refuse-dialog">
        <p className="reception-done" data-testid="refuse-done">
          {t('reception.refuse.done', { code: refused.code })}
        </p>
        <FormOutcome
          paper="refusal"
          code={refused.code}
          pdfBase64={refused.pdfBase64}
          jobIds={refused.jobIds}
        />
        <div className="dialog-actions">
          <button
            type="button"
            className="btn btn-primary"
            data-testid="refuse-close"
            onClick={() => onClose(refused)}
          >
            {closeLabel ?? t('reception.refuse.close')}
          </button>
        </div>
      </Modal>
    );

  return (
    <Modal title={title} onCancel={() => onClose(null)} focus="textarea" testId="refuse-dialog">
      <form
        className="reception-form"
        noValidate
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          if (!busy) void send();
        }}
      >
        <p>{t('reception.refuse.help')}</p>
        <div className="field">
          <label htmlFor={fieldId}>{t('reception.refuse.reason')}</label>
          <textarea
            id={fieldId}
            rows={4}
            required
            maxLength={REASON_MAX}
            aria-describedby={hintId}
            aria-invalid={error?.field === 'reason' ? true : undefined}
            data-testid="refuse-reason"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          <span id={hintId} className="field-help">
            {t('reception.refuse.reasonHint')}
          </span>
        </div>
        <ErrorRegion error={error} testId="refuse-error" />
        <div className="dialog-actions">
          <button type="button" className="btn btn-secondary" onClick={() => onClose(null)}>
            {t('reception.refuse.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy} data-testid="refuse-send">
            {busy ? t('reception.refuse.sending') : t('reception.refuse.send')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
