/**
 * Step 4: where the result comes back (at the counter, or by post with an address when the procedure
 * allows it) and an optional phone number or e-mail for news of the result.
 */
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Delivery, Dossier, KioskError, Procedure } from '../../../../../preload/api';
import { errorText } from '../../../api';
import {
  checkDelivery,
  draftOf,
  type DeliveryDraft,
  type DeliveryErrorKey,
  type DeliveryField,
} from '../lib/delivery';
import { WizardActions } from './WizardActions';

/** DOM ids of the inputs; lib/steps.ts maps contract paths (`contact.phone`) to these. */
const IDS: Record<DeliveryField, string> = {
  recipient: 'post-recipient',
  street: 'post-street',
  ward: 'post-ward',
  province: 'post-province',
  postPhone: 'post-phone',
  phone: 'contact-phone',
  email: 'contact-email',
};

export function DeliveryStep({
  procedure,
  dossier,
  onSave,
  onBack,
}: {
  procedure: Procedure;
  dossier: Dossier;
  /** Saves and goes on; resolves to the refusal when main refused. */
  onSave: (delivery: Delivery, contact: { phone?: string; email?: string }) => Promise<KioskError | null>;
  onBack: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState<DeliveryDraft>(() => draftOf(dossier));
  const [errors, setErrors] = useState<Partial<Record<DeliveryField, DeliveryErrorKey>>>({});
  const [refusal, setRefusal] = useState<KioskError | null>(null);
  const [busy, setBusy] = useState(false);

  const set = (field: DeliveryField, value: string): void => {
    setDraft((d) => ({ ...d, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
  };

  const input = (field: DeliveryField, label: string, type: 'text' | 'tel' | 'email' = 'text'): ReactNode => {
    const error = errors[field];
    const errorId = `${IDS[field]}__error`;
    return (
      <div className={error ? 'df-field has-error' : 'df-field'}>
        <label htmlFor={IDS[field]} className="df-label">
          {label}
        </label>
        <input
          id={IDS[field]}
          className="df-input"
          type={type}
          inputMode={type === 'tel' ? 'tel' : type === 'email' ? 'email' : undefined}
          value={draft[field]}
          maxLength={type === 'text' ? 200 : 120}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          data-testid={IDS[field]}
          onChange={(e) => set(field, e.target.value)}
        />
        {error ? (
          <ul id={errorId} className="df-errors">
            <li>{t(`dossier.delivery.errors.${error}`)}</li>
          </ul>
        ) : null}
      </div>
    );
  };

  const next = async (): Promise<void> => {
    const checked = checkDelivery(draft, procedure.postal);
    setErrors(checked.errors);
    const first = Object.keys(checked.errors)[0] as DeliveryField | undefined;
    if (first) {
      document.getElementById(IDS[first])?.focus();
      return;
    }
    setBusy(true);
    setRefusal(null);
    const error = await onSave(checked.delivery, checked.contact);
    setBusy(false);
    if (error) setRefusal(error);
  };

  const post = procedure.postal && draft.method === 'post';
  return (
    <div className="wizard-panel delivery" data-testid="step-delivery">
      <h2 className="step-heading">{t('dossier.delivery.heading')}</h2>
      <fieldset className="df-group">
        <legend className="df-legend">{t('dossier.delivery.how')}</legend>
        <div className="delivery-options">
          <label
            className={
              draft.method === 'counter'
                ? 'df-choice delivery-option is-checked'
                : 'df-choice delivery-option'
            }
          >
            <input
              type="radio"
              name="delivery-method"
              checked={draft.method === 'counter'}
              data-testid="delivery-counter"
              onChange={() => setDraft((d) => ({ ...d, method: 'counter' }))}
            />
            <span>
              <strong>{t('dossier.delivery.counter')}</strong>
              <span className="delivery-hint">{t('dossier.delivery.counterHint')}</span>
            </span>
          </label>
          {procedure.postal ? (
            <label className={post ? 'df-choice delivery-option is-checked' : 'df-choice delivery-option'}>
              <input
                type="radio"
                name="delivery-method"
                checked={post}
                data-testid="delivery-post"
                onChange={() => setDraft((d) => ({ ...d, method: 'post' }))}
              />
              <span>
                <strong>{t('dossier.delivery.post')}</strong>
                <span className="delivery-hint">{t('dossier.delivery.postHint')}</span>
              </span>
            </label>
          ) : null}
        </div>
        {procedure.postal ? null : <p className="delivery-hint">{t('dossier.delivery.postUnavailable')}</p>}
      </fieldset>

      {post ? (
        <fieldset className="df-group" data-testid="post-address">
          <legend className="df-legend">{t('dossier.delivery.address')}</legend>
          {input('recipient', t('dossier.delivery.recipient'))}
          {input('street', t('dossier.delivery.street'))}
          {input('ward', t('dossier.delivery.ward'))}
          {input('province', t('dossier.delivery.province'))}
          {input('postPhone', t('dossier.delivery.postPhone'), 'tel')}
        </fieldset>
      ) : null}

      <fieldset className="df-group">
        <legend className="df-legend">{t('dossier.delivery.contact')}</legend>
        {input('phone', t('dossier.delivery.phone'), 'tel')}
        {input('email', t('dossier.delivery.email'), 'email')}
      </fieldset>

      <div role="alert" className={refusal ? 'error-box' : 'error-box-empty'}>
        {refusal ? errorText(refusal, i18n.language) : null}
      </div>
      <WizardActions onBack={onBack} onNext={() => void next()} busy={busy} />
    </div>
  );
}
