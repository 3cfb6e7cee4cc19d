// Everything the app shows about the portfolio, from the ledger and the quote cache, in one call:
// the store hands over rows, the UI gets positions, series and tilt.
import type { CloseSeries } from '../domain/bar';
import type { SleeveWeights } from '../domain/sleeve';
import type { Transaction } from '../domain/transaction';
import { indexOnOrBeforeDay } from './close-series';
import { dayToNumber } from './dates';
import { Decimal } from './decimal';
import { applyLedger, type AccountState, type LedgerResult, type Position, type Settlement } from './ledger';
import type { CostMethod } from './lots';
import { markPositions, ONE_TO_ONE, type Mark, type Scale } from './positions';
import { sleeveClassifier, type SleeveOverrides } from './sleeves';
import { parseSplitRatio } from './split-ratio';
import { computeTilt, type Tilt } from './tilt';
import { valuePortfolio, type ValueSeries } from './valuation';

export interface RecomputeInput {
  transactions: readonly Transaction[];
  closes: ReadonlyMap<string, CloseSeries>;
  today: string;
  accounts: Iterable<string>;
  costMethod?: CostMethod;
  /** Accounts' own cost methods (LedgerOptions.accountCostMethods). */
  accountCostMethods?: Readonly<Record<string, CostMethod>>;
  baseCurrency?: string;
  /** Base units per unit of each other currency, by day (shared/fx/rate-series.ts). */
  fx?: ReadonlyMap<string, CloseSeries>;
  /** Settles trades across currencies in their account's currency (docs/engine.md). */
  settlement?: Settlement;
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
  /** The whole ledger (what the series walks, and what a later call may reuse). */
  ledger: LedgerResult;
  /**
   * Per account, as the ledger stood at the end of the series' last day (records dated later
   * left out), marked at the last close on or before that day, on that day's share scale.
   */
  accounts: MarkedAccount[];
  series: ValueSeries;
  /** Sleeve weights on the series' last day. */
  tilt: Tilt;
}

export function recompute(input: RecomputeInput): RecomputeResult {
  const classify = sleeveClassifier(input.sleeveOverrides);
  // Read twice when valuing a past day (the whole ledger, and the ledger through that day).
  const accounts = [...input.accounts];
  const ledger =
    input.ledger ??
    applyLedger(input.transactions, {
      today: input.today,
      accounts,
      costMethod: input.costMethod,
      accountCostMethods: input.accountCostMethods,
      settlement: input.settlement,
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
  // The tilt's values are in the base currency, so its prices are too: the close × the last day's rate.
  const rateOf = (currency: string): number | undefined => {
    if (currency === series.baseCurrency) return 1;
    const rates = input.fx?.get(currency);
    const at = rates === undefined ? -1 : indexOnOrBeforeDay(rates.days, lastDay);
    return at < 0 ? undefined : rates?.closes[at];
  };
  const tilt = computeTilt({
    holdings: series.holdings.map((h) => {
      const close = closeOf(h.symbol);
      const rate = rateOf(h.currency);
      return {
        symbol: h.symbol,
        value: h.lastValue,
        price: close === undefined || rate === undefined ? undefined : close * rate,
      };
    }),
    benchmark: input.benchmarkWeights,
    target: input.targetWeights,
    sleeveOf: classify,
  });
  const through = input.to !== undefined && ledger.lastDay !== null && ledger.lastDay > input.to ? input.to : null;
  const scaleOf = through === null ? undefined : laterSplits(input.transactions, through);
  const state =
    through === null
      ? ledger
      : applyLedger(
          input.transactions.filter((t) => t.date <= through),
          {
            today: input.today,
            accounts,
            costMethod: input.costMethod,
            accountCostMethods: input.accountCostMethods,
            settlement: input.settlement,
          },
        );
  return {
    ledger,
    accounts: state.accounts.map((account) => ({
      name: account.name,
      cash: account.cash,
      positions: markPositions(account.positions, closeOf, scaleOf),
    })),
    series,
    tilt,
  };
}

/**
 * Per holding, the product of its split records dated after `day`: a position as of that day is in
 * that day's shares, the closes in today's (docs/engine.md, "Splits and split-adjusted closes").
 */
function laterSplits(transactions: readonly Transaction[], day: string): (p: Position) => Scale {
  const scales = new Map<string, Scale>();
  for (const t of transactions) {
    if (t.type !== 'split' || t.date <= day || t.symbol === null || t.quantity === null) continue;
    const key = `${t.account}\u0000${t.symbol}`;
    // The ledger has read every record already, so the ratio parses.
    const ratio = parseSplitRatio(t.quantity);
    const scale = scales.get(key) ?? ONE_TO_ONE;
    scales.set(key, {
      numerator: scale.numerator.mul(Decimal.fromInteger(ratio.numerator)),
      denominator: scale.denominator.mul(Decimal.fromInteger(ratio.denominator)),
    });
  }
  return (p) => scales.get(`${p.account}\u0000${p.symbol}`) ?? ONE_TO_ONE;
}
