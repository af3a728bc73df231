import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAudit } from '../../../main/core/audit';
import { systemClock } from '../../../main/core/clock';
import { parseConfig } from '../../../main/core/config/load';
import { blobPath, createDossiers } from '../../../main/core/dossier';
import { createSync, realTimers } from '../../../main/core/sync';
import { createPortalClient } from '../../../main/core/sync/client';
import { tempDir } from '../helpers';
import {
  addStaff,
  birthData,
  birthProcedure,
  fromUsb,
  harness,
  imageBytes,
  staff,
} from '../dossier/fixtures';
import { FAST, outboxDone, quiet, startPortal, TOKEN, waitFor } from './live';

/**
 * The reception end to end (issue 20): the dossier module as the kiosk runs it, the sync engine with the
 * real client, and the reference portal on 127.0.0.1. What an officer decides at the counter reaches the
 * portal; what the portal decides reaches the dossier's row and timeline.
 */
const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function kiosk(portalUrl: string) {
  const h = harness(tempDir());
  cleanups.push(() => h.close());
  addStaff(h.db);
  const dossiers = createDossiers(h.deps);
  const config = parseConfig({
    centre: { name: 'UBND phường Bến Nghé', unitCode: '000.00.12.H29' },
    kioskId: 'K01',
    portal: { url: portalUrl, token: TOKEN },
    sync: FAST,
  });
  const client = createPortalClient({ url: portalUrl, token: TOKEN, kioskId: 'K01', timeoutMs: 2000 });
  const alerts: string[] = [];
  const sync = createSync({
    db: h.db,
    client,
    clock: systemClock,
    config,
    blobPath: (sha) => blobPath(h.dataDir, sha),
    catalogue: { replace: () => ({ ok: true }), etag: () => null },
    emit: () => undefined,
    alerts: {
      raise(a) {
        alerts.push(a.code);
        return { ...a, id: alerts.length, createdAt: '', acknowledgedAt: null };
      },
      settle: () => 0,
    },
    audit: createAudit(h.db, systemClock),
    // As main/core/index.ts wires it.
    reception: { byPortal: (change) => dossiers.receptionByPortal(change) },
    timers: realTimers,
    stopWaitMs: 1000,
  });
  cleanups.push(async () => {
    await sync.stop();
    client.close();
  });
  writeFileSync(join(h.importDir, 'cs.jpg'), imageBytes('jpeg'));
  async function submit(withStaff = false) {
    const actor = withStaff ? { staff } : {};
    const { id } = dossiers.create(birthProcedure.id, actor);
    dossiers.update({ id, data: birthData, contact: { phone: '0912345678' } });
    for (const componentId of ['giay-chung-sinh', 'anh-cccd'])
      await dossiers.attach({ id, componentId, source: fromUsb('cs.jpg') });
    return dossiers.submit(id, withStaff ? { staff } : undefined);
  }
  const row = (id: string) =>
    h.db
      .prepare(
        `SELECT portal_code AS portalCode, reception, reception_source AS source, refusal_reason AS reason,
           current_status AS status FROM dossiers WHERE id = ?`,
      )
      .get(id) as { portalCode: string; reception: string; source: string; reason: string; status: string };
  return { h, dossiers, sync, submit, row, alerts };
}

describe('reception end to end (dossier module, sync, reference portal)', () => {
  it('counter decisions reach the portal; the portal’s own reach the dossier', async () => {
    quiet();
    const portal = await startPortal();
    const k = await kiosk(portal.url);
    const alone = await k.submit();
    const assisted = await k.submit(true);
    const toRefuse = await k.submit();
    const byPortal = await k.submit();
    const refusedByPortal = await k.submit();
    k.sync.start();
    await waitFor('delivered', () => outboxDone(k.h.db), 5000);
    const onPortal = (id: string) => portal.store.dossier(k.row(id).portalCode)!;
    expect(onPortal(alone.id)).toMatchObject({ status: 'submitted', channel: 'kiosk', reception: 'pending' });
    expect(onPortal(assisted.id)).toMatchObject({
      channel: 'counter',
      reception: 'received',
      reception_by: staff.displayName,
    });

    await k.dossiers.receive(alone.id, staff);
    await k.dossiers.refuse(toRefuse.id, 'Giấy chứng sinh không phải bản chính', staff);
    portal.admin.setStatus(k.row(byPortal.id).portalCode, 'received');
    portal.admin.setStatus(k.row(refusedByPortal.id).portalCode, 'refused', 'Không thuộc thẩm quyền');

    await waitFor(
      'the counter’s decisions on the portal',
      () => onPortal(alone.id).reception === 'received' && onPortal(toRefuse.id).reception === 'refused',
      5000,
    );
    expect(onPortal(alone.id)).toMatchObject({ status: 'received', reception_by: staff.displayName });
    expect(onPortal(toRefuse.id)).toMatchObject({
      status: 'refused',
      refusal_reason: 'Giấy chứng sinh không phải bản chính',
    });
    await waitFor(
      'the portal’s decisions on the kiosk',
      () => k.row(byPortal.id).reception === 'received' && k.row(refusedByPortal.id).reception === 'refused',
      5000,
    );
    expect(k.row(byPortal.id)).toMatchObject({ source: 'portal', status: 'received' });
    expect(k.row(refusedByPortal.id)).toMatchObject({ source: 'portal', reason: 'Không thuộc thẩm quyền' });
    await waitFor(
      'nothing left to tell',
      () => k.h.db.prepare('SELECT COUNT(*) FROM reception_updates').pluck().get() === 0,
      5000,
    );
    expect(k.alerts).toEqual([]);
  });
});
