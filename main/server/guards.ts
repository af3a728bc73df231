import { isIP } from 'node:net';

/**
 * Who may talk to the bridge. Pure functions, unit-tested.
 *
 * A browser page on another site can send requests to 127.0.0.1:8787; its Origin header gives it away
 * (refused). DNS rebinding makes a foreign page look same-origin by pointing its own domain name at our
 * address, so the Host header must also be an address literal or `localhost`, never a domain name.
 */
export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  return v4 === '::1' || (isIP(v4) === 4 && v4.startsWith('127.'));
}

/** Parses `host[:port]` including `[v6]:port`; null when malformed. */
export function parseHostHeader(host: string | undefined): { name: string; port: number | null } | null {
  if (!host) return null;
  const m = /^(\[[0-9a-fA-F:.]+\]|[^:[\]]+)(?::(\d{1,5}))?$/.exec(host.trim());
  if (!m || !m[1]) return null;
  return { name: m[1].replace(/^\[|\]$/g, '').toLowerCase(), port: m[2] ? Number(m[2]) : null };
}

export function isAllowedHost(host: string | undefined, options: { port: number; lan: boolean }): boolean {
  const parsed = parseHostHeader(host);
  if (!parsed) return false;
  if (parsed.port !== null && parsed.port !== options.port) return false;
  if (parsed.name === 'localhost') return true;
  if (isIP(parsed.name) === 0) return false; // a domain name: possible DNS rebinding
  return options.lan || isLoopback(parsed.name);
}

/** No Origin (curl, a counter PC's script) is fine: Origin is how browsers tell us a page is foreign. */
export function isAllowedOrigin(
  origin: string | undefined,
  host: string | undefined,
  allowedOrigins: readonly string[],
): boolean {
  if (origin === undefined) return true;
  if (origin === 'null') return false; // sandboxed frames, file:// pages
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (
    host &&
    (parsed.protocol === 'http:' || parsed.protocol === 'https:') &&
    parsed.host === host.toLowerCase()
  ) {
    return true;
  }
  return allowedOrigins.some((o) => new URL(o).origin === parsed.origin);
}
