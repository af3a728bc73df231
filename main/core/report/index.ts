/** The Quyết định 766/QĐ-TTg scores for the centre; see README.md in this folder. */
export { createIndicators, reportErrors, type IndicatorsService } from './service';
export { createReportHandlers } from './handlers';
export { indicatorsCsv } from './csv';
export {
  computeIndicators,
  finishing,
  isDigitised,
  paidOnline,
  satisfied,
  startOfDay,
  type DossierFact,
  type EventFact,
  type Finishing,
  type IndicatorRange,
  type PaperFact,
  type RatingFact,
} from './indicators';
