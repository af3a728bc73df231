import type { IncomingMessage, ServerResponse } from 'node:http';
import { DEVICE_COOKIE } from '../../preload/api';

/**
 * The paired device's cookie: read from a request, set after `lan.pair`. Written here rather than with
 * the `cookie` package because the bridge reads one name and writes one fixed form; a parser for every
 * cookie attribute would be more code to trust than these lines.
 */

/** About 400 days: the longest Chromium keeps a cookie. Sent again on each `app.info`, so it slides. */
export const DEVICE_COOKIE_SECONDS = 400 * 24 * 3600;

/** The device token from `Cookie:`, or undefined. A token is base64url; anything else is ignored. */
export function deviceTokenOf(req: IncomingMessage): string | undefined {
  const header = req.headers.cookie;
  if (!header || header.length > 8192) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() !== DEVICE_COOKIE) continue;
    const value = part.slice(eq + 1).trim();
    return /^[A-Za-z0-9_-]{16,128}$/.test(value) ? value : undefined;
  }
  return undefined;
}

/**
 * HttpOnly: no script on the page can read it (an injected script cannot carry the device's identity
 * away). Secure and `__Host-`: HTTPS only, this host only, path `/`. SameSite=Strict: another site's page
 * cannot make a paired browser send it.
 */
export function setDeviceCookie(res: ServerResponse, token: string): void {
  res.setHeader(
    'Set-Cookie',
    `${DEVICE_COOKIE}=${token}; Max-Age=${DEVICE_COOKIE_SECONDS}; Path=/; Secure; HttpOnly; SameSite=Strict`,
  );
}
