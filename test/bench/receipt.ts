import { loadavg } from 'node:os';
import {
  type ReceiptData,
  loadFonts,
  receiptPdf,
  receiptThermal,
  sampleReceipt,
} from '../../main/core/print';
import { median, ms, percentile } from './stats';

const RUNS = 30;
const LONG_RUNS = 10;
const WARMUP = 5;

/** A VietQR-shaped payload of typical length (the bench measures drawing it, not its checksum). */
const VIETQR =
  '00020101021238570010A000000727012700069704220113VQRQ000000000102' +
  '08QRIBFTTA53037045406500005802VN62330829000.00.12.H29-K01-261123-00076304B0D1';

/**
 * Wall time per run, and this process's CPU time per run: on a busy machine the wall time includes
 * waiting for a core, the CPU time says what the work itself costs.
 */
async function timeRuns(
  runs: number,
  fn: () => Promise<unknown> | unknown,
): Promise<{ wall: number[]; cpu: number[] }> {
  for (let i = 0; i < WARMUP; i++) await fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const cpu0 = process.cpuUsage();
    const start = performance.now();
    await fn();
    wall.push(performance.now() - start);
    const used = process.cpuUsage(cpu0);
    cpu.push((used.user + used.system) / 1000);
  }
  return { wall, cpu };
}

/**
 * Dossier receipt generation, warm (fonts read, code loaded; each run is a whole new document, as at
 * the kiosk): (a) the A4 Mẫu 01 PDF of a typical receipt (3 papers, unpaid fee with its VietQR, two QR
 * codes), median and p95 over 30 runs, and its size; goal ≤ 60 ms and ≤ 80 KB. (b) The same with 40
 * papers (two pages). (c) The 80 mm thermal version, raster + ESC/POS at 576 dots. Also the machine's
 * load average, since other work on it inflates wall times.
 */
export async function benchReceipt(): Promise<Record<string, number | string>> {
  const fonts = loadFonts();
  const typical: ReceiptData = sampleReceipt({
    dueEstimated: true,
    fee: { amount: 50_000, text: '50.000 đồng/hồ sơ' },
    payment: { payload: VIETQR, paid: false },
  });
  const long: ReceiptData = sampleReceipt({
    documents: Array.from({ length: 40 }, (_, i) => ({
      name: `Giấy tờ kèm theo số ${i + 1} của hồ sơ`,
      form: 'copy' as const,
      copies: 1,
      files: 1,
      pages: 2,
    })),
  });

  let bytes = 0;
  const pdf = await timeRuns(RUNS, async () => {
    bytes = (await receiptPdf(typical, { fonts })).length;
  });
  let longBytes = 0;
  const longPdf = await timeRuns(LONG_RUNS, async () => {
    longBytes = (await receiptPdf(long, { fonts })).length;
  });
  let thermalBytes = 0;
  const thermal = await timeRuns(LONG_RUNS, () => {
    thermalBytes = receiptThermal(typical, { dots: 576, fonts }).length;
  });

  return {
    'receipt.pdf.runs': RUNS,
    'receipt.pdf.ms': ms(median(pdf.wall)),
    'receipt.pdf.p95.ms': ms(percentile(pdf.wall, 95)),
    'receipt.pdf.cpu.ms': ms(median(pdf.cpu)),
    'receipt.pdf.kb': Math.round(bytes / 102.4) / 10,
    'receipt.pdf.goal': '≤ 60 ms, ≤ 80 KB',
    'receipt.pdf.40docs.ms': ms(median(longPdf.wall)),
    'receipt.pdf.40docs.kb': Math.round(longBytes / 102.4) / 10,
    'receipt.thermal.576.ms': ms(median(thermal.wall)),
    'receipt.thermal.576.bytes': thermalBytes,
    'receipt.loadavg.1min': Math.round(loadavg()[0]! * 100) / 100,
  };
}
