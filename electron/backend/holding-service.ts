import type { Handlers } from '../../shared/api/contract';
import { holdingView } from '../../shared/view/holding-view';
import type { BackendContext } from './backend-context';

/** One holding's page, from the same snapshot as the holdings list. */
export function holdingHandlers({ snapshots, settings, store }: BackendContext): Pick<Handlers, 'portfolio:holding'> {
  return {
    'portfolio:holding': ({ symbol, account }) => {
      const { costMethod: appMethod, benchmarkSymbol, sleeveIndexes } = settings.get();
      // One account's page says that account's own method when it chose one.
      const chosen = account === undefined ? null : store.accounts.list().find((a) => a.name === account)?.costMethod;
      const costMethod = chosen ?? appMethod;
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
