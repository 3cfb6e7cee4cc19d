import { afterEach, describe, expect, it } from 'vitest';
import type { Backend } from '../backend/backend';
import { testBackend } from '../test-support/backend';
import { useTempDirs } from '../test-support/temp-dir';
import { EXPORTERS } from './exporters';

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

  it('exports holdings, performance and rotation from the engine, valued as of a date', async () => {
    const backend = open();
    expect(await backend.dispatch('demo:load', {})).toMatchObject({ ok: true });
    const exported = async (kind: string, asOf?: string) => {
      const result = await backend.dispatch('csv:export', { kind, ...(asOf ? { asOf } : {}) });
      if (!result.ok) throw new Error(result.error.message);
      return (result.value as { content: string }).content
        .trimEnd()
        .split('\r\n')
        .map((line) => line.split(','));
    };
    const holdings = await exported('holdings', '2016-11-14');
    const header = holdings[0] as string[];
    const aapl = holdings.find((row) => row[1] === 'AAPL') as string[];
    const col = (name: string) => aapl[header.indexOf(name)];
    expect(col('quantity')).toBe('105');
    expect(col('price_date')).toBe('2016-11-14');
    expect(Number(col('market_value'))).toBeCloseTo(105 * Number(col('price')), 6);
    expect(holdings.slice(1).reduce((sum, row) => sum + Number(row[header.indexOf('weight_pct')]), 0)).toBeCloseTo(
      100,
      6,
    );

    const performance = await exported('performance');
    expect(performance.slice(1).map((row) => row[0])).toEqual(['1D', '1M', '3M', 'YTD', '1Y', '3Y', 'ALL']);
    expect(performance[1]?.[8]).toBe('SPY');

    const rotation = await exported('rotation');
    expect(new Set(rotation.slice(1).map((row) => row[0]))).toEqual(
      new Set(['large_cap_tech', 'financials', 'small_caps', 'other']),
    );
    expect(
      rotation.slice(1).every((row) => ['leading', 'weakening', 'lagging', 'improving'].includes(row[5] as string)),
    ).toBe(true);
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
