import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, it } from 'vitest';
import type { HoldingsOutput } from '../../shared/api/portfolio-schemas';
import type { Backend } from '../backend/backend';
import { testBackend } from '../test-support/backend';
import { useTempDirs } from '../test-support/temp-dir';
import { TRANSACTION_COLUMNS } from '../../shared/csv/transaction-columns';
import { createExportRepo } from '../db/csv-export-repo';
import { EXPORTERS, QUOTES_COLUMNS } from './exporters';

describe('exporters', () => {
  const tempDir = useTempDirs();
  let opened: Backend | undefined;
  afterEach(() => opened?.close());
  const open = () => (opened = testBackend(tempDir()));

  it('has one entry per kind of the contract', async () => {
    const { EXPORT_KINDS } = await import('../../shared/api/csv-schemas');
    expect(Object.keys(EXPORTERS).sort()).toEqual([...EXPORT_KINDS].sort());
    expect(EXPORTERS.holdings.columns.slice(0, 2)).toEqual(['account', 'symbol']);
  });

  it('reads the columns an export names, in the order it names them (written once, in the exporter)', async () => {
    const backend = open();
    await backend.dispatch('accounts:create', { name: 'Brokerage', currency: 'USD' });
    const stored = {
      date: '2016-11-14',
      time: '09:30',
      account: 'Brokerage',
      type: 'buy',
      symbol: 'SPY',
      quantity: '3',
      price: '100.50',
      fee: '1.25',
      amount: '302.75',
      currency: 'USD',
      note: 'a note',
    } as const;
    expect(await backend.dispatch('transactions:create', stored)).toMatchObject({ ok: true });
    const storedColumns = { ...stored, fx_rate: null };
    backend.db
      .prepare(
        'INSERT INTO quotes (symbol, day, source, open, high, low, close, adj_close, volume, fetched_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run('SPY', '2016-11-14', 'yahoo', 1, 2, 3, 4, 5, 6, '2016-11-15T00:00:00Z');
    const bar = {
      symbol: 'SPY',
      date: '2016-11-14',
      source: 'yahoo',
      open: 1,
      high: 2,
      low: 3,
      close: 4,
      adj_close: 5,
      volume: 6,
      fetched_at: '2016-11-15T00:00:00Z',
    };
    const repo = createExportRepo(backend.db);
    expect([...repo.transactions(TRANSACTION_COLUMNS, null)]).toEqual([
      TRANSACTION_COLUMNS.map((c) => storedColumns[c]),
    ]);
    const reversed = [...TRANSACTION_COLUMNS].reverse();
    expect([...repo.transactions(reversed, null)]).toEqual([reversed.map((c) => storedColumns[c])]);
    expect([...repo.quotes(QUOTES_COLUMNS, null)]).toEqual([QUOTES_COLUMNS.map((c) => bar[c])]);
    expect([...repo.quotes(['volume', 'date'], null)]).toEqual([[6, '2016-11-14']]);
  });

  it('exports cached quotes with full precision and no exponents', async () => {
    const backend = open();
    const insert = backend.db.prepare(
      'INSERT INTO quotes (symbol, day, source, open, high, low, close, adj_close, volume, fetched_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    insert.run(
      'SPY',
      '2016-11-14',
      'yahoo',
      212.5,
      213.1,
      211.9,
      212.99999999999997,
      null,
      123456789,
      '2016-11-15T00:00:00Z',
    );
    insert.run('SPY', '2016-11-15', 'yahoo', null, null, null, 1e-7, null, null, '2016-11-16T00:00:00Z');
    insert.run('AAPL', '2016-11-15', 'stooq', 105.5, 106, 105, 105.71, 105.71, 5, '2016-11-16T00:00:00Z');
    const all = await backend.dispatch('csv:export', { kind: 'quotes' });
    expect(all).toMatchObject({ ok: true, value: { rows: 3, fileName: 'tiltfolio-quotes.csv' } });
    expect((all as { value: { content: string } }).value.content).toBe(
      [
        'symbol,date,source,open,high,low,close,adj_close,volume,fetched_at',
        'AAPL,2016-11-15,stooq,105.5,106,105,105.71,105.71,5,2016-11-16T00:00:00Z',
        'SPY,2016-11-14,yahoo,212.5,213.1,211.9,212.99999999999997,,123456789,2016-11-15T00:00:00Z',
        'SPY,2016-11-15,yahoo,,,,0.0000001,,,2016-11-16T00:00:00Z',
        '',
      ].join('\r\n'),
    );
    const asOf = await backend.dispatch('csv:export', { kind: 'quotes', asOf: '2016-11-14' });
    expect(asOf).toMatchObject({ ok: true, value: { rows: 1 } });
  });

  it('writes holdings, performance and rotation from the portfolio service', async () => {
    const backend = open();
    expect(await backend.dispatch('demo:load', {})).toMatchObject({ ok: true });
    const exported = async (kind: string, asOf?: string) => {
      const result = await backend.dispatch('csv:export', { kind, ...(asOf ? { asOf } : {}) });
      if (!result.ok) throw new Error(result.error.message);
      return parse((result.value as { content: string }).content, { columns: true }) as Record<string, string>[];
    };

    const asOf = '2016-11-14';
    const holdings = await exported('holdings', asOf);
    const view = await backend.dispatch('portfolio:holdings', { asOf });
    if (!view.ok) throw new Error(view.error.message);
    const rows = (view.value as HoldingsOutput).rows;
    expect(holdings).toHaveLength(rows.length);
    expect(holdings.length).toBeGreaterThan(0);
    const first = rows[0] as HoldingsOutput['rows'][number];
    expect(holdings[0]).toEqual({
      account: first.account,
      symbol: first.symbol,
      currency: first.currency,
      sleeve: first.sleeve,
      quantity: first.quantity,
      cost_basis: first.costBasis,
      price: String(first.price),
      price_date: first.priceDate,
      market_value: first.marketValue,
      unrealized_pl: first.unrealizedPl,
      realized_pl: first.realizedPl,
      dividends: first.dividends,
      weight_pct: String(first.weightPct),
      // All in USD, the base: the rate is 1 and the base columns repeat the own-currency ones.
      base_currency: 'USD',
      fx_rate: '1',
      market_value_base: first.marketValue,
      cost_basis_base: first.costBasis,
      unrealized_pl_base: first.unrealizedPl,
      currency_effect_base: '0',
    });
    expect(holdings.every((row) => (row.price_date ?? '') <= asOf)).toBe(true);

    const performance = await exported('performance', asOf);
    expect(performance.map((row) => row.period)).toEqual(['1D', '1M', '3M', 'YTD', '1Y', '3Y', 'ALL']);
    expect(performance.every((row) => row.to === performance[0]?.to && (row.to ?? '') <= asOf)).toBe(true);
    expect(Number(performance.at(-1)?.twr_pct)).not.toBeNaN();

    const rotation = await exported('rotation');
    expect(rotation.length).toBeGreaterThan(0);
    expect(new Set(rotation.map((row) => row.quadrant))).not.toContain('');
    expect(rotation.every((row) => ['leading', 'weakening', 'lagging', 'improving'].includes(row.quadrant ?? ''))).toBe(
      true,
    );
  });

  it('refuses paths in browser mode', async () => {
    const backend = open();
    const result = await backend.dispatch('csv:exportFile', { kind: 'transactions', path: '/tmp/x.csv' });
    expect(result).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('in the browser, use the upload or download') },
    });
  });
});
