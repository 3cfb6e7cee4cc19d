// The since-inception return starts from the cash paid in on the first day, so that day's trading
// result (a fill above the close, the commission) counts (issue 15, defect 5). Real SPY closes.
import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, it } from 'vitest';
import type { PerformanceOutput } from '../../shared/api/portfolio-schemas';
import type { Backend } from './backend';
import { testBackend } from '../test-support/backend';
import { oneBuyPortfolio, realBarOn } from '../test-support/real-data';
import { useTempDirs } from '../test-support/temp-dir';

describe('the since-inception return', () => {
  const tempDir = useTempDirs();
  let opened: Backend | undefined;
  afterEach(() => opened?.close());

  it('counts the first day: a buy 2.6 % above the close and its fee', async () => {
    const backend = (opened = testBackend(tempDir()));
    const first = '2016-01-04';
    const end = '2016-12-30';
    const fill = await oneBuyPortfolio(backend, { symbol: 'SPY', first, quantity: 45, priceFactor: 1.026 });
    // The truth: 10000 paid in, nothing else in or out; what it is worth at the end.
    const cash = 10000 - 45 * fill - 4.95;
    const endValue = cash + 45 * (realBarOn('SPY', end)?.close as number);
    const truthPct = (endValue / 10000 - 1) * 100;
    // What measuring from the first close gave: it drops the 2.6 % paid above the close.
    const firstClose = cash + 45 * (realBarOn('SPY', first)?.close as number);
    expect(Math.abs((endValue / firstClose - 1) * 100 - truthPct)).toBeGreaterThan(2);

    const result = await backend.dispatch('portfolio:performance', { period: 'CUSTOM', from: '1900-01-01', to: end });
    if (!result.ok) throw new Error(result.error.message);
    const view = result.value as PerformanceOutput;
    expect(view.from).toBe(first);
    expect(view.startValue).toBe(10000);
    expect(view.endValue).toBeCloseTo(endValue, 6);
    expect(view.twrPct).toBeCloseTo(truthPct, 9);
    expect(view.mwrPct).toBeCloseTo(truthPct, 6);
    // The growth of 100 ends where the return says.
    expect(view.growth.at(-1)?.value).toBeCloseTo(100 + truthPct, 9);

    const exported = await backend.dispatch('csv:export', { kind: 'performance', asOf: end });
    if (!exported.ok) throw new Error(exported.error.message);
    const rows = parse((exported.value as { content: string }).content, { columns: true }) as Record<string, string>[];
    for (const period of ['1Y', 'ALL']) {
      const row = rows.find((r) => r.period === period);
      expect(row?.from).toBe(first);
      expect(row?.start_value).toBe('10000.00');
      expect(Number(row?.twr_pct)).toBeCloseTo(truthPct, 9);
    }
    // A period starting after the first day still runs from its first close.
    const ytd = rows.find((r) => r.period === '3M');
    expect(ytd?.from).not.toBe(first);
  });
});
