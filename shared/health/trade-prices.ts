// A buy or sell whose price is far outside what the symbol traded at that day: a price typed on
// another scale (before a split the ledger does not know), a wrong symbol, a typo.
import { factorText, likelySplit, priceText as price } from '../quotes/scale-seam';
import type { HealthCheck, HealthProblem } from './health-problem';

/** A trade price is far when it is more than this factor below the day's low or above its high. */
export const TRADE_RANGE_FACTOR = 1.5;

/**
 * The price is compared on today's share scale: divided by every ledger split of the symbol after
 * the trade (the closes are split-adjusted, and a trade before a recorded split traded at the old
 * scale). The day's range is low to high, or the close alone when the bar has no range.
 */
export const tradePrices: HealthCheck = ({ trades, splits, series }) => {
  const rangeOn = (symbol: string, day: string) => {
    const r = series.get(symbol)?.shownOn.get(day);
    return r && { low: r.low ?? r.close, high: r.high ?? r.close };
  };
  const splitDays = new Map<string, Map<string, number>>();
  for (const split of splits) {
    const bySymbol = splitDays.get(split.symbol) ?? new Map<string, number>();
    bySymbol.set(split.date, split.ratio);
    splitDays.set(split.symbol, bySymbol);
  }
  return trades.flatMap((trade): HealthProblem[] => {
    const range = rangeOn(trade.symbol, trade.date);
    const paid = Number(trade.price);
    if (!range || !(paid > 0)) return [];
    let later = 1;
    for (const [day, ratio] of splitDays.get(trade.symbol) ?? []) if (day > trade.date) later *= ratio;
    const scaled = paid / later;
    const off = scaled < range.low ? range.low / scaled : scaled > range.high ? scaled / range.high : 1;
    if (off <= TRADE_RANGE_FACTOR) return [];
    const factor = likelySplit(scaled < range.low ? range.low / scaled : scaled / range.high, false);
    const why = factor
      ? ` — a ${factorText(factor)} ratio, as if a split were missing from the ledger or the prices`
      : '';
    const adjusted = later === 1 ? '' : ` (${price(scaled)} after the later splits)`;
    const side = scaled < range.low ? 'below' : 'above';
    return [
      {
        kind: 'trade_price',
        symbol: trade.symbol,
        accounts: [trade.account],
        day: trade.date,
        detail: `The ${trade.type} of ${trade.quantity} ${trade.symbol} on ${trade.date} at ${trade.price}${adjusted} is ${price(off)}× ${side} that day's range, ${price(range.low)} to ${price(range.high)}${why}.`,
        affects: `Its cost basis, realized and unrealized P&L and the returns from ${trade.date} rest on that price.`,
        fix: 'Check the price in Transactions; if a split happened after the trade, record it there (type split) so quantities and prices line up.',
      },
    ];
  });
};
