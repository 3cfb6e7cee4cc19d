import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, it } from 'vitest';
import type { Backend } from '../backend/backend';
import { testBackend } from '../test-support/backend';
import { useTempDirs } from '../test-support/temp-dir';
import { currencyDigits, moneyCell } from './money-cell';

describe('money in exports (issue 15, defect 9)', () => {
  const tempDir = useTempDirs();
  let opened: Backend | undefined;
  afterEach(() => opened?.close());

  it('rounds a float amount half to even at the currency precision', () => {
    expect(moneyCell(9999.999899999999, 'USD')).toBe('10000.00');
    expect(moneyCell(11873.000250000001, 'USD')).toBe('11873.00');
    expect(moneyCell(261234.79149600002, 'USD')).toBe('261234.79');
    expect(moneyCell(0.125, 'USD')).toBe('0.12');
    expect(moneyCell(-1.005, 'EUR')).toBe('-1.00'); // its shortest form, −1.005, half to even
    expect(moneyCell(1234.5, 'JPY')).toBe('1234');
    expect(moneyCell(null, 'USD')).toBeNull();
    expect([currencyDigits('USD'), currencyDigits('JPY'), currencyDigits('BHD'), currencyDigits('??')]).toEqual([
      2, 0, 3, 2,
    ]);
  });

  // The demo's value on 2019-02-21 sums to 261234.79149600002 in floats.
  it.each([undefined, '2014-01-02', '2016-11-14'])(
    'writes start_value and end_value at cents (as of %s)',
    async (asOf) => {
      const backend = (opened = testBackend(tempDir()));
      expect(await backend.dispatch('demo:load', {})).toMatchObject({ ok: true });
      const result = await backend.dispatch('csv:export', { kind: 'performance', ...(asOf ? { asOf } : {}) });
      if (!result.ok) throw new Error(result.error.message);
      const rows = parse((result.value as { content: string }).content, { columns: true }) as Record<string, string>[];
      expect(rows.length).toBeGreaterThan(3);
      for (const row of rows) {
        expect(row.start_value).toMatch(/^\d+\.\d\d$/);
        expect(row.end_value).toMatch(/^\d+\.\d\d$/);
      }
      if (asOf === undefined) {
        // 60000 deposited on the first day; 2019-02-21 → 22 is the 1D row.
        expect(rows.find((r) => r.period === 'ALL')?.start_value).toBe('60000.00');
        expect(rows.find((r) => r.period === '1D')?.start_value).toBe('261234.79');
      }
    },
  );
});
