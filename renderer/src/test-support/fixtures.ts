import type { HoldingsOutput, TiltOutput } from '../../../shared/api/portfolio-schemas';
import type { AppSettings } from '../../../shared/api/settings-schemas';
import { SLEEVES } from '../../../shared/domain/sleeve';
import { sleeveGroups, type HoldingBaseField, type HoldingRow } from '../../../shared/view/holdings-view';

export function holding(symbol: string, over: Partial<HoldingRow> = {}): HoldingRow {
  const own: Omit<HoldingRow, HoldingBaseField> = {
    account: 'Brokerage',
    symbol,
    name: null,
    sleeve: 'other',
    currency: 'USD',
    quantity: '10',
    costBasis: '1000',
    marketValue: '1200',
    unrealizedPl: '200',
    realizedPl: '0',
    dividends: '0',
    price: 120,
    priceDate: '2024-05-01',
    stale: false,
    weightPct: 10,
    dayChange: 5,
    dayChangePct: 0.42,
    atCost: false,
    note: null,
    returnPct: null,
    returnBasePct: null,
    ...over,
  };
  // In the base currency (USD here): the own figures at rate 1, or none without a rate.
  const same = own.currency === 'USD';
  return {
    fxRate: same ? '1' : null,
    fxRateDay: same ? own.priceDate : null,
    marketValueBase: same ? own.marketValue : null,
    costBasisBase: same ? own.costBasis : null,
    unrealizedPlBase: same ? own.unrealizedPl : null,
    priceEffectBase: same ? own.unrealizedPl : null,
    currencyEffectBase: same ? '0' : null,
    realizedPlBase: same ? own.realizedPl : null,
    dividendsBase: same ? own.dividends : null,
    fxNote: same ? null : `no ${own.currency}→USD rate on or before ${own.priceDate ?? ''}`,
    ...own,
  };
}

export function holdingsOutput(rows: HoldingRow[]): HoldingsOutput {
  return {
    asOf: '2024-05-01',
    baseCurrency: 'USD',
    rows,
    sleeves: sleeveGroups(rows, 'USD').map((g) => g.subtotal),
    closed: [],
    cash: [],
    currencies: [],
    totals: {
      marketValue: '0',
      costBasis: '0',
      unrealizedPl: '0',
      realizedPl: '0',
      dividends: '0',
      cash: '0',
      total: '0',
      priceEffect: '0',
      currencyEffect: '0',
      dayChange: null,
      dayChangePct: null,
      leftOut: [],
    },
    notes: [],
  };
}

/** `count` positions spread over the four sleeves and two accounts. */
export function manyHoldings(count: number): HoldingRow[] {
  return Array.from({ length: count }, (_, i) =>
    holding(`S${String(i).padStart(5, '0')}`, {
      sleeve: SLEEVES[i % 4],
      account: i % 2 === 0 ? 'Brokerage' : 'IRA',
      marketValue: String(1000 + i),
      weightPct: 100 / count,
    }),
  );
}

export const settings: AppSettings = {
  quoteProvider: 'yahoo',
  yahooBaseUrl: 'https://query1.finance.yahoo.com',
  stooqBaseUrl: 'https://stooq.com',
  offline: false,
  costMethod: 'fifo',
  benchmarkSymbol: 'SPY',
  benchmarkBasis: 'total',
  benchmarkWeights: { large_cap_tech: 0.25, financials: 0.13, small_caps: 0, other: 0.62 },
  targetWeights: null,
  theme: 'system',
  backupKeep: 10,
  baseCurrency: 'USD',
  sleeveIndexes: { large_cap_tech: 'XLK', financials: 'XLF', small_caps: 'RUT', other: null },
  riskFreeRate: 0,
  driftBandPct: 5,
  overheatPct: 15,
  signalNotifications: false,
};

export const tilt: TiltOutput = {
  asOf: '2024-05-01',
  baseCurrency: 'USD',
  total: 10000,
  leftOut: [],
  benchmarkName: 'S&P 500',
  sleeves: [
    {
      sleeve: 'large_cap_tech',
      value: 4000,
      weightPct: 40,
      benchmarkPct: 25,
      targetPct: 30,
      activeVsBenchmarkPct: 15,
      activeVsTargetPct: 10,
      holdings: ['AAPL'],
    },
    {
      sleeve: 'financials',
      value: 1000,
      weightPct: 10,
      benchmarkPct: 13,
      targetPct: 20,
      activeVsBenchmarkPct: -3,
      activeVsTargetPct: -10,
      holdings: ['JPM'],
    },
    {
      sleeve: 'small_caps',
      value: 0,
      weightPct: 0,
      benchmarkPct: 0,
      targetPct: 0,
      activeVsBenchmarkPct: 0,
      activeVsTargetPct: 0,
      holdings: [],
    },
    {
      sleeve: 'other',
      value: 5000,
      weightPct: 50,
      benchmarkPct: 62,
      targetPct: 50,
      activeVsBenchmarkPct: -12,
      activeVsTargetPct: 0,
      holdings: ['SPY'],
    },
  ],
  trades: [
    { sleeve: 'large_cap_tech', symbol: 'AAPL', amount: '-1000', quantity: -5 },
    { sleeve: 'financials', symbol: 'JPM', amount: '1000', quantity: 4.5 },
  ],
};
