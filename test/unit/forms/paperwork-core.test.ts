/**
 * A centre corrects the forms' words in `<data>/paperwork.json` (issue 20). A file that does not read must
 * not cost the kiosk its start: the shipped words print, and staff are told once what to fix, by field.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CallContext } from '../../../main/core';
import type { Core } from '../../../main/core/types';
import { answer } from '../failures';
import { makeCore, quietLogs, tempDir } from '../helpers';

quietLogs();

const PIN = '135790';
const window: CallContext = { transport: 'ipc', local: true };

const call = <T = Record<string, unknown>>(core: Core, name: string, input: unknown, ctx: CallContext) =>
  answer<T>(core.call(name, input, ctx), name);

async function alertsOf(dataDir: string) {
  const { core } = await makeCore({ dataDir, env: { KIOSK_ADMIN_PIN: PIN } });
  const session = await call<{ token: string }>(core, 'staff.signIn', { user: 'admin', pin: PIN }, window);
  const staff = { ...window, token: session.token };
  return call<{ code: string; level: string; vi: string; en: string }[]>(core, 'staff.alerts', {}, staff);
}

describe('paperwork.json at start', () => {
  it('a refused file: the kiosk starts, staff get one critical alert naming the field; a good file settles it', async () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, 'paperwork.json'), JSON.stringify({ supplement: { titel: 'PHIẾU' } }));
    const alerts = (await alertsOf(dataDir)).filter((a) => a.code === 'paperwork-invalid');
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ level: 'critical' });
    expect(alerts[0]?.vi).toMatch(/"supplement".*titel/);
    expect(alerts[0]?.en).toContain('paperwork.json');

    writeFileSync(join(dataDir, 'paperwork.json'), JSON.stringify({ supplement: { title: 'PHIẾU MỚI' } }));
    expect((await alertsOf(dataDir)).filter((a) => a.code === 'paperwork-invalid')).toEqual([]);
  });
});
