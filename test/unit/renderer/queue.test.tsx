// The queue screens: pure helpers (print status, durations, shortcuts, the announcement queue) and
// server-side renders of the ticket, the display and the picker, checking text and e2e test ids.
import { describe, expect, it } from 'vitest';
import type { PrintJobEvent, Ticket } from '../../../preload/api';
import { createI18n } from '../../../renderer/src/i18n';
import {
  callingNow,
  centreDay,
  centreTime,
  initialPrintView,
  minutesSince,
  nextPrintView,
  rememberedCounter,
  shortcutAction,
  splitDuration,
} from '../../../renderer/src/lib/queue';
import { formatDuration } from '../../../renderer/src/components/duration';
import { createAnnouncer, pickVietnameseVoice } from '../../../renderer/src/screens/display/sound';
import { chartHours } from '../../../renderer/src/screens/staff/Report';
import { TicketView } from '../../../renderer/src/screens/citizen/queue/TicketView';
import { ServicePicker } from '../../../renderer/src/screens/citizen/queue/ServicePicker';
import { WaitingDisplay } from '../../../renderer/src/screens/display/WaitingDisplay';
import { appInfo } from './appInfo';
import { renderWith, ids } from './render';

const ticket: Ticket = {
  id: 15,
  number: 'A015',
  serviceId: 'ho-tich',
  serviceName: 'Tư pháp – Hộ tịch',
  serviceNames: { vi: 'Tư pháp – Hộ tịch', en: 'Civil status' },
  priority: false,
  priorityCategory: null,
  status: 'waiting',
  issuedAt: '2026-11-23T02:15:00.000Z',
  day: '2026-11-23',
  counterId: null,
  peopleAhead: 3,
  estimatedWaitMinutes: 15,
  code: 'MCK-20261123-A015',
  print: { jobId: 7, status: 'queued' },
  dossier: null,
};

const ev = (status: PrintJobEvent['status'], error = false, ref = 'ticket:15'): PrintJobEvent => ({
  jobId: 7,
  ref,
  status,
  error: error ? { code: 'printer-offline', vi: 'Máy in tắt', en: 'Printer off' } : null,
});

describe('print status on the ticket screen', () => {
  it('follows queued → sent → done', () => {
    expect(nextPrintView('queued', ev('sent'))).toBe('sent');
    expect(nextPrintView('sent', ev('done'))).toBe('done');
  });
  it('an error while retrying is a problem, and stays one until done or failed', () => {
    expect(nextPrintView('sent', ev('queued', true))).toBe('problem');
    expect(nextPrintView('problem', ev('sent'))).toBe('problem');
    expect(nextPrintView('problem', ev('done'))).toBe('done');
    expect(nextPrintView('problem', ev('failed', true))).toBe('failed');
  });
  it('done, failed and none are final', () => {
    expect(nextPrintView('done', ev('queued', true))).toBe('done');
    expect(nextPrintView('failed', ev('done'))).toBe('failed');
    expect(nextPrintView('none', ev('done'))).toBe('none');
  });
  it('folds only the events of this ticket, including ones that came before it', () => {
    expect(initialPrintView(ticket, [ev('done', false, 'ticket:14'), ev('sent')])).toBe('sent');
    expect(initialPrintView(ticket, [ev('sent'), ev('done')])).toBe('done');
    expect(initialPrintView({ ...ticket, print: { jobId: null, status: 'none' } }, [ev('done')])).toBe(
      'none',
    );
  });
});

describe('durations and times', () => {
  it('splits seconds, null stays null', () => {
    expect(splitDuration(270)).toEqual({ m: 4, s: 30 });
    expect(splitDuration(59.6)).toEqual({ m: 1, s: 0 });
    expect(splitDuration(null)).toBeNull();
    expect(splitDuration(-1)).toBeNull();
  });
  it('formats in both languages', async () => {
    const i18n = createI18n('vi');
    expect(formatDuration(i18n.t, 270)).toBe('4 phút 30 giây');
    expect(formatDuration(i18n.t, 240)).toBe('4 phút');
    expect(formatDuration(i18n.t, 9)).toBe('9 giây');
    expect(formatDuration(i18n.t, null)).toBe('—');
    await i18n.changeLanguage('en');
    expect(formatDuration(i18n.t, 270)).toBe('4 min 30 s');
  });
  it('minutes since, centre day and time in Asia/Ho_Chi_Minh', () => {
    const now = Date.parse('2026-11-23T02:20:30.000Z');
    expect(minutesSince('2026-11-23T02:15:00.000Z', now)).toBe(5);
    expect(minutesSince('2026-11-23T03:00:00.000Z', now)).toBe(0);
    expect(minutesSince('garbage', now)).toBe(0);
    expect(centreDay(new Date('2026-11-23T17:30:00.000Z'))).toBe('2026-11-24');
    expect(centreTime('2026-11-23T02:15:00.000Z')).toBe('09:15');
  });
});

describe('counter console helpers', () => {
  it('remembers a counter only while it still exists', () => {
    expect(rememberedCounter('2', [1, 2])).toBe(2);
    expect(rememberedCounter('3', [1, 2])).toBeUndefined();
    expect(rememberedCounter(null, [1])).toBeUndefined();
    expect(rememberedCounter('x', [1])).toBeUndefined();
  });
  it('maps shortcut keys, case-insensitively', () => {
    expect(shortcutAction('g')).toBe('callNext');
    expect(shortcutAction('L')).toBe('recall');
    expect(shortcutAction('x')).toBe('served');
    expect(shortcutAction('v')).toBe('noShow');
    expect(shortcutAction('c')).toBe('transfer');
    expect(shortcutAction('t')).toBe('pause');
    expect(shortcutAction('q')).toBeUndefined();
  });
  it('charts span the working day, widened to hours with data, with no holes', () => {
    const busy = {
      issued: 2,
      served: 1,
      noShow: 0,
      waitAvg: 60,
      waitP90: 90,
      serviceAvg: 30,
      serviceP90: 40,
    };
    const hours = chartHours([{ ...busy, hour: 18 }]);
    expect(hours.map((h) => h.hour)).toEqual([7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18]);
    expect(hours.at(-1)?.issued).toBe(2);
    expect(hours[0]?.issued).toBe(0);
  });
});

describe('waiting-room announcements', () => {
  it('plays calls one after another, never overlapping', async () => {
    const log: string[] = [];
    let playing = 0;
    const announcer = createAnnouncer(async (text) => {
      playing += 1;
      expect(playing).toBe(1);
      log.push(`start ${text}`);
      await new Promise((r) => setTimeout(r, 20));
      log.push(`end ${text}`);
      playing -= 1;
    });
    announcer.announce('A001');
    announcer.announce('A002');
    expect(announcer.pending()).toBe(2);
    // Bounded wait for both to finish (a loaded machine may take longer than 2 × 20 ms).
    for (let i = 0; i < 200 && announcer.pending() > 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(log).toEqual(['start A001', 'end A001', 'start A002', 'end A002']);
    expect(announcer.pending()).toBe(0);
  });
  it('a failing announcement does not stop the next', async () => {
    const said: string[] = [];
    const announcer = createAnnouncer(async (text) => {
      if (text === 'bad') throw new Error('speech failed');
      said.push(text);
    });
    announcer.announce('bad');
    announcer.announce('A003');
    for (let i = 0; i < 200 && announcer.pending() > 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(said).toEqual(['A003']);
  });
  it('speaks only with a Vietnamese voice', () => {
    expect(pickVietnameseVoice([{ lang: 'en-US' }, { lang: 'fr-FR' }])).toBeUndefined();
    expect(pickVietnameseVoice([{ lang: 'en-US' }, { lang: 'vi-VN', localService: false }])?.lang).toBe(
      'vi-VN',
    );
    expect(
      pickVietnameseVoice([
        { lang: 'vi-VN', localService: false },
        { lang: 'vi_VN', localService: true },
      ])?.lang,
    ).toBe('vi_VN');
  });
});

// ── renders ─────────────────────────────────────────────────────────────────────────────────────

const render = renderWith({ info: appInfo() });

describe('ticket screen renders', () => {
  it('number, service, people ahead, estimate and print status', () => {
    const html = render(<TicketView ticket={ticket} printEvents={[]} onDone={() => undefined} />);
    expect(ids(html)).toEqual(
      expect.arrayContaining([
        'ticket',
        'ticket-number',
        'ticket-service',
        'ticket-ahead',
        'ticket-wait',
        'ticket-print-status',
        'ticket-done',
      ]),
    );
    expect(html).not.toContain('ticket-priority');
    expect(html).toMatch(/data-testid="ticket-number">A015</);
    expect(html).toContain('Số người đang chờ trước Quý vị: 3');
    expect(html).toContain('Thời gian chờ dự kiến: khoảng 15 phút');
    expect(html).toMatch(/data-status="queued"[^>]*>.*Đang in phiếu…/);
    expect(html).toContain('>Xong<');
    expect(html.split('<h1').length - 1).toBe(1);
  });
  it('priority badge; "called at once" for 0; nothing about time when null', () => {
    const p = render(
      <TicketView
        ticket={{ ...ticket, priority: true, priorityCategory: 'elderly', estimatedWaitMinutes: 0 }}
        printEvents={[]}
        onDone={() => undefined}
      />,
    );
    expect(p).toMatch(/data-testid="ticket-priority">Ưu tiên</);
    expect(p).toContain('Quý vị sẽ được gọi ngay');
    const n = render(
      <TicketView
        ticket={{ ...ticket, estimatedWaitMinutes: null }}
        printEvents={[]}
        onDone={() => undefined}
      />,
    );
    expect(n).not.toContain('ticket-wait');
    expect(n).not.toContain('phút');
  });
  it('a printer problem asks to write the number down; no printer asks to remember it', () => {
    const p = render(
      <TicketView ticket={ticket} printEvents={[ev('queued', true)]} onDone={() => undefined} />,
    );
    expect(p).toContain('data-status="problem"');
    expect(p).toContain('Máy in đang gặp sự cố, vui lòng ghi lại số của Quý vị: A015');
    const d = render(<TicketView ticket={ticket} printEvents={[ev('done')]} onDone={() => undefined} />);
    expect(d).toContain('Mời Quý vị nhận phiếu ở khe máy in bên dưới');
    const none = render(
      <TicketView
        ticket={{ ...ticket, print: { jobId: null, status: 'none' } }}
        printEvents={[]}
        onDone={() => undefined}
      />,
    );
    expect(none).toContain('data-status="none"');
    expect(none).toContain('Vui lòng ghi nhớ số thứ tự của Quý vị');
  });
  it('in English', () => {
    const html = render(<TicketView ticket={ticket} printEvents={[]} onDone={() => undefined} />, 'en');
    expect(html).toContain('People waiting ahead of you: 3');
    expect(html).toContain('about 15 minutes');
    expect(html).toContain('Civil status');
  });
});

describe('picker and display render', () => {
  it('picker: heading, alert region, loading state', () => {
    const html = render(<ServicePicker onTicket={() => undefined} onHome={() => undefined} />);
    expect(html).toContain('Quý vị cần làm thủ tục thuộc lĩnh vực nào?');
    expect(html).toMatch(/role="alert"[^>]*data-testid="queue-error"/);
    expect(html).toContain('Đang tải danh sách lĩnh vực…');
  });
  it('display: board, latest and recent regions, centre name, no call yet', () => {
    const html = render(<WaitingDisplay />);
    expect(ids(html)).toEqual(
      expect.arrayContaining(['display-board', 'display-latest', 'display-recent', 'centre-name']),
    );
    expect(html).toContain('data-number=""');
    expect(html).toContain('Chưa có số nào được gọi');
    expect(html).toContain('UBND phường Bến Nghé');
  });
});

describe('the display after a reload (callingNow)', () => {
  const counter = (id: number, current: string | null, paused = false) => ({
    id,
    name: { vi: `Quầy ${id}`, en: `Counter ${id}` },
    paused,
    current,
  });
  const call = (number: string, counterId: number, at: string) => ({ number, counterId, at });

  it('never shows a served or no-show number as "Mời số": the counter says "Chưa gọi số"', () => {
    // Seen: 1005 served at counter 1, the display reloaded showed "MỜI SỐ 1005" above counter 1's idle.
    const board = { counters: [counter(1, null)], recentCalls: [call('1005', 1, '2026-11-23T03:00:00Z')] };
    expect(callingNow(board, null)).toBeNull();
  });

  it('shows the newest number a counter is still serving, from the board', () => {
    const board = {
      counters: [counter(1, null), counter(2, '1003')],
      recentCalls: [call('1005', 1, '2026-11-23T03:05:00Z'), call('1003', 2, '2026-11-23T03:00:00Z')],
    };
    expect(callingNow(board, null)).toMatchObject({ number: '1003', counterId: 2, fresh: false });
  });

  it('not the number of a paused counter, which reads "Tạm dừng"', () => {
    const board = {
      counters: [counter(1, '1005', true)],
      recentCalls: [call('1005', 1, '2026-11-23T03:00:00Z')],
    };
    expect(callingNow(board, null)).toBeNull();
  });

  it('a fresh call event shows before the board catches up; once faded it must agree with the board', () => {
    const live = {
      number: '1006',
      counterId: 1,
      recall: false,
      at: '2026-11-23T03:10:00Z',
      fresh: true,
      seq: 1,
    };
    const stale = { counters: [counter(1, null)], recentCalls: [call('1005', 1, '2026-11-23T03:00:00Z')] };
    expect(callingNow(stale, live)).toBe(live);
    expect(callingNow(stale, { ...live, fresh: false })).toBeNull();
    const caught = { counters: [counter(1, '1006')], recentCalls: [call('1006', 1, live.at)] };
    expect(callingNow(caught, { ...live, fresh: false, recall: true })).toMatchObject({
      number: '1006',
      recall: true,
    });
  });
});
