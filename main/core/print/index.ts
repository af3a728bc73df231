// The printing pipeline's document and byte layer: ticket data → layout → PDF or 1-bit raster → ESC/POS
// bytes → a printer. Pure data → bytes except the transports and font loading.
export {
  type Bitmap,
  type RgbaImage,
  bitmapsEqual,
  createBitmap,
  getDot,
  setDot,
  thresholdRgba,
} from './bitmap';
export { type EscPosCommand, EscPosDecodeError, decodeEscPos, reassembleRaster } from './escpos-decode';
export {
  DEFAULT_BAND_ROWS,
  INIT,
  MAX_BAND_ROWS,
  type PrinterStatus,
  type RasterJobOptions,
  type StatusKind,
  encodeRasterJob,
  parseStatus,
  partialCut,
  rasterHeader,
  statusRequest,
} from './escpos';
export { PrinterError, type PrinterErrorCode, isPrinterError } from './errors';
export { type Flowed, type Measure, type Placed, flowLayout, wrapText } from './flow';
export { FONT_FILES, type TicketFonts, defaultFontsDir, loadFonts } from './fonts';
export {
  type Align,
  type LayoutItem,
  type PaperWidthMm,
  type TicketLayout,
  type Weight,
  mmToPt,
} from './layout';
export {
  PARK_SLIP_JOB_KIND,
  type ParkSlipData,
  type ParkSlipJobPayload,
  type ParkSlipLayoutOptions,
  createParkSlips,
  formatDay,
  layoutParkSlip,
  parkSlipData,
} from './park-slip';
export {
  PRINT_JOB_PAYLOADS,
  type PrintJobKind,
  type PrintJobPayload,
  checkJobPayload,
  isPrintJobKind,
  parkSlipJobPayload,
  ticketJobPayload,
} from './payloads';
export { type TicketPdfOptions, renderTicketPdf } from './pdf';
export {
  type PrintTransports,
  type TicketJobPayload,
  createDeliver,
  defaultTransports,
  printTo,
  ticketData,
} from './printers';
export { type QrMatrix, qrMatrix } from './qr';
export {
  type RasterDots,
  type RasterOptions,
  type RgbaRender,
  renderTicketRaster,
  renderTicketRgba,
} from './raster';
export {
  RECEIPT_JOB_KIND,
  type ReceiptFormat,
  type ReceiptJobPayload,
  type Receipts,
  type ReceiptsOptions,
  createReceipts,
  receiptJobPayload,
} from './receipt';
export { type ReceiptData } from './receipt-data';
export { type ReceiptPdfOptions, receiptPdf } from './receipt-pdf';
export { sampleReceipt } from './receipt-sample';
export {
  type ReceiptThermalOptions,
  layoutReceiptThermal,
  paperFor,
  receiptThermal,
  receiptThermalPdf,
} from './receipt-thermal';
export { type ReceiptFacts, receiptFacts } from './receipt-text';
export {
  DEFAULT_TIME_ZONE,
  type TicketData,
  type TicketLanguage,
  type TicketLayoutOptions,
  formatIssuedAt,
  layoutTicket,
  waitLine,
} from './ticket';
export * from './transports';
