import { describe, expect, it } from 'vitest';
import type { CloseSeries } from '../domain/bar';
import type { Transaction } from '../domain/transaction';
import { makeRecomputeWorkload } from './bench-cases';
import { closeSeries } from './close-series';
import { applyLedger } from './ledger';
import { timeWeightedReturn, twrIndex } from './returns';
import { ACCOUNTS, TODAY, tx } from './test-fixtures/transactions';
import { valuePortfolio } from './valuation';
import { dayFromNumber } from './dates';

const week = ['2016-11-07', '2016-11-08', '2016-11-09', '2016-11-10', '2016-11-11', '2016-11-14'];
const series = (closes: number[], skip: string[] = []): CloseSeries =>
  closeSeries(week.map((day, i) => ({ day, close: closes[i] as number })).filter((bar) => !skip.includes(bar.day)));

const closes = new Map<string, CloseSeries>([
  ['SPY', series([210, 212, 215, 216, 216, 217])],
  // No XLF close on the 10th: the 9th's close is carried.
  ['XLF', series([20, 21, 22, 0, 22.5, 23], ['2016-11-10'])],
  // Split-adjusted after the 20-for-1 recorded on the 11th: 700 a share before it is 35 here.
  ['AMZN', series([35, 35, 36, 36, 36, 37])],
]);

const ledger = (extra: Transaction[] = []) =>
  applyLedger(
    [
      tx({ id: 1, date: '2016-11-07', type: 'deposit', amount: '10000' }),
      tx({ id: 2, date: '2016-11-07', type: 'buy', symbol: 'SPY', quantity: '10', price: '210' }),
      tx({ id: 3, date: '2016-11-07', type: 'buy', symbol: 'XLF', quantity: '100', price: '20' }),
      tx({ id: 4, date: '2016-11-07', type: 'buy', symbol: 'AMZN', quantity: '1', price: '700' }),
      tx({ id: 5, date: '2016-11-11', type: 'split', symbol: 'AMZN', quantity: '20' }),
      ...extra,
    ],
    { today: TODAY, accounts: ACCOUNTS },
  );

describe('valuePortfolio', () => {
  it('values holdings and cash every day, carrying the last close over a gap and marking it', () => {
    const v = valuePortfolio(ledger(), { closes });
    expect(v.days).toEqual(week);
    const xlf = v.holdings.find((h) => h.symbol === 'XLF');
    expect(Array.from(xlf?.values ?? [])).toEqual([2000, 2100, 2200, 2200, 2250, 2300]);
    expect(Array.from(xlf?.carried ?? [])).toEqual([0, 0, 0, 1, 0, 0]);
    expect(Array.from(v.carried)).toEqual([0, 0, 0, 1, 0, 0]);
    const cash = 10000 - 2100 - 2000 - 700;
    expect(v.total[0]).toBeCloseTo(cash + 2100 + 2000 + 700, 9);
    expect(v.total[5]).toBeCloseTo(cash + 2170 + 2300 + 20 * 37, 9);
    expect(v.notes).toEqual([]);
  });

  it('gives each holding its last value, and daily values that add up to the total with cash', () => {
    const v = valuePortfolio(ledger(), { closes });
    const n = v.days.length;
    for (const h of v.holdings) expect(h.lastValue).toBe(h.values[n - 1]);
    const cash = 10000 - 2100 - 2000 - 700;
    for (let t = 0; t < n; t++) {
      const held = v.holdings.reduce((sum, h) => sum + (h.values[t] as number), 0);
      expect(held + cash).toBeCloseTo(v.total[t] as number, 9);
    }
  });

  it('values a pre-split holding with split-adjusted closes: 1 share × 20 × 35 = 700', () => {
    const v = valuePortfolio(ledger(), { closes });
    const amzn = v.holdings.find((h) => h.symbol === 'AMZN');
    expect(Array.from(amzn?.values ?? [])).toEqual([700, 700, 720, 720, 720, 740]);
    expect(amzn?.sleeve).toBe('large_cap_tech');
  });

  it('values a holding without quotes at cost, says so, and keeps the rest of the total', () => {
    const v = valuePortfolio(
      ledger([tx({ id: 6, date: '2016-11-08', type: 'buy', symbol: 'PRIV', quantity: '10', price: '50', fee: '1' })]),
      { closes },
    );
    const priv = v.holdings.find((h) => h.symbol === 'PRIV');
    expect(Array.from(priv?.values ?? [])).toEqual([0, 501, 501, 501, 501, 501]);
    expect(Array.from(priv?.atCost ?? [])).toEqual([0, 1, 1, 1, 1, 1]);
    expect(Array.from(v.atCost)).toEqual([0, 1, 1, 1, 1, 1]);
    expect(v.notes).toEqual([
      {
        kind: 'no_quotes',
        symbol: 'PRIV',
        currency: 'USD',
        days: 5,
        message: 'PRIV has no quotes: valued at cost (5 days).',
      },
    ]);
    // Cost in, cost out: PRIV changes nothing in the total but the 501 that left cash.
    const without = valuePortfolio(ledger(), { closes });
    expect(v.total[3]).toBeCloseTo(without.total[3] as number, 9);
  });

  it('leaves out what cannot be converted, flags the days and converts when a rate exists', () => {
    const sap = tx({
      id: 7,
      date: '2016-11-09',
      type: 'buy',
      symbol: 'SAP',
      quantity: '10',
      price: '80',
      currency: 'EUR',
    });
    const withSap = ledger([sap, tx({ id: 8, date: '2016-11-09', type: 'deposit', amount: '800', currency: 'EUR' })]);
    const sapCloses = new Map([...closes, ['SAP', series([79, 79, 80, 81, 82, 83])]]);
    const plain = valuePortfolio(ledger(), { closes });
    const missing = valuePortfolio(withSap, { closes: sapCloses });
    expect(Array.from(missing.total)).toEqual(Array.from(plain.total));
    expect(Array.from(missing.excluded)).toEqual([0, 0, 1, 1, 1, 1]);
    expect(missing.notes.map((n) => [n.kind, n.currency])).toEqual([['no_fx_rate', 'EUR']]);
    expect(missing.notes[0]?.message).toMatch(/^No EUR→USD rate: EUR holdings and cash are left out of the total/);

    const fx = new Map([['EUR', series([1.1, 1.1, 1.1, 1.1, 1.1, 1.08])]]);
    const converted = valuePortfolio(withSap, { closes: sapCloses, fx });
    expect(converted.total[5]).toBeCloseTo((plain.total[5] as number) + 10 * 83 * 1.08, 9);
    expect(Array.from(converted.excluded)).toEqual([0, 0, 0, 0, 0, 0]);
    // The EUR deposit is an external flow in dollars: it must not count as a gain.
    expect(converted.flows[2]).toBeCloseTo(10000 * 0 + 800 * 1.1, 9);
  });

  it('builds per-sleeve price-return indexes that ignore trades', () => {
    const v = valuePortfolio(
      ledger([tx({ id: 9, date: '2016-11-09', type: 'buy', symbol: 'XLF', quantity: '100', price: '22' })]),
      { closes },
    );
    const financials = v.sleeves.find((s) => s.sleeve === 'financials');
    // XLF's own path, 20 → 23, whatever was bought on the way.
    expect(Array.from(financials?.index ?? []).map((x) => Number(x.toFixed(9)))).toEqual([
      100, 105, 110, 110, 112.5, 115,
    ]);
    expect(financials?.values[5]).toBeCloseTo(200 * 23, 9);
  });

  it('gives the same returns whichever of a same-day buy and sell was entered first', () => {
    const pair = (first: 'buy' | 'sell') => {
      const buy = { date: '2016-11-09', type: 'buy' as const, symbol: 'SPY', quantity: '20', price: '214' };
      const sell = { date: '2016-11-09', type: 'sell' as const, symbol: 'SPY', quantity: '25', price: '215.5' };
      return ledger([
        tx({ id: 10, ...(first === 'buy' ? buy : sell) }),
        tx({ id: 11, ...(first === 'buy' ? sell : buy) }),
      ]);
    };
    const a = valuePortfolio(pair('buy'), { closes });
    const b = valuePortfolio(pair('sell'), { closes });
    expect(Array.from(b.total)).toEqual(Array.from(a.total));
    expect(Array.from(twrIndex(b.total, b.flows))).toEqual(Array.from(twrIndex(a.total, a.flows)));
    expect(timeWeightedReturn(a.total, a.flows, 0, 5)).not.toBe(0);
  });

  it('counts deposits as flows and implicit funding for a ledger without them', () => {
    const tradesOnly = applyLedger(
      [tx({ id: 1, date: '2016-11-07', type: 'buy', symbol: 'SPY', quantity: '10', price: '210' })],
      {
        today: TODAY,
        accounts: ACCOUNTS,
      },
    );
    const v = valuePortfolio(tradesOnly, { closes });
    expect(Array.from(v.flows)).toEqual([2100, 0, 0, 0, 0, 0]);
    expect(Array.from(v.total)).toEqual([2100, 2120, 2150, 2160, 2160, 2170]);
    expect(timeWeightedReturn(v.total, v.flows, 0, 5)).toBeCloseTo(217 / 210 - 1, 12);
  });

  it('values the usual stretches (same shares, a close every day) exactly as the day-by-day walk does', () => {
    // Records in EUR with a EUR→USD rate of exactly 1 every day take the day-by-day walk; the
    // same records in USD take the stretch walk. Multiplying by 1 changes no float, so every
    // figure must be equal, not close. Gaps in some closes make both walks meet.
    const w = makeRecomputeWorkload({ transactions: 3000, instruments: 25, days: 300, seed: 7 });
    const gappy = new Map(
      [...w.closes].map(([symbol, c], i) => {
        if (i % 3 !== 0) return [symbol, c];
        const keep = Array.from(c.days, (_, k) => k % 17 !== 5);
        return [symbol, { days: c.days.filter((_, k) => keep[k]), closes: c.closes.filter((_, k) => keep[k]) }];
      }),
    );
    const options = { today: w.today, accounts: w.accounts };
    const usd = valuePortfolio(applyLedger(w.transactions, options), { closes: gappy });
    const eurLedger = applyLedger(
      w.transactions.map((t) => ({ ...t, currency: 'EUR' })),
      options,
    );
    const allDays = closeSeries(
      Array.from(new Set([...gappy.values()].flatMap((c) => Array.from(c.days))))
        .sort((a, b) => a - b)
        .map((day) => ({ day: dayFromNumber(day), close: 1 })),
    );
    const eur = valuePortfolio(eurLedger, { closes: gappy, fx: new Map([['EUR', allDays]]) });
    expect(Array.from(eur.total)).toEqual(Array.from(usd.total));
    expect(Array.from(eur.carried)).toEqual(Array.from(usd.carried));
    for (let i = 0; i < usd.sleeves.length; i++) {
      expect(Array.from(eur.sleeves[i]?.values ?? [])).toEqual(Array.from(usd.sleeves[i]?.values ?? []));
      expect(Array.from(eur.sleeves[i]?.index ?? [])).toEqual(Array.from(usd.sleeves[i]?.index ?? []));
    }
    expect(eur.holdings.map((h) => h.lastValue)).toEqual(usd.holdings.map((h) => h.lastValue));
    expect(eur.holdings.map((h) => Array.from(h.values))).toEqual(usd.holdings.map((h) => Array.from(h.values)));
    expect(usd.holdings.some((h) => h.lastValue > 0)).toBe(true);
  });
});
