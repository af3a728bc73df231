/**
 * The waiting-room display at /display: read-only, no sign-in. For now the centre name and the clock; the
 * queue board comes with the queue feature. It speaks the centre's default language.
 */
import { useTranslation } from 'react-i18next';
import { useAppInfo } from '../../context';
import { Clock } from '../../components/Clock';
import { Emblem } from '../../components/icons';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';

export function WaitingDisplay() {
  const { t } = useTranslation();
  const { info } = useAppInfo();
  useDocumentTitle(t('waiting.title'));
  return (
    <div className="waiting">
      <header className="waiting-header">
        <div className="brand">
          <Emblem className="brand-emblem" />
          <p className="centre-name" data-testid="centre-name">
            {info.centreName}
          </p>
        </div>
      </header>
      <main className="waiting-main" id="main">
        <h1 className="waiting-title">{t('waiting.title')}</h1>
        <Clock variant="big" />
        <p className="waiting-note">{t('waiting.note')}</p>
      </main>
    </div>
  );
}
