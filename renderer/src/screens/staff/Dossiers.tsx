/**
 * The console's "Hồ sơ" tab: the dossiers waiting for an officer to receive them ("Chờ tiếp nhận"), the
 * day's dossiers with their receipts, the parked drafts, and "Nộp hồ sơ
 * thay công dân" (a procedure, then the filing wizard in assisted mode). Resuming a parked draft opens
 * the same wizard on that draft. The staff token travels with every call, so main records the dossier
 * as assisted and by whom. A citizen's card scanned here lists the drafts they left unfinished, and a
 * receipt's QR opens that dossier's reception, as at the counter (counter/CardScan, counter/Handover).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskError } from '../../../../preload/api';
import { DayDossiers } from './DayDossiers';
import { ParkedDrafts } from './ParkedDrafts';
import { PendingDossiers } from './reception/PendingDossiers';
import { ProcedurePicker } from './ProcedurePicker';
import { WizardHost } from './WizardHost';
import { CardScan } from './counter/CardScan';
import { Handover } from './counter/Handover';
import type { HandoverTarget } from './counter/handover';
import '../../styles/staff-dossier.css';

type View =
  | { name: 'list' }
  | { name: 'pick' }
  | { name: 'wizard'; procedureId?: string; dossierId?: string }
  | { name: 'handover'; target: HandoverTarget };

export function Dossiers({ onError }: { onError: (error: KioskError) => boolean }) {
  const { t } = useTranslation();
  const [view, setView] = useState<View>({ name: 'list' });
  const back = (): void => setView({ name: 'list' });

  if (view.name === 'pick')
    return (
      <ProcedurePicker
        onPick={(procedure) => setView({ name: 'wizard', procedureId: procedure.id })}
        onCancel={back}
        onError={onError}
      />
    );

  if (view.name === 'handover')
    return (
      <Handover
        target={view.target}
        onExit={back}
        onError={onError}
        backLabel={t('staffDossier.file.back')}
      />
    );

  if (view.name === 'wizard')
    return (
      <WizardHost
        assisted
        onExit={back}
        {...(view.procedureId !== undefined ? { procedureId: view.procedureId } : {})}
        {...(view.dossierId !== undefined ? { dossierId: view.dossierId } : {})}
      />
    );

  return (
    <div className="dossiers" data-testid="dossiers">
      <div className="dossiers-actions">
        <button
          type="button"
          className="btn btn-primary btn-xl"
          data-testid="file-for-citizen"
          onClick={() => setView({ name: 'pick' })}
        >
          {t('staffDossier.file.button')}
        </button>
      </div>
      <CardScan enabled onOpen={(target) => setView({ name: 'handover', target })} onError={onError} />
      <PendingDossiers onError={onError} />
      <DayDossiers onError={onError} />
      <ParkedDrafts
        onError={onError}
        onResume={(dossier) =>
          setView({ name: 'wizard', procedureId: dossier.procedureId, dossierId: dossier.id })
        }
      />
    </div>
  );
}
