/**
 * The lockdown applied to every WebContents and to the session (Electron security checklist): no
 * navigation or window outside the app, no <webview>, no web permissions, no network from the renderer.
 * Installed from `app.on('web-contents-created')`, so it also covers contents nobody planned for.
 */
import type { Session, WebContents } from 'electron';
import { createLogger } from '../core/log';
import { NO_GRANTS, isAllowedNavigation, isAllowedPermission, type PermissionGrant } from '../core/policy';

const log = createLogger('shell.lockdown');

/** Only the first characters: a refused URL may be a long data: URL or carry query data. */
const short = (url: string): string => url.slice(0, 120);

export function lockDownContents(contents: WebContents): void {
  // `will-navigate` covers the main frame, `will-frame-navigate` every frame, and a redirect bypasses
  // will-navigate altogether (the first URL was fine, the server sends the page elsewhere).
  contents.on('will-navigate', (event) => {
    if (isAllowedNavigation(event.url)) return;
    event.preventDefault();
    log.warn('navigation blocked', { url: short(event.url) });
  });
  contents.on('will-frame-navigate', (event) => {
    if (isAllowedNavigation(event.url)) return;
    event.preventDefault();
    log.warn('frame navigation blocked', { url: short(event.url), mainFrame: event.isMainFrame });
  });
  contents.on('will-redirect', (event) => {
    if (isAllowedNavigation(event.url)) return;
    event.preventDefault();
    log.warn('redirect blocked', { url: short(event.url) });
  });
  // window.open, target=_blank and middle-clicks: the kiosk has one window and never opens a browser.
  contents.setWindowOpenHandler(({ url }) => {
    log.warn('window.open blocked', { url: short(url) });
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log.warn('<webview> blocked');
  });
}

/** Per-window permission grants; every window has none until one is granted on purpose. */
const grants = new WeakMap<WebContents, ReadonlySet<PermissionGrant>>();

/** The kiosk window holds `media:video` (window.ts); every other window keeps none. */
export function grantPermissions(contents: WebContents, allowed: ReadonlySet<PermissionGrant>): void {
  grants.set(contents, allowed);
}

const grantsFor = (contents: WebContents | null): ReadonlySet<PermissionGrant> =>
  (contents && grants.get(contents)) ?? NO_GRANTS;

/** Requests the renderer may never make itself; the core talks to the portal from Node, not from here. */
const BLOCKED_REQUESTS = ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'ftp://*/*', 'file:///*'];

export function lockDownSession(session: Session): void {
  session.setPermissionRequestHandler((contents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? details.mediaTypes : undefined;
    const allowed = isAllowedPermission(
      permission,
      { requestingUrl: details.requestingUrl, mediaTypes },
      grantsFor(contents),
    );
    if (!allowed) log.info('permission denied', { permission, url: short(details.requestingUrl) });
    callback(allowed);
  });
  session.setPermissionCheckHandler((contents, permission, requestingOrigin, details) =>
    isAllowedPermission(
      permission,
      {
        requestingUrl: details.requestingUrl ?? requestingOrigin,
        mediaTypes: details.mediaType ? [details.mediaType] : undefined,
      },
      grantsFor(contents),
    ),
  );
  // WebHID / WebSerial / WebUSB: card readers and printers belong to main (node-hid), never to a page.
  session.setDevicePermissionHandler(() => false);
  // Defence in depth behind the CSP: even a page that escaped it reaches no network and no file.
  session.webRequest.onBeforeRequest({ urls: BLOCKED_REQUESTS }, (details, callback) => {
    log.warn('renderer request blocked', { url: short(details.url) });
    callback({ cancel: true });
  });
}
