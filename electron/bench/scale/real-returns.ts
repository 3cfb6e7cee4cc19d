// Daily returns of the real Yahoo-format files in ../shared/data/quotes: the generated prices are
// resampled from them, so their volatility, fat tails and calm and stormy stretches are real ones.
import fs from 'node:fs';
import path from 'node:path';
import { parseDailyCsv } from '../../../shared/quotes/daily-csv';

// From the working directory, not this file: the bench runs bundled into out/, the tests from
// source, and both run in the repository's root (npm and vitest put them there).
export const REAL_QUOTES_DIR = path.resolve(process.cwd(), '..', 'shared', 'data', 'quotes');

/** Log returns of each file's adjusted close, by symbol, in file-name order (so the same every run). */
export function readRealReturns(dir = REAL_QUOTES_DIR): { symbol: string; returns: Float64Array }[] {
  const files = fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.csv'))
    .sort();
  if (files.length === 0) throw new Error(`${dir}: no quote files to take price shapes from`);
  return files.map((name) => {
    const { bars } = parseDailyCsv(fs.readFileSync(path.join(dir, name), 'utf8'), name);
    const closes = bars.map((bar) => bar.adjClose ?? bar.close).filter((close) => close > 0);
    const returns = new Float64Array(closes.length - 1);
    for (let i = 1; i < closes.length; i++)
      returns[i - 1] = Math.log((closes[i] as number) / (closes[i - 1] as number));
    return { symbol: name.replace(/\.csv$/, ''), returns };
  });
}
