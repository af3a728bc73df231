import { describe, expect, it } from 'vitest';
import { makeCore, quietLogs, remote } from './helpers';

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
    const bad = await core.call('staff.signIn', { user: 'admin', pin: 123456 }, remote);
    expect(!bad.ok && bad.error).toMatchObject({ code: 'invalid-input', field: 'pin' });
    const extra = await core.call('app.info', { sneaky: 1 }, remote);
    expect(!extra.ok && extra.error.code).toBe('invalid-input');
  });

  it('checks access before it looks at the input', async () => {
    const { core } = await makeCore();
    const r = await core.call('staff.createUser', { nonsense: true }, remote);
    expect(!r.ok && r.error.code).toBe('unauthorized');
  });

  it('reports the demo centre and the built features honestly', async () => {
    const { core } = await makeCore();
    const info = await core.call('app.info', {}, remote);
    expect(info.ok && info.value).toMatchObject({
      demo: true,
      features: ['queue', 'procedures', 'dossier', 'tracking'],
      defaultLanguage: 'vi',
    });
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
    const status = await core.call('sync.status', {}, remote);
    expect(status.ok && status.value).toMatchObject({ portalConfigured: true });
    const none = await (await makeCore()).core.call('sync.status', {}, remote);
    expect(none.ok && none.value).toMatchObject({ portalConfigured: false });
  });
});
