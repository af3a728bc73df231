import { afterEach, describe, expect, it } from 'vitest';
import { type MethodName, methods } from '../../../preload/api';
import { createDossierHandlers } from '../../../main/core/dossier';
import { LOOKUPS_PER_MINUTE, WRONG_PARK_CODES } from '../../../main/core/dossier/handlers';
import { createFeedback } from '../../../main/core/feedback';
import type { HandlerContext } from '../../../main/core/handlers';
import { tempDir } from '../helpers';
import { asyncFailure } from '../failures';
import { maleCard, qr } from '../identity/helpers';
import { type Harness, addStaff, feeProcedure, harness, staff } from './fixtures';

let h: Harness;
afterEach(() => h?.close());

const kiosk: HandlerContext = { transport: 'ipc', local: true, caller: { kind: 'window' } };
/** A paired kiosk on the LAN: a citizen's screen, no staff. */
const lanKiosk = (client: string): HandlerContext => ({
  transport: 'http',
  local: false,
  client,
  caller: { kind: 'device', role: 'kiosk' },
});
const counter: HandlerContext = {
  transport: 'http',
  local: false,
  client: '10.0.0.9',
  caller: { kind: 'device', role: 'counter' },
  token: 't',
  staff,
};

const requester = { fullName: 'Trần Văn Bình', idNumber: maleCard.id, birthDate: '1990-01-01' };

function setup() {
  h = harness(tempDir());
  addStaff(h.db);
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

const code = async (promise: Promise<unknown>) => (await asyncFailure(promise)).code;

describe('kept drafts through the contract', () => {
  it('sets aside and saves for later only with the draft’s token', async () => {
    const call = setup();
    const draft = await call('dossier.create', { procedureId: feeProcedure.id });
    const { draftToken } = draft;
    await call('dossier.update', { id: draft.id, draftToken, data: { nguoiYeuCau: requester } });
    expect(await code(call('dossier.setAside', { id: draft.id }))).toBe('dossier-not-found');
    expect(await code(call('dossier.saveForLater', { id: draft.id }))).toBe('dossier-not-found');
    expect(await call('dossier.setAside', { id: draft.id, draftToken })).toEqual({ kept: true });
    // The screen that went idle holds the old token: it opens nothing any more.
    expect(await code(call('dossier.get', { id: draft.id, draftToken }))).toBe('dossier-not-found');
    expect(await code(call('dossier.setAside', { id: draft.id, draftToken }))).toBe('dossier-not-found');

    const [back] = await call('dossier.resumeByCard', { text: qr(maleCard) });
    expect(back?.id).toBe(draft.id);
    const saved = await call('dossier.saveForLater', { id: draft.id, draftToken: back!.draftToken });
    expect(saved).toMatchObject({ keptUntil: '2026-11-30', jobId: null });
    const again = await call('dossier.resumeByCode', { parkCode: saved.parkCode, birthDate: '1990-01-01' });
    expect(await call('dossier.get', { id: draft.id, draftToken: again.draftToken })).toMatchObject({
      status: 'parked',
    });
  });

  it('limits card scans per caller like the public lookup (staff at the counter are not limited)', async () => {
    const call = setup();
    const text = qr(maleCard);
    for (let i = 0; i < LOOKUPS_PER_MINUTE; i++)
      expect(await call('dossier.resumeByCard', { text }, lanKiosk('10.0.0.5'))).toEqual([]);
    const refused = await asyncFailure(call('dossier.resumeByCard', { text }, lanKiosk('10.0.0.5')));
    expect(refused.code).toBe('too-many-requests');
    expect(await call('dossier.resumeByCard', { text }, lanKiosk('10.0.0.6'))).toEqual([]);
    for (let i = 0; i <= LOOKUPS_PER_MINUTE; i++)
      expect(await call('dossier.resumeByCard', { text }, counter)).toEqual([]);
    h.clock.advance(60_000);
    expect(await call('dossier.resumeByCard', { text }, lanKiosk('10.0.0.5'))).toEqual([]);
  });

  it('limits wrong park codes per caller, whatever code is tried', async () => {
    const call = setup();
    const caller = lanKiosk('10.0.0.5');
    const draft = await call('dossier.create', { procedureId: feeProcedure.id });
    await call('dossier.update', {
      id: draft.id,
      draftToken: draft.draftToken,
      data: { nguoiYeuCau: requester },
    });
    const { parkCode } = await call('dossier.saveForLater', { id: draft.id, draftToken: draft.draftToken });
    // Made-up codes, each tried fewer times than locks a code: only the caller's limit stops them.
    const codes = ['ABCDEF', 'BCDEFG', 'CDEFGH', 'DEFGHJ', 'EFGHJK'].filter((c) => c !== parkCode);
    for (let i = 0; i < WRONG_PARK_CODES.limit; i++) {
      const tried = codes[i % codes.length]!;
      expect(
        await code(call('dossier.resumeByCode', { parkCode: tried, birthDate: '1990-01-01' }, caller)),
      ).toBe('park-resume-wrong');
    }
    const right = { parkCode, birthDate: '1990-01-01' };
    expect(await code(call('dossier.resumeByCode', right, caller))).toBe('too-many-requests');
    expect((await call('dossier.resumeByCode', right, lanKiosk('10.0.0.6'))).id).toBe(draft.id);
    h.clock.advance(WRONG_PARK_CODES.windowMs);
    expect((await call('dossier.resumeByCode', right, caller)).id).toBe(draft.id);
  });

  it('answers a scan that is no ID card in both languages', async () => {
    const call = setup();
    const refused = await asyncFailure(
      call('dossier.resumeByCard', { text: '000.00.12.H29-K07-261123-0001' }),
    );
    expect(refused).toMatchObject({ code: 'id-card-needed', field: 'text' });
    expect(refused.vi).toContain('thẻ căn cước');
  });
});
