// A holding's return over the time held (docs/engine.md, "A holding's return") on real data: BASF
// (XETRA, EUR) in a EUR account, seen by a USD investor through the ECB's rates. Expected figures
// are worked out here from the files' cells.
import { describe, expect, it } from 'vitest';
import { ecbCell } from '../fx/test-fixtures/ecb';
import { basfPortfolio, basfRecords, TO } from './test-fixtures/basf';
import { holdingsView } from './holdings-list';
import { euro, snapshotOf } from './test-fixtures/snapshot';
import { xetraCloses } from './test-fixtures/xetra';

describe('a EUR holding’s return, in euros and in dollars', () => {
  const view = holdingsView(basfPortfolio(), undefined);
  const row = view.rows.find((r) => r.symbol === 'BAS.DE');
  const last = xetraCloses['BAS.DE'](TO).at(-1) as { day: string; close: number };
  const usd = (day: string) => Number(ecbCell(day, 'USD'));

  it('is valued on the last close and the day’s ECB rate', () => {
    expect(view.asOf).toBe(TO);
    expect(last.day).toBe(TO);
    expect(row).toMatchObject({ currency: 'EUR', quantity: '12', fxRateDay: TO });
  });

  it('in euros: sales, net dividends and value today against what the purchases cost', () => {
    const paid = 20 * 81.57 + 5;
    const got = 8 * 84.93 - 5 + (60 - 15.83) + 12 * last.close;
    expect(row?.returnPct).toBeCloseTo(((got - paid) / paid) * 100, 9);
  });

  it('in dollars: each flow at its own day’s rate, the value at the valuation day’s', () => {
    const paid = (20 * 81.57 + 5) * usd('2016-11-14');
    const got = (8 * 84.93 - 5) * usd('2017-06-15') + (60 - 15.83) * usd('2017-05-05') + 12 * last.close * usd(TO);
    const expected = ((got - paid) / paid) * 100;
    expect(row?.returnBasePct).toBeCloseTo(expected, 9);
    // The euro rose against the dollar over the year held: the dollar return is the larger.
    expect(row?.returnBasePct as number).toBeGreaterThan(row?.returnPct as number);
  });

  it('once sold out, the closed position keeps its return', () => {
    const sellAll = euro({
      id: 5,
      date: '2017-07-03',
      type: 'sell',
      symbol: 'BAS.DE',
      quantity: '12',
      price: '83',
      fee: '5',
    });
    const closed = holdingsView(basfPortfolio([...basfRecords, sellAll]), undefined).closed[0];
    const paid = 20 * 81.57 + 5;
    const got = 8 * 84.93 - 5 + (60 - 15.83) + (12 * 83 - 5);
    expect(closed?.returnPct).toBeCloseTo(((got - paid) / paid) * 100, 9);
  });

  it('has none for shares only transferred in: no money went into them here', () => {
    const moved = snapshotOf({
      accounts: ['A', 'B'],
      transactions: [
        euro({ id: 1, date: '2016-11-14', account: 'A', type: 'buy', symbol: 'BAS.DE', quantity: '5', price: '80' }),
        euro({ id: 2, date: '2016-11-15', account: 'A', type: 'transfer_out', symbol: 'BAS.DE', quantity: '5' }),
        euro({ id: 3, date: '2016-11-15', account: 'B', type: 'transfer_in', symbol: 'BAS.DE', quantity: '5' }),
      ],
      bars: { 'BAS.DE': xetraCloses['BAS.DE'](TO) },
      baseCurrency: 'EUR',
      to: TO,
      today: '2017-07-31',
    });
    const b = holdingsView(moved, undefined).rows.find((r) => r.account === 'B');
    expect(b).toMatchObject({ quantity: '5', returnPct: null, returnBasePct: null });
  });
});
