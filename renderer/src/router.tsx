/**
 * A deliberately tiny router: three entry paths, `pathname` + `history.pushState`.
 *
 * Why not react-router: it is not installed (no new dependencies for this step), and the app has only
 * three top-level screens: `/` citizen kiosk, `/staff` and `/display`. In Electron the same paths load
 * from `app://kiosk/`. Screens inside the citizen kiosk are session state, not URLs: the kiosk has no
 * address bar or back button, and an idle reset must wipe them along with everything else.
 */
import { createContext, use, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { PairedDevice } from '../../preload/api';

export type Route = 'citizen' | 'staff' | 'display';

export const routePaths: Record<Route, string> = { citizen: '/', staff: '/staff', display: '/display' };

/** Maps a pathname to a route; unknown paths go to the citizen kiosk (a kiosk must never dead-end). */
export function routeFor(pathname: string): Route {
  const path = pathname.replace(/\/index\.html$/, '/').replace(/\/+$/, '') || '/';
  if (path === '/staff' || path.startsWith('/staff/')) return 'staff';
  if (path === '/display' || path.startsWith('/display/')) return 'display';
  return 'citizen';
}

/**
 * The screen a paired LAN device shows for the path it opened: a waiting-room display shows the display
 * whatever its path (it has no staff and no citizens); a counter PC opening `/` goes to the staff console
 * (its citizen screens would refuse every call without staff signed in). The kiosk's own window (no
 * device) and paired kiosks go where the path says.
 */
export function deviceRoute(route: Route, device: Pick<PairedDevice, 'role'> | null): Route {
  if (device?.role === 'display') return 'display';
  if (device?.role === 'counter' && route === 'citizen') return 'staff';
  return route;
}

interface RouterValue {
  route: Route;
  navigate(route: Route): void;
  /** Shows `route` in place of the current entry (no new history entry): a redirect. */
  redirect(route: Route): void;
}

const RouterContext = createContext<RouterValue | null>(null);

export function RouterProvider({ children, path }: { children: ReactNode; path?: string }) {
  // `path`: where to start instead of the address bar (unit tests render without a window).
  const [route, setRoute] = useState<Route>(() => routeFor(path ?? window.location.pathname));

  useEffect(() => {
    const onPop = (): void => setRoute(routeFor(window.location.pathname));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  const navigate = useCallback((next: Route) => {
    if (routeFor(window.location.pathname) !== next) window.history.pushState(null, '', routePaths[next]);
    setRoute(next);
    window.scrollTo(0, 0);
  }, []);

  const redirect = useCallback((next: Route) => {
    if (routeFor(window.location.pathname) !== next) window.history.replaceState(null, '', routePaths[next]);
    setRoute(next);
  }, []);

  const value = useMemo(() => ({ route, navigate, redirect }), [route, navigate, redirect]);
  return <RouterContext value={value}>{children}</RouterContext>;
}

export function useRouter(): RouterValue {
  const value = use(RouterContext);
  if (!value) throw new Error('useRouter outside RouterProvider');
  return value;
}
