// The real Yahoo-format closes in ../shared/data/quotes, read with a plain split rather than the
// app's own CSV reader, so tests check the app against figures it did not produce.
import fs from 'node:fs';
import path from 'node:path';
import type { Bar } from '../../shared/domain/bar';

export const REAL_QUOTES_DIR = path.resolve(import.meta.dirname, '..', '..', '..', 'shared', 'data', 'quotes');

export function realCsv(symbol: string): string {
  return fs.readFileSync(path.join(REAL_QUOTES_DIR, `${symbol}.csv`), 'utf8');
}

/** Date and Close of every row, oldest first. */
export function realBars(symbol: string): Bar[] {
  return realCsv(symbol)
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const cells = line.split(',');
      return { day: cells[0] as string, close: Number(cells[4]) };
    });
}

export function realClose(symbol: string, day: string): number {
  const bar = realBars(symbol).find((b) => b.day === day);
  if (!bar) throw new Error(`no ${symbol} close on ${day}`);
  return bar.close;
}
