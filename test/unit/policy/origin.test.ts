import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, isAllowedNavigation, isTrustedSender } from '../../../main/core/policy';

// Each rejected row is a way a loosened check (startsWith without the slash, a lower-casing parse, an
// `includes`, trusting URL.origin) would let a page out of the app or let a foreign frame call main.
const rejected: [string, string][] = [
  ['https://example.com/', 'the web'],
  ['http://127.0.0.1:8787/', 'the bridge, even on loopback'],
  ['file:///etc/passwd', 'file:'],
  ['file:///C:/Windows/win.ini', 'file: on Windows'],
  ['javascript:alert(1)', 'javascript:'],
  ['data:text/html,<script>alert(1)</script>', 'data:'],
  ['blob:app://kiosk/0d3e', 'blob: with our origin inside'],
  ['about:blank', 'about:blank'],
  ['app://kiosk.evil/', 'a host that extends ours'],
  ['app://kiosk.evil.com/index.html', 'a host that extends ours, with a path'],
  ['app://kioskevil/', 'prefix without separator'],
  ['app://evil/kiosk/', 'our host as a path'],
  ['app://kiosk@evil/', 'userinfo that looks like our host'],
  ['app://user@kiosk/', 'userinfo before our host'],
  ['app://user:pw@kiosk/', 'credentials before our host'],
  ['app://evil#@kiosk/', 'fragment trick'],
  ['app://evil?@kiosk/', 'query trick'],
  ['app://kiosk:443/', 'a port'],
  ['app://kiosk./', 'trailing dot'],
  ['app://KIOSK/', 'upper-case host (not canonical)'],
  ['APP://kiosk/', 'upper-case scheme (not canonical)'],
  ['app://kiosk%2eevil/', 'encoded dot in host'],
  ['app://kio\tsk/', 'tab the parser would strip'],
  [' app://kiosk/', 'leading space the parser would strip'],
  ['app://kiosk\\evil/', 'backslash in host'],
  ['app:kiosk/index.html', 'no authority'],
  ['app:///kiosk/index.html', 'empty host'],
  ['app:/kiosk', 'single slash'],
  ['//kiosk/', 'scheme-relative'],
  ['/index.html', 'relative path'],
  ['kiosk', 'bare word'],
  ['', 'empty string'],
  ['app://', 'scheme only'],
  ['ftp://kiosk/', 'other scheme, our host'],
  ['appx://kiosk/', 'scheme that extends ours'],
  ['xapp://kiosk/', 'scheme that ends like ours'],
  ['devtools://devtools/bundled/inspector.html', 'devtools'],
  ['chrome://gpu', 'chrome internals'],
];

const accepted = [
  APP_ORIGIN,
  'app://kiosk/',
  'app://kiosk/index.html',
  'app://kiosk/staff',
  'app://kiosk/display?counter=3#top',
  'app://kiosk/assets/index-abc123.js',
];

describe('isAllowedNavigation', () => {
  it.each(rejected)('rejects %j (%s)', (url) => {
    expect(isAllowedNavigation(url)).toBe(false);
  });
  it.each(accepted)('accepts %j', (url) => {
    expect(isAllowedNavigation(url)).toBe(true);
  });
  it('does not throw on values that are not strings (the renderer may send anything)', () => {
    for (const value of [undefined, null, 42, {}, ['app://kiosk/']]) {
      expect(isAllowedNavigation(value as unknown as string)).toBe(false);
    }
  });
});

describe('isTrustedSender', () => {
  it.each(rejected)('rejects a frame at %j (%s)', (url) => {
    expect(isTrustedSender(url)).toBe(false);
  });
  it.each(accepted)('trusts a frame at %j', (url) => {
    expect(isTrustedSender(url)).toBe(true);
  });
  it('rejects a frame that is gone (undefined url)', () => {
    expect(isTrustedSender(undefined)).toBe(false);
  });
});
