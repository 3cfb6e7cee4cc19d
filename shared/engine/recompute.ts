// Everything the app shows about the portfolio, from the ledger and the quote cache, in one call:
// the store hands over rows, the UI gets positions, series and tilt.
import type { CloseSeries } from '../domain/bar';
import type { SleeveWeights } from '../domain/sleeve';
import type { Transaction } from '../domain/transaction';
import { indexOnOrBeforeDay } from './close-series';
import { dayToNumber } from './dates';
import { applyLedger, type AccountState, type LedgerResult, type Position } from './ledger';
import type { CostMethod } from './lots';
import { markPositions, type Mark } from './positions';
import { sleeveClassifier, type SleeveOverrides } from './sleeves';
import { computeTilt, type Tilt } from './tilt';
import { valuePortfolio, type ValueSeries } from './valuation';

export interface RecomputeInput {
  transactions: readonly Transaction[];
  closes: ReadonlyMap<string, CloseSeries>;
  today: string;
  accounts: Iterable<string>;
  costMethod?: CostMethod;
  baseCurrency?: string;
  fx?: ReadonlyMap<string, CloseSeries>;
  sleeveOverrides?: SleeveOverrides;
  /** Last day of the value series (default: the last close or transaction). */
  to?: string;
  benchmarkWeights?: SleeveWeights;
  targetWeights?: SleeveWeights;
  /**
   * The ledger of an earlier call with the same transactions, today, accounts and cost method:
   * new quotes or settings change the valuation, not the ledger, so its replay can be skipped.
   */
  ledger?: LedgerResult;
}

export interface MarkedAccount extends Omit<AccountState, 'positions'> {
  positions: (Position & Mark)[];
}

export interface RecomputeResult {
  ledger: LedgerResult;
  /** Per account, marked at the last close on or before the series' last day. */
  accounts: MarkedAccount[];
  series: ValueSeries;
  /** Sleeve weights on the series' last day. */
  tilt: Tilt;
}

export function recompute(input: RecomputeInput): RecomputeResult {
  const classify = sleeveClassifier(input.sleeveOverrides);
  const ledger =
    input.ledger ??
    applyLedger(input.transactions, {
      today: input.today,
      accounts: input.accounts,
      costMethod: input.costMethod,
    });
  const series = valuePortfolio(ledger, {
    closes: input.closes,
    baseCurrency: input.baseCurrency,
    fx: input.fx,
    to: input.to,
    sleeveOf: classify,
  });
  const lastDay = dayToNumber(series.days[series.days.length - 1] ?? input.today);
  const closeOf = (symbol: string): number | undefined => {
    const closes = input.closes.get(symbol);
    const at = closes === undefined ? -1 : indexOnOrBeforeDay(closes.days, lastDay);
    return at < 0 ? undefined : closes?.closes[at];
  };
  const tilt = computeTilt({
    holdings: series.holdings.map((h) => ({
      symbol: h.symbol,
      value: h.lastValue,
      price: closeOf(h.symbol),
    })),
    benchmark: input.benchmarkWeights,
    target: input.targetWeights,
    sleeveOf: classify,
  });
  return {
    ledger,
    accounts: ledger.accounts.map((account) => ({
      name: account.name,
      cash: account.cash,
      positions: markPositions(account.positions, closeOf),
    })),
    series,
    tilt,
  };
}
