import { afterEach, describe, expect, it } from 'vitest';
import { type MethodName, methods } from '../../../preload/api';
import { createAlerts } from '../../../main/core/alerts';
import { createAudit } from '../../../main/core/audit';
import { createDossierHandlers, createDossiers } from '../../../main/core/dossier';
import { createEventBus } from '../../../main/core/events';
import { createFeedback } from '../../../main/core/feedback';
import type { HandlerContext } from '../../../main/core/handlers';
import { PARK_SLIP_JOB_KIND, createParkSlips } from '../../../main/core/print';
import { createPrintJobs } from '../../../main/core/print/jobs';
import { tempDir } from '../helpers';
import { asyncFailure } from '../failures';
import { insertStaff } from '../staff-rows';
import {
  type Harness,
  MOTHER_ID,
  birthData,
  birthProcedure,
  count,
  formOnlyProcedure,
  harness,
} from './fixtures';

let h: Harness;
afterEach(() => h?.close());

const lan = { id: 1, user: 'lan', displayName: 'Nguyễn Thị Lan', role: 'staff' as const };
const binh = { id: 2, user: 'binh', displayName: 'Trần Văn Bình', role: 'staff' as const };
const at = (staff: typeof lan): HandlerContext => ({
  transport: 'http',
  local: false,
  caller: { kind: 'device', role: 'counter' },
  token: 't',
  staff,
});

/**
 * The dossier handlers over a real database, with park slips going to real print job rows on printer
 * "quay" (or, with `printer: false`, a kiosk without a ticket printer). The worker is never started: the
 * job rows are what this module hands to printing (test/unit/print/park-slip.test.ts prints them).
 */
function setup(options: { printer: boolean }) {
  h = harness(tempDir(), { config: { dossier: { parkedDraftDays: 3 } } });
  for (const s of [lan, binh]) insertStaff(h.db, s);
  const bus = createEventBus();
  const audit = createAudit(h.db, h.clock);
  const printJobs = createPrintJobs(h.db, {
    clock: h.clock,
    bus,
    alerts: createAlerts(h.db, { clock: h.clock, bus, audit }),
    deliver: async () => {
      throw new Error('not started in this test');
    },
  });
  const dossiers = createDossiers({
    ...h.deps,
    parkSlips: options.printer ? createParkSlips({ printJobs, printerId: 'quay' }) : undefined,
  });
  const handlers = createDossierHandlers({
    dossiers,
    feedback: createFeedback(h.db, { clock: h.clock, timeZone: h.deps.config.timeZone }),
    config: h.deps.config,
    now: () => h.clock.now().getTime(),
  });
  /** As createCore does: the contract parses the input, the handler runs, the output must match. */
  const call = async <M extends keyof typeof handlers & MethodName>(
    name: M,
    input: unknown,
    ctx = at(lan),
  ) => {
    const parsed = methods[name].input.parse(input);
    const handler = handlers[name] as (i: unknown, c: HandlerContext) => unknown;
    return methods[name].output.parse(await handler(parsed, ctx)) as ReturnType<
      (typeof methods)[M]['output']['parse']
    >;
  };
  return { call, dossiers };
}

interface JobRow {
  printerId: string;
  kind: string;
  ref: string;
  payload: string;
  status: string;
}
const jobs = (): JobRow[] =>
  h.db
    .prepare('SELECT printer_id AS printerId, kind, ref, payload, status FROM print_jobs ORDER BY id')
    .all() as JobRow[];

describe('dossier.printParkSlip', () => {
  it('queues one park-slip job on the ticket printer with what the slip prints, and audits it', async () => {
    const { call } = setup({ printer: true });
    // A draft the citizen started at the kiosk (no staff on it), parked by Lan at 09:00 Hà Nội time.
    const draft = await call(
      'dossier.create',
      { procedureId: birthProcedure.id },
      { transport: 'ipc', local: true, caller: { kind: 'window' } },
    );
    await call('dossier.update', { id: draft.id, data: birthData });
    const parked = await call('dossier.park', { id: draft.id });
    const parkCode = parked.parkCode!;
    h.clock.advance(10 * 60_000);

    // Bình prints it at 09:10: the slip still names Lan, who parked it.
    const { jobId } = await call('dossier.printParkSlip', { id: draft.id }, at(binh));
    expect(jobId).toBeGreaterThan(0);
    const [job, ...more] = jobs();
    expect(more).toEqual([]);
    expect(job).toMatchObject({
      printerId: 'quay',
      kind: PARK_SLIP_JOB_KIND,
      ref: `park-slip:${parkCode}`,
      status: 'queued',
    });
    expect(JSON.parse(job!.payload)).toEqual({
      centreName: 'UBND phường Bến Nghé',
      parkCode,
      procedureName: birthProcedure.name,
      // parked at 02:00 UTC on the 23rd, kept dossier.parkedDraftDays (3) days.
      keptUntil: '2026-11-26T02:00:00.000Z',
      parkedBy: lan.displayName,
      printedAt: '2026-11-23T02:10:00.000Z',
      language: 'vi',
    });
    // A lost slip tells a finder nothing about the citizen: no ID number, no names from the form.
    for (const secret of [
      MOTHER_ID,
      birthData.me.fullName,
      birthData.child.fullName,
      birthData.me.address.text,
    ])
      expect(job!.payload).not.toContain(secret);

    const audit = h.db
      .prepare(
        `SELECT actor, target_id AS targetId, details FROM audit_log WHERE action = 'dossier.printParkSlip'`,
      )
      .all() as { actor: string; targetId: string; details: string }[];
    expect(audit).toEqual([
      { actor: 'binh', targetId: draft.id, details: JSON.stringify({ parkCode, jobId }) },
    ]);
  });

  it('prints again after the draft was resumed (a parked draft stays parked until submitted)', async () => {
    const { call } = setup({ printer: true });
    const draft = await call('dossier.create', { procedureId: birthProcedure.id }, at(lan));
    const { parkCode } = await call('dossier.park', { id: draft.id });
    await call('dossier.printParkSlip', { id: draft.id });
    await call('dossier.resume', { parkCode });
    await call('dossier.printParkSlip', { id: draft.id });
    expect(jobs().map((j) => j.ref)).toEqual([`park-slip:${parkCode}`, `park-slip:${parkCode}`]);
  });

  it('refuses a draft that is not parked, a submitted dossier and an unknown id, queueing nothing', async () => {
    const { call, dossiers } = setup({ printer: true });
    const draft = await call('dossier.create', { procedureId: birthProcedure.id }, at(lan));
    const notParked = await asyncFailure(call('dossier.printParkSlip', { id: draft.id }));
    expect(notParked.code).toBe('dossier-not-parked');
    expect(notParked.vi).toContain('không ở trạng thái tạm giữ');
    expect(notParked.en).toContain('not parked');

    const form = dossiers.create(formOnlyProcedure.id, { staff: lan });
    dossiers.update({ id: form.id, data: { nguoiYeuCau: { fullName: 'Lê Văn Cường' } } });
    dossiers.submit(form.id, { staff: lan });
    expect((await asyncFailure(call('dossier.printParkSlip', { id: form.id }))).code).toBe(
      'dossier-not-parked',
    );

    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await asyncFailure(call('dossier.printParkSlip', { id: unknown }))).code).toBe(
      'dossier-not-found',
    );
    expect(count(h.db, 'print_jobs')).toBe(0);
    expect(
      h.db.prepare(`SELECT COUNT(*) FROM audit_log WHERE action = 'dossier.printParkSlip'`).pluck().get(),
    ).toBe(0);
  });

  it('without a ticket printer: refused, telling staff to write the code by hand', async () => {
    const { call } = setup({ printer: false });
    const draft = await call('dossier.create', { procedureId: birthProcedure.id }, at(lan));
    const { parkCode } = await call('dossier.park', { id: draft.id });
    const error = await asyncFailure(call('dossier.printParkSlip', { id: draft.id }));
    expect(error.code).toBe('park-slip-no-printer');
    expect(error.vi).toContain(`ghi tay mã ${parkCode}`);
    expect(error.en).toContain(`write the code ${parkCode}`);
    expect(count(h.db, 'print_jobs')).toBe(0);
  });
});
