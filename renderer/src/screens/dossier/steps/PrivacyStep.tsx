/**
 * Step 1: before anything personal is collected, say what this procedure needs and why (Law 91/2025/QH15
 * and Decree 356/2025/NĐ-CP: tell the person before collecting). The draft is created only after "Tôi đã
 * hiểu", so someone who only looks leaves nothing behind.
 */
import { useTranslation } from 'react-i18next';
import type { Procedure } from '../../../../../preload/api';
import { inLang, langOf } from '../lib/format';

export function PrivacyStep({
  procedure,
  busy,
  onAgree,
  onCancel,
}: {
  procedure: Procedure;
  busy: boolean;
  onAgree: () => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const who = procedure.form.persons.map((p) => inLang(p.label.vi, p.label.en, lang)).join(', ');
  return (
    <div className="wizard-panel privacy" data-testid="step-privacy">
      <h2 className="step-heading">{t('dossier.privacy.heading')}</h2>
      <p className="privacy-lead">
        {t('dossier.privacy.lead', { procedure: inLang(procedure.name, procedure.nameEn, lang) })}
      </p>
      <ul className="privacy-list">
        <li>{who ? t('dossier.privacy.persons', { who }) : t('dossier.privacy.personsNone')}</li>
        {procedure.components.some((c) => !c.fromForm) ? <li>{t('dossier.privacy.papers')}</li> : null}
        <li>{t('dossier.privacy.contact')}</li>
      </ul>
      <p>{t('dossier.privacy.why')}</p>
      <p className="privacy-wipe">{t('dossier.privacy.wipe')}</p>
      <p className="privacy-law">{t('dossier.privacy.law')}</p>
      <div className="wizard-actions">
        <button
          type="button"
          className="btn btn-secondary btn-xl"
          data-testid="privacy-cancel"
          onClick={onCancel}
        >
          {t('dossier.privacy.cancel')}
        </button>
        <button
          type="button"
          className="btn btn-primary btn-xl"
          data-testid="privacy-agree"
          disabled={busy}
          onClick={onAgree}
        >
          {t('dossier.privacy.agree')}
        </button>
      </div>
    </div>
  );
}
