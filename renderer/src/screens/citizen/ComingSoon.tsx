import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Feature } from '../../../../preload/api';
import { featureIcons, HomeIcon } from '../../components/icons';

/** The honest page for a feature this kiosk does not offer yet: say so, and send people to the counter. */
export function ComingSoon({ feature, onHome }: { feature: Feature; onHome: () => void }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  const Icon = featureIcons[feature];

  // A new screen: move focus to its heading so screen readers announce where the citizen is.
  useEffect(() => heading.current?.focus(), []);

  return (
    <section className="coming-soon" data-testid="coming-soon" aria-labelledby="coming-soon-title">
      <div className="coming-soon-card">
        <span className="coming-soon-icon">
          <Icon />
        </span>
        <p className="badge badge-soon">{t('home.comingSoon')}</p>
        <h1 id="coming-soon-title" ref={heading} tabIndex={-1}>
          {t(`features.${feature}.title`)}
        </h1>
        <p className="lead">{t('comingSoon.lead')}</p>
        <p>{t('comingSoon.body')}</p>
        <p className="thanks">{t('comingSoon.thanks')}</p>
        <button type="button" className="btn btn-primary btn-xl" data-testid="home-button" onClick={onHome}>
          <HomeIcon />
          <span>{t('comingSoon.home')}</span>
        </button>
      </div>
    </section>
  );
}
