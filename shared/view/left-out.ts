// A total is in one currency. Until amounts in other currencies can be converted, a total leaves
// them out and lists them here, so that a screen can say what its figure does not include.
import type { LeftOut } from '../api/portfolio-schemas';
import type { Decimal } from '../engine/decimal';

export type { LeftOut };

export interface CurrencyAmount {
  currency: string;
  amount: Decimal;
}

/** Every currency other than `base`, in code order, with its amounts' exact sum and their count. */
export function leftOut(items: Iterable<CurrencyAmount>, base: string): LeftOut[] {
  const byCurrency = new Map<string, { amount: Decimal; count: number }>();
  for (const { currency, amount } of items) {
    if (currency === base) continue;
    const entry = byCurrency.get(currency);
    if (entry) {
      entry.amount = entry.amount.add(amount);
      entry.count++;
    } else byCurrency.set(currency, { amount, count: 1 });
  }
  return [...byCurrency]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([currency, { amount, count }]) => ({ currency, amount: amount.toString(), count }));
}
