// Holdings "as of" a past day are the ledger replayed through that day, checked against a FIFO
// replay written here, over the demo portfolio and the real closes it trades (../shared/data).
import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, it } from 'vitest';
import type { HoldingsOutput } from '../../shared/api/portfolio-schemas';
import type { TransactionRow } from '../../shared/api/transaction-schemas';
import type { Backend } from './backend';
import { testBackend } from '../test-support/backend';
import { realBarOn } from '../test-support/real-data';
import { useTempDirs } from '../test-support/temp-dir';

interface Lot {
  quantity: number;
  unitCost: number;
}
interface Held {
  lots: Lot[];
  realized: number;
  dividends: number;
}

/** A plain FIFO replay of the rows dated on or before `day`, in floats (compared to cents). */
function replayThrough(rows: readonly TransactionRow[], day: string) {
  const held = new Map<string, Held>();
  const cash = new Map<string, number>();
  const sorted = rows.filter((r) => r.date <= day).sort((a, b) => a.date.localeCompare(b.date) || a.id - b.id);
  const holding = (r: TransactionRow) => {
    const key = `${r.account}|${r.symbol}`;
    let h = held.get(key);
    if (!h) held.set(key, (h = { lots: [], realized: 0, dividends: 0 }));
    return h;
  };
  const addCash = (account: string, amount: number) => cash.set(account, (cash.get(account) ?? 0) + amount);
  for (const r of sorted) {
    const qty = Number(r.quantity ?? 0);
    const price = Number(r.price ?? 0);
    const fee = Number(r.fee ?? 0);
    const amount = Number(r.amount ?? 0);
    if (r.type === 'deposit' || r.type === 'interest') addCash(r.account, amount);
    else if (r.type === 'fee' || r.type === 'withdrawal') addCash(r.account, -amount);
    else if (r.type === 'dividend') {
      addCash(r.account, amount);
      holding(r).dividends += amount;
    } else if (r.type === 'buy') {
      holding(r).lots.push({ quantity: qty, unitCost: (qty * price + fee) / qty });
      addCash(r.account, -(qty * price + fee));
    } else if (r.type === 'sell') {
      const h = holding(r);
      let left = qty;
      let cost = 0;
      while (left > 0) {
        const lot = h.lots[0] as Lot;
        const take = Math.min(left, lot.quantity);
        cost += take * lot.unitCost;
        lot.quantity -= take;
        left -= take;
        if (lot.quantity === 0) h.lots.shift();
      }
      h.realized += qty * price - fee - cost;
      addCash(r.account, qty * price - fee);
    } else if (r.type === 'split') {
      for (const lot of holding(r).lots) {
        lot.unitCost /= qty;
        lot.quantity *= qty;
      }
    } else throw new Error(`the test's replay does not know ${r.type}`);
  }
  /** The adjusted closes are on today's share scale: a later split multiplies that day's price. */
  const laterSplits = (account: string, symbol: string) =>
    rows
      .filter((r) => r.type === 'split' && r.account === account && r.symbol === symbol && r.date > day)
      .reduce((f, r) => f * Number(r.quantity), 1);
  const positions = [...held].map(([key, h]) => {
    const [account, symbol] = key.split('|') as [string, string];
    const quantity = h.lots.reduce((s, l) => s + l.quantity, 0);
    const close = realBarOn(symbol, day)?.close ?? null;
    const price = close === null ? null : close * laterSplits(account, symbol);
    return {
      account,
      symbol,
      quantity,
      costBasis: h.lots.reduce((s, l) => s + l.quantity * l.unitCost, 0),
      price,
      marketValue: price === null ? null : quantity * price,
      realized: h.realized,
      dividends: h.dividends,
    };
  });
  return { positions, cash };
}

describe('holdings as of a past day (issue 15, defect 1)', () => {
  const tempDir = useTempDirs();
  let opened: Backend | undefined;
  afterEach(() => opened?.close());

  async function demo() {
    const backend = (opened = testBackend(tempDir()));
    expect(await backend.dispatch('demo:load', {})).toMatchObject({ ok: true });
    const listed = await backend.dispatch('transactions:list', {});
    if (!listed.ok) throw new Error(listed.error.message);
    return { backend, rows: (listed.value as { rows: TransactionRow[] }).rows };
  }

  async function holdings(backend: Backend, asOf: string): Promise<HoldingsOutput> {
    const result = await backend.dispatch('portfolio:holdings', { asOf });
    if (!result.ok) throw new Error(result.error.message);
    return result.value as HoldingsOutput;
  }

  async function exported(backend: Backend, kind: string, asOf: string) {
    const result = await backend.dispatch('csv:export', { kind, asOf });
    if (!result.ok) throw new Error(result.error.message);
    return parse((result.value as { content: string }).content, { columns: true }) as Record<string, string>[];
  }

  // Before the split and the second account; after the split and the second account's opening;
  // after the GS sale; the day before the last trades.
  it.each(['2013-06-28', '2014-12-31', '2016-12-30', '2018-12-21'])(
    'on %s match a FIFO replay through that day, and the performance export',
    async (day) => {
      const { backend, rows } = await demo();
      expect(rows.length).toBeGreaterThan(20);
      const truth = replayThrough(rows, day);
      const view = await holdings(backend, day);
      const open = truth.positions.filter((p) => p.quantity > 0);
      expect(view.rows.map((r) => `${r.account}|${r.symbol}`).sort()).toEqual(
        open.map((p) => `${p.account}|${p.symbol}`).sort(),
      );
      for (const p of open) {
        const row = view.rows.find((r) => r.account === p.account && r.symbol === p.symbol);
        expect(Number(row?.quantity)).toBeCloseTo(p.quantity, 9);
        expect(Number(row?.costBasis)).toBeCloseTo(p.costBasis, 6);
        expect(row?.price).toBeCloseTo(p.price as number, 6);
        expect(Number(row?.marketValue)).toBeCloseTo(p.marketValue as number, 6);
        expect(Number(row?.realizedPl)).toBeCloseTo(p.realized, 6);
        expect(Number(row?.dividends)).toBeCloseTo(p.dividends, 6);
      }
      const sum = (values: number[]) => values.reduce((s, v) => s + v, 0);
      const realized = sum(truth.positions.map((p) => p.realized));
      expect(Number(view.totals.realizedPl)).toBeCloseTo(realized, 6);
      expect(Number(view.totals.dividends)).toBeCloseTo(sum(truth.positions.map((p) => p.dividends)), 6);
      const cash = [...truth.cash].filter(([, balance]) => Math.abs(balance) > 1e-9);
      expect(view.cash.filter((c) => Number(c.balance) !== 0).map((c) => [c.account, Number(c.balance)])).toEqual(
        cash.map(([account, balance]) => [account, expect.closeTo(balance, 6)]),
      );
      const total = sum(open.map((p) => p.marketValue as number)) + sum(cash.map(([, b]) => b));
      expect(Number(view.totals.total)).toBeCloseTo(total, 6);

      const exportedRows = await exported(backend, 'holdings', day);
      expect(exportedRows).toHaveLength(open.length);
      const performance = await exported(backend, 'performance', day);
      const all = performance.find((r) => r.period === 'ALL');
      expect(all?.to).toBe(day);
      expect(Number(all?.end_value)).toBeCloseTo(total, 2);
      // Money is written at the currency's precision (defect 9), not as the float sum.
      expect(all?.end_value).toBe(total.toFixed(2));
    },
  );

  it('before the first record has no rows, no cash and no value', async () => {
    const { backend, rows } = await demo();
    const first = rows.map((r) => r.date).sort()[0] as string;
    expect(first).toBe('2012-06-01');
    const view = await holdings(backend, '2012-05-15');
    expect(view.rows).toEqual([]);
    expect(view.cash.filter((c) => Number(c.balance) !== 0)).toEqual([]);
    expect(Number(view.totals.total)).toBe(0);
    expect(await exported(backend, 'holdings', '2012-05-15')).toEqual([]);
  });
});
