import type { Handlers } from '../../shared/api/contract';
import { ApiError } from '../../shared/api/errors';
import { SLEEVES, type Sleeve } from '../../shared/domain/sleeve';
import { sleeveIndexSymbol } from '../../shared/domain/sleeve-index';
import { attribution, AttributionError, blendedReturn, type AttributionInput } from '../../shared/engine/attribution';
import { addDays } from '../../shared/engine/dates';
import { riskFigures } from '../../shared/engine/risk';
import { attributionView } from '../../shared/view/attribution-view';
import { riskView } from '../../shared/view/risk-view';
import type { BackendContext } from './backend-context';

/** Days before `to` a window covers when no `from` is given: about three months. */
const DEFAULT_WINDOW_DAYS = 91;

/** `portfolio:attribution`: whether the tilt paid over a window, sleeve by sleeve. */
export function attributionHandlers({ snapshots, settings }: BackendContext): Pick<Handlers, 'portfolio:attribution'> {
  return {
    'portfolio:attribution': ({ from, to }) => {
      const current = settings.get();
      const symbolOf = (sleeve: Sleeve) => sleeveIndexSymbol(current.sleeveIndexes, sleeve, current.benchmarkSymbol);
      const indexes = {} as AttributionInput['indexes'];
      for (const sleeve of SLEEVES) {
        const symbol = symbolOf(sleeve);
        const bars = snapshots.history(symbol);
        if (bars.length === 0)
          throw new ApiError(
            'not_found',
            `There are no cached prices for ${symbol}, the reference index of a sleeve: import or refresh its quotes, or choose another index in Settings.`,
          );
        indexes[sleeve] = { symbol, bars };
      }
      // After the indexes: a refusal for want of one's prices comes without building the snapshot.
      // The whole history's valuation (cached across windows); the window is cut from it.
      const { series } = snapshots.get().result;
      const last = series.days[series.days.length - 1];
      if (last === undefined) throw new ApiError('not_found', 'The portfolio has no history yet.');
      const end = to ?? last;
      const start = from ?? addDays(end, -DEFAULT_WINDOW_DAYS);
      try {
        const result = attribution({
          days: series.days,
          sleeves: series.sleeves,
          indexes,
          benchmarkWeights: current.benchmarkWeights,
          from: start,
          to: end,
        });
        const target = current.targetWeights;
        const risk = riskFigures(result.daily.portfolio, result.daily.benchmark, current.riskFreeRate);
        return {
          ...attributionView(result, symbolOf),
          target_blend_pct:
            target === null ? null : blendedReturn(series.days, indexes, target, result.from, result.to) * 100,
          risk: risk === null ? null : riskView(risk, current.riskFreeRate),
        };
      } catch (error) {
        if (error instanceof AttributionError) throw new ApiError('invalid_input', error.message);
        throw error;
      }
    },
  };
}
