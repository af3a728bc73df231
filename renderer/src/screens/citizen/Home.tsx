import { useTranslation } from 'react-i18next';
import { featureOrder, type Feature } from './features';
import { featureIcons } from '../../components/icons';
import { isAvailable } from './session';

const testIds: Record<Feature, string> = {
  queue: 'tile-queue',
  procedures: 'tile-procedures',
  dossier: 'tile-dossier',
  tracking: 'tile-tracking',
};

/** The four large tiles. A tile whose feature is not built says so ("Sắp có") and opens an honest page. */
export function Home({
  features,
  onOpen,
}: {
  features: readonly Feature[];
  onOpen: (feature: Feature) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="home">
      <h1 className="home-heading">{t('home.heading')}</h1>
      <nav aria-label={t('home.servicesLabel')}>
        <ul className="tiles">
          {featureOrder.map((feature) => {
            const Icon = featureIcons[feature];
            const available = isAvailable(feature, features);
            return (
              <li key={feature}>
                <button
                  type="button"
                  className={`card-button tile tile-${feature}`}
                  data-testid={testIds[feature]}
                  onClick={() => onOpen(feature)}
                >
                  <span className="tile-icon">
                    <Icon />
                  </span>
                  <span className="tile-text">
                    <span className="tile-title">{t(`features.${feature}.title`)}</span>{' '}
                    <span className="tile-desc">{t(`features.${feature}.description`)}</span>
                  </span>
                  {available ? null : <span className="badge badge-soon"> {t('home.comingSoon')}</span>}
                </button>
              </li>
            );
          })}
        </ul>
      </nav>
    </div>
  );
}
