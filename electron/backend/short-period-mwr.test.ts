// A money-weighted return over less than a year is the period's figure, never annualised
// (issue 15, defect 8): +1 % over a day is not +4,000 % a year. Real SPY closes.
import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, it } from 'vitest';
import type { Backend } from './backend';
import { testBackend } from '../test-support/backend';
import { oneBuyPortfolio, realBarOn } from '../test-support/real-data';
import { useTempDirs } from '../test-support/temp-dir';

describe('money-weighted returns over short periods', () => {
  const tempDir = useTempDirs();
  let opened: Backend | undefined;
  afterEach(() => opened?.close());

  async function exported(backend: Backend, asOf: string) {
    const result = await backend.dispatch('csv:export', { kind: 'performance', asOf });
    if (!result.ok) throw new Error(result.error.message);
    return parse((result.value as { content: string }).content, { columns: true }) as Record<string, string>[];
  }

  it('leaves periods under a year unannualised and annualises a year or more', async () => {
    const backend = (opened = testBackend(tempDir()));
    const first = '2016-01-04';
    const fill = await oneBuyPortfolio(backend, { symbol: 'SPY', first, quantity: 45 });
    const cash = 10000 - 45 * fill - 4.95;
    const value = (day: string) => cash + 45 * (realBarOn('SPY', day)?.close as number);
    const days = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000;

    // 2016-12-30: every period, ALL included (361 days), is under a year.
    const short = await exported(backend, '2016-12-30');
    expect(short.map((r) => r.period)).toEqual(['1D', '1M', '3M', 'YTD', '1Y', '3Y', 'ALL']);
    for (const row of short) {
      expect(days(row.from as string, row.to as string)).toBeLessThan(365);
      expect(row.mwr_annualized_pct).toBe('');
      // No flow after the first day: the period's money-weighted return is end / start − 1.
      const start = row.from === first ? 10000 : value(row.from as string);
      expect(Number(row.mwr_pct)).toBeCloseTo((value(row.to as string) / start - 1) * 100, 6);
    }
    // 1D: 2016-12-29 → 30, about −0.37 %: annualised it read some −70 % a year.
    expect(short[0]?.from).toBe('2016-12-29');

    // 2018-06-29: ALL and 3Y cover 2.5 years and are annualised; 1Y covers exactly 365 days.
    const long = await exported(backend, '2018-06-29');
    for (const period of ['1Y', '3Y', 'ALL']) {
      const row = long.find((r) => r.period === period) as Record<string, string>;
      const length = days(row.from as string, row.to as string);
      expect(length).toBeGreaterThanOrEqual(365);
      const start = row.from === first ? 10000 : value(row.from as string);
      const growth = value(row.to as string) / start;
      expect(Number(row.mwr_pct)).toBeCloseTo((growth - 1) * 100, 6);
      expect(Number(row.mwr_annualized_pct)).toBeCloseTo((growth ** (365 / length) - 1) * 100, 6);
    }
    for (const period of ['1D', '1M', '3M', 'YTD']) {
      expect(long.find((r) => r.period === period)?.mwr_annualized_pct).toBe('');
    }
  });
});
