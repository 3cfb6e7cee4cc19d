import type { Bar } from '../../domain/bar';
import type { FxRate } from '../../domain/fx-rate';
import { fxTable, fxRateLookup } from '../../fx/rate-lookup';
import { baseRateSeriesMap } from '../../fx/rate-series';
import { tradeRatesOf } from '../base-values';
import type { Sleeve, SleeveWeights } from '../../domain/sleeve';
import type { Transaction } from '../../domain/transaction';
import { closeSeries } from '../../engine/close-series';
import { recompute } from '../../engine/recompute';
import { sleeveClassifier } from '../../engine/sleeves';
import { tx } from '../../engine/test-fixtures/transactions';
import type { Snapshot } from '../snapshot';

export interface SnapshotFixture {
  transactions: Transaction[];
  accounts: string[];
  bars?: Record<string, Bar[]>;
  to?: string;
  today?: string;
  sleeves?: Record<string, Sleeve>;
  names?: Record<string, string>;
  targetWeights?: SleeveWeights;
  baseCurrency?: string;
  fxRates?: FxRate[];
  /** Accounts' currencies: a trade in another currency settles in its account's (none given: in its own). */
  accountCurrencies?: Record<string, string>;
}

/** What the backend's snapshot holds, built from records and closes by the engine itself. */
export function snapshotOf(fixture: SnapshotFixture): Snapshot {
  const closes = new Map(Object.entries(fixture.bars ?? {}).map(([symbol, bars]) => [symbol, closeSeries(bars)]));
  const overrides = new Map(Object.entries(fixture.sleeves ?? {}));
  const base = fixture.baseCurrency ?? 'USD';
  const fx = fxTable(fixture.fxRates ?? []);
  const fxSeries = baseRateSeriesMap(fx, new Set(fixture.transactions.map((t) => t.currency)), base);
  const accountCurrency = new Map(Object.entries(fixture.accountCurrencies ?? {}));
  const result = recompute({
    baseCurrency: base,
    fx: fxSeries,
    settlement: { accountCurrency, rate: fxRateLookup(fx) },
    transactions: fixture.transactions,
    closes,
    today: fixture.today ?? '2024-06-28',
    accounts: fixture.accounts,
    sleeveOverrides: overrides,
    to: fixture.to,
    targetWeights: fixture.targetWeights,
  });
  return {
    result,
    closes,
    sleeveOf: sleeveClassifier(overrides),
    names: new Map(Object.entries(fixture.names ?? {})),
    asOf: result.series.days.at(-1) ?? null,
    fx,
    fxSeries,
    transactions: fixture.transactions,
    tradeRates: tradeRatesOf(fixture.transactions, accountCurrency),
  };
}

/** A record in the account "Euro", in euros. */
export function euro(fields: Parameters<typeof tx>[0]): Transaction {
  return tx({ account: 'Euro', currency: 'EUR', ...fields });
}
