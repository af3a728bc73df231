/**
 * "Quét CCCD của: Người yêu cầu / Mẹ / Cha": the person chooses whose card comes next, then scans it (or
 * reads its chip); the wizard fills that person's fields. With one person in the form, it is chosen.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Procedure } from '../../../../../preload/api';
import { PersonIcon } from '../../../components/icons';
import { inLang, langOf } from '../lib/format';

export function PersonPicker({
  slots,
  chosen,
  onChoose,
  onChip,
}: {
  slots: Procedure['form']['persons'];
  chosen: string | null;
  onChoose: (path: string) => void;
  onChip: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const labelId = useId();
  const headingId = useId();
  const chosenSlot = slots.find((s) => s.path === chosen);
  return (
    <section className="person-picker" aria-labelledby={headingId} data-testid="person-picker">
      <h3 id={headingId}>{t('dossier.person.heading')}</h3>
      <p>{t('dossier.person.lead')}</p>
      <p id={labelId} className="person-scan-for">
        {t('dossier.person.scanFor')}
      </p>
      <div className="person-slots" role="group" aria-labelledby={labelId}>
        {slots.map((slot) => (
          <button
            key={slot.path}
            type="button"
            className="btn btn-tool person-slot"
            aria-pressed={chosen === slot.path}
            data-testid={`person-slot-${slot.path}`}
            onClick={() => onChoose(slot.path)}
          >
            <PersonIcon />
            <span>{inLang(slot.label.vi, slot.label.en, lang)}</span>
          </button>
        ))}
      </div>
      <p className="person-chosen" data-testid="person-chosen">
        {chosenSlot
          ? t('dossier.person.chosen', { who: inLang(chosenSlot.label.vi, chosenSlot.label.en, lang) })
          : t('dossier.person.chooseFirst')}
      </p>
      <button
        type="button"
        className="btn btn-secondary person-chip"
        data-testid="person-chip"
        disabled={!chosenSlot}
        onClick={onChip}
      >
        {t('dossier.person.chip')}
      </button>
    </section>
  );
}
