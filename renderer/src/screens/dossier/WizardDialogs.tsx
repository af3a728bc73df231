/**
 * The wizard's questions: "Thẻ này của ai?", "Thay điều Quý vị đã gõ?", "Dừng nộp hồ sơ?", and for staff
 * "Tạm giữ hay bỏ?" with the park code it gives.
 * Each is a ConfirmDialog (native modal <dialog>); Esc is the safe answer.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskError } from '../../../../preload/api';
import { ErrorRegion } from '../../components/ErrorRegion';
import { useKiosk } from '../../context';
import type { Conflict } from './lib/persons';
import { addressLine } from './form/address';
import { ConfirmDialog } from './ConfirmDialog';

export function AskWhoDialog({
  name,
  slots,
  onPick,
  onClose,
}: {
  name: string;
  slots: readonly { path: string; label: string }[];
  onPick: (path: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <ConfirmDialog
      title={t('dossier.person.whoTitle')}
      testId="ask-who"
      onCancel={onClose}
      actions={
        <>
          {slots.map((slot) => (
            <button
              key={slot.path}
              type="button"
              className="btn btn-primary btn-xl"
              data-testid={`ask-who-${slot.path}`}
              onClick={() => onPick(slot.path)}
            >
              {slot.label}
            </button>
          ))}
          <button type="button" className="btn btn-secondary btn-xl" onClick={onClose}>
            {t('dossier.common.close')}
          </button>
        </>
      }
    >
      <p>{t('dossier.person.whoBody', { name })}</p>
    </ConfirmDialog>
  );
}

export function ConflictDialog({
  who,
  conflicts,
  onKeep,
  onReplace,
}: {
  who: string;
  conflicts: readonly Conflict[];
  onKeep: () => void;
  onReplace: () => void;
}) {
  const { t } = useTranslation();
  return (
    <ConfirmDialog
      title={t('dossier.person.conflictTitle')}
      testId="fill-conflict"
      onCancel={onKeep}
      actions={
        <>
          <button
            type="button"
            className="btn btn-secondary btn-xl"
            data-testid="conflict-keep"
            onClick={onKeep}
          >
            {t('dossier.person.conflictKeep')}
          </button>
          <button
            type="button"
            className="btn btn-primary btn-xl"
            data-testid="conflict-replace"
            onClick={onReplace}
          >
            {t('dossier.person.conflictReplace')}
          </button>
        </>
      }
    >
      <p>{t('dossier.person.conflictBody', { who })}</p>
      <ul className="conflict-list">
        {conflicts.map((c) => (
          <li key={c.key}>
            <strong>{t(`dossier.person.fields.${c.key}`)}</strong>
            <span>{t('dossier.person.conflictTyped', { value: addressLine(c.current ?? '') })}</span>
            <span>{t('dossier.person.conflictCard', { value: addressLine(c.incoming ?? '') })}</span>
          </li>
        ))}
      </ul>
    </ConfirmDialog>
  );
}

export function ExitDialog({ onStay, onConfirm }: { onStay: () => void; onConfirm: () => void }) {
  const { t } = useTranslation();
  return (
    <ConfirmDialog
      title={t('dossier.wizard.exitTitle')}
      testId="exit-confirm"
      onCancel={onStay}
      actions={
        <>
          <button type="button" className="btn btn-primary btn-xl" data-testid="exit-stay" onClick={onStay}>
            {t('dossier.wizard.exitStay')}
          </button>
          <button
            type="button"
            className="btn btn-secondary btn-xl"
            data-testid="exit-confirm-button"
            onClick={onConfirm}
          >
            {t('dossier.wizard.exitConfirm')}
          </button>
        </>
      }
    >
      <p>{t('dossier.wizard.exitBody')}</p>
    </ConfirmDialog>
  );
}

/** Staff leaving an unfiled dossier: park it for the citizen's return, keep filing, or discard it. */
export function StaffExitDialog({
  busy,
  error,
  onPark,
  onStay,
  onDiscard,
}: {
  busy: boolean;
  error: string | null;
  onPark: () => void;
  onStay: () => void;
  onDiscard: () => void;
}) {
  const { t } = useTranslation();
  return (
    <ConfirmDialog
      title={t('dossier.wizard.parkAskTitle')}
      testId="park-ask"
      onCancel={onStay}
      actions={
        <>
          <button
            type="button"
            className="btn btn-primary btn-xl"
            data-testid="park-confirm"
            disabled={busy}
            onClick={onPark}
          >
            {t('dossier.wizard.parkConfirm')}
          </button>
          <button type="button" className="btn btn-secondary btn-xl" data-testid="exit-stay" onClick={onStay}>
            {t('dossier.wizard.exitStay')}
          </button>
          <button
            type="button"
            className="btn btn-secondary btn-xl"
            data-testid="discard-draft"
            disabled={busy}
            onClick={onDiscard}
          >
            {t('dossier.wizard.discardDraft')}
          </button>
        </>
      }
    >
      <p>{t('dossier.wizard.parkAskBody')}</p>
      <p role="alert" className={error ? 'error-box' : 'error-box-empty'}>
        {error}
      </p>
    </ConfirmDialog>
  );
}

/**
 * The park code, large, and the park slip: printed on the ticket printer ("In phiếu giữ chỗ"), or, with
 * no printer, written by hand (the refusal says so).
 */
export function ParkedDialog({
  dossierId,
  code,
  onDone,
  onStay,
}: {
  dossierId: string;
  code: string;
  onDone: () => void;
  onStay: () => void;
}) {
  const { t } = useTranslation();
  const client = useKiosk();
  const [printing, setPrinting] = useState<'idle' | 'printing' | 'sent'>('idle');
  const [error, setError] = useState<KioskError | undefined>();

  const print = async (): Promise<void> => {
    setPrinting('printing');
    setError(undefined);
    const result = await client.call('dossier.printParkSlip', { id: dossierId });
    setPrinting(result.ok ? 'sent' : 'idle');
    if (!result.ok) setError(result.error);
  };

  return (
    <ConfirmDialog
      title={t('dossier.wizard.parkedTitle')}
      testId="parked"
      onCancel={onStay}
      actions={
        <>
          <button
            type="button"
            className="btn btn-primary btn-xl"
            data-testid="parked-print"
            disabled={printing === 'printing'}
            onClick={() => void print()}
          >
            {t('dossier.wizard.parkedPrint')}
          </button>
          <button
            type="button"
            className="btn btn-secondary btn-xl"
            data-testid="parked-done"
            onClick={onDone}
          >
            {t('dossier.wizard.parkedDone')}
          </button>
          <button
            type="button"
            className="btn btn-secondary btn-xl"
            data-testid="parked-stay"
            onClick={onStay}
          >
            {t('dossier.wizard.exitStay')}
          </button>
        </>
      }
    >
      <p className="park-code-label">{t('dossier.wizard.parkedCodeLabel')}</p>
      <p className="park-code" data-testid="parked-code" aria-label={code.split('').join(' ')}>
        {code}
      </p>
      <p>{t('dossier.wizard.parkedBody')}</p>
      <p role="status" data-testid="parked-print-status" data-status={printing}>
        {printing === 'printing'
          ? t('dossier.wizard.parkedPrinting')
          : printing === 'sent'
            ? t('dossier.wizard.parkedPrintSent')
            : null}
      </p>
      <ErrorRegion error={error} testId="parked-print-error" />
    </ConfirmDialog>
  );
}
