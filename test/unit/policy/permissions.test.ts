import { describe, expect, it } from 'vitest';
import { NO_GRANTS, isAllowedPermission } from '../../../main/core/policy';

const app = 'app://kiosk/staff/scan';
const camera = new Set(['media:video']);

describe('isAllowedPermission, today: nothing is granted', () => {
  const permissions = [
    'media',
    'notifications',
    'geolocation',
    'clipboard-read',
    'clipboard-sanitized-write',
    'fullscreen',
    'pointerLock',
    'keyboardLock',
    'openExternal',
    'hid',
    'serial',
    'usb',
    'display-capture',
    'fileSystem',
    'idle-detection',
    'window-management',
    'unknown',
    '',
  ];
  it.each(permissions)('denies %j to our own page with no grants', (permission) => {
    expect(isAllowedPermission(permission, { requestingUrl: app, mediaTypes: ['video'] }, NO_GRANTS)).toBe(
      false,
    );
  });
});

describe('isAllowedPermission, with a per-window grant (the document camera, later)', () => {
  const cases: [
    string,
    string,
    { requestingUrl?: string; mediaTypes?: string[] },
    ReadonlySet<string>,
    boolean,
  ][] = [
    ['camera for the granted window', 'media', { requestingUrl: app, mediaTypes: ['video'] }, camera, true],
    [
      'microphone with only a camera grant',
      'media',
      { requestingUrl: app, mediaTypes: ['audio'] },
      camera,
      false,
    ],
    [
      'camera and microphone together',
      'media',
      { requestingUrl: app, mediaTypes: ['video', 'audio'] },
      camera,
      false,
    ],
    ['media with no kinds listed', 'media', { requestingUrl: app, mediaTypes: [] }, camera, false],
    ['media with kinds missing', 'media', { requestingUrl: app }, camera, false],
    ['media with an unknown kind', 'media', { requestingUrl: app, mediaTypes: ['unknown'] }, camera, false],
    [
      'camera for a foreign page',
      'media',
      { requestingUrl: 'https://evil.example/', mediaTypes: ['video'] },
      camera,
      false,
    ],
    [
      'camera for a lookalike host',
      'media',
      { requestingUrl: 'app://kiosk.evil/', mediaTypes: ['video'] },
      camera,
      false,
    ],
    [
      'camera for a data: page',
      'media',
      { requestingUrl: 'data:text/html,x', mediaTypes: ['video'] },
      camera,
      false,
    ],
    ['camera when the requester is unknown', 'media', { mediaTypes: ['video'] }, camera, false],
    ['a grant name used as a permission', 'media:video', { requestingUrl: app }, camera, false],
    ['another permission with a camera grant', 'notifications', { requestingUrl: app }, camera, false],
    ['a plain named grant', 'fullscreen', { requestingUrl: app }, new Set(['fullscreen']), true],
    [
      'a plain named grant, foreign page',
      'fullscreen',
      { requestingUrl: 'file:///x' },
      new Set(['fullscreen']),
      false,
    ],
    [
      'both kinds when both are granted',
      'media',
      { requestingUrl: app, mediaTypes: ['video', 'audio'] },
      new Set(['media:video', 'media:audio']),
      true,
    ],
    [
      'a bare "media" grant is not a device grant',
      'media',
      { requestingUrl: app, mediaTypes: ['video'] },
      new Set(['media']),
      false,
    ],
  ];
  it.each(cases)('%s', (_label, permission, details, allowed, expected) => {
    expect(isAllowedPermission(permission, details, allowed)).toBe(expected);
  });
});
