/**
 * A dossier's status in the staff lists: the national status by its official name (what the portal and
 * the monthly scores count) with its code in small print, so an officer on the phone with the portal's
 * help desk can say "trạng thái 5".
 */
import { useTranslation } from 'react-i18next';
import type { TimelineStatus } from '../../../../preload/api';
import { statusCode } from '../../lib/nationalStatus';

/** Statuses that ask something of someone or end badly get the warning look. */
const WARN: ReadonlySet<TimelineStatus> = new Set(['supplement', 'financial', 'refused', 'stopped']);

export function NationalStatus({ status, testId }: { status: TimelineStatus; testId: string }) {
  const { t } = useTranslation();
  const code = statusCode(status);
  return (
    <span
      className={`national-status${WARN.has(status) ? ' is-warn' : ''}`}
      data-testid={testId}
      data-status={status}
      data-code={code ?? undefined}
    >
      {t(`staffDossier.national.${status}`)}
      {code !== null ? (
        <span className="national-status-code"> {t('staffDossier.statusCode', { code })}</span>
      ) : null}
    </span>
  );
}
