import { useTranslation } from 'react-i18next';
import '../../styles/chip.css';

/**
 * A card gliding down onto a reader, the reader's waves pulsing once it lands: shows what to do without
 * words. Pure CSS; with prefers-reduced-motion the card simply rests on the reader (chip.css).
 */
export function ChipAnimation({ active }: { active: boolean }) {
  const { t } = useTranslation();
  return (
    <div
      className={active ? 'chip-anim chip-anim-active' : 'chip-anim'}
      role="img"
      aria-label={t('chip.dialog.animationLabel')}
      data-testid="chip-animation"
    >
      <div className="chip-anim-waves" aria-hidden="true">
        <span />
        <span />
      </div>
      <div className="chip-anim-card" aria-hidden="true">
        <span className="chip-anim-chip" />
        <span className="chip-anim-line chip-anim-line-1" />
        <span className="chip-anim-line chip-anim-line-2" />
        <span className="chip-anim-line chip-anim-line-3" />
      </div>
      <div className="chip-anim-reader" aria-hidden="true">
        <span className="chip-anim-light" />
      </div>
    </div>
  );
}
