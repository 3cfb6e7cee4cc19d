import type { Handlers } from '../../shared/api/contract';
import type { HoldingsOutput, HoldingsPositions } from '../../shared/api/portfolio-schemas';
import { incomeView } from '../../shared/view/income-view';
import { holdingsView } from '../../shared/view/holdings-list';
import { performanceView } from '../../shared/view/performance-view';
import { realizedGainsView } from '../../shared/view/realized-gains';
import { baseContextOf, type Snapshot } from '../../shared/view/snapshot';
import { tiltView } from '../../shared/view/tilt-view';
import type { BackendContext } from './backend-context';

type PortfolioHandlers = Pick<
  Handlers,
  'portfolio:holdings' | 'portfolio:performance' | 'portfolio:tilt' | 'portfolio:realized' | 'portfolio:income'
>;

/**
 * The holdings answers of one snapshot, by account and rows asked for, built once: at 2,000
 * positions building one takes ~100 ms (each position's return walks its records), and the
 * dashboard, the Holdings screen and Rotation ask again on every visit while nothing has changed.
 * A new snapshot (any change, a new day, other settings) is a new key, and the old one's answers
 * go with it. Callers read an answer and never change it (the transports copy it).
 */
function holdingsCache() {
  const built = new WeakMap<Snapshot, Map<string, HoldingsOutput>>();
  const answer = (snapshot: Snapshot, account: string | undefined, positions: HoldingsPositions): HoldingsOutput => {
    let answers = built.get(snapshot);
    if (!answers) built.set(snapshot, (answers = new Map()));
    // JSON: an account's name is any text, and "no account" must not meet one.
    const key = JSON.stringify([account ?? null, positions]);
    let found = answers.get(key);
    if (!found) {
      const all = positions === 'all' ? holdingsView(snapshot, account) : answer(snapshot, account, 'all');
      found = positions === 'all' ? all : { ...all, rows: positions === 'open' ? all.rows : [], closed: [] };
      answers.set(key, found);
    }
    return found;
  };
  return answer;
}

/** Holdings, performance against the benchmark and tilt: the engine's snapshot through the views in shared/view/. */
export function portfolioHandlers({ snapshots, settings, store }: BackendContext): PortfolioHandlers {
  const holdings = holdingsCache();
  return {
    'portfolio:holdings': ({ asOf, account, positions }) => holdings(snapshots.get(asOf), account, positions ?? 'all'),
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
