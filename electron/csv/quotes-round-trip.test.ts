// Quotes come back in (issue 17, item 8): `export quotes` → `quotes import` into an empty
// database → `export quotes` gives the same bytes, with the real Yahoo and XETRA files.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Backend } from '../backend/backend';
import { createQuotesRepo } from '../db/quotes-repo';
import { testBackend } from '../test-support/backend';
import { useTempDirs } from '../test-support/temp-dir';

const DATA = path.resolve(import.meta.dirname, '..', '..', '..', 'shared', 'data');
const FOLDERS = ['quotes', 'quotes-xetra'].map((folder) => path.join(DATA, folder));
const FILES = FOLDERS.flatMap((folder) =>
  fs
    .readdirSync(folder)
    .filter((name) => name.endsWith('.csv'))
    .map((name) => path.join(folder, name)),
);
const FETCHED = '2026-01-02T03:04:05.000Z';

/** Data rows with a close, counted from the file's text: Yahoo writes `null` for a missing day. */
function pricedRows(file: string): number {
  const [, ...rows] = fs.readFileSync(file, 'utf8').trim().split(/\r?\n/);
  return rows.filter((row) => row.split(',')[4] !== 'null').length;
}

describe('quotes CSV round trip', () => {
  const tempDir = useTempDirs();
  const backends: Backend[] = [];
  afterEach(() => {
    for (const backend of backends.splice(0)) backend.close();
  });
  const open = () => {
    const backend = testBackend(tempDir());
    backends.push(backend);
    return backend;
  };
  async function call<T>(backend: Backend, name: string, input: unknown): Promise<T> {
    const result = await backend.dispatch(name, input);
    if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
    return result.value as T;
  }
  const exportQuotes = async (backend: Backend) =>
    (await call<{ content: string; rows: number }>(backend, 'csv:export', { kind: 'quotes' })).content;

  it('re-imports every real file, several sources and a typed price, to the same bytes', async () => {
    expect(FILES.length).toBe(26);
    const source = open();
    for (const file of FILES) {
      await call(source, 'quotes:importFile', { fileName: file, content: fs.readFileSync(file, 'utf8') });
    }
    // A second source for some days, fetched at another time, and a typed close: each kept apart.
    createQuotesRepo(source.db).upsertBars('JPM', 'yahoo', '2024-05-02T08:00:00Z', [
      { day: '2022-12-30', open: 133, high: 134.5, low: 132.25, close: 134.1, adjClose: 0.1 + 0.2, volume: 1 },
      { day: '2023-01-03', open: null, high: null, low: null, close: 135.5, adjClose: null, volume: null },
    ]);
    await call(source, 'quotes:setManualPrice', { symbol: 'FUND.X', day: '2024-02-29', close: 10.125 });

    const first = await exportQuotes(source);
    const lines = first.split('\r\n');
    expect(lines[0]).toBe('symbol,date,source,open,high,low,close,adj_close,volume,fetched_at');
    // Header, one row per priced file row, the three added above, and the empty rest after the last CRLF.
    const expectedRows = FILES.reduce((sum, file) => sum + pricedRows(file), 0) + 3;
    expect(lines).toHaveLength(expectedRows + 2);
    // BAS.DE.csv's first row, 2000-01-03,26.350000,26.600000,24.799999,18.150352,24.875000,3137354:
    // the adjusted close is kept, trailing zeros go, and the open, high and low, which do not
    // bracket the close (Yahoo adjusted only the close), are left out.
    expect(lines).toContain(`BAS.DE,2000-01-03,file,,,,18.150352,24.875,3137354,${FETCHED}`);
    // ^GDAXI's first row brackets its close and keeps its range.
    expect(lines.find((l) => l.startsWith('^GDAXI,1987-12-30,'))).toMatch(
      /^\^GDAXI,1987-12-30,file,[\d.]+,[\d.]+,[\d.]+,/,
    );
    // ^GDAXI.csv's 1987-12-31 is a `null` row: skipped, not a zero.
    expect(first).not.toContain('^GDAXI,1987-12-31');
    expect(lines).toContain('JPM,2022-12-30,yahoo,133,134.5,132.25,134.1,0.30000000000000004,1,2024-05-02T08:00:00Z');
    expect(lines).toContain('JPM,2023-01-03,yahoo,,,,135.5,,,2024-05-02T08:00:00Z');
    expect(lines).toContain(`FUND.X,2024-02-29,manual,,,,10.125,,,${FETCHED}`);

    const target = open();
    const imported = await call<{ bars: number; symbols: { symbol: string; bars: number }[] }>(
      target,
      'quotes:importFile',
      { fileName: 'tiltfolio-quotes.csv', content: first },
    );
    expect(imported.bars).toBe(expectedRows);
    expect(imported.symbols.map((s) => s.symbol)).toEqual(
      [...FILES.map((file) => path.basename(file, '.csv')), 'FUND.X'].sort(),
    );
    const second = await exportQuotes(target);
    expect(Buffer.from(second, 'utf8').equals(Buffer.from(first, 'utf8'))).toBe(true);
  });

  it('keeps a typed price winning over the file after the round trip', async () => {
    const source = open();
    const csv = 'Date,Open,High,Low,Close,Adj Close,Volume\n2019-02-21,1,2,0.5,1.5,1.4,100\n';
    await call(source, 'quotes:importFile', { fileName: 'FUND.csv', content: csv });
    await call(source, 'quotes:setManualPrice', { symbol: 'FUND', day: '2019-02-21', close: 2.5 });
    const target = open();
    await call(target, 'quotes:importFile', { fileName: 'all.csv', content: await exportQuotes(source) });
    const history = await call<{ close: number; source: string }[]>(target, 'quotes:history', { symbol: 'FUND' });
    expect(history).toMatchObject([{ close: 2.5, source: 'manual' }]);
  });
});
