import { useTranslation } from 'react-i18next';
import type { KioskError } from '../../../preload/api';
import { errorText } from '../api';

/**
 * A role=alert region that is always in the page (so screen readers hear what is put into it) and only
 * looks like anything when it holds a message. The text follows the current language.
 */
export function ErrorRegion({ error, testId }: { error: KioskError | undefined; testId?: string }) {
  const { i18n } = useTranslation();
  return (
    <div role="alert" className={error ? 'error-box' : 'error-box-empty'} data-testid={testId}>
      {error ? errorText(error, i18n.language) : null}
    </div>
  );
}
