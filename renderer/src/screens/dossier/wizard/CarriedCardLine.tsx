import { useTranslation } from 'react-i18next';

/**
 * "Đã điền thông tin từ thẻ của … cho mục Người yêu cầu" with its one-tap undo, for a card scanned before
 * the filing began: the citizen sees whose card filled what, and says so when it is not theirs.
 */
export function CarriedCardLine({
  name,
  who,
  onNotApplicant,
}: {
  name: string;
  who: string;
  onNotApplicant: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="carried-card" role="status" data-testid="carried-card">
      <p className="carried-card-text">{t('dossier.person.carried', { name, who })}</p>
      <button
        type="button"
        className="btn btn-secondary"
        data-testid="carried-not-applicant"
        onClick={onNotApplicant}
      >
        {t('dossier.person.notApplicant')}
      </button>
    </div>
  );
}
