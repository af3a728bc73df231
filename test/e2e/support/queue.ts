import { expect, type Page } from '@playwright/test';
import type { Alert, Ticket } from '../../../preload/api';
import { api } from './contract';

export const ADMIN_PIN = '135790';

/** Open all day, so the specs pass at any hour in the centre's time zone. */
const allDay = { open: '00:00', close: '23:59' };

export const HO_TICH = { vi: 'Tư pháp – Hộ tịch', en: 'Civil status' };
export const DAT_DAI = { vi: 'Đất đai – Xây dựng', en: 'Land and construction' };

export type PrinterConfig =
  | { id: string; kind: 'escpos-tcp'; host: string; port: number; dots?: number }
  | { id: string; kind: 'system'; queue: string };

/**
 * A small centre with two services and two counters; `prefix` keeps the numbers of parallel specs apart
 * (they share the cups-pdf output folder).
 */
export function queueConfig(options: { printer?: PrinterConfig; prefix?: string } = {}) {
  const prefix = options.prefix ?? 'A';
  return {
    centre: { name: 'UBND phường Bến Nghé', unitCode: '000.00.12.H29', address: '29 Lê Duẩn, Quận 1' },
    services: [
      { id: 'ho-tich', name: HO_TICH, prefix, hours: allDay },
      { id: 'dat-dai', name: DAT_DAI, prefix: prefix === 'B' ? 'C' : 'B', hours: allDay },
    ],
    counters: [
      { id: 1, services: ['ho-tich', 'dat-dai'] },
      { id: 2, services: ['dat-dai'] },
    ],
    printers: options.printer ? [options.printer] : [],
    ...(options.printer ? { ticketPrinter: options.printer.id } : {}),
  };
}

export { api };

export async function staffToken(baseUrl: string): Promise<string> {
  const session = await api<{ token: string }>(baseUrl, 'staff.signIn', { user: 'admin', pin: ADMIN_PIN });
  return session.token;
}

export const issueTicket = (baseUrl: string, serviceId = 'ho-tich') =>
  api<Ticket>(baseUrl, 'queue.issueTicket', { serviceId });

export const alerts = (baseUrl: string, token: string) => api<Alert[]>(baseUrl, 'staff.alerts', {}, token);

/** Staff alerts over the bridge, polled (bounded) until `accept` holds. */
export async function waitForAlerts(
  baseUrl: string,
  token: string,
  accept: (alerts: Alert[]) => boolean,
  timeoutMs = 15_000,
): Promise<Alert[]> {
  const deadline = Date.now() + timeoutMs;
  let last: Alert[] = [];
  while (Date.now() < deadline) {
    last = await alerts(baseUrl, token);
    if (accept(last)) return last;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no matching staff alert within ${timeoutMs} ms: ${JSON.stringify(last)}`);
}

/** Signs in at /staff as the seeded admin and opens the console on a counter. */
export async function openCounter(page: Page, baseUrl: string, counterId: number): Promise<void> {
  await page.goto(`${baseUrl}/staff`);
  await page.getByTestId('staff-user').fill('admin');
  await page.getByTestId('staff-pin').fill(ADMIN_PIN);
  await page.getByTestId('staff-submit').click();
  await expect(page.getByTestId('staff-console')).toBeVisible();
  await page.getByTestId('counter-select').selectOption(String(counterId));
}

/** On the kiosk: the queue tile, then a service; returns once the ticket screen shows a number. */
export async function takeTicket(page: Page, baseUrl: string, serviceId = 'ho-tich'): Promise<string> {
  await page.goto(`${baseUrl}/`);
  await page.getByTestId('tile-queue').click();
  await expect(page.getByTestId('queue-services')).toBeVisible();
  await page.getByTestId(`service-${serviceId}`).click();
  await expect(page.getByTestId('ticket')).toBeVisible();
  const number = (await page.getByTestId('ticket-number').innerText()).replace(/\s+/g, '');
  expect(number).toMatch(/^[A-Z]{1,2}\d{3,4}$/);
  return number;
}
