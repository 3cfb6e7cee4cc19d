// The ECB's reference-rate history (../shared/data/fx/eurofxref-hist.csv), read with a plain split
// of lines and commas, so tests check the app against figures its own readers did not produce.
import text from '../../../../shared/data/fx/eurofxref-hist.csv?raw';
import type { FxRate } from '../../domain/fx-rate';

/** Day → currency → the file's cell (quote per 1 EUR), `N/A` cells left out. */
export function ecbCells(): Map<string, Map<string, string>> {
  const lines = text.trim().split(/\r?\n/);
  const header = (lines[0] as string).split(',');
  const out = new Map<string, Map<string, string>>();
  for (const line of lines.slice(1)) {
    const cells = line.split(',');
    const row = new Map<string, string>();
    header.forEach((currency, i) => {
      const cell = cells[i];
      if (i > 0 && currency !== '' && cell !== undefined && cell !== '' && cell !== 'N/A') row.set(currency, cell);
    });
    out.set(cells[0] as string, row);
  }
  return out;
}

/** The cell of `currency` on `day`; throws when the file has none (a test's premise is wrong). */
export function ecbCell(day: string, currency: string): string {
  const cell = ecbCells().get(day)?.get(currency);
  if (cell === undefined) throw new Error(`the ECB file has no ${currency} rate on ${day}`);
  return cell;
}

/** The file as cached rates (EUR→currency), for the given currencies only (all by default). */
export function ecbRates(currencies?: readonly string[]): FxRate[] {
  const rates: FxRate[] = [];
  for (const [day, row] of ecbCells())
    for (const [quote, rate] of row)
      if (currencies === undefined || currencies.includes(quote))
        rates.push({ base: 'EUR', quote, day, rate, source: 'ecb', fetchedAt: '2026-04-14T00:00:00Z' });
  return rates;
}

/**
 * a ÷ b for decimal texts, to 10 places, half to even, in BigInt: the test's own division, written
 * apart from the engine's Decimal.
 */
export function divideTo10(a: string, b: string): string {
  const scaled = (t: string, places: number) => {
    const [whole, frac = ''] = t.split('.');
    return BigInt((whole as string) + frac.padEnd(places, '0').slice(0, places));
  };
  // a × 10^20 ÷ (b × 10^10) = quotient × 10^10.
  const n = scaled(a, 20);
  const d = scaled(b, 10);
  let q = n / d;
  const r = n - q * d;
  if (2n * r > d || (2n * r === d && q % 2n === 1n)) q += 1n;
  const digits = q.toString().padStart(11, '0');
  const text = `${digits.slice(0, -10)}.${digits.slice(-10)}`.replace(/0+$/, '').replace(/\.$/, '');
  return text;
}
