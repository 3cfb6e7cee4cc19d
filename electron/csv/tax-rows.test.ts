// Tax rows of the peers' files and of hand-mapped broker files become the `tax` type, apart from
// fees (issue 17, item 5). The headers are the real PP exports' (test-fixtures/, see SOURCES.md).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bindHeader, RecordReader, type BindOptions } from '../../shared/csv/convert';
import type { AnyPreset } from '../../shared/csv/preset-types';
import { mappingPreset } from '../../shared/csv/presets/mapping';
import {
  portfolioPerformanceDutchPreset,
  portfolioPerformanceFrenchPreset,
  portfolioPerformanceItalianPreset,
  portfolioPerformancePreset,
  portfolioPerformanceSpanishPreset,
} from '../../shared/csv/presets/portfolio-performance';

const FIXTURES = path.join(import.meta.dirname, 'test-fixtures', 'portfolio-performance');

function reader(preset: AnyPreset, header: readonly string[], options: BindOptions = {}) {
  const bound = bindHeader(preset, header, options);
  if (!bound.ok) throw new Error(JSON.stringify(bound.problems));
  return new RecordReader(bound.binding);
}

describe('taxes as their own type', () => {
  it.each([
    ['en', 'Taxes', '12.34', portfolioPerformancePreset],
    ['fr', 'Impôts / Taxes', '12,34', portfolioPerformanceFrenchPreset],
    ['es', 'Impuestos', '12,34', portfolioPerformanceSpanishPreset],
    ['it', 'Tasse', '12,34', portfolioPerformanceItalianPreset],
    ['nl', 'Belasting', '12,34', portfolioPerformanceDutchPreset],
  ] as const)('reads a PP %s taxes row (%s) as tax, with its security', (lang, word, value, preset) => {
    const header = fs
      .readFileSync(path.join(FIXTURES, `account-0.86-${lang}.csv`), 'utf8')
      .split(/\r?\n/)[0]!
      .split(lang === 'en' ? ',' : ';');
    // Date, Type, Value, Currency come first in every language; then the ticker's column.
    const row = header.map(() => '');
    const ticker = header.findIndex((name) => /symbol|symbole|símbolo|simbolo|tickersymbool/i.test(name));
    Object.assign(row, { 0: '2017-02-01T00:00', 1: word, 2: `-${value}`, 3: 'EUR', [ticker]: 'BAS.DE' });
    const result = reader(preset, header, { account: 'Depot' }).read(row, 2);
    expect(result).toMatchObject({
      ok: true,
      input: { type: 'tax', symbol: 'BAS.DE', amount: '12.34', fee: null, currency: 'EUR' },
    });
  });

  it('reads the common tax words of a mapped file as tax, and fees still as fee', () => {
    const preset = mappingPreset(
      'broker',
      'Broker',
      { columns: { date: 'Date', type: 'Action', symbol: 'Symbol', amount: 'Amount' }, absolute: true },
      { delimiter: ',', dateFormat: 'YYYY-MM-DD', numberFormat: '1,234.56' },
    );
    const read = reader(preset, ['Date', 'Action', 'Symbol', 'Amount'], { account: 'B', currency: 'USD' });
    const types = ['Withholding Tax', 'Taxes', 'tax', 'Steuern', 'Fees'].map((word, i) => {
      const result = read.read(['2024-03-01', word, 'AAPL', '-1.23'], i + 2);
      return result.ok ? [result.input?.type, result.input?.amount] : result;
    });
    expect(types).toEqual([
      ['tax', '1.23'],
      ['tax', '1.23'],
      ['tax', '1.23'],
      ['tax', '1.23'],
      ['fee', '1.23'],
    ]);
  });
});
