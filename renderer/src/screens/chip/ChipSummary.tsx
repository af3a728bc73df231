import { useTranslation } from 'react-i18next';
import type { ChipRead } from '../../../../preload/api';
import { errorText } from '../../api';
import { maskId } from '../../lib/maskId';
import { showDay } from './access';
import '../../styles/chip.css';

const badge = {
  verified: { key: 'chip.result.verified', className: 'chip-badge chip-badge-verified' },
  'not-checked': { key: 'chip.result.notChecked', className: 'chip-badge chip-badge-unchecked' },
  failed: { key: 'chip.result.failed', className: 'chip-badge chip-badge-failed' },
} as const;

/**
 * What the chip said, for the person to check before it fills a form: the ID number masked (a shared
 * screen), the verification stated plainly. "Đã xác thực chip" only for `verified`.
 */
export function ChipSummary({ result }: { result: ChipRead }) {
  const { t, i18n } = useTranslation();
  const p = result.person;
  const v = badge[result.verification];
  const rows: [string, string][] = [
    [t('chip.result.fullName'), p.fullName],
    [t('chip.result.idNumber'), maskId(p.idNumber)],
    [t('chip.result.birthDate'), showDay(p.birthDate)],
    [t('chip.result.sex'), p.sex === 'male' ? t('chip.result.male') : t('chip.result.female')],
    [t('chip.result.nationality'), p.nationality],
    [t('chip.result.placeOfOrigin'), p.placeOfOrigin],
    [t('chip.result.address'), p.address],
  ];
  if (p.issueDate) rows.push([t('chip.result.issueDate'), showDay(p.issueDate)]);
  rows.push([t('chip.result.expiryDate'), p.expiryDate ? showDay(p.expiryDate) : t('chip.result.noExpiry')]);
  if (p.parents?.father) rows.push([t('chip.result.father'), p.parents.father]);
  if (p.parents?.mother) rows.push([t('chip.result.mother'), p.parents.mother]);

  return (
    <div className="chip-summary" data-testid="chip-summary">
      <div className="chip-badges">
        <p className={v.className} data-testid="chip-verification" data-verification={result.verification}>
          {t(v.key)}
        </p>
        {result.demo ? <span className="chip-badge chip-badge-demo">{t('chip.result.demo')}</span> : null}
      </div>
      <p className="chip-note" data-testid="chip-note">
        {errorText({ code: 'note', ...result.note }, i18n.language)}
      </p>
      <dl className="chip-fields">
        {rows.map(([label, value]) => (
          <div key={label} className="chip-field">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <p className="chip-masked">{t('chip.result.masked')}</p>
    </div>
  );
}
