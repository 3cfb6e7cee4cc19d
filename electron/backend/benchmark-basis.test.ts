// The benchmark's total return by default, its price return as a setting (issue 15, defect 2).
// Over 2014–2016 SPY's price return is about 22 %, its total return about 30 %: a portfolio that
// counts its dividends is compared with the second. Real SPY closes and Yahoo's adjusted closes.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, it } from 'vitest';
import type { PerformanceOutput } from '../../shared/api/portfolio-schemas';
import type { Backend } from './backend';
import { testBackend } from '../test-support/backend';
import { importRealQuotes, oneBuyPortfolio, REAL_QUOTES, realBarOn } from '../test-support/real-data';
import { useTempDirs } from '../test-support/temp-dir';

describe('the benchmark basis', () => {
  const tempDir = useTempDirs();
  let opened: Backend | undefined;
  afterEach(() => opened?.close());

  it('is total return by default and price return when set, in the call and the export', async () => {
    const backend = (opened = testBackend(tempDir()));
    await oneBuyPortfolio(backend, { symbol: 'JPM', first: '2013-12-31', quantity: 150 });
    await importRealQuotes(backend, ['SPY']);
    const [from, to] = ['2014-01-02', '2016-12-30'];
    const bar = (day: string) => realBarOn('SPY', day) as NonNullable<ReturnType<typeof realBarOn>>;
    const total = (bar(to).adjClose / bar(from).adjClose - 1) * 100;
    const price = (bar(to).close / bar(from).close - 1) * 100;
    expect(total).toBeCloseTo(29.9, 1);
    expect(price).toBeCloseTo(22.2, 1);

    async function compared() {
      const result = await backend.dispatch('portfolio:performance', { period: 'CUSTOM', from, to });
      if (!result.ok) throw new Error(result.error.message);
      const bench = (result.value as PerformanceOutput).benchmark as NonNullable<PerformanceOutput['benchmark']>;
      const exported = await backend.dispatch('csv:export', { kind: 'performance', asOf: to });
      if (!exported.ok) throw new Error(exported.error.message);
      const rows = parse((exported.value as { content: string }).content, { columns: true }) as Record<
        string,
        string
      >[];
      return { bench, all: rows.find((r) => r.period === 'ALL') as Record<string, string> };
    }

    const byDefault = await compared();
    expect(byDefault.bench.basis).toBe('total');
    expect(byDefault.bench.pct).toBeCloseTo(total, 9);
    expect(byDefault.bench.relativePct).toBeCloseTo(
      ((1 + (byDefault.bench.portfolioPct as number) / 100) / (1 + total / 100) - 1) * 100,
      9,
    );
    // The export's ALL row runs from the first day, 2013-12-31.
    const over = (row: Record<string, string>, basis: 'adjClose' | 'close') =>
      (bar(row.benchmark_to as string)[basis] / bar(row.benchmark_from as string)[basis] - 1) * 100;
    expect(byDefault.all).toMatchObject({ benchmark_basis: 'total', benchmark_from: '2013-12-31', benchmark_to: to });
    expect(Number(byDefault.all.benchmark_pct)).toBeCloseTo(over(byDefault.all, 'adjClose'), 9);

    expect(await backend.dispatch('settings:set', { benchmarkBasis: 'price' })).toMatchObject({ ok: true });
    const onPrice = await compared();
    expect(onPrice.bench.basis).toBe('price');
    expect(onPrice.bench.pct).toBeCloseTo(price, 9);
    expect(onPrice.all.benchmark_basis).toBe('price');
    expect(Number(onPrice.all.benchmark_pct)).toBeCloseTo(over(onPrice.all, 'close'), 9);
  });

  it('falls back to price, and says so, for a benchmark without adjusted closes', async () => {
    const backend = (opened = testBackend(tempDir()));
    await oneBuyPortfolio(backend, { symbol: 'JPM', first: '2013-12-31', quantity: 150 });
    // The same closes with the Adj Close column emptied, as a Stooq download has none.
    const lines = realBarsCsv('SPY').map((cells, i) => (i === 0 ? cells : [...cells.slice(0, 5), '', cells[6]]));
    const content = lines.map((cells) => cells.join(',')).join('\n');
    const imported = await backend.dispatch('quotes:importFile', { fileName: 'SPY.csv', content });
    if (!imported.ok) throw new Error(imported.error.message);
    const result = await backend.dispatch('portfolio:performance', { period: 'ALL' });
    if (!result.ok) throw new Error(result.error.message);
    const view = result.value as PerformanceOutput;
    expect(view.benchmark?.basis).toBe('price');
    expect(view.notes.some((n) => n.startsWith('SPY has no adjusted close'))).toBe(true);
  });
});

function realBarsCsv(symbol: string): string[][] {
  const text = fs.readFileSync(path.join(REAL_QUOTES, `${symbol}.csv`), 'utf8').trim();
  return text.split(/\r?\n/).map((line) => line.split(','));
}
