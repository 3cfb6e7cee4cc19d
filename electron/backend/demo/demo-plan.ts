// The demo portfolio: two accounts trading the bundled real closes (assets/quotes) from 2012 to
// early 2019. Trade prices are that day's close, rounded to cents as a broker fill would be.
// AAPL is bought before its 2014 7-for-1 split at the price that really traded (the bundled
// closes are split-adjusted), and the split is recorded: the demo shows the split rule at work.
import type { InstrumentKind } from '../../../shared/quotes/types';

export const DEMO_END = '2019-02-22';

export const DEMO_INSTRUMENTS: { symbol: string; name: string; kind: InstrumentKind }[] = [
  { symbol: 'AAPL', name: 'Apple Inc.', kind: 'stock' },
  { symbol: 'MSFT', name: 'Microsoft Corporation', kind: 'stock' },
  { symbol: 'GOOGL', name: 'Alphabet Inc. Class A', kind: 'stock' },
  { symbol: 'AMZN', name: 'Amazon.com, Inc.', kind: 'stock' },
  { symbol: 'FB', name: 'Meta Platforms (Facebook)', kind: 'stock' },
  { symbol: 'NFLX', name: 'Netflix, Inc.', kind: 'stock' },
  { symbol: 'QQQ', name: 'Invesco QQQ Trust', kind: 'etf' },
  { symbol: 'XLK', name: 'Technology Select Sector SPDR', kind: 'etf' },
  { symbol: 'JPM', name: 'JPMorgan Chase & Co.', kind: 'stock' },
  { symbol: 'GS', name: 'The Goldman Sachs Group', kind: 'stock' },
  { symbol: 'AXP', name: 'American Express', kind: 'stock' },
  { symbol: 'XLF', name: 'Financial Select Sector SPDR', kind: 'etf' },
  { symbol: 'RUT', name: 'Russell 2000 Index (held as index units)', kind: 'index' },
  { symbol: 'SPY', name: 'SPDR S&P 500 ETF Trust', kind: 'etf' },
];

export const DEMO_ACCOUNTS = [
  { name: 'Brokerage', currency: 'USD' },
  { name: 'Retirement (IRA)', currency: 'USD' },
];

/** A sleeve target the tilt view can measure against: a deliberate tech and small-cap lean. */
export const DEMO_TARGET_WEIGHTS = { large_cap_tech: 0.4, financials: 0.15, small_caps: 0.15, other: 0.3 };

export interface DemoStep {
  date: string;
  account: string;
  type: 'buy' | 'sell' | 'dividend' | 'split' | 'fee' | 'interest' | 'deposit';
  symbol?: string;
  quantity?: string;
  /** Trades: the close is multiplied by this (the split ratio still to come for pre-split trades). */
  priceFactor?: number;
  amount?: string;
  note?: string;
}

const B = 'Brokerage';
const R = 'Retirement (IRA)';
const buy = (date: string, account: string, symbol: string, quantity: string, note?: string): DemoStep => ({
  date,
  account,
  type: 'buy',
  symbol,
  quantity,
  ...(note ? { note } : {}),
});

export const DEMO_STEPS: DemoStep[] = [
  { date: '2012-06-01', account: B, type: 'deposit', amount: '60000', note: 'Opening deposit' },
  { ...buy('2012-06-04', B, 'AAPL', '15', 'Bought before the 2014 7-for-1 split'), priceFactor: 7 },
  buy('2012-06-04', B, 'MSFT', '150'),
  buy('2012-06-04', B, 'JPM', '120'),
  buy('2012-06-04', B, 'QQQ', '60'),
  buy('2012-06-04', B, 'GS', '30'),
  buy('2012-06-04', B, 'RUT', '4', 'Small caps, held as Russell 2000 index units'),
  buy('2012-06-04', B, 'FB', '100', 'Two weeks after the IPO'),
  buy('2013-01-15', B, 'GOOGL', '300'),
  buy('2013-01-15', B, 'AMZN', '400'),
  { date: '2013-01-31', account: B, type: 'dividend', symbol: 'JPM', amount: '36' },
  buy('2013-06-03', B, 'NFLX', '200'),
  { date: '2014-06-09', account: B, type: 'split', symbol: 'AAPL', quantity: '7', note: '7-for-1 split' },
  { date: '2014-12-31', account: B, type: 'interest', amount: '18.75' },
  buy('2015-08-24', B, 'AXP', '60', 'Bought into the August 2015 sell-off'),
  buy('2016-02-11', B, 'RUT', '3', 'Small caps at their 2016 low'),
  {
    date: '2016-11-14',
    account: B,
    type: 'sell',
    symbol: 'GS',
    quantity: '15',
    note: 'Took half off after the post-election jump',
  },
  { date: '2017-06-01', account: B, type: 'dividend', symbol: 'AAPL', amount: '65.10' },
  { date: '2018-02-05', account: B, type: 'fee', amount: '25', note: 'Annual account fee' },
  buy('2018-12-24', B, 'MSFT', '50', 'Christmas Eve dip'),
  buy('2018-12-24', B, 'JPM', '20'),
  { date: '2014-01-02', account: R, type: 'deposit', amount: '20000', note: 'Rollover' },
  buy('2014-01-02', R, 'SPY', '60'),
  buy('2014-01-02', R, 'RUT', '7'),
  { date: '2015-12-18', account: R, type: 'dividend', symbol: 'SPY', amount: '67.40' },
  { date: '2016-06-24', account: R, type: 'deposit', amount: '5500', note: 'Yearly contribution' },
  buy('2016-06-24', R, 'SPY', '25', 'The day after the Brexit vote'),
];
