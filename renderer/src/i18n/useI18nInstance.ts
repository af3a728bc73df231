import { use } from 'react';
import { I18nContext } from 'react-i18next';
import type { i18n as I18n } from 'i18next';

/**
 * The app's i18next instance itself. `useTranslation().i18n` is a wrapper whose identity changes with
 * the language (react-i18next 17), so an effect or callback depending on it re-runs on every language
 * switch; an effect that sets the language would then undo the citizen's choice.
 */
export function useI18nInstance(): I18n {
  const value = use(I18nContext);
  if (!value?.i18n) throw new Error('useI18nInstance outside I18nextProvider');
  return value.i18n;
}
