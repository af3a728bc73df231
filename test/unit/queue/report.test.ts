import { describe, expect, it } from 'vitest';
import type { Report, Session } from '../../../preload/api';
import { reportCsv } from '../../../main/core/queue/report';
import { lanDevice, makeCore, remote } from '../helpers';
import { queueConfig } from './fixtures';

describe('day report', () => {
  it('counts tickets and measures wait and service times per service, counter and hour', async () => {
    const { core, clock } = await makeCore({
      config: { ...queueConfig, staffSessionMinutes: 720 },
      env: { KIOSK_ADMIN_PIN: '135790' },
    });
    const counter = await lanDevice(core, 'counter');
    const s = await core.call('staff.signIn', { user: 'admin', pin: '135790' }, counter);
    const staff = { ...counter, token: (s.ok && (s.value as Session).token) || '' };
    const call = async (method: string, input: unknown) => {
      const r = await core.call(method, input, staff);
      if (!r.ok) throw new Error(r.error.code);
    };
    // 09:00 local: three civil-status tickets and one land ticket.
    for (const serviceId of ['ho-tich', 'ho-tich', 'ho-tich', 'dat-dai'])
      await call('queue.issueTicket', { serviceId });
    clock.advance(60_000); // A001 waited 1 min, served in 2 min at counter 2
    await call('queue.callNext', { counterId: 2 });
    clock.advance(120_000);
    await call('queue.markServed', { counterId: 2 });
    clock.advance(60_000); // A002 waited 4 min, no-show at counter 2
    await call('queue.callNext', { counterId: 2 });
    await call('queue.markNoShow', { counterId: 2 });
    clock.advance(3_600_000); // 10:04: C001 waited 64 min, served in 10 min at counter 3
    await call('queue.callNext', { counterId: 3 });
    clock.advance(600_000);
    await call('queue.markServed', { counterId: 3 });
    await call('queue.issueTicket', { serviceId: 'ho-tich' }); // 10:14, still waiting

    const r = await core.call('queue.report', {}, staff);
    const report = (r.ok && r.value) as Report;
    expect(report.day).toBe('2026-11-23');
    expect(report.totals).toEqual({
      issued: 5,
      served: 2,
      noShow: 1,
      waitAvg: 1380,
      waitP90: 3840,
      serviceAvg: 360,
      serviceP90: 600,
    });
    const civil = report.services.find((x) => x.serviceId === 'ho-tich')!;
    expect(civil).toMatchObject({ issued: 4, served: 1, noShow: 1, waitAvg: 150, serviceAvg: 120 });
    expect(report.counters.find((c) => c.counterId === 2)).toMatchObject({ served: 1, noShow: 1 });
    expect(report.counters.find((c) => c.counterId === 1)).toMatchObject({ issued: 0, waitAvg: null });
    expect(report.hours.map((h) => [h.hour, h.issued])).toEqual([
      [9, 4],
      [10, 1],
    ]);

    const csv = await core.call('queue.reportCsv', {}, staff);
    expect(csv.ok && csv.value).toMatchObject({ filename: 'bao-cao-xep-hang-2026-11-23.csv' });
    expect(await core.call('queue.report', {}, counter)).toMatchObject({
      ok: false,
      error: { code: 'unauthorized' },
    });
    expect(await core.call('queue.report', {}, { ...remote, token: staff.token })).toMatchObject({
      ok: false,
      error: { code: 'device-not-paired' },
    });
  });

  it('writes CSV that Excel opens as UTF-8 and that cannot smuggle a formula', () => {
    const stats = {
      issued: 1,
      served: 0,
      noShow: 0,
      waitAvg: null,
      waitP90: null,
      serviceAvg: null,
      serviceP90: null,
    };
    const csv = reportCsv({
      day: '2026-11-23',
      totals: stats,
      services: [{ serviceId: 'x', names: { vi: '=HYPERLINK("http://evil")', en: 'x' }, ...stats }],
      counters: [{ counterId: 1, name: { vi: 'Quầy "một", tầng 1', en: 'c' }, ...stats }],
      hours: [],
    });
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[2]).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(lines[3]).toContain('"Quầy ""một"", tầng 1"');
  });

  it('titles its columns and groups in Vietnamese with their marks, as Excel shows them', () => {
    // Seen in Excel: "da cap/issued", "vang mat/no-show".
    const stats = {
      issued: 2,
      served: 1,
      noShow: 1,
      waitAvg: 60,
      waitP90: 90,
      serviceAvg: 120,
      serviceP90: 150,
    };
    const csv = reportCsv({
      day: '2026-11-23',
      totals: stats,
      services: [{ serviceId: 'ho-tich', names: { vi: 'Hộ tịch', en: 'Civil status' }, ...stats }],
      counters: [{ counterId: 1, name: { vi: 'Quầy 1', en: 'Counter 1' }, ...stats }],
      hours: [{ hour: 9, ...stats }],
    });
    const rows = csv
      .slice(1)
      .trimEnd()
      .split('\r\n')
      .map((l) => l.split(','));
    expect(rows[0]).toEqual([
      'Nhóm',
      'Mã',
      'Tên',
      'Đã cấp số',
      'Đã phục vụ',
      'Vắng mặt',
      'Thời gian chờ trung bình (giây)',
      'Thời gian chờ P90 (giây)',
      'Thời gian phục vụ trung bình (giây)',
      'Thời gian phục vụ P90 (giây)',
    ]);
    expect(rows.map((r) => r[0])).toEqual(['Nhóm', 'Tổng', 'Lĩnh vực', 'Quầy', 'Giờ']);
    expect(csv.normalize('NFC')).toBe(csv);
  });
});
