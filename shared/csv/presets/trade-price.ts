// A broker's trade row gives the cash that moved and the fee; the price it prints is often rounded
// (Schwab: $420.10 for a reinvestment that cost $694.48 for 1.6531 shares). Booking the price that
// makes quantity × price ± fee equal the cash keeps the account's cash exactly as the broker has it.
import { Decimal } from '../../engine/decimal';

/**
 * (cash − fee) ÷ shares for a buy, (cash + fee) ÷ shares for a sale, rounded half-even to 10
 * decimals; null without cash or shares (the caller keeps the printed price then). Magnitudes in.
 */
export function tradePrice(
  type: 'buy' | 'sell',
  shares: string | null,
  cash: string | null,
  fee: string | null,
): string | null {
  if (shares === null || cash === null) return null;
  const quantity = Decimal.parse(shares);
  if (quantity.isZero()) return null;
  const charges = fee === null ? Decimal.ZERO : Decimal.parse(fee);
  const gross = type === 'buy' ? Decimal.parse(cash).sub(charges) : Decimal.parse(cash).add(charges);
  return gross.div(quantity).toString();
}
