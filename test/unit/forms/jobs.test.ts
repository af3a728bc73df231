import { describe, expect, it } from 'vitest';
import { createAlerts } from '../../../main/core/alerts';
import { createAudit } from '../../../main/core/audit';
import { systemClock } from '../../../main/core/clock';
import { parseConfig } from '../../../main/core/config/load';
import { openDatabase } from '../../../main/core/db/open';
import { createEventBus } from '../../../main/core/events';
import {
  type FormJobPayload,
  PrinterError,
  checkJobPayload,
  createDeliver,
  createForms,
  loadFonts,
  mergeFormWords,
} from '../../../main/core/print';
import { createPrintJobs, type PrintJob } from '../../../main/core/print/jobs';
import { tempDir } from '../helpers';
import { fakeTransports } from '../print/transports';
import { readBack, refusal, supplement } from './fixtures';

const config = parseConfig({
  centre: { name: 'UBND phường Ba Đình', unitCode: '000.00.12.H29' },
  printers: [
    { id: 'a4', kind: 'system', queue: 'Office_A4' },
    { id: 'roll', kind: 'escpos-tcp', host: '127.0.0.1', port: 9100 },
  ],
});

const job = (printerId: string, payload: FormJobPayload): PrintJob => ({
  id: 1,
  printerId,
  kind: 'form',
  ref: `${payload.form}:x`,
  payload,
  attempts: 1,
});

describe("print job kind 'form' (Mẫu 02, Mẫu 03)", () => {
  it('sends the A4 PDF of the form to a system printer, in the centre’s words', async () => {
    const { sent, transports } = fakeTransports();
    const words = mergeFormWords({ refusal: { closing: 'Trân trọng thông báo.' } });
    const deliver = createDeliver(config, transports, words);
    await deliver(job('a4', { form: 'supplement', data: supplement() }));
    await deliver(job('a4', { form: 'refusal', data: refusal() }));
    expect(sent.map((s) => [s.via, s.to, s.title])).toEqual([
      ['cups', 'Office_A4', 'supplement:x'],
      ['cups', 'Office_A4', 'refusal:x'],
    ]);
    expect(readBack(sent[0]!.bytes, 'job-02')).toContain('PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ');
    const refused = readBack(sent[1]!.bytes, 'job-03');
    expect(refused).toContain('PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ');
    expect(refused).toContain('Trân trọng thông báo.');
  });

  it('refuses an ESC/POS printer with printer-needs-a4, sending nothing', async () => {
    const { sent, transports } = fakeTransports();
    const error = await createDeliver(
      config,
      transports,
    )(job('roll', { form: 'refusal', data: refusal() })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PrinterError);
    expect(error).toMatchObject({
      code: 'printer-needs-a4',
      permanent: true,
      en: expect.stringContaining('A4'),
    });
    expect((error as PrinterError).vi).toContain('A4');
    expect(sent).toEqual([]);
  });

  it('checks the payload: a refusal without a reason, a request without items or an unknown form is damaged', () => {
    expect(checkJobPayload('form', { form: 'refusal', data: refusal() }).ok).toBe(true);
    expect(checkJobPayload('form', { form: 'refusal', data: refusal({ reason: ' ' }) }).ok).toBe(false);
    expect(checkJobPayload('form', { form: 'supplement', data: supplement({ items: [] }) }).ok).toBe(false);
    expect(checkJobPayload('form', { form: 'stop', data: refusal() }).ok).toBe(false);
  });
});

describe('createForms', () => {
  function setup(printerId: string) {
    const { db } = openDatabase(tempDir(), new Date());
    const bus = createEventBus();
    const { sent, transports } = fakeTransports();
    const alerts = createAlerts(db, { clock: systemClock, bus, audit: createAudit(db, systemClock) });
    const printJobs = createPrintJobs(db, {
      clock: systemClock,
      bus,
      alerts,
      deliver: createDeliver(config, transports),
    });
    const forms = createForms({ printJobs, printerId, fonts: loadFonts() });
    return { db, printJobs, sent, forms, alerts };
  }

  it('queues one job with ref <form>:<code>, printed once on the A4 printer', async () => {
    const { db, printJobs, sent, forms } = setup('a4');
    const id = forms.enqueue('supplement', supplement());
    expect(printJobs.pending().map((j) => [j.jobId, j.ref])).toEqual([
      [id, 'supplement:000.00.12.H29-261123-0042'],
    ]);
    await printJobs.runDue();
    expect(printJobs.status(id)).toBe('done');
    expect(sent).toHaveLength(1);
    expect(readBack(await forms.pdf('refusal', refusal()), 'forms-pdf')).toContain('Mẫu số 03');
    db.close();
  });

  it('fails the job at once on a thermal printer: no retry, no printer alert', async () => {
    const { db, printJobs, sent, forms, alerts } = setup('roll');
    const id = forms.enqueue('refusal', refusal());
    await printJobs.runDue();
    expect(printJobs.status(id)).toBe('failed');
    expect(sent).toEqual([]);
    expect(alerts.list({ includeAcknowledged: true }).filter((a) => a.code === 'printer-error')).toEqual([]);
    db.close();
  });
});
