import type { HandlersOf } from '../handlers';
import { indicatorsCsv } from './csv';
import type { IndicatorsService } from './service';

/** The contract's `report.*` methods (staff; access is checked by createCore). Reading only: no audit row. */
export function createReportHandlers(deps: { indicators: IndicatorsService }): HandlersOf<'report.'> {
  const { indicators } = deps;
  return {
    'report.indicators': (input) => indicators.indicators(input),
    'report.indicatorsCsv': (input) => indicatorsCsv(indicators.indicators(input)),
  };
}
