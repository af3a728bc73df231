import { useTranslation } from 'react-i18next';
import type { Language } from '../../../preload/api';
import type { TextSize } from '../screens/citizen/session';
import { ContrastIcon, GlobeIcon } from './icons';
import { isLanguage } from '../i18n';

/** "English" / "Tiếng Việt": names the other language in that language, as signs in public places do. */
export function LanguageToggle({
  languages,
  onChange,
}: {
  languages: readonly Language[];
  onChange?: (language: Language) => void;
}) {
  const { t, i18n } = useTranslation();
  const target = t('lang.switchToCode');
  if (!isLanguage(target) || !languages.includes(target)) return null;
  return (
    <button
      type="button"
      className="btn btn-tool"
      lang={target}
      data-testid="lang-toggle"
      onClick={() => {
        void i18n.changeLanguage(target);
        onChange?.(target);
      }}
    >
      <GlobeIcon />
      <span>{t('lang.switchTo')}</span>
    </button>
  );
}

const sizes = [
  { size: 'small', label: 'a11y.smaller', name: 'a11y.smallerLabel', testId: 'text-smaller' },
  { size: 'normal', label: 'a11y.normal', name: 'a11y.normalLabel', testId: 'text-normal' },
  { size: 'large', label: 'a11y.larger', name: 'a11y.largerLabel', testId: 'text-larger' },
] as const satisfies readonly { size: TextSize; label: string; name: string; testId: string }[];

/** Text size (A- / A / A+) and high contrast, like the national public service portal offers. */
export function A11yControls({
  textSize,
  highContrast,
  onTextSize,
  onToggleContrast,
}: {
  textSize: TextSize;
  highContrast: boolean;
  onTextSize: (size: TextSize) => void;
  onToggleContrast: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="a11y-controls" role="group" aria-label={t('a11y.groupLabel')}>
      <div className="size-buttons">
        {sizes.map((s) => (
          <button
            key={s.size}
            type="button"
            className={`btn btn-tool btn-size size-${s.size}`}
            aria-pressed={textSize === s.size}
            data-testid={s.testId}
            onClick={() => onTextSize(s.size)}
          >
            <span>{t(s.label)}</span> <span className="sr-only">{t(s.name)}</span>
          </button>
        ))}
      </div>
      <button
        type="button"
        className="btn btn-tool"
        aria-pressed={highContrast}
        data-testid="contrast-toggle"
        onClick={onToggleContrast}
      >
        <ContrastIcon />
        <span>{t('a11y.contrast')}</span>
      </button>
    </div>
  );
}
