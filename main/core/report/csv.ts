import type { IndicatorRow, Indicators, Share } from '../../../preload/api';
import { type CsvValue, csvDocument } from '../csv';

/** A share as a percentage with one decimal (83.3), empty when there is nothing to score. */
const percent = (s: Share): string => (s.share === null ? '' : (Math.round(s.share * 1000) / 10).toFixed(1));

const HEADER = [
  'Nhóm',
  'Mã',
  'Tên',
  'Hồ sơ tiếp nhận',
  'Tự nộp tại ki-ốt',
  'Nộp tại quầy',
  'Từ chối tiếp nhận',
  'Số hoá (hồ sơ)',
  'Số hoá (trên số hồ sơ)',
  'Tỷ lệ số hoá (%)',
  'Đúng hạn (hồ sơ)',
  'Đã xử lý xong (hồ sơ)',
  'Tỷ lệ đúng hạn (%)',
  'Thanh toán trực tuyến (hồ sơ)',
  'Đã thanh toán phí (hồ sơ)',
  'Tỷ lệ thanh toán trực tuyến (%)',
  'Hài lòng (lượt)',
  'Đánh giá (lượt)',
  'Tỷ lệ hài lòng (%)',
];

const line = (group: string, row: IndicatorRow): CsvValue[] => [
  group,
  row.key,
  row.label,
  row.received.total,
  row.received.kiosk,
  row.received.counter,
  row.received.refused,
  row.digitised.count,
  row.digitised.of,
  percent(row.digitised),
  row.onTime.count,
  row.onTime.of,
  percent(row.onTime),
  row.paidOnline.count,
  row.paidOnline.of,
  percent(row.paidOnline),
  row.satisfied.count,
  row.satisfied.of,
  percent(row.satisfied),
];

/**
 * The Quyết định 766 scores as staff open them in a spreadsheet (main/core/csv.ts: BOM, formulas
 * neutralised: a procedure's name comes from the portal's catalogue): the whole, then per field, then per
 * procedure; each share as its count, its whole and a percentage.
 */
export function indicatorsCsv(indicators: Indicators): { filename: string; csv: string } {
  const csv = csvDocument([
    HEADER,
    line('Tổng', { ...indicators.all, label: `${indicators.from} – ${indicators.to}` }),
    ...indicators.byField.map((row) => line('Lĩnh vực', row)),
    ...indicators.byProcedure.map((row) => line('Thủ tục', row)),
  ]);
  return { filename: `chi-so-766-${indicators.from}_${indicators.to}.csv`, csv };
}
