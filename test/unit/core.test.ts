import { describe, expect, it } from 'vitest';
import { lanDevice, local, makeCore, quietLogs, remote } from './helpers';

quietLogs();

describe('createCore', () => {
  it('answers unknown methods and bad input with a person-readable error, never a throw', async () => {
    const { core } = await makeCore();
    const unknown = await core.call('queue.teleport', {}, remote);
    expect(!unknown.ok && unknown.error).toMatchObject({
      code: 'unknown-method',
      vi: expect.any(String),
      en: expect.any(String),
    });
    const counter = await lanDevice(core, 'counter');
    const bad = await core.call('staff.signIn', { user: 'admin', pin: 123456 }, counter);
    expect(!bad.ok && bad.error).toMatchObject({ code: 'invalid-input', field: 'pin' });
    const extra = await core.call('app.info', { sneaky: 1 }, counter);
    expect(!extra.ok && extra.error.code).toBe('invalid-input');
  });

  it('checks access before it looks at the input', async () => {
    const { core } = await makeCore();
    const unpaired = await core.call('staff.createUser', { nonsense: true }, remote);
    expect(!unpaired.ok && unpaired.error.code).toBe('device-not-paired');
    const counter = await lanDevice(core, 'counter');
    const r = await core.call('staff.createUser', { nonsense: true }, counter);
    expect(!r.ok && r.error.code).toBe('unauthorized');
    const window = await core.call('staff.createUser', { nonsense: true }, local);
    expect(!window.ok && window.error.code).toBe('unauthorized');
  });

  it('reports the demo centre and the built features honestly', async () => {
    const { core } = await makeCore();
    const expected = {
      demo: true,
      features: ['queue', 'procedures', 'dossier', 'tracking'],
      defaultLanguage: 'vi',
    };
    const info = await core.call('app.info', {}, local);
    expect(info.ok && info.value).toMatchObject(expected);
    // A paired LAN device, even the waiting-room display, reads the same.
    const display = await lanDevice(core, 'display');
    const fromDisplay = await core.call('app.info', {}, display);
    expect(fromDisplay.ok && fromDisplay.value).toMatchObject(expected);
    const unpaired = await core.call('app.info', {}, remote);
    expect(!unpaired.ok && unpaired.error.code).toBe('device-not-paired');
  });
});

describe('createCore: the portal from the environment', () => {
  it('refuses a half-set KIOSK_PORTAL_URL/TOKEN pair with a message naming it', async () => {
    await expect(makeCore({ env: { KIOSK_PORTAL_URL: 'http://127.0.0.1:8788' } })).rejects.toMatchObject({
      error: { code: 'portal-env-invalid', field: 'KIOSK_PORTAL_URL' },
    });
  });

  it('uses the pair when both are set: sync.status says a portal is configured', async () => {
    const { core } = await makeCore({
      env: { KIOSK_PORTAL_URL: 'http://127.0.0.1:9', KIOSK_PORTAL_TOKEN: 'kiosk-dev-token' },
    });
    const status = await core.call('sync.status', {}, await lanDevice(core, 'kiosk'));
    expect(status.ok && status.value).toMatchObject({ portalConfigured: true });
    const other = (await makeCore()).core;
    const none = await other.call('sync.status', {}, await lanDevice(other, 'kiosk'));
    expect(none.ok && none.value).toMatchObject({ portalConfigured: false });
  });
});
