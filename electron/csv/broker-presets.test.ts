// The broker presets against published sample exports (test-fixtures/brokers/SOURCES.md): each file
// as the broker writes it, unedited. Where a sample is a consistent history it is imported and its
// holdings, cash and realised P&L are checked against a reading by hand; where it starts mid-history
// (a sale of shares bought before the export's window) every row is read and each one booked or
// left out is checked.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportResult } from '../../shared/api/csv-schemas';
import type { HoldingsOutput } from '../../shared/api/portfolio-schemas';
import { suggestPreset } from '../../shared/csv/detect';
import { BUILT_IN_PRESETS, builtInPreset } from '../../shared/csv/presets';
import type { Backend } from '../backend/backend';
import { testBackend } from '../test-support/backend';
import { useTempDirs } from '../test-support/temp-dir';
import { readAll } from './test-support/read-all';
import { dollars, readByHand } from './test-support/schwab-reading';

const fixture = (...parts: string[]) => path.join(import.meta.dirname, 'test-fixtures', ...parts);
const text = (...parts: string[]) => fs.readFileSync(fixture(...parts), 'utf8');

describe('broker presets', () => {
  const tempDir = useTempDirs();
  let backend: Backend | null = null;
  afterEach(() => {
    backend?.close();
    backend = null;
  });

  async function call<T>(name: string, input: unknown): Promise<T> {
    if (backend === null) backend = testBackend(tempDir());
    const result = await backend.dispatch(name as never, input as never);
    if (!result.ok) throw new Error(result.error.message);
    return result.value as T;
  }

  describe('Charles Schwab', () => {
    it('is detected from the header and imports the sample with the holdings a reading by hand gives', async () => {
      const file = fixture('us-broker', 'schwab-nra-tax-adj.csv');
      const header = text('us-broker', 'schwab-nra-tax-adj.csv').split('\n')[0]?.replace(/"/g, '').split(',') ?? [];
      expect(suggestPreset(header, BUILT_IN_PRESETS)?.name).toBe('schwab');
      const result = await call<ImportResult>('csv:import', {
        fileName: path.basename(file),
        content: fs.readFileSync(file, 'utf8'),
        preset: 'schwab',
        account: 'Schwab',
      });
      expect(result).toMatchObject({ committed: true, rows: 7, added: 7, skipped: 0 });
      const expected = readByHand(text('us-broker', 'schwab-nra-tax-adj.csv'));
      const view = await call<HoldingsOutput>('portfolio:holdings', {});
      expect(view.cash.map((c) => [c.account, c.currency, c.balance])).toEqual([
        ['Schwab', 'USD', dollars(expected.cash)],
      ]);
      expect(view.rows.map((r) => [r.symbol, r.quantity, r.costBasis, r.realizedPl])).toEqual([
        ['AAPL', '50', dollars(expected.cost.get('AAPL') ?? 0n), dollars(expected.realised.get('AAPL') ?? 0n)],
      ]);
    });

    it('reads every row of two longer samples: as-of dates, reinvestments, transfers, and what it leaves out', async () => {
      const preset = builtInPreset('schwab');
      if (!preset) throw new Error('no schwab preset');
      const example = await readAll(preset, text('brokers', 'schwab-transactions-example.csv'), { account: 'S' });
      expect(example.problems).toEqual([]);
      // 27 rows: 8 trades, 3 dividends, 2 taxes and an interest booked; 12 option rows and one short
      // sale left out (the Buy that covers it cannot be told from any other Buy: see the docs).
      expect(example.skipped).toEqual({
        'options and short sales: Tiltfolio holds long positions in shares only': 13,
      });
      expect(example.inputs.map((i) => i.type).sort()).toEqual(
        [
          ...Array<string>(5).fill('buy'),
          ...Array<string>(3).fill('sell'),
          'dividend',
          'dividend',
          'dividend',
          'fee',
          'fee',
          'interest',
        ].sort(),
      );
      const dell = example.inputs.find((i) => i.symbol === 'DELL' && i.type === 'sell');
      // "07/07/2025 as of 07/03/2025": the trade took effect on the 3rd; $62,499.92 + $0.08 for 500.
      expect(dell).toMatchObject({ date: '2025-07-03', quantity: '500', price: '125', fee: '0.08', currency: 'USD' });
      expect(example.inputs.find((i) => i.symbol === 'RKLB')).toMatchObject({ quantity: '1000', price: '27' });
      expect(example.inputs.filter((i) => i.type === 'fee').map((i) => [i.symbol, i.amount])).toEqual([
        ['MSFT', '27.30'],
        ['SPY', '109.87'],
      ]);

      const exported = await readAll(preset, text('brokers', 'schwab-export.csv'), { account: 'S' });
      expect(exported.problems).toEqual([]);
      expect(exported.inputs.length + Object.values(exported.skipped).reduce((a, b) => a + b, 0)).toBe(120);
      expect(exported.skipped).toEqual({
        "the export's closing total line": 1,
        'a corporate action Schwab books as shares added or removed (split, merger, spin-off …): enter it by hand': 11,
      });
      // A reinvestment of $694.48 for 1.6531 shares at a printed $420.10: the price makes the cash exact.
      const spy = exported.inputs.find((i) => i.symbol === 'SPY' && i.date === '2023-11-01');
      expect(spy).toMatchObject({ type: 'buy', quantity: '1.6531' });
      const price = Number(spy?.price);
      expect(Math.abs(price * 1.6531 - 694.48)).toBeLessThan(1e-8);
      expect(exported.inputs.find((i) => i.note === 'TO ADVISOR')).toMatchObject({ type: 'fee', symbol: null });
      expect(exported.inputs.find((i) => i.note.startsWith('WIRED FUNDS'))).toMatchObject({
        type: 'withdrawal',
        amount: '100000.00',
      });
      expect(exported.inputs.find((i) => i.symbol === 'DGLRX' && i.date === '2023-05-22')).toMatchObject({
        type: 'transfer_out',
        quantity: '877',
        price: '22.91',
      });
    });
  });
});
