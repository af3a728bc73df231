import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** "<screen> · Một Cửa Kiosk": screen readers announce the title, and it names the window in Electron. */
export function useDocumentTitle(screen: string): void {
  const { t } = useTranslation();
  const app = t('app.name');
  useEffect(() => {
    document.title = `${screen} · ${app}`;
  }, [screen, app]);
}
