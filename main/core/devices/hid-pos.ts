/**
 * HID POS scanner input reports (HID POS Usage Tables 1.02; DOMAIN.md "Barcode scanners over USB HID").
 *
 * The common vendor layout, 64 bytes:
 *
 *   with length byte:     [0] 0x02  [1] length ≤ 56  [2..4] AIM id "]Q1"  [5..60] data  [61..62] vendor  [63] flags
 *   without length byte:  [0] 0x02  [1..3] AIM id    [4..59] data, NUL-padded          [60..62] vendor  [63] flags
 *
 * Bit 0 of the last byte says another report of the same scan follows. The two variants are told apart
 * by where the `]` of the AIM id sits: a length byte is at most 56, never 0x5D (`]`). Data is UTF-8 and
 * is decoded once the whole scan is in, so a character split across two reports survives.
 */

export const HID_POS_REPORT_ID = 0x02;
const AIM_START = 0x5d; // ']'
const MAX_DATA = 56;
/** A scan that keeps saying "more follows" past this is a stuck device, not a barcode. */
export const MAX_SCAN_BYTES_IN = 16 * 1024;

export interface DecodedScan {
  /** The AIM symbology identifier, e.g. `]Q1` (QR), `]C0` (Code 128), `]d1` (Data Matrix). */
  symbology: string;
  text: string;
}

interface ReportParts {
  symbology: string;
  data: Uint8Array;
  more: boolean;
}

const ascii = (bytes: Uint8Array) => String.fromCharCode(...bytes);

/** One report's parts, or null for a report that is not a HID POS scan report (other ids, junk). */
export function readHidPosReport(report: Uint8Array): ReportParts | null {
  if (report.length < 8 || report[0] !== HID_POS_REPORT_ID) return null;
  const more = ((report[report.length - 1] ?? 0) & 0x01) === 1;
  if (report[1] === AIM_START) {
    // No length byte: the data runs to the vendor bytes; trailing NULs are padding.
    let end = Math.min(4 + MAX_DATA, report.length - 4);
    while (end > 4 && report[end - 1] === 0) end--;
    return { symbology: ascii(report.subarray(1, 4)), data: report.subarray(4, Math.max(4, end)), more };
  }
  if (report[2] === AIM_START) {
    const length = Math.min(report[1] ?? 0, MAX_DATA, Math.max(0, report.length - 6));
    return { symbology: ascii(report.subarray(2, 5)), data: report.subarray(5, 5 + length), more };
  }
  return null;
}

const utf8 = new TextDecoder('utf-8');

function finish(symbology: string, chunks: Uint8Array[]): DecodedScan | null {
  const size = chunks.reduce((n, c) => n + c.length, 0);
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  // Invalid UTF-8 becomes U+FFFD, which identity.parseScan then refuses with a clear message.
  const text = utf8.decode(bytes).replace(/[\r\n]+$/, '');
  return text === '' ? null : { symbology, text };
}

/** A decoder for a live device: push reports as they arrive, get whole scans back. */
export function createHidPosDecoder() {
  let chunks: Uint8Array[] = [];
  let symbology = '';
  let size = 0;
  // After abandon(): the reports still to come belong to a scan whose start was dropped.
  let skipping = false;
  const reset = () => {
    chunks = [];
    symbology = '';
    size = 0;
  };
  return {
    push(report: Uint8Array): DecodedScan[] {
      const parts = readHidPosReport(report);
      if (!parts) return [];
      if (skipping) {
        skipping = parts.more;
        return [];
      }
      if (chunks.length === 0) symbology = parts.symbology;
      chunks.push(Uint8Array.from(parts.data));
      size += parts.data.length;
      if (size > MAX_SCAN_BYTES_IN) {
        reset();
        return [];
      }
      if (parts.more) return [];
      const scan = finish(symbology, chunks);
      reset();
      return scan ? [scan] : [];
    },
    /** Forgets everything: a device (re)opened starts clean. */
    reset() {
      reset();
      skipping = false;
    },
    /**
     * Drops a scan left half-read (the device went quiet mid-scan) and the rest of it, should it still
     * come: a tail without its head must never be emitted as a scan of its own.
     */
    abandon() {
      if (chunks.length > 0) skipping = true;
      reset();
    },
    get pending(): boolean {
      return chunks.length > 0;
    },
  };
}

/**
 * Decodes a list of HID POS reports into the scans they carry, in order. Reports that are not scan
 * reports are skipped; a scan whose last report still says "more follows" is incomplete and dropped.
 */
export function decodeHidPos(reports: Uint8Array[]): DecodedScan[] {
  const decoder = createHidPosDecoder();
  return reports.flatMap((r) => decoder.push(r));
}
