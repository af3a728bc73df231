/** Step 6: everything at a glance, each part with "Sửa", and "Nộp hồ sơ" (dossier.submit). */
import { useTranslation } from 'react-i18next';
import type { Dossier, KioskError, Procedure } from '../../../../../preload/api';
import { errorText } from '../../../api';
import { formatDay, inLang, langOf } from '../lib/format';
import type { FormData } from '../lib/persons';
import { valueAt, type Step } from '../lib/steps';
import { feeText } from '../text';
import { WizardActions } from './WizardActions';

export function ReviewStep({
  procedure,
  dossier,
  formData,
  submitting,
  error,
  onEdit,
  onBack,
  onSubmit,
}: {
  procedure: Procedure;
  dossier: Dossier;
  formData: FormData;
  submitting: boolean;
  error: KioskError | null;
  onEdit: (step: Step) => void;
  onBack: () => void;
  onSubmit: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const text = (value: unknown): string => (typeof value === 'string' ? value : '');
  const edit = (step: Step) => (
    <button type="button" className="btn btn-tool review-edit" onClick={() => onEdit(step)}>
      {t('dossier.review.edit')}
    </button>
  );
  const address = dossier.delivery.method === 'post' ? dossier.delivery.address : null;
  const contact = [dossier.contact.phone, dossier.contact.email].filter(Boolean).join(' · ');

  return (
    <div className="wizard-panel review" data-testid="step-review">
      <h2 className="step-heading">{t('dossier.review.heading')}</h2>
      <dl className="review-list">
        <div className="review-row">
          <dt>{t('dossier.review.procedure')}</dt>
          <dd>{inLang(procedure.name, procedure.nameEn, lang)}</dd>
        </div>
        {procedure.form.persons.length > 0 ? (
          <div className="review-row">
            <dt>{t('dossier.review.persons')}</dt>
            <dd>
              <ul>
                {procedure.form.persons.map((slot) => {
                  const name = text(valueAt(formData, `${slot.path}.fullName`));
                  const born = text(valueAt(formData, `${slot.path}.birthDate`));
                  return (
                    <li key={slot.path} data-testid={`review-person-${slot.path}`}>
                      <strong>{inLang(slot.label.vi, slot.label.en, lang)}:</strong>{' '}
                      {name || t('dossier.review.none')}
                      {born ? ` (${formatDay(born)})` : ''}
                    </li>
                  );
                })}
              </ul>
              {edit('form')}
            </dd>
          </div>
        ) : null}
        <div className="review-row">
          <dt>{t('dossier.review.papers')}</dt>
          <dd>
            <ul>
              {procedure.components
                .filter((c) => !c.fromForm)
                .map((c) => {
                  const files = dossier.attachments.filter((a) => a.componentId === c.id);
                  const pages = files.reduce((n, f) => n + f.pages, 0);
                  return (
                    <li key={c.id}>
                      <strong>{inLang(c.name, c.nameEn, lang)}:</strong>{' '}
                      {files.length === 0
                        ? t('dossier.review.none')
                        : t('dossier.review.paperFiles', {
                            files: t('dossier.attach.files', { count: files.length }),
                            pages: t('dossier.attach.pages', { count: pages }),
                          })}
                    </li>
                  );
                })}
            </ul>
            {edit('attachments')}
          </dd>
        </div>
        <div className="review-row">
          <dt>{t('dossier.review.delivery')}</dt>
          <dd>
            {address
              ? `${t('dossier.delivery.post')}: ${address.recipient}, ${address.street}, ${address.ward}, ${address.province}`
              : t('dossier.delivery.counter')}
            {edit('delivery')}
          </dd>
        </div>
        <div className="review-row">
          <dt>{t('dossier.review.contact')}</dt>
          <dd>
            {contact || t('dossier.review.none')}
            {edit('delivery')}
          </dd>
        </div>
        <div className="review-row">
          <dt>{t('dossier.review.fee')}</dt>
          <dd>{feeText(t, procedure.fee, i18n.language)}</dd>
        </div>
      </dl>
      <p className="review-confirm">{t('dossier.review.confirm')}</p>
      <div role="alert" className={error ? 'error-box' : 'error-box-empty'} data-testid="submit-error">
        {error ? `${t('dossier.review.failed')} ${errorText(error, i18n.language)}` : null}
      </div>
      <p role="status" className={submitting ? 'review-submitting' : 'sr-only'}>
        {submitting ? t('dossier.review.submitting') : ''}
      </p>
      <WizardActions
        onBack={onBack}
        onNext={onSubmit}
        nextLabel={t('dossier.review.submit')}
        busy={submitting}
      />
    </div>
  );
}
