import type Database from 'better-sqlite3';
import type { Report, Stats } from '../../../preload/api';
import type { KioskConfig } from '../config/schema';
import { type CsvValue, csvDocument } from '../csv';
import { percentile } from './estimate';
import { counterName } from './service';
import { localParts } from '../time';

interface Row {
  serviceId: string;
  status: string;
  counterId: number | null;
  issuedAt: string;
  firstCalledAt: string | null;
  calledAt: string | null;
  finishedAt: string | null;
}

const seconds = (from: string | null, to: string | null): number | null =>
  from && to ? Math.max(0, (Date.parse(to) - Date.parse(from)) / 1000) : null;

const round = (n: number | null): number | null => (n === null ? null : Math.round(n));

function stats(rows: readonly Row[]): Stats {
  const waits = rows.map((r) => seconds(r.issuedAt, r.firstCalledAt)).filter((s): s is number => s !== null);
  const services = rows
    .filter((r) => r.status === 'served')
    .map((r) => seconds(r.calledAt, r.finishedAt))
    .filter((s): s is number => s !== null);
  const avg = (xs: number[]) => (xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length);
  return {
    issued: rows.length,
    served: rows.filter((r) => r.status === 'served').length,
    noShow: rows.filter((r) => r.status === 'no_show').length,
    waitAvg: round(avg(waits)),
    waitP90: round(percentile(waits, 90)),
    serviceAvg: round(avg(services)),
    serviceP90: round(percentile(services, 90)),
  };
}

/** The day report for staff: per service, per counter and per hour of issue (centre time zone). */
export function dayReport(db: Database.Database, config: KioskConfig, day: string): Report {
  const rows = db
    .prepare(
      `SELECT service_id AS serviceId, status, counter_id AS counterId, issued_at AS issuedAt,
         first_called_at AS firstCalledAt, called_at AS calledAt, finished_at AS finishedAt
       FROM tickets WHERE day = ?`,
    )
    .all(day) as Row[];
  const hours = new Map<number, Row[]>();
  for (const r of rows) {
    const hour = localParts(new Date(r.issuedAt), config.timeZone).hour;
    hours.set(hour, [...(hours.get(hour) ?? []), r]);
  }
  return {
    day,
    totals: stats(rows),
    services: config.services.map((s) => ({
      serviceId: s.id,
      names: s.name,
      ...stats(rows.filter((r) => r.serviceId === s.id)),
    })),
    counters: config.counters.map((c) => ({
      counterId: c.id,
      name: counterName(c),
      ...stats(rows.filter((r) => r.counterId === c.id)),
    })),
    hours: [...hours.entries()]
      .sort(([a], [b]) => a - b)
      .map(([hour, hourRows]) => ({ hour, ...stats(hourRows) })),
  };
}

/**
 * The column titles, in Vietnamese as staff read them (the 766 and Mẫu 06/07 CSVs are too); written without
 * their marks ("da cap", "vang mat") they were hard to read and are not how any form spells them.
 */
const REPORT_CSV_HEADER = [
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
] as const;

/** CSV with a BOM (main/core/csv.ts) so Excel opens Vietnamese text as UTF-8. Times are in seconds. */
export function reportCsv(report: Report): string {
  const line = (group: string, id: string | number, name: string, s: Stats): CsvValue[] => [
    group,
    id,
    name,
    s.issued,
    s.served,
    s.noShow,
    s.waitAvg,
    s.waitP90,
    s.serviceAvg,
    s.serviceP90,
  ];
  return csvDocument([
    REPORT_CSV_HEADER,
    line('Tổng', report.day, '', report.totals),
    ...report.services.map((s) => line('Lĩnh vực', s.serviceId, s.names.vi, s)),
    ...report.counters.map((c) => line('Quầy', c.counterId, c.name.vi, c)),
    ...report.hours.map((h) => line('Giờ', `${String(h.hour).padStart(2, '0')}:00`, '', h)),
  ]);
}
