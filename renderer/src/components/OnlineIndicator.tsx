/**
 * The citizen header's small connection note: "Đang kết nối", or "Đang làm việc ngoại tuyến – hồ sơ vẫn
 * được nhận và sẽ tự gửi đi". Calm on purpose: being offline is normal for this kiosk and nothing a
 * citizen must act on, so no red, no icon of alarm, and a short link blip does not make it flicker.
 * Hidden when no portal is configured (there is nothing to be on- or offline from) or sync is unknown.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../../preload/api';
import { useKiosk } from '../context';
import '../styles/lookup.css';

export type IndicatorState = 'hidden' | 'online' | 'offline';

export function indicatorState(
  status: Pick<SyncStatus, 'portalConfigured' | 'online'> | null,
): IndicatorState {
  if (status === null || !status.portalConfigured) return 'hidden';
  return status.online ? 'online' : 'offline';
}

/** Going offline is shown only after it lasted this long; coming back online is shown at once. */
export const OFFLINE_HOLD_MS = 8_000;

/** How often the status is fetched again, in case an event was missed while the socket reconnected. */
export const REFRESH_MS = 60_000;

export function OnlineIndicator() {
  const { t } = useTranslation();
  const client = useKiosk();
  const [shown, setShown] = useState<IndicatorState>('hidden');

  useEffect(() => {
    let live = true;
    let current: IndicatorState = 'hidden';
    let hold: number | undefined;
    // The first answer is shown as it is; after that a loss of the link only once it has lasted.
    const apply = (next: IndicatorState): void => {
      if (!live) return;
      if (next === 'offline' && current === 'online') {
        if (hold === undefined)
          hold = window.setTimeout(() => {
            hold = undefined;
            current = 'offline';
            if (live) setShown('offline');
          }, OFFLINE_HOLD_MS);
        return;
      }
      window.clearTimeout(hold);
      hold = undefined;
      current = next;
      setShown(next);
    };
    const fetchStatus = (): void =>
      void client.call('sync.status', {}).then((result) => {
        // An error (sync not built, bridge down) hides the note rather than worry anyone.
        apply(result.ok ? indicatorState(result.value) : 'hidden');
      });
    fetchStatus();
    const off = client.on('sync.status', (status) => apply(indicatorState(status)));
    const timer = window.setInterval(fetchStatus, REFRESH_MS);
    return () => {
      live = false;
      off();
      window.clearInterval(timer);
      window.clearTimeout(hold);
    };
  }, [client]);

  if (shown === 'hidden') return null;
  return (
    <p className={`online-indicator is-${shown}`} data-testid="online-indicator" data-state={shown}>
      <span className="online-dot" aria-hidden="true" />
      <span className="sr-only">{t('sync.indicator.label')}: </span>
      <span>{shown === 'online' ? t('sync.indicator.online') : t('sync.indicator.offline')}</span>
    </p>
  );
}
