import type { HandlersOf } from '../handlers';
import { indicatorsCsv } from './csv';
import type { IndicatorsService } from './service';

/** The contract's `report.*` methods (staff; access is checked by createCore). Reading only: no audit row. */
export function createReportHandlers(deps: { indicators: IndicatorsService }): HandlersOf<'report.'> {
  const { indicators } = deps;
  return {
    'report.indicators': (input) => indicators.indicators(input),
    // The figures just shown when the same range was computed in the last minute: a second computation
    // (about 350 ms on a month) would only give the same, or figures differing from the screen's.
    'report.indicatorsCsv': (input) =>
      indicatorsCsv(indicators.recent(input) ?? indicators.indicators(input)),
  };
}
