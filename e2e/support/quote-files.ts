import fs from 'node:fs';
import path from 'node:path';

// Figures worked out in a test from the data files the demo loads, not asked of the app.

/** A day's close read straight from the data files the demo loads (column 5 of Yahoo's CSV). */
export function closeOn(symbol: string, day: string): number {
  const file = path.resolve(import.meta.dirname, '..', '..', '..', 'shared', 'data', 'quotes', `${symbol}.csv`);
  const line = fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${day},`));
  if (!line) throw new Error(`${symbol} has no close on ${day}`);
  return Number(line.split(',')[4]);
}

/** A percent as the screens print a signed one: "+8.9%", "-3.0%". */
export const signed = (pct: number) => `${pct > 0 ? '+' : ''}${pct.toFixed(1)}%`;
