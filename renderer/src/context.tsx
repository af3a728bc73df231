/** App-wide context: the API client, and `app.info` once it has loaded. */
import { createContext, use, type ReactNode } from 'react';
import type { AppInfo } from '../../preload/api';
import type { KioskClient } from './api';

const KioskContext = createContext<KioskClient | null>(null);

export function KioskProvider({ client, children }: { client: KioskClient; children: ReactNode }) {
  return <KioskContext value={client}>{children}</KioskContext>;
}

/** The contract, as screens call it. */
export function useKiosk(): KioskClient {
  const client = use(KioskContext);
  if (!client) throw new Error('useKiosk outside KioskProvider');
  return client;
}

export interface AppInfoValue {
  info: AppInfo;
  /** Add to `Date.now()` to get the server's time. */
  clockOffsetMs: number;
  /** Fetch `app.info` again in the background (e.g. after the first admin was created). */
  refresh(): Promise<void>;
}

export const AppInfoContext = createContext<AppInfoValue | null>(null);

export function useAppInfo(): AppInfoValue {
  const value = use(AppInfoContext);
  if (!value) throw new Error('useAppInfo outside AppInfoGate');
  return value;
}
