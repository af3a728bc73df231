/**
 * The wizard's top: procedure name, draft save state, "Về trang chủ", the steps, and the two message
 * lines (a notice about the last scan or resume, and why the draft could not be saved). Both message
 * regions stay in the page when empty, so what appears in them is announced.
 */
import { useTranslation } from 'react-i18next';
import { HomeIcon } from '../../components/icons';
import { WizardSteps } from './WizardSteps';
import type { Step } from './lib/steps';
import type { SaveState } from './useDraftSave';
import type { Notice } from './wizard/model';

export function WizardHeader({
  title,
  assisted,
  step,
  canJump,
  saveState,
  notice,
  saveProblem,
  onJump,
  onExit,
  parkCode = null,
  onPark,
  onSaveLater,
  onAskStaff,
}: {
  title: string;
  assisted: boolean;
  step: Step;
  canJump: boolean;
  saveState: SaveState;
  notice: Notice;
  /** Why the last save failed, in words; null when it did not. */
  saveProblem: string | null;
  onJump: (step: Step) => void;
  onExit: () => void;
  /** Staff only: the draft's park code once parked, and the "Tạm giữ hồ sơ" action before. */
  parkCode?: string | null;
  onPark?: () => void;
  /** A citizen's draft: "Lưu lại, làm tiếp sau" and "Nhờ cán bộ giúp" (issue 22, wizard/useKeep). */
  onSaveLater?: () => void;
  onAskStaff?: () => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <div className="dossier-topbar">
        <div className="wizard-title-block">
          <p className="wizard-kicker">
            {t('dossier.wizard.title')}
            {assisted ? <span className="badge badge-assisted">{t('dossier.wizard.assisted')}</span> : null}
          </p>
          <h1 id="wizard-title">{title}</h1>
        </div>
        <p className={`wizard-save is-${saveState}`} role="status" data-testid="wizard-save">
          {saveState === 'saving'
            ? t('dossier.wizard.saving')
            : saveState === 'saved'
              ? t('dossier.wizard.saved')
              : ''}
        </p>
        {assisted && parkCode ? (
          <p className="badge badge-parked" data-testid="wizard-parked">
            {t('dossier.wizard.parkedBadge', { code: parkCode })}
          </p>
        ) : assisted && onPark ? (
          <button type="button" className="btn btn-secondary" data-testid="wizard-park" onClick={onPark}>
            {t('dossier.wizard.park')}
          </button>
        ) : null}
        {onAskStaff ? (
          <button
            type="button"
            className="btn btn-secondary"
            data-testid="wizard-ask-staff"
            onClick={onAskStaff}
          >
            {t('keep.askStaffButton')}
          </button>
        ) : null}
        {onSaveLater ? (
          <button
            type="button"
            className="btn btn-secondary"
            data-testid="wizard-save-later"
            onClick={onSaveLater}
          >
            {t('keep.saveButton')}
          </button>
        ) : null}
        <button type="button" className="btn btn-secondary" data-testid="wizard-exit" onClick={onExit}>
          <HomeIcon />
          <span>{t(assisted ? 'dossier.wizard.exitStaff' : 'dossier.wizard.exit')}</span>
        </button>
      </div>
      <WizardSteps current={step} canJump={canJump} onJump={onJump} />
      <div
        role={notice?.tone === 'error' ? 'alert' : 'status'}
        className={notice ? `wizard-notice is-${notice.tone}` : 'wizard-notice is-empty'}
        data-testid="wizard-notice"
      >
        {notice?.text ?? ''}
      </div>
      <div role="alert" className={saveProblem ? 'error-box' : 'error-box-empty'} data-testid="save-error">
        {saveProblem}
      </div>
    </>
  );
}

/** The wizard before its procedure has loaded: a title, the way home, and what is happening. */
export function WizardLoading({ error, onExit }: { error: string | null; onExit: () => void }) {
  const { t } = useTranslation();
  return (
    <section className="wizard" aria-labelledby="wizard-title" data-testid="wizard">
      <div className="dossier-topbar">
        <h1 id="wizard-title">{t('dossier.wizard.title')}</h1>
        <button type="button" className="btn btn-secondary" data-testid="wizard-exit" onClick={onExit}>
          <HomeIcon />
          <span>{t('dossier.wizard.exit')}</span>
        </button>
      </div>
      {error ? (
        <p role="alert" className="error-box">
          {t('dossier.wizard.loadFailed')} {error}
        </p>
      ) : (
        <p role="status">{t('dossier.wizard.loading')}</p>
      )}
    </section>
  );
}
