import { describe, expect, it } from 'vitest';
import { Decimal } from '../engine/decimal';
import { tx } from '../engine/test-fixtures/transactions';
import { incomeView, monthsBetween, yearBefore } from './income-view';
import { snapshotOf } from './test-fixtures/snapshot';

// SPY's real quarterly distributions per share on their real ex-dates (2017–2018), JPM's real
// dividends of 2018, and closes from ../shared/data/quotes/SPY.csv and JPM.csv, typed in.
const bar = (day: string, close: number) => ({ day, open: close, high: close, low: close, close, volume: 0 });
const div = (id: number, date: string, symbol: string, amount: string, fee: string | null = null) =>
  tx({ id, date, type: 'dividend', symbol, amount, fee });

const transactions = [
  tx({ id: 1, date: '2017-06-01', type: 'deposit', amount: '30000' }),
  tx({ id: 2, date: '2017-06-01', type: 'buy', symbol: 'SPY', quantity: '100', price: '243.36' }),
  // 1.235 × 100, 15 % withheld (18.525, rounded by the broker).
  div(3, '2017-09-15', 'SPY', '123.50', '18.53'),
  div(4, '2017-12-15', 'SPY', '135.10'),
  tx({ id: 5, date: '2018-01-02', type: 'buy', symbol: 'JPM', quantity: '50', price: '107.95' }),
  tx({ id: 6, date: '2018-01-31', type: 'interest', amount: '5.25' }),
  div(7, '2018-03-16', 'SPY', '109.70'),
  div(8, '2018-04-05', 'JPM', '28.00'),
  div(9, '2018-06-15', 'SPY', '124.60'),
  tx({ id: 10, date: '2018-07-02', type: 'sell', symbol: 'SPY', quantity: '40', price: '271.86' }),
  div(11, '2018-07-05', 'JPM', '40.00'),
  div(12, '2018-09-21', 'SPY', '79.38'),
  div(13, '2018-10-04', 'JPM', '40.00'),
  div(14, '2018-12-21', 'SPY', '86.10'),
  tx({ id: 15, date: '2018-12-21', type: 'tax', symbol: 'SPY', amount: '12.92' }),
  // A tax naming no holding is not withheld on income: left out.
  tx({ id: 16, date: '2018-12-28', type: 'tax', amount: '50' }),
  div(17, '2019-01-03', 'JPM', '40.00'),
  tx({ id: 18, date: '2019-01-31', type: 'interest', amount: '4.10' }),
];

const snapshot = snapshotOf({
  transactions,
  accounts: ['Brokerage'],
  today: '2019-02-22',
  sleeves: { SPY: 'other', JPM: 'financials' },
  bars: {
    SPY: [bar('2017-06-01', 243.360001), bar('2018-07-02', 271.859985), bar('2019-02-22', 279.140015)],
    JPM: [bar('2018-01-02', 107.949997), bar('2019-02-22', 105.0)],
  },
});

const d = (text: string) => Decimal.parse(text);
const sum = (...values: string[]) => Decimal.sum(values.map(d)).toString();

describe('incomeView', () => {
  const view = incomeView(snapshot, transactions, {});

  it('sums dividends, interest and withheld taxes over everything', () => {
    expect(view.asOf).toBe('2019-02-22');
    const dividends = sum('123.50', '135.10', '109.70', '124.60', '79.38', '86.10', '28', '40', '40', '40');
    expect(view.totals.dividends).toBe(dividends);
    expect(view.totals.interest).toBe(sum('5.25', '4.10'));
    expect(view.totals.taxes).toBe(sum('18.53', '12.92'));
    expect(view.totals.net).toBe(d(dividends).add(d('9.35')).sub(d('31.45')).toString());
  });

  it('lists every month from the first income to the last, empty ones as zero', () => {
    expect(view.months.map((m) => m.month)).toEqual(monthsBetween('2017-09', '2019-01'));
    expect(view.months).toHaveLength(4 + 12 + 1);
    expect(view.months.find((m) => m.month === '2017-10')?.dividends).toBe('0');
    expect(view.months.find((m) => m.month === '2018-12')).toMatchObject({ dividends: '86.1', taxes: '12.92' });
    expect(view.years.map((y) => [y.year, y.dividends, y.interest, y.taxes])).toEqual([
      ['2017', sum('123.50', '135.10'), '0', '18.53'],
      ['2018', sum('109.70', '124.60', '79.38', '86.10', '28', '40', '40'), '5.25', '12.92'],
      ['2019', '40', '4.1', '0'],
    ]);
  });

  it('takes the trailing twelve months up to the valuation day, yield on cost on what is held now', () => {
    expect(view.ttmFrom).toBe('2018-02-22');
    const spy = view.holdings.find((h) => h.symbol === 'SPY');
    const spyTtm = 109.7 + 124.6 + 79.38 + 86.1;
    expect(Number(spy?.ttmDividends)).toBeCloseTo(spyTtm, 10);
    // 60 shares left of one lot bought at 243.36.
    expect(spy?.costBasis).toBe('14601.6');
    expect(spy?.yieldOnCostPct).toBeCloseTo((spyTtm / (60 * 243.36)) * 100, 10);
    // Per share on each day (100 shares, then 60) × the 60 held now.
    expect(spy?.forwardEstimate).toBe(d('65.82').add(d('74.76')).add(d('79.38')).add(d('86.1')).toString());
    const jpm = view.holdings.find((h) => h.symbol === 'JPM');
    expect(jpm).toMatchObject({
      sleeve: 'financials',
      ttmDividends: '148',
      costBasis: '5397.5',
      forwardEstimate: '148',
    });
    expect(view.totals.costBasis).toBe('19999.1');
    expect(view.totals.yieldOnCostPct).toBeCloseTo(((spyTtm + 148) / (14601.6 + 5397.5)) * 100, 10);
    expect(view.totals.ttmInterest).toBe('4.1');
  });

  it('adds holdings up by sleeve', () => {
    const other = view.sleeves.find((s) => s.sleeve === 'other');
    expect(other?.dividends).toBe(sum('123.50', '135.10', '109.70', '124.60', '79.38', '86.10'));
    expect(other?.taxes).toBe('31.45');
    expect(view.sleeves.find((s) => s.sleeve === 'financials')?.dividends).toBe('148');
  });

  it('bounds the sums by the range, not the trailing twelve months', () => {
    const year = incomeView(snapshot, transactions, { from: '2018-01-01', to: '2018-12-31' });
    expect(year.totals.dividends).toBe(sum('109.70', '124.60', '79.38', '86.10', '28', '40', '40'));
    expect(year.months.map((m) => m.month)).toEqual(monthsBetween('2018-01', '2018-12'));
    expect(year.totals.ttmDividends).toBe(view.totals.ttmDividends);
  });

  it('refuses an account that does not exist', () => {
    expect(() => incomeView(snapshot, transactions, { account: 'Nope' })).toThrow(/no account named "Nope"/);
  });
});

describe('a holding that never paid', () => {
  it('has no row, and its cost still counts in the yield on cost of what is held', () => {
    const records = [
      ...transactions,
      tx({ id: 19, date: '2018-05-01', type: 'buy', symbol: 'MSFT', quantity: '10', price: '100' }),
    ];
    const withMsft = snapshotOf({
      transactions: records,
      accounts: ['Brokerage'],
      today: '2019-02-22',
      sleeves: { SPY: 'other', JPM: 'financials', MSFT: 'large_cap_tech' },
      bars: {
        SPY: [bar('2019-02-22', 279.140015)],
        JPM: [bar('2019-02-22', 105.0)],
        MSFT: [bar('2019-02-22', 110.97)],
      },
    });
    const view = incomeView(withMsft, records, {});
    expect(view.holdings.map((h) => h.symbol)).toEqual(['JPM', 'SPY']);
    expect(view.sleeves.map((s) => s.sleeve).sort()).toEqual(['financials', 'other']);
    expect(view.totals.costBasis).toBe(d('14601.6').add(d('5397.5')).add(d('1000')).toString());
  });
});

describe('income in another currency', () => {
  it('converts at the rate of its own day, not the valuation day', () => {
    const records = [
      tx({ id: 1, date: '2018-06-01', type: 'interest', amount: '100', currency: 'EUR' }),
      tx({ id: 2, date: '2019-02-22', type: 'deposit', amount: '1' }),
    ];
    const rate = (day: string, value: string) => ({
      base: 'EUR',
      quote: 'USD',
      day,
      rate: value,
      source: 'ecb',
      fetchedAt: '2019-02-22T00:00:00Z',
    });
    // ECB reference rates of those days (../shared/data/fx/eurofxref-hist.csv).
    const fx = snapshotOf({
      transactions: records,
      accounts: ['Brokerage'],
      today: '2019-02-22',
      fxRates: [rate('2018-06-01', '1.1669'), rate('2019-02-22', '1.1325')],
    });
    const view = incomeView(fx, records, {});
    expect(view.totals.interest).toBe('116.69');
    expect(view.leftOut).toEqual([]);
  });
});

describe('date helpers', () => {
  it('counts a year back and months across a year end', () => {
    expect(yearBefore('2019-02-22')).toBe('2018-02-22');
    expect(monthsBetween('2018-11', '2019-02')).toEqual(['2018-11', '2018-12', '2019-01', '2019-02']);
  });
});
