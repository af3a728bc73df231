import { describe, expect, it } from 'vitest';
import { manualClock } from '../../../main/core/clock';
import { createPortal } from '../../portal';
import { postDossier, dossierWith, procedure, send, startPortal, TOKEN, upload, tempDir } from './fixtures';

const pdf = (text: string) => Buffer.from(`%PDF-1.7\n${text}\n%%EOF\n`);

describe('reference portal: submitting dossiers', () => {
  it('issues its own code on 201, answers a repeat with 200 and the same body, and 409 on a different body', async () => {
    const portal = await startPortal();
    const file = pdf('bản sao');
    await upload(portal, file);
    const dossier = dossierWith([{ data: file }]);

    const first = await postDossier(portal, dossier);
    expect(first.status).toBe(201);
    const created = first.json() as { portalCode: string; id: string };
    // The portal's own sequence, on the day received in Vietnam: 02:00Z on the 23rd is 09:00 there.
    expect(created.portalCode).toBe('000.00.12.H29-261123-0001');
    expect(created.id).toBe(dossier.id);

    // The same dossier with its keys in another order is the same body.
    const reordered = Object.fromEntries(Object.entries(dossier).reverse());
    const repeat = await postDossier(portal, reordered);
    expect(repeat.status).toBe(200);
    expect(repeat.text).toBe(first.text);

    const changed = await postDossier(portal, {
      ...dossier,
      data: { nguoiYeuCau: { fullName: 'Trần Thị B' } },
    });
    expect(changed.status).toBe(409);
    expect(changed.json()).toEqual({
      error: expect.any(String),
      reasons: [expect.stringContaining(created.portalCode)],
    });

    expect(portal.db.prepare('SELECT count(*) FROM dossiers').pluck().get()).toBe(1);
    const second = await postDossier(portal, dossierWith([{ data: file }]));
    expect((second.json() as { portalCode: string }).portalCode).toBe('000.00.12.H29-261123-0002');
  });

  it('keeps the idempotency record across a restart', async () => {
    const dataDir = tempDir();
    const file = pdf('restart');
    const dossier = dossierWith([{ data: file }]);
    const one = await createPortal({ dataDir, tokens: [TOKEN] });
    await upload(one, file);
    const first = await postDossier(one, dossier);
    await one.close();

    const two = await createPortal({ dataDir, tokens: [TOKEN] });
    try {
      const repeat = await postDossier(two, dossier);
      expect(repeat.status).toBe(200);
      expect(repeat.text).toBe(first.text);
    } finally {
      await two.close();
    }
  });

  it('counts the code day in Vietnam time, whatever the server clock says', async () => {
    const portal = await startPortal({ clock: manualClock('2026-12-31T20:00:00Z') });
    const late = dossierWith([], { receivedAt: '2026-11-23T18:30:00.000Z' });
    const reply = await postDossier(portal, late);
    expect((reply.json() as { portalCode: string }).portalCode).toBe('000.00.12.H29-261124-0001');
  });

  it('answers 422 listing every problem at once, remembers nothing, and accepts the corrected dossier', async () => {
    const portal = await startPortal();
    const file = pdf('chưa tải lên');
    const dossier = dossierWith([{ data: file }]);

    const missing = await postDossier(portal, dossier);
    expect(missing.status).toBe(422);
    expect((missing.json() as { reasons: string[] }).reasons).toEqual([
      expect.stringContaining('chưa được tải lên'),
    ]);

    const broken = await postDossier(portal, {
      ...dossier,
      receivedAt: 'hôm qua',
      kioskId: '',
      attachments: 'none',
    });
    const reasons = (broken.json() as { reasons: string[] }).reasons;
    expect(broken.status).toBe(422);
    expect(reasons.join('\n')).toMatch(/receivedAt/);
    expect(reasons.join('\n')).toMatch(/kioskId/);
    expect(reasons.join('\n')).toMatch(/attachments/);

    const wrongKey = await postDossier(portal, dossier, 'another-key');
    expect((wrongKey.json() as { reasons: string[] }).reasons.join()).toMatch(/Idempotency-Key/);

    await upload(portal, file);
    const accepted = await postDossier(portal, dossier);
    expect(accepted.status).toBe(201);
  });

  it('applies injected reject rules, and a changed rule lets the same key through', async () => {
    const portal = await startPortal({
      rejectRules: [{ procedureId: 'chung-thuc-ban-sao', reasons: ['Thủ tục tạm ngừng nhận trực tuyến.'] }],
    });
    const dossier = dossierWith([]);
    const refused = await postDossier(portal, dossier);
    expect(refused.status).toBe(422);
    expect(refused.json()).toEqual({
      error: expect.any(String),
      reasons: ['Thủ tục tạm ngừng nhận trực tuyến.'],
    });

    portal.rejectRules.splice(0, 1, (d) =>
      d.data.corrected === true ? null : ['Họ tên chưa khớp với CCCD.'],
    );
    expect(((await postDossier(portal, dossier)).json() as { reasons: string[] }).reasons).toEqual([
      'Họ tên chưa khớp với CCCD.',
    ]);
    const corrected = await postDossier(portal, { ...dossier, data: { ...dossier.data, corrected: true } });
    expect(corrected.status).toBe(201);
  });

  it('checks the procedure and its required papers against its catalogue when it has one', async () => {
    const portal = await startPortal({ catalogue: [procedure()] });
    const unknown = await postDossier(portal, dossierWith([], { procedureId: 'khong-co' }));
    expect((unknown.json() as { reasons: string[] }).reasons).toEqual([expect.stringContaining('khong-co')]);
    const noPaper = await postDossier(portal, dossierWith([]));
    expect((noPaper.json() as { reasons: string[] }).reasons).toEqual([
      expect.stringContaining('Bản sao cần chứng thực'),
    ]);
  });

  it('refuses a missing Idempotency-Key (400), bad JSON (400) and a body over the limit (413)', async () => {
    const portal = await startPortal({ limits: { maxJsonBytes: 2000 } });
    expect((await postDossier(portal, dossierWith([]), '')).status).toBe(400);
    const bad = await send(portal.url, '/api/v1/dossiers', {
      method: 'POST',
      body: '{"id":',
      headers: { 'Idempotency-Key': 'k' },
    });
    expect(bad.status).toBe(400);
    expect(bad.json()).toEqual({ error: expect.any(String) });
    const big = await postDossier(portal, dossierWith([], { data: { note: 'x'.repeat(3000) } }));
    expect(big.status).toBe(413);
  });

  it('shows one dossier’s timeline by its portal code, 404 for an unknown code', async () => {
    const portal = await startPortal();
    const dossier = dossierWith([]);
    const { portalCode } = (await postDossier(portal, dossier)).json() as { portalCode: string };
    portal.admin.setStatus(portalCode, 'processing');
    const reply = await send(portal.url, `/api/v1/dossiers/${encodeURIComponent(portalCode)}`);
    expect(reply.status).toBe(200);
    expect(reply.json()).toMatchObject({
      portalCode,
      id: dossier.id,
      localCode: dossier.localCode,
      status: 'processing',
      timeline: [
        { status: 'received', note: null },
        { status: 'processing', note: null },
      ],
    });
    expect((await send(portal.url, '/api/v1/dossiers/000.00.12.H29-261123-9999')).status).toBe(404);
  });
});
