// One holding's page from the snapshot: figures checked against the records and the files' cells,
// worked out here.
import { describe, expect, it } from 'vitest';
import { ecbCell } from '../fx/test-fixtures/ecb';
import { tx } from '../engine/test-fixtures/transactions';
import { holdingView, type HoldingQuery } from './holding-view';
import { basfPortfolio, basfRecords, TO } from './test-fixtures/basf';
import { euro, snapshotOf } from './test-fixtures/snapshot';
import { xetraCloses } from './test-fixtures/xetra';

const bars = { 'BAS.DE': xetraCloses['BAS.DE'](TO), '^GDAXI': xetraCloses['^GDAXI'](TO) };
const query = (over: Partial<HoldingQuery> = {}): HoldingQuery => ({
  symbol: 'BAS.DE',
  costMethod: 'fifo',
  benchmark: '^GDAXI',
  history: (s) => bars[s as keyof typeof bars] ?? [],
  ...over,
});

describe('a holding’s page', () => {
  const view = holdingView(basfPortfolio(), query());
  const usd = (day: string) => Number(ecbCell(day, 'USD'));
  const last = bars['BAS.DE'].at(-1) as { day: string; close: number };

  it('gives its open lot under FIFO: what is left of the one purchase, at its share of the cost', () => {
    expect(view).toMatchObject({ currency: 'EUR', baseCurrency: 'USD', costMethod: 'fifo', asOf: TO });
    expect(view.lots).toHaveLength(1);
    const lot = view.lots[0];
    // 12 of 20 shares left: 12/20 of 20 × 81.57 + 5.
    const cost = ((20 * 81.57 + 5) * 12) / 20;
    expect(lot).toMatchObject({ account: 'Euro', acquired: '2016-11-14', quantity: '12' });
    expect(Number(lot?.cost)).toBeCloseTo(cost, 8);
    expect(Number(lot?.costBase)).toBeCloseTo(cost * usd('2016-11-14'), 8);
  });

  it('gives realized and unrealized P&L and the dividends declared, own and in dollars', () => {
    const soldCost = ((20 * 81.57 + 5) * 8) / 20;
    const realized = 8 * 84.93 - 5 - soldCost;
    const value = 12 * last.close;
    const t = view.totals;
    expect(t.quantity).toBe('12');
    expect(Number(t.realizedPl)).toBeCloseTo(realized, 8);
    expect(Number(t.marketValue)).toBeCloseTo(value, 8);
    expect(Number(t.unrealizedPl)).toBeCloseTo(value - ((20 * 81.57 + 5) * 12) / 20, 8);
    expect(t.dividends).toBe('60');
    expect(Number(t.marketValueBase)).toBeCloseTo(value * usd(TO), 8);
    expect(Number(t.dividendsBase)).toBeCloseTo(60 * usd(TO), 8);
    expect(Number(t.unrealizedPlBase)).toBeCloseTo(
      value * usd(TO) - ((20 * 81.57 + 5) * 12 * usd('2016-11-14')) / 20,
      8,
    );
  });

  it('marks its trades and gives its closes', () => {
    expect(view.trades).toEqual([
      { day: '2016-11-14', account: 'Euro', side: 'buy', quantity: '20', price: '81.57' },
      { day: '2017-06-15', account: 'Euro', side: 'sell', quantity: '8', price: '84.93' },
    ]);
    expect(view.prices.length).toBe(bars['BAS.DE'].length);
    expect(view.prices.at(-1)).toEqual({ time: last.day, value: last.close });
  });

  it('measures it against the benchmark, rebased to 100; its sleeve ("other") is the benchmark too', () => {
    const line = view.relative.benchmark;
    expect(line?.symbol).toBe('^GDAXI');
    const dax = new Map(bars['^GDAXI'].map((b) => [b.day, b.close]));
    const common = bars['BAS.DE'].filter((b) => dax.has(b.day));
    const first = common[0] as { day: string; close: number };
    const lastCommon = common.at(-1) as { day: string; close: number };
    expect(line?.points[0]).toEqual({ time: first.day, value: 100 });
    const expected =
      (100 * (lastCommon.close / (dax.get(lastCommon.day) as number))) / (first.close / (dax.get(first.day) as number));
    expect(line?.points.at(-1)?.value).toBeCloseTo(expected, 9);
    expect(view.relative.sleeve?.symbol).toBe('^GDAXI');
    expect(view.relative.sleeveNote).toMatch(/benchmark/);
  });

  it('says there is no sleeve index when the sector index has no prices', () => {
    const tech = holdingView(
      snapshotOf({
        accounts: ['Brokerage'],
        transactions: [tx({ id: 1, date: '2017-01-03', type: 'buy', symbol: 'BAS.DE', quantity: '1', price: '80' })],
        bars: { 'BAS.DE': bars['BAS.DE'] },
        sleeves: { 'BAS.DE': 'large_cap_tech' },
        today: '2017-07-31',
      }),
      query(),
    );
    expect(tech.relative.sleeve).toBeNull();
    expect(tech.relative.sleeveNote).toBe('No sleeve index: XLK has no prices in the cache.');
  });

  it('shows a position sold in full: no lots nor value, its realized P&L and dividends kept', () => {
    const sellAll = euro({
      id: 5,
      date: '2017-07-03',
      type: 'sell',
      symbol: 'BAS.DE',
      quantity: '12',
      price: '83',
      fee: '5',
    });
    const sold = holdingView(basfPortfolio([...basfRecords, sellAll]), query());
    expect(sold.open).toEqual([]);
    expect(sold.closed.map((c) => c.account)).toEqual(['Euro']);
    expect(sold.lots).toEqual([]);
    expect(sold.totals).toMatchObject({ quantity: '0', marketValue: null, dividends: '60' });
    // Proceeds of both sales less the whole purchase.
    expect(Number(sold.totals.realizedPl)).toBeCloseTo(8 * 84.93 - 5 + (12 * 83 - 5) - (20 * 81.57 + 5), 8);
    expect(sold.trades.map((t) => t.side)).toEqual(['buy', 'sell', 'sell']);
    // Its closed lots, sale by sale: the one purchase's cost shared by shares, each sale's proceeds after its fee.
    const bought = 20 * 81.57 + 5;
    expect(sold.closedLots.map((l) => [l.account, l.acquired, l.sold, l.quantity])).toEqual([
      ['Euro', '2016-11-14', '2017-06-15', '8'],
      ['Euro', '2016-11-14', '2017-07-03', '12'],
    ]);
    const [first, second] = sold.closedLots;
    expect(Number(first?.cost)).toBeCloseTo((bought * 8) / 20, 8);
    expect(Number(first?.proceeds)).toBeCloseTo(8 * 84.93 - 5, 8);
    expect(Number(second?.cost)).toBeCloseTo((bought * 12) / 20, 8);
    expect(Number(second?.gain)).toBeCloseTo(12 * 83 - 5 - (bought * 12) / 20, 8);
    // The lots' gains are the realized P&L, exactly.
    expect(sold.closedLots.reduce((sum, l) => sum + Number(l.gain), 0)).toBeCloseTo(Number(sold.totals.realizedPl), 8);
  });

  it('answers not_found for a symbol never held', () => {
    expect(() => holdingView(basfPortfolio(), query({ symbol: 'DBK.DE' }))).toThrow(/DBK.DE has never been held/);
  });
});
