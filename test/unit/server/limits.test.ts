import { request } from 'node:http';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { DATA_URL_PREFIX_CHARS, MAX_ATTACHMENT_BYTES, base64Length, methods } from '../../../preload/api';
import { parseConfig } from '../../../main/core/config/load';
import {
  MAX_BODY_BYTES,
  MAX_LARGE_UPLOADS,
  bodyLimit,
  startServer,
  type RunningServer,
} from '../../../main/server';
import { tooMuchOutsideStrings } from '../../../main/server/body';
import { local, makeCore } from '../helpers';
import { post, unfinished } from './requests';

const servers: RunningServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

/**
 * A camera frame as the kiosk's camera screen sends it: 800×450, JPEG. The picture is a sheet of paper
 * with lines of "text" and sensor noise from a seeded generator, so it is the same size every run.
 */
async function cameraFrame(quality = 66): Promise<Buffer> {
  const width = 800;
  const height = 450;
  const pixels = Buffer.alloc(width * height * 3);
  let seed = 0x2545f491;
  const random = () => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) / 0x100000000;
  };
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const line = y % 24 < 9 && x > 60 && x < 740 && (x * 7 + y * 3) % 11 < 6;
      const paper = 225 - Math.round((x + y) / 40);
      const v = (line ? 40 : paper) + Math.round((random() - 0.5) * 36);
      const i = (y * width + x) * 3;
      pixels[i] = Math.max(0, Math.min(255, v + 6));
      pixels[i + 1] = Math.max(0, Math.min(255, v));
      pixels[i + 2] = Math.max(0, Math.min(255, v - 10));
    }
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg({ quality })
    .toBuffer();
}

async function boot(config?: Record<string, unknown>) {
  const base = { centre: { name: 'UBND phường Bến Nghé', unitCode: '000.00.12.H29' } };
  const ctx = await makeCore(config ? { config: { ...base, ...config } } : {});
  const server = await startServer({ core: ctx.core, port: 0 });
  servers.push(server);
  // A draft with a paper that takes pictures.
  const created = await ctx.core.call('dossier.create', { procedureId: 'dang-ky-khai-sinh' }, local);
  if (!created.ok) throw new Error(created.error.en);
  const draft = created.value as { id: string; draftToken: string };
  const procedure = await ctx.core.call('catalogue.get', { id: 'dang-ky-khai-sinh' }, local);
  if (!procedure.ok) throw new Error(procedure.error.en);
  const paper = (
    procedure.value as { components: { id: string; fromForm: boolean; accept: string[] }[] }
  ).components.find((c) => !c.fromForm && c.accept.includes('jpeg'));
  if (!paper) throw new Error('no paper takes a JPEG');
  return { ...ctx, server, draft: { id: draft.id, draftToken: draft.draftToken }, componentId: paper.id };
}

const capture = (draft: { id: string; draftToken: string }, componentId: string, jpeg: Buffer) =>
  JSON.stringify({
    ...draft,
    componentId,
    source: { kind: 'capture', dataBase64: `data:image/jpeg;base64,${jpeg.toString('base64')}` },
  });

describe('body limits per method', () => {
  it('takes a real camera frame (800×450 JPEG, ~108 KB) through the bridge', async () => {
    const jpeg = await cameraFrame();
    expect(jpeg.length).toBeGreaterThan(100_000);
    expect(jpeg.length).toBeLessThan(120_000);
    const { server, draft, componentId } = await boot();
    const reply = await post(server, 'dossier.attach', capture(draft, componentId, jpeg));
    expect(reply.status, reply.body.slice(0, 300)).toBe(200);
    const dossier = JSON.parse(reply.body).value as { attachments: { kind: string; componentId: string }[] };
    expect(dossier.attachments).toEqual([expect.objectContaining({ kind: 'jpeg', componentId })]);
  });

  it('refuses a capture over the configured size with 413 JSON, and one just over it in the core (422)', async () => {
    const jpeg = await cameraFrame();
    // The smallest maxFileBytes a configuration may set: the frame is over it once base64-encoded.
    const { server, draft, componentId } = await boot({ dossier: { maxFileBytes: 100_000 } });
    expect(base64Length(jpeg.length)).toBeGreaterThan(bodyLimit('dossier.attach', 100_000));
    const reply = await post(server, 'dossier.attach', capture(draft, componentId, jpeg));
    expect(reply.status).toBe(413);
    expect(reply.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(reply.body)).toEqual({
      ok: false,
      error: { code: 'too-large', vi: expect.stringMatching(/quá lớn/), en: expect.stringMatching(/larger/) },
    });
    // Between maxFileBytes and the bridge's limit (base64's third and the envelope), the core decides.
    const slightlyOver = jpeg.subarray(0, 100_500);
    const core = await post(server, 'dossier.attach', capture(draft, componentId, slightlyOver));
    expect(core.status).toBe(422);
    expect(JSON.parse(core.body).error.code).toBe('file-too-large');
  });

  it('answers 413 to a 14 MB attach before reading its body, and keeps other methods at 64 KiB', async () => {
    const { server } = await boot();
    expect(bodyLimit('dossier.attach', 10 * 1024 * 1024)).toBeLessThan(14_000_000);
    // Only the headers and 1 KB of the 14 MB are sent: the answer comes without waiting for the rest.
    const reply = await unfinished(
      server,
      '/api/dossier.attach',
      { 'content-type': 'application/json', 'content-length': String(14_000_000) },
      (req) => req.write('{"id":"' + 'x'.repeat(1000)),
    );
    expect(reply.status).toBe(413);
    expect(reply.headers.connection).toBe('close');
    expect(JSON.parse(reply.body).error.code).toBe('too-large');

    for (const method of ['app.info', 'dossier.update', 'queue.issueTicket']) {
      expect(bodyLimit(method, 50 * 1024 * 1024)).toBe(MAX_BODY_BYTES);
      const big = await post(server, method, JSON.stringify({ pad: 'x'.repeat(MAX_BODY_BYTES) }));
      expect(big.status, method).toBe(413);
    }
  });

  it('a body without Content-Length is cut off at the limit too (chunked)', async () => {
    const { server } = await boot();
    const reply = await unfinished(
      server,
      '/api/app.info',
      { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      (req) => {
        // 80 KiB sent, never ended: the refusal cannot wait for the end.
        for (let i = 0; i < 10; i++) req.write('x'.repeat(8 * 1024));
      },
    );
    expect(reply.status).toBe(413);
    expect(JSON.parse(reply.body).error.code).toBe('too-large');
  });

  it('refuses a large body that is not one long string: 5 MB of nested arrays is never parsed', async () => {
    const { server, draft, componentId } = await boot();
    const depth = 2_500_000;
    const nested = `{"id":"${draft.id}","draftToken":"${draft.draftToken}","componentId":"${componentId}","source":${'['.repeat(depth)}${']'.repeat(depth)}}`;
    expect(nested.length).toBeLessThan(bodyLimit('dossier.attach', 10 * 1024 * 1024));
    const reply = await post(server, 'dossier.attach', nested);
    expect(reply.status).toBe(413);
    expect(JSON.parse(reply.body).error).toMatchObject({
      code: 'too-large',
      en: expect.stringMatching(/Apart from the file/),
    });
    // The same size as a string (escapes and all) is what a capture is, and passes on to the core.
    const asString = `{"id":"${draft.id}","draftToken":"${draft.draftToken}","componentId":"${componentId}","source":{"kind":"capture","dataBase64":"${'\\"'.repeat(depth)}"}}`;
    expect(tooMuchOutsideStrings(Buffer.from(asString), MAX_BODY_BYTES)).toBe(false);
    const core = await post(server, 'dossier.attach', asString);
    expect(JSON.parse(core.body).error.code).toBe('capture-invalid');
  });
});

describe('large bodies at once', () => {
  it(`holds at most ${MAX_LARGE_UPLOADS} captures at a time: another gets 503, small calls go on`, async () => {
    const { server, draft, componentId } = await boot();
    // Uploads that have sent their headers and a little of 1 MB, then stall.
    const stalled = Array.from({ length: MAX_LARGE_UPLOADS }, () => {
      const req = request({
        host: '127.0.0.1',
        port: server.port,
        path: '/api/dossier.attach',
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': '1000000' },
      });
      req.on('error', () => undefined);
      req.write('{"id":"');
      return req;
    });
    // A round trip on another connection: the stalled requests' headers, sent first, have been read.
    expect((await post(server, 'app.info', '{}')).status).toBe(200);
    const jpeg = await cameraFrame();
    const refused = await post(server, 'dossier.attach', capture(draft, componentId, jpeg));
    expect(refused.status).toBe(503);
    expect(refused.headers['retry-after']).toBe('5');
    expect(JSON.parse(refused.body).error.code).toBe('too-many-uploads');
    // Once they are gone, captures are taken again.
    for (const req of stalled) req.destroy();
    let status = 0;
    for (let i = 0; i < 50 && status !== 200; i++) {
      status = (await post(server, 'dossier.attach', capture(draft, componentId, jpeg))).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 20));
    }
    expect(status).toBe(200);
  });
});

describe('the capture limit of the contract', () => {
  it('fits the largest maxFileBytes a configuration may set, and the configuration stops there', () => {
    const base = { centre: { name: 'X', unitCode: '000.00.12.H29' } };
    expect(
      parseConfig({ ...base, dossier: { maxFileBytes: MAX_ATTACHMENT_BYTES } }).dossier.maxFileBytes,
    ).toBe(MAX_ATTACHMENT_BYTES);
    expect(() => parseConfig({ ...base, dossier: { maxFileBytes: MAX_ATTACHMENT_BYTES + 1 } })).toThrow();
    const input = methods['dossier.attach'].input;
    const attach = (dataBase64: string) =>
      input.safeParse({
        id: '00000000-0000-4000-8000-000000000000',
        componentId: 'x',
        source: { kind: 'capture', dataBase64 },
      }).success;
    const largest = 'A'.repeat(base64Length(MAX_ATTACHMENT_BYTES) + DATA_URL_PREFIX_CHARS);
    expect(attach(largest)).toBe(true);
    expect(attach(`${largest}A`)).toBe(false);
  });

  it('over IPC (no body limit), a capture past the contract of old reaches the core, which applies maxFileBytes', async () => {
    const { core } = await makeCore();
    const created = await core.call('dossier.create', { procedureId: 'dang-ky-khai-sinh' }, local);
    const { id, draftToken } = created.ok
      ? (created.value as { id: string; draftToken: string })
      : { id: '', draftToken: '' };
    // 14,000,000 base64 characters: 10.5 MB decoded, over the default 10 MiB.
    const result = await core.call(
      'dossier.attach',
      {
        id,
        draftToken,
        componentId: 'giay-chung-sinh',
        source: { kind: 'capture', dataBase64: 'A'.repeat(14_000_000) },
      },
      local,
    );
    expect(result.ok ? null : result.error.code).toBe('file-too-large');
  });
});
