/**
 * What one tap at the counter opened: a citizen's draft in the staff-assisted wizard, starting from what
 * they typed (opened as a parked draft is resumed: `openForStaff`), or a submitted dossier's reception
 * (DossierReception). "Về quầy phục vụ" goes back to the counter; the wizard's own exit does too.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskError } from '../../../../../preload/api';
import { useCall } from '../../../hooks/useCall';
import { ErrorRegion } from '../../../components/ErrorRegion';
import { WizardHost } from '../WizardHost';
import { DossierReception } from './DossierReception';
import { openForStaff, type HandoverTarget } from './handover';
import '../../../styles/staff-dossier.css';
import '../../../styles/handover.css';

export function Handover({
  target,
  onExit,
  onError,
  backLabel,
}: {
  target: HandoverTarget;
  onExit: () => void;
  onError: (error: KioskError) => boolean;
  /** The way back's words: "Về quầy phục vụ" unless opened from elsewhere (the Hồ sơ tab). */
  backLabel?: string;
}) {
  const { t } = useTranslation();
  // A draft submitted meanwhile (the citizen finished it at the kiosk) opens its reception instead.
  const [shown, setShown] = useState(target);
  const back = (
    <button type="button" className="btn btn-secondary" data-testid="handover-back" onClick={onExit}>
      {backLabel ?? t('handover.opened.back')}
    </button>
  );
  return (
    <div className="handover" data-testid="handover" data-kind={shown.kind}>
      {shown.kind === 'draft' ? (
        <DraftOpen
          id={shown.id}
          back={back}
          onExit={onExit}
          onError={onError}
          onSubmitted={(code) => setShown({ kind: 'reception', id: shown.id, code })}
        />
      ) : (
        <>
          <div className="handover-bar">{back}</div>
          <DossierReception id={shown.id} code={shown.code} onError={onError} />
        </>
      )}
    </div>
  );
}

function DraftOpen({
  id,
  back,
  onExit,
  onError,
  onSubmitted,
}: {
  id: string;
  back: ReactNode;
  onExit: () => void;
  onError: (error: KioskError) => boolean;
  onSubmitted: (code: string) => void;
}) {
  const { t } = useTranslation();
  const opened = useCall((c) => openForStaff(c, id), [id], { onError });
  const dossier = opened.value;
  const submittedCode = dossier?.status === 'submitted' ? dossier.code : null;
  useEffect(() => {
    if (submittedCode !== null) onSubmitted(submittedCode);
  }, [submittedCode, onSubmitted]);

  if (dossier === undefined || dossier.status === 'submitted')
    return (
      <>
        <div className="handover-bar">{back}</div>
        <ErrorRegion error={opened.error} testId="handover-error" />
        {opened.error ? null : <p role="status">{t('handover.opened.opening')}</p>}
      </>
    );
  // The wizard reads the draft again by its id (no token: the staff session is the right to it); its own
  // "Về bảng điều khiển" comes back here (the draft is saved at every step).
  return <WizardHost assisted dossierId={dossier.id} onExit={onExit} />;
}
