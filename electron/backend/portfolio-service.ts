import type { Handlers } from '../../shared/api/contract';
import { incomeView } from '../../shared/view/income-view';
import { holdingsView } from '../../shared/view/holdings-list';
import { performanceView } from '../../shared/view/performance-view';
import { realizedGainsView } from '../../shared/view/realized-gains';
import { baseContextOf } from '../../shared/view/snapshot';
import { tiltView } from '../../shared/view/tilt-view';
import type { BackendContext } from './backend-context';

type PortfolioHandlers = Pick<
  Handlers,
  'portfolio:holdings' | 'portfolio:performance' | 'portfolio:tilt' | 'portfolio:realized' | 'portfolio:income'
>;

/** Holdings, performance against the benchmark and tilt: the engine's snapshot through the views in shared/view/. */
export function portfolioHandlers({ snapshots, settings, store }: BackendContext): PortfolioHandlers {
  return {
    'portfolio:holdings': ({ asOf, account }) => holdingsView(snapshots.get(asOf), account),
    'portfolio:performance': (input) => {
      const snapshot = snapshots.get(input.to);
      const { benchmarkSymbol, benchmarkBasis } = settings.get();
      const symbol = input.benchmark ?? benchmarkSymbol;
      const benchmark = snapshots.benchmark(symbol, benchmarkBasis, input.to);
      return performanceView(snapshot, input, benchmark.bars.length > 0 ? { symbol, ...benchmark } : null);
    },
    'portfolio:income': (input) => incomeView(snapshots.get(), store.transactions.income(), input),
    'portfolio:tilt': () => tiltView(snapshots.get(), settings.get()),
    'portfolio:realized': (input) => {
      const snapshot = snapshots.get();
      const { ledger, accounts } = snapshot.result;
      return realizedGainsView(
        ledger.sales,
        accounts.map((a) => a.name),
        baseContextOf(snapshot),
        input,
      );
    },
  };
}
