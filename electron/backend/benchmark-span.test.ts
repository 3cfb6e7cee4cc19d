// A benchmark whose closes stop before the portfolio's is compared only over the days both cover,
// and never reads 0 % (issue 15, defect 3). Real closes: NVDA runs to 2022-12-29, SPY stops on
// 2019-02-22.
import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, it } from 'vitest';
import type { PerformanceOutput } from '../../shared/api/portfolio-schemas';
import type { Backend } from './backend';
import { testBackend } from '../test-support/backend';
import { importRealQuotes, oneBuyPortfolio, realBarOn } from '../test-support/real-data';
import { useTempDirs } from '../test-support/temp-dir';

describe('a benchmark that stops before the portfolio', () => {
  const tempDir = useTempDirs();
  let opened: Backend | undefined;
  afterEach(() => opened?.close());

  it('is compared over the common span in the performance call and export, and flagged', async () => {
    const backend = (opened = testBackend(tempDir()));
    const first = '2016-01-04';
    const fill = await oneBuyPortfolio(backend, { symbol: 'NVDA', first, quantity: 300 });
    await importRealQuotes(backend, ['SPY']);
    const cash = 10000 - 300 * fill - 4.95;
    const value = (day: string) => cash + 300 * (realBarOn('NVDA', day)?.close as number);
    // Total return, the default basis: SPY's adjusted closes.
    const spy = (day: string) => realBarOn('SPY', day)?.adjClose as number;
    const spyEnd = '2019-02-22';

    const result = await backend.dispatch('portfolio:performance', { period: 'ALL' });
    if (!result.ok) throw new Error(result.error.message);
    const all = result.value as PerformanceOutput;
    expect(all.to).toBe('2022-12-29');
    const bench = all.benchmark as NonNullable<PerformanceOutput['benchmark']>;
    expect(bench).toMatchObject({
      symbol: 'SPY',
      basis: 'total',
      from: first,
      to: spyEnd,
      lastDay: spyEnd,
      endsEarly: true,
    });
    expect(bench.pct).toBeCloseTo((spy(spyEnd) / spy(first) - 1) * 100, 9);
    const portfolioPct = (value(spyEnd) / 10000 - 1) * 100;
    expect(bench.portfolioPct).toBeCloseTo(portfolioPct, 6);
    expect(bench.relativePct).toBeCloseTo(((1 + portfolioPct / 100) / (spy(spyEnd) / spy(first)) - 1) * 100, 6);
    expect(bench.growth.at(-1)?.time).toBe(spyEnd);
    expect(all.notes.some((n) => n.includes('SPY') && n.includes(spyEnd))).toBe(true);

    const exported = await backend.dispatch('csv:export', { kind: 'performance' });
    if (!exported.ok) throw new Error(exported.error.message);
    const rows = parse((exported.value as { content: string }).content, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.period)).toEqual(['1D', '1M', '3M', 'YTD', '1Y', '3Y', 'ALL']);
    // 1D … 3Y lie after SPY's last close: nothing to compare, and no 0 %.
    for (const row of rows.slice(0, 6)) {
      expect(row).toMatchObject({ benchmark: 'SPY', benchmark_from: '', benchmark_to: '', benchmark_pct: '' });
      expect(row.relative_pct).toBe('');
    }
    const allRow = rows[6] as Record<string, string>;
    expect(allRow).toMatchObject({ from: first, to: '2022-12-29', benchmark_from: first, benchmark_to: spyEnd });
    expect(Number(allRow.benchmark_pct)).toBeCloseTo((spy(spyEnd) / spy(first) - 1) * 100, 9);
  });
});
