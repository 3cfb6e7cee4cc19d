// Money in an export is an exact decimal at its currency's precision: a value summed in binary
// floats (the daily value series) would otherwise be written with its noise, 9999.999899999999.
import { Decimal } from '../../shared/engine/decimal';

const digitsByCurrency = new Map<string, number>();

/** ISO 4217 minor units as the runtime's ICU knows them (USD 2, JPY 0, BHD 3); 2 for a code it does not. */
export function currencyDigits(currency: string): number {
  let digits = digitsByCurrency.get(currency);
  if (digits === undefined) {
    try {
      digits =
        new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      digits = 2;
    }
    digitsByCurrency.set(currency, digits);
  }
  return digits;
}

/**
 * A float amount as a decimal string rounded half to even at the currency's precision ('9999.999899999999'
 * in USD → '10000.00'); null stays null.
 */
export function moneyCell(value: number | null, currency: string): string | null {
  if (value === null) return null;
  return Decimal.fromNumber(value).toFixed(currencyDigits(currency));
}
