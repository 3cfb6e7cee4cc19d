// A holding or cash balance in a currency with no usable rate into the base currency on the
// valuation day: it is left out of every base-currency total (docs/engine.md, "A missing rate").
import { lookupRate } from '../fx/rate-lookup';
import type { HealthCheck, HealthProblem } from './health-problem';

export const missingRates: HealthCheck = ({ fx, portfolioLastDay }) => {
  if (fx === undefined || portfolioLastDay === null) return [];
  const { base, table, held, unsettled } = fx;
  const byCurrency = new Map<string, { symbols: Set<string>; accounts: Set<string> }>();
  for (const item of held) {
    if (item.currency === base) continue;
    let entry = byCurrency.get(item.currency);
    if (entry === undefined) byCurrency.set(item.currency, (entry = { symbols: new Set(), accounts: new Set() }));
    entry.symbols.add(item.symbol ?? `${item.currency} cash`);
    entry.accounts.add(item.account);
  }
  const problems: HealthProblem[] = [];
  for (const [currency, { symbols, accounts }] of [...byCurrency].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const answer = lookupRate(table, currency, base, portfolioLastDay);
    if (answer.ok) continue;
    const what = [...symbols].sort().join(', ');
    problems.push({
      kind: 'missing_fx_rate',
      symbol: null,
      accounts: [...accounts].sort(),
      day: portfolioLastDay,
      detail: `${answer.reason[0]!.toUpperCase()}${answer.reason.slice(1)}: ${what} cannot be converted to ${base}.`,
      affects: `Totals, returns and the tilt in ${base} leave out ${what}; those rows show their ${currency} value only.`,
      fix: `Import the ECB reference rates (Settings › Exchange rates), refresh quotes to fetch ${currency}/${base}, or type a rate for the day.`,
    });
  }
  for (const words of unsettled) {
    problems.push({
      kind: 'missing_fx_rate',
      symbol: null,
      accounts: [],
      day: null,
      detail: words,
      affects: "That account shows a cash balance in the trade's currency instead of its own.",
      fix: 'Give the trade its broker rate (fx_rate), or add the day’s exchange rate, and the trade settles in the account’s currency.',
    });
  }
  return problems;
};
