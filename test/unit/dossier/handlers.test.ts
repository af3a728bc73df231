import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type MethodName, methods } from '../../../preload/api';
import { createDossierHandlers } from '../../../main/core/dossier';
import { LOOKUPS_PER_MINUTE } from '../../../main/core/dossier/handlers';
import type { KioskFailure } from '../../../main/core/errors';
import { createFeedback } from '../../../main/core/feedback';
import type { HandlerContext } from '../../../main/core/handlers';
import { hasValidCrc } from '../../../main/core/payment/vietqr';
import { tempDir } from '../helpers';
import { asyncFailure } from '../failures';
import { insertStaff } from '../staff-rows';
import { type Harness, birthData, birthProcedure, harness, imageBytes, staff } from './fixtures';

let h: Harness;
afterEach(() => h?.close());

const kiosk: HandlerContext = { transport: 'ipc', local: true, caller: { kind: 'window' } };
const counter: HandlerContext = {
  transport: 'http',
  local: false,
  caller: { kind: 'device', role: 'counter' },
  token: 't',
  staff,
};

function setup(config?: Parameters<typeof harness>[1]) {
  h = harness(tempDir(), config);
  insertStaff(h.db, { id: 1, user: 'lan', displayName: 'Nguyễn Thị Lan' });
  const handlers = createDossierHandlers({
    dossiers: h.dossiers,
    feedback: createFeedback(h.db, { clock: h.clock, timeZone: h.deps.config.timeZone }),
    config: h.deps.config,
    now: () => h.clock.now().getTime(),
  });
  /** As createCore does: the contract parses the input, the handler runs, the output must match. */
  return async <M extends keyof typeof handlers & MethodName>(name: M, input: unknown, ctx = kiosk) => {
    const parsed = methods[name].input.parse(input);
    const handler = handlers[name] as (i: unknown, c: HandlerContext) => unknown;
    const output = await handler(parsed, ctx);
    return methods[name].output.parse(output) as ReturnType<(typeof methods)[M]['output']['parse']>;
  };
}

describe('dossier handlers', () => {
  it('files a dossier from start to receipt with contract-shaped results', async () => {
    const call = setup();
    const draft = await call('dossier.create', { procedureId: birthProcedure.id }, counter);
    expect(draft.assistedBy).toEqual({ id: 1, displayName: 'Nguyễn Thị Lan' });
    // Staff started it; the screen holds its token and sends it (the kiosk screen has no staff session).
    const { draftToken } = draft;
    await call('dossier.update', {
      id: draft.id,
      draftToken,
      data: birthData,
      delivery: { method: 'counter' },
    });
    const sources = await call('dossier.importSources', {});
    expect(sources[0]).toMatchObject({ id: 'usb', available: true, files: [] });
    writeFileSync(join(h.importDir, 'cs.png'), imageBytes('png'));
    for (const componentId of ['giay-chung-sinh', 'anh-cccd'])
      await call('dossier.attach', {
        id: draft.id,
        draftToken,
        componentId,
        source: { kind: 'folder', sourceId: 'usb', name: 'cs.png' },
      });
    expect(await call('dossier.check', { id: draft.id, draftToken })).toEqual({
      complete: true,
      problems: [],
    });
    const submitted = await call('dossier.submit', { id: draft.id }, counter);
    expect(submitted.code).toBe('000.00.12.H29-K07-261123-0001');

    const lookup = await call('dossier.lookup', { code: submitted.code }, counter);
    expect(lookup).toMatchObject({ detail: 'full', idMasked: '••••••••2345' });
    expect((await call('dossier.today', {}, counter))[0]?.assistedBy).toBe('Nguyễn Thị Lan');
    const receipt = await call('dossier.receipt', { code: submitted.code, print: true }, counter);
    expect(receipt.jobIds).toHaveLength(1);
    expect(
      await call('feedback.rate', { context: 'submit', code: submitted.code, rating: 'very-satisfied' }),
    ).toMatchObject({
      id: 1,
    });
    expect((await call('feedback.report', {}, counter)).counts['very-satisfied']).toBe(1);
  });

  it('discards, parks, resumes and lists parked drafts', async () => {
    const call = setup();
    const a = await call('dossier.create', { procedureId: birthProcedure.id });
    expect(await call('dossier.discard', { id: a.id, draftToken: a.draftToken })).toEqual({});
    const b = await call('dossier.create', { procedureId: birthProcedure.id }, counter);
    const parked = await call('dossier.park', { id: b.id }, counter);
    expect(
      await call('dossier.resume', { parkCode: ` ${parked.parkCode!.toLowerCase()} ` }, counter),
    ).toMatchObject({ id: b.id });
    expect((await call('dossier.parked', {}, counter)).map((d) => d.id)).toEqual([b.id]);
  });

  it('limits public lookups per caller (codes are sequential), never staff, and lets the caller try again later', async () => {
    const call = setup();
    const code = '000.00.12.H29-K07-261123-0001'; // not filed: the answer is "not found", still a lookup
    const lan = (ip: string): HandlerContext => ({
      transport: 'http',
      local: false,
      caller: { kind: 'device', role: 'kiosk' },
      client: ip,
    });
    for (let i = 0; i < LOOKUPS_PER_MINUTE; i++)
      expect((await asyncFailure(call('dossier.lookup', { code }, lan('10.0.0.50')))).code).toBe(
        'dossier-code-not-found',
      );
    const refused = await call('dossier.lookup', { code }, lan('10.0.0.50')).catch(
      (e: KioskFailure) => e.error,
    );
    expect(refused).toMatchObject({ code: 'too-many-requests' });
    expect((refused as { vi: string }).vi).toMatch(/đợi \d+ giây/);
    // Another client, the kiosk screen and staff are unaffected.
    expect((await asyncFailure(call('dossier.lookup', { code }, lan('10.0.0.51')))).code).toBe(
      'dossier-code-not-found',
    );
    expect((await asyncFailure(call('dossier.lookup', { code }, kiosk))).code).toBe('dossier-code-not-found');
    for (let i = 0; i < LOOKUPS_PER_MINUTE + 5; i++)
      expect((await asyncFailure(call('dossier.lookup', { code }, counter))).code).toBe(
        'dossier-code-not-found',
      );
    h.clock.advance(60_000);
    expect((await asyncFailure(call('dossier.lookup', { code }, lan('10.0.0.50')))).code).toBe(
      'dossier-code-not-found',
    );
  });

  it('makes a VietQR only when the centre’s account is configured', async () => {
    expect(
      (await asyncFailure(setup()('payment.vietQr', { amount: 50000, purpose: 'Phí hồ sơ' }))).code,
    ).toBe('payment-not-configured');
    h.close();
    const call = setup({ config: { payment: { bankBin: '970436', accountNumber: '0011001234567' } } });
    const { payload } = await call('payment.vietQr', { amount: 50000, purpose: 'Phí hồ sơ' });
    expect(hasValidCrc(payload)).toBe(true);
    expect(payload).toContain('Phi ho so');
  });

  it('needs a staff user for staff methods (a wiring bug otherwise)', async () => {
    const call = setup();
    await expect(call('dossier.receipt', { code: '000.00.12.H29-K07-261123-0001' }, kiosk)).rejects.toThrow(
      /staff/,
    );
  });
});
