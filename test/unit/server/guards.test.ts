import { describe, expect, it } from 'vitest';
import { isAllowedHost, isAllowedOrigin, isLoopback, parseHostHeader } from '../../../main/server/guards';
import { statusForError } from '../../../main/server/http-status';

describe('bridge guards', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.8.9.10', true],
    ['::1', true],
    ['::ffff:127.0.0.1', true],
    ['192.168.1.20', false],
    ['::ffff:10.0.0.1', false],
    [undefined, false],
  ])('isLoopback(%s) = %s', (address, expected) => {
    expect(isLoopback(address)).toBe(expected);
  });

  it('parses Host headers, IPv6 included, and rejects malformed ones', () => {
    expect(parseHostHeader('127.0.0.1:8787')).toEqual({ name: '127.0.0.1', port: 8787 });
    expect(parseHostHeader('[::1]:8787')).toEqual({ name: '::1', port: 8787 });
    expect(parseHostHeader('LOCALHOST')).toEqual({ name: 'localhost', port: null });
    expect(parseHostHeader('a:b:c')).toBeNull();
    expect(parseHostHeader(undefined)).toBeNull();
  });

  it.each([
    ['127.0.0.1:8787', false, true],
    ['localhost:8787', false, true],
    ['[::1]:8787', false, true],
    ['192.168.1.5:8787', false, false],
    ['192.168.1.5:8787', true, true],
    ['kiosk.lan:8787', true, false],
    ['evil.example:8787', false, false],
    ['127.0.0.1:9999', false, false],
    ['', false, false],
  ])('isAllowedHost(%s, lan=%s) = %s', (host, lan, expected) => {
    expect(isAllowedHost(host, { port: 8787, lan })).toBe(expected);
  });

  it('allows no Origin, its own origin and configured ones; refuses the rest', () => {
    expect(isAllowedOrigin(undefined, '127.0.0.1:8787', [])).toBe(true);
    expect(isAllowedOrigin('http://127.0.0.1:8787', '127.0.0.1:8787', [])).toBe(true);
    expect(isAllowedOrigin('http://127.0.0.1:8788', '127.0.0.1:8787', [])).toBe(false);
    expect(isAllowedOrigin('http://display.local:3000', '10.0.0.2:8787', ['http://display.local:3000'])).toBe(
      true,
    );
    expect(isAllowedOrigin('null', '127.0.0.1:8787', [])).toBe(false);
    expect(isAllowedOrigin('app://kiosk', '127.0.0.1:8787', [])).toBe(false);
    expect(isAllowedOrigin('not a url', '127.0.0.1:8787', [])).toBe(false);
  });

  it('maps contract errors to HTTP statuses that clients and proxies understand', () => {
    const e = (code: string) => ({ code, vi: 'v', en: 'e' });
    expect(statusForError(e('invalid-input'))).toBe(400);
    expect(statusForError(e('session-expired'))).toBe(401);
    expect(statusForError(e('local-only'))).toBe(403);
    expect(statusForError(e('unknown-method'))).toBe(404);
    expect(statusForError(e('too-large'))).toBe(413);
    expect(statusForError(e('too-many-requests'))).toBe(429);
    expect(statusForError(e('wrong-credentials'))).toBe(422);
    expect(statusForError(e('internal'))).toBe(500);
  });
});
