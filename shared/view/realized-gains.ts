// Realized gains by tax year, lot by lot: each sale the ledger matched to its lots
// (LedgerResult.sales) as rows per lot, with short or long term and totals per year, account and
// currency (docs/engine.md, "Realized gains by tax year").
import { ApiError } from '../api/errors';
import type { RealizedInput, RealizedOutput, RealizedRow, RealizedTotal } from '../api/realized-schemas';
import { dayToNumber } from '../engine/dates';
import { Decimal } from '../engine/decimal';
import type { SaleMatch } from '../engine/ledger-types';
import { tradeAmountInBase, type BaseContext } from './base-values';

/**
 * Held longer than this many years is long term: the US rule (IRS Publication 544: more than one
 * year). The holding period starts the day after acquisition, so a lot bought on 2020-03-10 is
 * long term when sold on 2021-03-11 or later.
 */
export const LONG_TERM_AFTER_YEARS = 1;

/**
 * 'long' when `sold` is after the anniversary of `acquired` LONG_TERM_AFTER_YEARS later. A lot
 * acquired on Feb 29 has its anniversary on Feb 28 (the month's last day), so selling on Mar 1
 * of the next year is the first long-term day.
 */
export function termOf(acquired: string, sold: string): 'short' | 'long' {
  const year = Number(acquired.slice(0, 4)) + LONG_TERM_AFTER_YEARS;
  const monthDay = acquired.slice(5);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const anniversary = `${year}-${monthDay === '02-29' && !leap ? '02-28' : monthDay}`;
  return dayToNumber(sold) > dayToNumber(anniversary) ? 'long' : 'short';
}

/** Each sale's lots as rows, for `input`'s year and account; sales in the order the ledger booked them. */
export function realizedGainsView(
  sales: readonly SaleMatch[],
  accounts: readonly string[],
  ctx: BaseContext,
  input: RealizedInput,
): RealizedOutput {
  if (input.account !== undefined && !accounts.includes(input.account))
    throw new ApiError('not_found', `There is no account named "${input.account}".`);
  const years = [...new Set(sales.map((s) => Number(s.day.slice(0, 4))))].sort((a, b) => b - a);
  const chosen = sales.filter(
    (s) =>
      (input.year === undefined || Number(s.day.slice(0, 4)) === input.year) &&
      (input.account === undefined || s.account === input.account),
  );
  const rows: RealizedRow[] = chosen.flatMap((sale) => sale.lots.map((lot) => rowOf(ctx, sale, lot)));
  return { baseCurrency: ctx.base, years, rows, totals: totalsOf(rows) };
}

function rowOf(ctx: BaseContext, sale: SaleMatch, lot: SaleMatch['lots'][number]): RealizedRow {
  const proceedsBase = tradeAmountInBase(ctx, lot.proceeds, sale.currency, sale.transactionId, sale.day);
  const costBase = tradeAmountInBase(ctx, lot.cost, sale.currency, lot.lotTransactionId, lot.acquired);
  const missing = [proceedsBase, costBase].flatMap((c) => (c.value === null ? [c.reason] : []));
  return {
    account: sale.account,
    symbol: sale.symbol,
    currency: sale.currency,
    method: sale.method,
    saleId: sale.transactionId,
    acquired: lot.acquired,
    sold: sale.day,
    quantity: lot.quantity.toString(),
    proceeds: lot.proceeds.toString(),
    cost: lot.cost.toString(),
    gain: lot.gain.toString(),
    term: termOf(lot.acquired, sale.day),
    proceedsBase: proceedsBase.value?.toString() ?? null,
    costBase: costBase.value?.toString() ?? null,
    gainBase:
      proceedsBase.value !== null && costBase.value !== null ? proceedsBase.value.sub(costBase.value).toString() : null,
    fxNote: missing.length === 0 ? null : [...new Set(missing)].join('; '),
  };
}

/** Totals per year, account and currency (an account may sell in several), in that order. */
function totalsOf(rows: readonly RealizedRow[]): RealizedTotal[] {
  const groups = new Map<string, RealizedRow[]>();
  for (const row of rows) {
    const key = JSON.stringify([row.sold.slice(0, 4), row.account, row.currency]);
    const list = groups.get(key);
    if (list === undefined) groups.set(key, [row]);
    else list.push(row);
  }
  const sum = (list: RealizedRow[], pick: (r: RealizedRow) => string) =>
    Decimal.sum(list.map((r) => Decimal.parse(pick(r)))).toString();
  const term = (list: RealizedRow[], t: 'short' | 'long') => {
    const of = list.filter((r) => r.term === t);
    return { proceeds: sum(of, (r) => r.proceeds), cost: sum(of, (r) => r.cost), gain: sum(of, (r) => r.gain) };
  };
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, list]) => {
      const [year, account, currency] = JSON.parse(key) as [string, string, string];
      const based = list.filter((r) => r.gainBase !== null);
      return {
        year: Number(year),
        account,
        currency,
        short: term(list, 'short'),
        long: term(list, 'long'),
        gain: sum(list, (r) => r.gain),
        gainBase: sum(based, (r) => r.gainBase as string),
        leftOutOfBase: list.length - based.length,
      };
    });
}
