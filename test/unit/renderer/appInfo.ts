// The app.info the renderer tests render under: a demo-free centre in Vietnamese, not a LAN device.
import type { AppInfo } from '../../../preload/api';

/** app.info as the kiosk answers it, with `over` in place of any field a test needs otherwise. */
export function appInfo(over: Partial<AppInfo> = {}): AppInfo {
  return {
    productName: 'Một Cửa Kiosk',
    version: '0.1.0',
    centreName: 'UBND phường Bến Nghé',
    unitCode: '000.00.12.H29',
    languages: ['vi', 'en'],
    defaultLanguage: 'vi',
    idleTimeoutSeconds: 90,
    wizardIdleTimeoutSeconds: 180,
    idleWarningSeconds: 20,
    demo: false,
    needsAdminSetup: false,
    features: ['queue'],
    now: '2026-11-23T02:15:00.000Z',
    device: null,
    ...over,
  };
}
