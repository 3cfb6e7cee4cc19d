// Issue 16 on real data: the ECB's reference rates (../shared/data/fx), BASF on XETRA in euros
// (../shared/data/quotes-xetra, with its literal `null` rows) and JPM and SPY in dollars. Every
// expected figure is worked out here from the files, read with a plain split, and compared to the
// cent: none is taken from the app's own output.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, it } from 'vitest';
import type { CallOutput } from '../../shared/api/contract';
import type { HoldingsOutput, PerformanceOutput } from '../../shared/api/portfolio-schemas';
import type { FxRate } from '../../shared/domain/fx-rate';
import type { Backend } from './backend';
import { callOk, testBackend } from '../test-support/backend';
import { useTempDirs } from '../test-support/temp-dir';

const DATA = path.resolve(import.meta.dirname, '..', '..', '..', 'shared', 'data');

/** Day → currency → the ECB's cell (units per 1 EUR), N/A cells left out. */
function readEcb(): Map<string, Map<string, string>> {
  const lines = fs
    .readFileSync(path.join(DATA, 'fx', 'eurofxref-hist.csv'), 'utf8')
    .trim()
    .split('\n');
  const header = (lines[0] as string).split(',');
  const out = new Map<string, Map<string, string>>();
  for (const line of lines.slice(1)) {
    const cells = line.split(',');
    const row = new Map<string, string>();
    for (let i = 1; i < header.length; i++) {
      const cell = cells[i];
      if (header[i] !== '' && cell !== undefined && cell !== '' && cell !== 'N/A') row.set(header[i] as string, cell);
    }
    out.set(cells[0] as string, row);
  }
  return out;
}

const ECB = readEcb();
const eur = (day: string, currency = 'USD'): number => {
  const cell = ECB.get(day)?.get(currency);
  if (cell === undefined) throw new Error(`no ECB ${currency} rate on ${day}`);
  return Number(cell);
};

/** Closes by day from a Yahoo-format file, `null` rows left out. */
function closes(folder: string, symbol: string): Map<string, number> {
  const lines = fs
    .readFileSync(path.join(DATA, folder, `${symbol}.csv`), 'utf8')
    .trim()
    .split('\n')
    .slice(1);
  const out = new Map<string, number>();
  for (const line of lines) {
    const cells = line.split(',');
    if (cells[4] !== 'null') out.set(cells[0] as string, Number(cells[4]));
  }
  return out;
}
const BASF = closes('quotes-xetra', 'BAS.DE');
const JPM = closes('quotes', 'JPM');
const SPY = closes('quotes', 'SPY');
const close = (series: Map<string, number>, day: string) => {
  const value = series.get(day);
  if (value === undefined) throw new Error(`no close on ${day}`);
  return value;
};
const cents = (n: number) => Math.round(n * 100) / 100;

/** The ECB file as cached rates for these currencies (CHF left out: the missing rate). */
function ecbRates(currencies: readonly string[]): FxRate[] {
  const rates: FxRate[] = [];
  for (const [day, row] of ECB)
    for (const currency of currencies) {
      const rate = row.get(currency);
      if (rate !== undefined)
        rates.push({ base: 'EUR', quote: currency, day, rate, source: 'ecb', fetchedAt: '2026-04-14T00:00:00Z' });
    }
  return rates;
}

/** a ÷ b to 10 places, half to even, in BigInt: the test's own division. */
function divide10(a: string, b: string): number {
  const scaled = (t: string, places: number) => {
    const [whole, frac = ''] = t.split('.');
    return BigInt((whole as string) + frac.padEnd(places, '0').slice(0, places));
  };
  const n = scaled(a, 20);
  const d = scaled(b, 10);
  let q = n / d;
  const r = n - q * d;
  if (2n * r > d || (2n * r === d && q % 2n === 1n)) q += 1n;
  return Number(q) / 1e10;
}

const D1 = '2016-01-04';
const D2 = '2016-09-01';
const AS_OF = '2016-11-14';
// Fills at the day's close to the cent.
const BASF_1 = { quantity: 100, price: cents(close(BASF, D1)), fee: 5 };
const BASF_2 = { quantity: 20, price: cents(close(BASF, D2)), fee: 5 };
const JPM_1 = { quantity: 50, price: cents(close(JPM, D1)), fee: 4.95 };
const cost = (lot: { quantity: number; price: number; fee: number }) => lot.quantity * lot.price + lot.fee;

describe('a portfolio in two currencies on the ECB’s rates (issue 16)', () => {
  const tempDir = useTempDirs();
  let opened: Backend | undefined;
  afterEach(() => opened?.close());

  async function portfolio(): Promise<Backend> {
    const backend = (opened = testBackend(tempDir()));
    backend.db.transaction(() => backend.store.fxRates.write(ecbRates(['USD', 'GBP', 'JPY'])))();
    for (const [folder, symbol] of [
      ['quotes-xetra', 'BAS.DE'],
      ['quotes', 'JPM'],
      ['quotes', 'SPY'],
    ] as const) {
      const content = fs.readFileSync(path.join(DATA, folder, `${symbol}.csv`), 'utf8');
      await callOk(backend, 'quotes:importFile', { fileName: `${symbol}.csv`, content });
    }
    await callOk(backend, 'accounts:create', { name: 'Depot', currency: 'EUR' });
    await callOk(backend, 'accounts:create', { name: 'Brokerage', currency: 'USD' });
    const row = (over: Record<string, unknown>) => ({
      time: null,
      symbol: null,
      quantity: null,
      price: null,
      fee: null,
      amount: null,
      note: '',
      ...over,
    });
    const trade = (account: string, currency: string, date: string, symbol: string, lot: typeof BASF_1) =>
      row({
        date,
        account,
        currency,
        type: 'buy',
        symbol,
        quantity: String(lot.quantity),
        price: String(lot.price),
        fee: String(lot.fee),
      });
    for (const r of [
      row({ date: D1, account: 'Depot', currency: 'EUR', type: 'deposit', amount: '10000' }),
      trade('Depot', 'EUR', D1, 'BAS.DE', BASF_1),
      row({ date: D1, account: 'Brokerage', currency: 'USD', type: 'deposit', amount: '10000' }),
      trade('Brokerage', 'USD', D1, 'JPM', JPM_1),
      trade('Depot', 'EUR', D2, 'BAS.DE', BASF_2),
    ])
      await callOk(backend, 'transactions:create', r);
    return backend;
  }

  const holdings = (backend: Backend, asOf = AS_OF) => callOk<HoldingsOutput>(backend, 'portfolio:holdings', { asOf });
  const exported = async (backend: Backend, kind: string, asOf = AS_OF) => {
    const { content } = await callOk<{ content: string }>(backend, 'csv:export', { kind, asOf });
    return parse(content, { columns: true }) as Record<string, string>[];
  };

  // The figures of the two holdings, in their own currencies.
  const basfValue = (BASF_1.quantity + BASF_2.quantity) * close(BASF, AS_OF);
  const basfCost = cost(BASF_1) + cost(BASF_2);
  const eurCash = 10000 - basfCost;
  const jpmValue = JPM_1.quantity * close(JPM, AS_OF);
  const jpmCost = cost(JPM_1);
  const usdCash = 10000 - jpmCost;

  it('values a USD investor’s BASF (EUR account) and JPM (USD account) in dollars, lot by lot', async () => {
    const backend = await portfolio();
    const view = await holdings(backend);
    expect(view.baseCurrency).toBe('USD');
    expect(view.asOf).toBe(AS_OF);
    const basf = view.rows.find((r) => r.symbol === 'BAS.DE');
    const u = eur(AS_OF);
    // Cost basis at each lot's own purchase-day rate.
    const basfCostUsd = cost(BASF_1) * eur(D1) + cost(BASF_2) * eur(D2);
    expect(basf?.currency).toBe('EUR');
    expect(Number(basf?.marketValue)).toBeCloseTo(basfValue, 2);
    expect(basf?.fxRate).toBe(ECB.get(AS_OF)?.get('USD'));
    expect(basf?.fxRateDay).toBe(AS_OF);
    expect(Number(basf?.marketValueBase)).toBeCloseTo(basfValue * u, 2);
    expect(Number(basf?.costBasisBase)).toBeCloseTo(basfCostUsd, 2);
    expect(Number(basf?.unrealizedPlBase)).toBeCloseTo(basfValue * u - basfCostUsd, 2);
    // Price effect: the gain in euros at today's rate; currency effect: the rate's move on the cost.
    expect(Number(basf?.priceEffectBase)).toBeCloseTo((basfValue - basfCost) * u, 2);
    expect(Number(basf?.currencyEffectBase)).toBeCloseTo(basfCost * u - basfCostUsd, 2);
    const sum = BigInt(
      Math.round(Number(basf?.priceEffectBase) * 1e10) + Math.round(Number(basf?.currencyEffectBase) * 1e10),
    );
    expect(sum).toBe(BigInt(Math.round(Number(basf?.unrealizedPlBase) * 1e10)));

    const jpm = view.rows.find((r) => r.symbol === 'JPM');
    expect(jpm).toMatchObject({ fxRate: '1', currencyEffectBase: '0' });
    expect(Number(jpm?.marketValueBase)).toBeCloseTo(jpmValue, 2);

    const depot = view.cash.find((c) => c.account === 'Depot');
    expect(Number(depot?.balance)).toBeCloseTo(eurCash, 2);
    expect(Number(depot?.balanceBase)).toBeCloseTo(eurCash * u, 2);
    const total = basfValue * u + jpmValue + eurCash * u + usdCash;
    expect(Number(view.totals.total)).toBeCloseTo(total, 2);
    expect(Number(view.totals.cash)).toBeCloseTo(eurCash * u + usdCash, 2);
    expect(Number(view.totals.currencyEffect)).toBeCloseTo(basfCost * u - basfCostUsd, 2);
    expect(view.totals.leftOut).toEqual([]);
    // Exposure: the euro share is BASF and the euro cash, in dollars.
    const euroShare = ((basfValue + eurCash) * u) / total;
    expect(view.currencies.find((c) => c.currency === 'EUR')?.sharePct).toBeCloseTo(euroShare * 100, 6);

    // The export reproduces the same figures from the ECB file to the cent.
    const row = (await exported(backend, 'holdings')).find((r) => r.symbol === 'BAS.DE');
    expect(row).toMatchObject({ currency: 'EUR', base_currency: 'USD', fx_rate: ECB.get(AS_OF)?.get('USD') });
    expect(Number(row?.market_value_base)).toBeCloseTo(basfValue * u, 2);
    expect(Number(row?.cost_basis_base)).toBeCloseTo(basfCostUsd, 2);
    expect(Number(row?.unrealized_pl_base)).toBeCloseTo(basfValue * u - basfCostUsd, 2);
    expect(Number(row?.currency_effect_base)).toBeCloseTo(basfCost * u - basfCostUsd, 2);

    // The value series, and so the performance export, ends at the same total.
    const all = (await exported(backend, 'performance')).find((r) => r.period === 'ALL');
    expect(all?.currency).toBe('USD');
    expect(Number(all?.end_value)).toBeCloseTo(total, 2);
    // Both deposits are the only flows, on the first day, the euros at that day's rate: the
    // return in dollars is the end value over them, the euro's move included.
    const paidIn = 10000 * eur(D1) + 10000;
    expect(Number(all?.start_value)).toBeCloseTo(paidIn, 2);
    expect(Number(all?.twr_pct)).toBeCloseTo((total / paidIn - 1) * 100, 6);
    expect(Number(all?.mwr_pct)).toBeCloseTo((total / paidIn - 1) * 100, 6);
  });

  it('values the same portfolio for a EUR investor: USD→EUR is 1 ÷ EURUSD, SPY measured in euros', async () => {
    const backend = await portfolio();
    await callOk(backend, 'settings:set', { baseCurrency: 'EUR', benchmarkBasis: 'price' });
    const view = await holdings(backend);
    expect(view.baseCurrency).toBe('EUR');
    const toEur = divide10('1', ECB.get(AS_OF)?.get('USD') as string);
    const jpm = view.rows.find((r) => r.symbol === 'JPM');
    expect(Number(jpm?.fxRate)).toBe(toEur);
    expect(Number(jpm?.marketValueBase)).toBeCloseTo(jpmValue / eur(AS_OF), 2);
    expect(Number(jpm?.costBasisBase)).toBeCloseTo(jpmCost / eur(D1), 2);
    expect(Number(jpm?.currencyEffectBase)).toBeCloseTo(jpmCost / eur(AS_OF) - jpmCost / eur(D1), 2);
    const basf = view.rows.find((r) => r.symbol === 'BAS.DE');
    expect(basf).toMatchObject({ fxRate: '1', currencyEffectBase: '0' });
    expect(Number(basf?.costBasisBase)).toBeCloseTo(basfCost, 2);
    const total = basfValue + eurCash + (jpmValue + usdCash) / eur(AS_OF);
    expect(Number(view.totals.total)).toBeCloseTo(total, 2);

    const perf = await callOk<PerformanceOutput>(backend, 'portfolio:performance', { period: 'ALL', to: AS_OF });
    expect(perf.baseCurrency).toBe('EUR');
    expect(perf.endValue).toBeCloseTo(total, 2);
    const paidIn = 10000 + 10000 / eur(D1);
    expect(perf.twrPct).toBeCloseTo((total / paidIn - 1) * 100, 6);
    // SPY's change in euros: each close divided by that day's EURUSD.
    const bench = perf.benchmark;
    expect(bench).toMatchObject({ symbol: 'SPY', currency: 'USD', measuredIn: 'EUR' });
    const from = bench?.from as string;
    const inEur = (day: string) => close(SPY, day) / eur(day);
    expect(bench?.pct).toBeCloseTo((inEur(AS_OF) / inEur(from) - 1) * 100, 6);
    // And not its change in dollars.
    expect(Math.abs((bench?.pct as number) - (close(SPY, AS_OF) / close(SPY, from) - 1) * 100)).toBeGreaterThan(1);
  });

  it('bridges Easter with the last rate before it: Easter Monday 2017 takes Maundy Thursday’s', async () => {
    const backend = await portfolio();
    const view = await holdings(backend, '2017-04-17');
    // JPM traded on Easter Monday; XETRA and the ECB did not (nor on Good Friday).
    expect(view.asOf).toBe('2017-04-17');
    expect(ECB.has('2017-04-14') || ECB.has('2017-04-17')).toBe(false);
    const basf = view.rows.find((r) => r.symbol === 'BAS.DE');
    expect(basf).toMatchObject({ fxRate: ECB.get('2017-04-13')?.get('USD'), fxRateDay: '2017-04-13' });
    expect(Number(basf?.marketValueBase)).toBeCloseTo(120 * close(BASF, '2017-04-13') * eur('2017-04-13'), 2);
  });

  it('contains a missing rate: a CHF account is left out and named, nothing else changes', async () => {
    const backend = await portfolio();
    const before = await holdings(backend);
    await callOk(backend, 'accounts:create', { name: 'Zurich', currency: 'CHF' });
    await callOk(backend, 'transactions:create', {
      date: AS_OF,
      time: null,
      account: 'Zurich',
      currency: 'CHF',
      type: 'deposit',
      symbol: null,
      quantity: null,
      price: null,
      fee: null,
      amount: '5000',
      note: '',
    });
    const view = await holdings(backend);
    const zurich = view.cash.find((c) => c.account === 'Zurich');
    expect(zurich).toMatchObject({
      balance: '5000',
      balanceBase: null,
      fxRate: null,
      fxNote: `no CHF→USD rate on or before ${AS_OF}`,
    });
    expect(view.totals.leftOut).toEqual([{ currency: 'CHF', amount: '5000', count: 1 }]);
    expect(view.totals.total).toBe(before.totals.total);
    expect(view.rows.map((r) => r.marketValueBase)).toEqual(before.rows.map((r) => r.marketValueBase));
    // Data health names it once, with the account; the EUR holdings (their rate is there) are not listed.
    const health = await callOk<CallOutput<'health:check'>>(backend, 'health:check', {});
    const fx = health.problems.filter((p) => p.kind === 'missing_fx_rate');
    expect(fx).toHaveLength(1);
    // On the portfolio's valuation day (its prices' last day), which no CHF rate reaches.
    expect(fx[0]).toMatchObject({ accounts: ['Zurich'] });
    expect(fx[0]?.detail).toContain(`No CHF→USD rate on or before ${fx[0]?.day}`);
    expect((fx[0]?.day ?? '') >= AS_OF).toBe(true);
    expect(fx[0]?.detail).toContain('CHF cash cannot be converted to USD');
  });

  it('converts pound cash through the euro exactly: GBP→USD = EURUSD ÷ EURGBP', async () => {
    const backend = await portfolio();
    await callOk(backend, 'accounts:create', { name: 'London', currency: 'GBP' });
    await callOk(backend, 'transactions:create', {
      date: AS_OF,
      time: null,
      account: 'London',
      currency: 'GBP',
      type: 'deposit',
      symbol: null,
      quantity: null,
      price: null,
      fee: null,
      amount: '1000',
      note: '',
    });
    const london = (await holdings(backend)).cash.find((c) => c.account === 'London');
    const rate = divide10(ECB.get(AS_OF)?.get('USD') as string, ECB.get(AS_OF)?.get('GBP') as string);
    expect(Number(london?.fxRate)).toBe(rate);
    expect(Number(london?.balanceBase)).toBeCloseTo(1000 * rate, 6);
  });

  it('settles a EUR account’s purchase of JPM in euros at the day’s cached rate, and in dollars without one', async () => {
    const backend = (opened = testBackend(tempDir()));
    const content = fs.readFileSync(path.join(DATA, 'quotes', 'JPM.csv'), 'utf8');
    await callOk(backend, 'quotes:importFile', { fileName: 'JPM.csv', content });
    await callOk(backend, 'accounts:create', { name: 'Euro', currency: 'EUR' });
    const base = { time: null, account: 'Euro', note: '', fee: null } as const;
    await callOk(backend, 'transactions:create', {
      ...base,
      date: AS_OF,
      currency: 'EUR',
      type: 'deposit',
      symbol: null,
      quantity: null,
      price: null,
      amount: '10000',
    });
    await callOk(backend, 'transactions:create', {
      ...base,
      date: AS_OF,
      currency: 'USD',
      type: 'buy',
      symbol: 'JPM',
      quantity: '10',
      price: '79.51',
      amount: null,
    });
    // No rate at all: the purchase is paid from dollar cash, which the account now owes, and said.
    const unsettled = await holdings(backend);
    expect(unsettled.cash.map((c) => [c.currency, c.balance])).toEqual([
      ['EUR', '10000'],
      ['USD', '-795.1'],
    ]);
    expect(
      unsettled.notes.some((n) => n.includes(`no USD→EUR rate on or before ${AS_OF}`) && n.includes('USD cash')),
    ).toBe(true);
    const unsettledHealth = (await callOk<CallOutput<'health:check'>>(backend, 'health:check', {})).problems.filter(
      (p) => p.kind === 'missing_fx_rate',
    );
    expect(unsettledHealth.map((p) => p.detail).some((d) => d.includes(`no USD→EUR rate on or before ${AS_OF}`))).toBe(
      true,
    );

    backend.db.transaction(() => backend.store.fxRates.write(ecbRates(['USD'])))();
    // What a rate import announces (any scope re-values; the ledger's key follows the rates).
    backend.events.emit('data:changed', { scope: 'quotes' });
    const settled = await holdings(backend);
    const paid = 795.1 * divide10('1', ECB.get(AS_OF)?.get('USD') as string);
    expect(settled.cash.map((c) => c.currency)).toEqual(['EUR']);
    expect(Number(settled.cash[0]?.balance)).toBeCloseTo(10000 - paid, 2);
    expect(settled.notes.some((n) => n.includes('USD cash'))).toBe(false);
    expect(
      (await callOk<CallOutput<'health:check'>>(backend, 'health:check', {})).problems.filter(
        (p) => p.kind === 'missing_fx_rate',
      ),
    ).toEqual([]);
  });
});
