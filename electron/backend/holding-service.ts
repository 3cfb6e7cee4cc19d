import type { Handlers } from '../../shared/api/contract';
import { holdingView } from '../../shared/view/holding-view';
import type { BackendContext } from './backend-context';

/** One holding's page, from the same snapshot as the holdings list. */
export function holdingHandlers({ snapshots, settings }: BackendContext): Pick<Handlers, 'portfolio:holding'> {
  return {
    'portfolio:holding': ({ symbol, account }) => {
      const { costMethod, benchmarkSymbol, sleeveIndexes } = settings.get();
      return holdingView(snapshots.get(), {
        symbol,
        account,
        costMethod,
        benchmark: benchmarkSymbol,
        sleeveIndexes,
        history: (s) => snapshots.history(s),
      });
    },
  };
}
