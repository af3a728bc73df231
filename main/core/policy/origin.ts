/**
 * The app's own origin, and the checks built on it: where a window may navigate and which frames may call
 * main. One predicate (`isAppUrl`) underlies both so they cannot drift apart.
 */

export const APP_SCHEME = 'app';
export const APP_HOST = 'kiosk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/**
 * True only for `app://kiosk` and `app://kiosk/<anything>`. Chromium hands us canonical URLs (lower-case
 * host, no default port), so anything that differs from the canonical prefix is refused rather than
 * normalised: `app://KIOSK/`, `app://kiosk./`, `app://kiosk:1/`, `app://u@kiosk/`, tabs or spaces that the
 * URL parser would strip, and `app://kiosk.evil/`. The parse afterwards catches what a prefix cannot (a
 * string that only looks like the prefix but is not a URL at all).
 */
function isAppUrl(url: unknown): url is string {
  if (typeof url !== 'string') return false;
  if (url !== APP_ORIGIN && !url.startsWith(`${APP_ORIGIN}/`)) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  // `app:` is not a WHATWG "special" scheme, so `URL.origin` is "null" for it: compare the parts instead.
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.username === '' &&
    parsed.password === '' &&
    parsed.port === ''
  );
}

/** May a window or frame of the app go to `url`? Only within the app itself: no web, no file:, no data:. */
export function isAllowedNavigation(url: string): boolean {
  return isAppUrl(url);
}

/**
 * Is an IPC message from a frame at `frameUrl` one of ours? `undefined` (the frame is gone, or was never a
 * frame) is not. The caller also checks that the frame is a main frame: an app URL is necessary, not
 * sufficient.
 */
export function isTrustedSender(frameUrl: string | undefined): boolean {
  return isAppUrl(frameUrl);
}
