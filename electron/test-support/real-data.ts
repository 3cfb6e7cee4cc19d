// The real Yahoo-format quote files in ../shared/data/quotes, read plainly for tests: the figures a
// test checks the app against are computed from these, not from the app's own parser.
import fs from 'node:fs';
import path from 'node:path';
import type { Backend } from '../backend/backend';

export const REAL_QUOTES = path.resolve(import.meta.dirname, '..', '..', '..', 'shared', 'data', 'quotes');

export interface RealBar {
  day: string;
  close: number;
  adjClose: number;
}

const cache = new Map<string, RealBar[]>();

/** Every bar of a file that has a close (Yahoo writes `null` rows for days without one). */
export function realBars(symbol: string): RealBar[] {
  let bars = cache.get(symbol);
  if (bars === undefined) {
    const lines = fs
      .readFileSync(path.join(REAL_QUOTES, `${symbol}.csv`), 'utf8')
      .trim()
      .split(/\r?\n/)
      .slice(1);
    bars = lines.flatMap((line) => {
      const cells = line.split(',');
      if (cells[4] === 'null' || cells[4] === undefined) return [];
      return [{ day: cells[0] as string, close: Number(cells[4]), adjClose: Number(cells[5]) }];
    });
    cache.set(symbol, bars);
  }
  return bars;
}

/** The bar on or before `day`, or null before the file's first. */
export function realBarOn(symbol: string, day: string): RealBar | null {
  let found: RealBar | null = null;
  for (const bar of realBars(symbol)) {
    if (bar.day > day) break;
    found = bar;
  }
  return found;
}

/** Imports the files into the backend's quote cache through the API. */
export async function importRealQuotes(backend: Backend, symbols: readonly string[]): Promise<void> {
  for (const symbol of symbols) {
    const content = fs.readFileSync(path.join(REAL_QUOTES, `${symbol}.csv`), 'utf8');
    const result = await backend.dispatch('quotes:importFile', { fileName: `${symbol}.csv`, content });
    if (!result.ok) throw new Error(result.error.message);
  }
}

/**
 * One account, 10000 deposited on `first` and `quantity` shares of `symbol` bought that day at its
 * real close times `priceFactor`, rounded to cents, with a 4.95 commission. Returns the fill.
 */
export async function oneBuyPortfolio(
  backend: Backend,
  {
    symbol,
    first,
    quantity,
    priceFactor = 1,
  }: { symbol: string; first: string; quantity: number; priceFactor?: number },
): Promise<number> {
  await importRealQuotes(backend, [symbol]);
  await backend.dispatch('accounts:create', { name: 'Brokerage', currency: 'USD' });
  const fill = Math.round((realBarOn(symbol, first)?.close as number) * priceFactor * 100) / 100;
  const base = { time: null, date: first, account: 'Brokerage', currency: 'USD', note: '' } as const;
  for (const row of [
    { ...base, type: 'deposit', symbol: null, quantity: null, price: null, fee: null, amount: '10000' },
    { ...base, type: 'buy', symbol, quantity: String(quantity), price: String(fill), fee: '4.95', amount: null },
  ]) {
    const created = await backend.dispatch('transactions:create', row);
    if (!created.ok) throw new Error(created.error.message);
  }
  return fill;
}
