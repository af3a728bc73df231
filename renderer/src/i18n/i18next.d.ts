import 'i18next';
import type { Messages } from './vi';

// Typed keys: `t('home.titel')` is a compile error, not a blank tile on a kiosk.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
    returnNull: false;
  }
}
