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
  type FormApplicant,
  type FormProcedure,
  type FormUnit,
  type RefusalData,
  type SupplementData,
  type TrackedDossier,
  type TrackedStatus,
  type TrackingData,
  FormUnitSchema,
  RefusalDataSchema,
  SupplementDataSchema,
} from './forms/data';
export { type FormDataOf, type Forms, type FormsOptions, createForms, formPdf } from './forms';
export { type FormPdfOptions } from './forms/header';
export { supplementPdf } from './forms/supplement';
export { refusalPdf } from './forms/refusal';
export { controlPdf } from './forms/control';
export { bookPdf } from './forms/book';
export { bookCsv, controlCsv } from './forms/exports';
export {
  FORM_WORDS,
  type FormWords,
  type FormWordsOverride,
  FormWordsError,
  FormWordsOverrideSchema,
  PAPERWORK_FILE,
  fill,
  loadFormWords,
  mergeFormWords,
  placeholders,
} from './forms/words';
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
  DEFAULT_RECEIVING_UNIT,
  FORM_JOB_KIND,
  type FormJobPayload,
  FormJobPayloadSchema,
  type FormName,
  PRINT_JOB_PAYLOADS,
  type PrintJobKind,
  type PrintJobPayload,
  checkJobPayload,
  formJobPayload,
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
