/**
 * The Content-Security-Policy and the other response headers every page of the app is served with, by the
 * `app://` protocol handler (main/shell) and by the HTTP bridge (main/server) alike.
 *
 * Sent as a header, not a <meta> tag: `frame-ancestors` is ignored in <meta>, and a header cannot be removed
 * by markup that an injected string managed to write into the page.
 */

/**
 * Nothing is allowed unless listed. Notes on the entries that are not plain `'self'`:
 * - `img-src data: blob:` — QR codes and scanned document previews are rendered to data:/blob: URLs.
 * - `media-src blob:` — the camera preview (later) is a MediaStream shown through a blob/srcObject.
 * - `connect-src 'self'` — in the browser (bridge) mode the renderer calls `/api/*` and opens the `/events`
 *   WebSocket on its own origin; CSP Level 3 lets `'self'` match ws:/wss: to the same host, which the
 *   Chromium versions we ship (Electron 45, Debian Chromium) implement.
 * - no `'unsafe-inline'` anywhere: Vite emits external scripts and stylesheets, and React sets inline styles
 *   through the CSSOM (`element.style`), which `style-src` does not govern.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "media-src 'self' blob:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
  // The staff receipt viewer shows the receipt PDF the page itself made into a blob: URL.
  'frame-src blob:',
].join('; ');

/**
 * Powerful features the page may not use: devices (card readers, printers, scanners) are driven from main
 * through node-hid, PC/SC and the print pipeline, never through WebHID or WebUSB.
 * The one exception is the camera, for photographing papers when filing a dossier: `camera=(self)` lets
 * our own page (never a frame of another origin) ask, and in Electron the kiosk window alone holds the
 * `media:video` grant (main/shell/window.ts, `isAllowedPermission`); both are needed, so neither alone
 * opens it. The microphone stays denied everywhere.
 * Only feature names Chromium knows are listed: an unknown one makes it log "Error with Permissions-Policy
 * header: Unrecognized feature" on every page load (test/e2e/headers.spec.ts). Web Bluetooth, for one, has
 * no policy-controlled feature in Chromium, so `bluetooth` is not listed; the deny-all permission handler
 * (Electron) and the absence of any Bluetooth code keep it off.
 */
const DENIED_FEATURES = [
  'accelerometer',
  'display-capture',
  'geolocation',
  'gyroscope',
  'hid',
  'idle-detection',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'publickey-credentials-get',
  'screen-wake-lock',
  'serial',
  'usb',
  'xr-spatial-tracking',
] as const;

/** Features our own origin may use (the document camera). */
const SELF_FEATURES = ['camera'] as const;

export const PERMISSIONS_POLICY = [
  ...SELF_FEATURES.map((feature) => `${feature}=(self)`),
  ...DENIED_FEATURES.map((feature) => `${feature}=()`),
].join(', ');

/** A fresh object each call, so a caller may add its own headers (Content-Type) without sharing state. */
export function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    // Obsolete where frame-ancestors is understood, kept for any older engine on a counter PC.
    'X-Frame-Options': 'DENY',
    'Permissions-Policy': PERMISSIONS_POLICY,
    'Cross-Origin-Opener-Policy': 'same-origin',
    // Our files are for our own pages: another origin may not embed them as no-cors subresources either.
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}
