/**
 * Opens the filing wizard (screens/dossier, `DossierWizard`) for staff: a new dossier for a citizen, or a
 * parked draft resumed. The wizard is loaded lazily: it carries the form library, which the counter
 * console does not need until someone files.
 *
 * Loaded through `import.meta.glob` rather than a plain `import()`: the wizard is built alongside this
 * tab, and a glob that matches nothing builds to an honest "not in this installation" message instead of
 * breaking the build. Once the wizard exists this is an ordinary lazy chunk.
 */
import { lazy, Suspense, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';

export interface WizardProps {
  procedureId?: string;
  dossierId?: string;
  onExit: () => void;
  assisted?: boolean;
}

type WizardModule = { DossierWizard?: ComponentType<WizardProps> };

const modules = import.meta.glob<WizardModule>('../dossier/DossierWizard.tsx');

function Missing({ onExit }: WizardProps) {
  const { t } = useTranslation();
  return (
    <div className="wizard-missing" data-testid="wizard-missing">
      <p role="alert">{t('staffDossier.file.wizardMissing')}</p>
      <button type="button" className="btn btn-secondary" onClick={onExit}>
        {t('staffDossier.file.back')}
      </button>
    </div>
  );
}

/** Resolves to the wizard, or to `Missing` when it is not built or fails to load (never a blank page). */
export async function loadWizard(
  loaders: Record<string, () => Promise<WizardModule>> = modules,
): Promise<{ default: ComponentType<WizardProps> }> {
  const load = Object.values(loaders)[0];
  if (!load) return { default: Missing };
  try {
    const wizard = (await load()).DossierWizard;
    return { default: wizard ?? Missing };
  } catch {
    return { default: Missing };
  }
}

const Wizard = lazy(() => loadWizard());

export function WizardHost(props: WizardProps) {
  const { t } = useTranslation();
  return (
    <div className="wizard-host" data-testid="wizard-host">
      <Suspense fallback={<p role="status">{t('staffDossier.file.wizardLoading')}</p>}>
        <Wizard {...props} />
      </Suspense>
    </div>
  );
}
