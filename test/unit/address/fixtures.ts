import { type Dataset, loadShippedDataset } from '../../../main/core/address/dataset';

const shipped = loadShippedDataset();

/**
 * A later resolution, made up for the test: Phường Ngọc Hà (00008) merged into Phường Ba Đình (00004),
 * and Phường Giảng Võ (00025) renamed, from `effective`.
 */
export function resolution(effective = '2026-03-01', changes: Partial<Dataset> = {}): Dataset {
  return {
    kind: 'vn-admin-units',
    format: 1,
    version: effective,
    effective,
    replaces: '2025-07-01',
    source: 'Nghị quyết thử nghiệm (test)',
    provinces: shipped.provinces,
    communes: shipped.communes
      .filter(([code]) => code !== '00008')
      .map(
        ([code, name, p]) =>
          [code, code === '00025' ? 'Phường Giảng Võ Mới' : name, p] as [string, string, string],
      ),
    before: {
      levels: 2,
      provinces: shipped.provinces,
      districts: [],
      communes: [['00008', 'Phường Ngọc Hà', '01', ['00004']]],
      wholeDistricts: [],
      otherNames: { districts: [], communes: [] },
    },
    ...changes,
  };
}
