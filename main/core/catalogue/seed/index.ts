import type { Procedure } from '../../../../preload/api';
import { chungThuc } from './chung-thuc';
import { cuTru } from './cu-tru';
import { hoTichPart1 } from './ho-tich';
import { hoTichPart2 } from './ho-tich-khai-tu';
import { hoTichPart3 } from './ho-tich-xac-nhan';
import { kinhDoanh } from './kinh-doanh';
import { lienThong } from './lien-thong';
import { lyLich } from './ly-lich-tu-phap';

/**
 * The catalogue the kiosk serves until the portal's replaces it: common commune-level procedures after
 * the 1 July 2025 two-level local government reform, in the order the home screen lists them.
 * Each file cites its sources; provincial variations (fees set by HĐND) are said in `fee.text`.
 */
export const SEED_PROCEDURES: readonly Procedure[] = [
  ...hoTichPart1,
  ...hoTichPart2,
  ...hoTichPart3,
  ...lienThong,
  ...chungThuc,
  ...kinhDoanh,
  ...lyLich,
  ...cuTru,
];
