import QRCode from 'qrcode';

/** The QR specification asks for 4 light modules around the symbol; layouts reserve them. */
export const QR_QUIET_MODULES = 4;

export interface QrMatrix {
  /** Modules per side, without the quiet zone. */
  size: number;
  /** Row-major, 1 = dark. */
  dark: Uint8Array;
}

/** Level M (15 % recovery): a crumpled or half-faded ticket still scans, and short codes stay small. */
export function qrMatrix(data: string): QrMatrix {
  const code = QRCode.create(data, { errorCorrectionLevel: 'M' });
  return { size: code.modules.size, dark: Uint8Array.from(code.modules.data, (v) => (v ? 1 : 0)) };
}

export interface QrRun {
  row: number;
  col: number;
  length: number;
}

/**
 * Horizontal runs of dark modules. Drawing a run as one rectangle instead of abutting squares keeps PDF
 * viewers from painting hairline seams between modules, and the file smaller.
 */
export function qrRuns(matrix: QrMatrix): QrRun[] {
  const runs: QrRun[] = [];
  const n = matrix.size;
  for (let row = 0; row < n; row++) {
    let col = 0;
    while (col < n) {
      if (matrix.dark[row * n + col] !== 1) {
        col++;
        continue;
      }
      const start = col;
      while (col < n && matrix.dark[row * n + col] === 1) col++;
      runs.push({ row, col: start, length: col - start });
    }
  }
  return runs;
}
