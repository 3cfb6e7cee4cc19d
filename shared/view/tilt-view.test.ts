import { describe, expect, it } from 'vitest';
import { tx } from '../engine/test-fixtures/transactions';
import { euro, snapshotOf } from './test-fixtures/snapshot';
import { tiltView } from './tilt-view';

const target = { large_cap_tech: 0.5, financials: 0.5, small_caps: 0, other: 0 };

// USD: 10 AAPL at a last close of 150 and 5 JPM at 100. EUR: 2 SAP at 170.
const snapshot = snapshotOf({
  accounts: ['Brokerage', 'Euro'],
  transactions: [
    tx({ id: 1, date: '2024-05-01', type: 'buy', symbol: 'AAPL', quantity: '10', price: '140' }),
    tx({ id: 2, date: '2024-05-01', type: 'buy', symbol: 'JPM', quantity: '5', price: '90' }),
    euro({ id: 3, date: '2024-05-01', type: 'buy', symbol: 'SAP', quantity: '2', price: '160' }),
  ],
  bars: {
    AAPL: [{ day: '2024-05-02', close: 150 }],
    JPM: [{ day: '2024-05-02', close: 100 }],
    SAP: [{ day: '2024-05-02', close: 170 }],
  },
  sleeves: { AAPL: 'large_cap_tech', JPM: 'financials', SAP: 'other' },
  targetWeights: target,
});

describe('tiltView', () => {
  const view = tiltView(snapshot, { benchmarkSymbol: 'SPY', targetWeights: target });

  it('weighs the sleeves in the USD total and lists the EUR holding it leaves out', () => {
    expect(view).toMatchObject({ asOf: '2024-05-02', baseCurrency: 'USD', total: 2000 });
    expect(view.leftOut).toEqual([{ currency: 'EUR', amount: '340', count: 1 }]);
    const bySleeve = new Map(view.sleeves.map((s) => [s.sleeve, s]));
    expect(bySleeve.get('large_cap_tech')).toMatchObject({ value: 1500, holdings: ['AAPL'], targetPct: 50 });
    expect(bySleeve.get('large_cap_tech')?.weightPct).toBeCloseTo(75, 10);
    expect(bySleeve.get('financials')?.weightPct).toBeCloseTo(25, 10);
    expect(bySleeve.get('other')).toMatchObject({ value: 0, weightPct: 0, holdings: [] });
    // Against the S&P 500 default: 25 % tech, 13 % financials.
    expect(bySleeve.get('large_cap_tech')?.activeVsBenchmarkPct).toBeCloseTo(75 - 25, 10);
    expect(bySleeve.get('financials')?.activeVsTargetPct).toBeCloseTo(25 - 50, 10);
    expect(view.benchmarkName).toBe('SPY (sleeve weights from Settings)');
  });

  it('trades the USD holdings to the target: 500 out of AAPL, 500 into JPM', () => {
    expect(view.trades).toHaveLength(2);
    const aapl = view.trades.find((t) => t.symbol === 'AAPL');
    const jpm = view.trades.find((t) => t.symbol === 'JPM');
    expect(aapl).toMatchObject({ sleeve: 'large_cap_tech', amount: '-500' });
    expect(aapl?.quantity).toBeCloseTo(-500 / 150, 10);
    expect(jpm).toMatchObject({ sleeve: 'financials', amount: '500' });
    expect(jpm?.quantity).toBeCloseTo(5, 10);
  });

  it('proposes no trades without a target', () => {
    expect(tiltView(snapshot, { benchmarkSymbol: 'SPY', targetWeights: null }).trades).toEqual([]);
  });
});

describe('tiltView with a EUR→USD rate', () => {
  const withRate = snapshotOf({
    accounts: ['Brokerage', 'Euro'],
    transactions: [
      tx({ id: 1, date: '2024-05-01', type: 'buy', symbol: 'AAPL', quantity: '10', price: '140' }),
      euro({ id: 3, date: '2024-05-01', type: 'buy', symbol: 'SAP', quantity: '2', price: '160' }),
    ],
    bars: {
      AAPL: [{ day: '2024-05-02', close: 150 }],
      SAP: [{ day: '2024-05-02', close: 170 }],
    },
    sleeves: { AAPL: 'large_cap_tech', SAP: 'other' },
    fxRates: [
      {
        base: 'EUR',
        quote: 'USD',
        day: '2024-05-02',
        rate: '1.25',
        source: 'manual',
        fetchedAt: '2024-05-02T00:00:00Z',
      },
    ],
  });
  const target = { large_cap_tech: 0.5, financials: 0, small_caps: 0, other: 0.5 };
  const view = tiltView(withRate, { benchmarkSymbol: 'SPY', targetWeights: target });

  it('weighs the EUR holding at its dollar value and leaves nothing out', () => {
    // SAP: 2 × 170 euros × 1.25 = 425 dollars beside AAPL's 1,500.
    expect(view.leftOut).toEqual([]);
    expect(view.total).toBe(1925);
    const other = view.sleeves.find((s) => s.sleeve === 'other');
    expect(other).toMatchObject({ value: 425, holdings: ['SAP'] });
    expect(other?.weightPct).toBeCloseTo((425 / 1925) * 100, 10);
  });

  it('trades SAP in dollars and counts its shares at its close in dollars', () => {
    // Target 962.50 each: SAP gets 537.50 dollars, 537.50 ÷ (170 × 1.25) shares.
    const sap = view.trades.find((t) => t.symbol === 'SAP');
    expect(sap?.amount).toBe('537.5');
    expect(sap?.quantity).toBeCloseTo(537.5 / 212.5, 10);
  });
});
