import type { LeftOut } from '../../../shared/api/portfolio-schemas';
import { formatMoney } from './format';

/**
 * What a total leaves out, in words beside the engine's own notes ("No EUR→USD rate: …"): each
 * currency's amount in that currency, since there is no rate to show it in the base currency.
 */
export function leftOutNotes(
  leftOut: readonly LeftOut[],
  baseCurrency: string,
  what: { from: string; one: string; many: string },
): string[] {
  return leftOut.map(
    ({ currency, amount, count }) =>
      `No ${currency}→${baseCurrency} rate: ${formatMoney(amount, currency)} in ${count.toLocaleString()} ${count === 1 ? what.one : what.many} is left out of ${what.from}.`,
  );
}

export const HOLDINGS_TOTALS = { from: 'the totals', one: 'position or balance', many: 'positions and balances' };
export const TILT_WEIGHTS = { from: 'the weights', one: 'holding', many: 'holdings' };
