import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, securityHeaders } from '../../../main/core/policy';

/** Parses a policy into directive → sources, so tests read like the policy and fail on any loosening. */
function directives(policy: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) map.set(name, sources);
  }
  return map;
}

describe('CONTENT_SECURITY_POLICY', () => {
  const csp = directives(CONTENT_SECURITY_POLICY);

  it('is exactly the agreed policy', () => {
    expect(Object.fromEntries(csp)).toEqual({
      'default-src': ["'none'"],
      'script-src': ["'self'"],
      'style-src': ["'self'"],
      'img-src': ["'self'", 'data:', 'blob:'],
      'font-src': ["'self'"],
      'connect-src': ["'self'"],
      'media-src': ["'self'", 'blob:'],
      'base-uri': ["'none'"],
      'form-action': ["'none'"],
      'frame-ancestors': ["'none'"],
      'object-src': ["'none'"],
      'frame-src': ['blob:'],
    });
  });

  it.each([
    "'unsafe-inline'",
    "'unsafe-eval'",
    "'wasm-unsafe-eval'",
    "'unsafe-hashes'",
    '*',
    'http:',
    'https:',
    'file:',
  ])('never contains %s', (source) => {
    for (const [, sources] of csp) expect(sources).not.toContain(source);
  });

  it('lets scripts come only from the app itself', () => {
    expect(csp.get('script-src')).toEqual(["'self'"]);
  });
});

describe('securityHeaders', () => {
  it('carries the CSP and the hardening headers', () => {
    const headers = securityHeaders();
    expect(headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(headers['Referrer-Policy']).toBe('no-referrer');
    expect(headers['X-Frame-Options']).toBe('DENY');
    expect(headers['Cross-Origin-Opener-Policy']).toBe('same-origin');
  });

  it('denies every powerful feature except the camera, which only our own origin may ask for', () => {
    const policy = securityHeaders()['Permissions-Policy']!;
    const features = new Map(policy.split(',').map((entry) => entry.trim().split('=') as [string, string]));
    for (const feature of ['microphone', 'geolocation', 'usb', 'hid', 'serial', 'display-capture']) {
      expect(features.get(feature)).toBe('()');
    }
    expect(features.get('camera')).toBe('(self)');
    for (const [feature, allowList] of features) if (feature !== 'camera') expect(allowList).toBe('()');
  });

  it('names only features Chromium recognises (an unknown one is a console warning on every page)', () => {
    // Policy-controlled features as Chromium names them (third_party/blink/renderer/core/permissions_policy/
    // permissions_policy_features.json5), limited to the ones a kiosk has reason to mention. Web Bluetooth
    // is not among them: `bluetooth=()` made Chromium log "Unrecognized feature: 'bluetooth'" on every load.
    const recognised = new Set([
      'accelerometer',
      'camera',
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
    ]);
    const policy = securityHeaders()['Permissions-Policy']!;
    const names = policy.split(',').map((entry) => entry.trim().split('=')[0]!);
    expect(names.filter((name) => !recognised.has(name))).toEqual([]);
    expect(names).not.toContain('bluetooth');
  });

  it('returns a fresh object each time', () => {
    const a = securityHeaders();
    a['Content-Security-Policy'] = 'default-src *';
    expect(securityHeaders()['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
  });
});
