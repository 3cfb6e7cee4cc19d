// Dividends and interest by month, year, holding and sleeve, in the base currency, with the
// trailing twelve months, yield on cost and a forward estimate (docs/engine.md, "Income"). Each
// record is converted at its own day's rate: income is cash on that day, unlike a holding's value.
import type { IncomeInput, IncomeOutput } from '../api/income-schemas';
import { ApiError } from '../api/errors';
import type { Sleeve } from '../domain/sleeve';
import type { Transaction } from '../domain/transaction';
import { Decimal } from '../engine/decimal';
import type { HoldingTimeline } from '../engine/ledger';
import { positionInBase, toBase } from './base-values';
import { baseContextOf, type Snapshot } from './snapshot';

interface Booked {
  date: string;
  account: string;
  symbol: string | null;
  dividend: Decimal;
  interest: Decimal;
  taxes: Decimal;
}

interface Sums {
  dividends: Decimal;
  interest: Decimal;
  taxes: Decimal;
}

const zero = (): Sums => ({ dividends: Decimal.ZERO, interest: Decimal.ZERO, taxes: Decimal.ZERO });

function addTo(sums: Sums, b: Booked): void {
  sums.dividends = sums.dividends.add(b.dividend);
  sums.interest = sums.interest.add(b.interest);
  sums.taxes = sums.taxes.add(b.taxes);
}

const amountsOf = (s: Sums) => ({
  dividends: s.dividends.toString(),
  interest: s.interest.toString(),
  taxes: s.taxes.toString(),
  net: s.dividends.add(s.interest).sub(s.taxes).toString(),
});

/** The day a year before `day`: the trailing twelve months are the days after it, up to `day`. */
export function yearBefore(day: string): string {
  return `${String(Number(day.slice(0, 4)) - 1).padStart(4, '0')}${day.slice(4)}`;
}

/** Every month from `first` to `last` ('YYYY-MM'), so that a month without income shows as zero. */
export function monthsBetween(first: string, last: string): string[] {
  const out: string[] = [];
  let [y, m] = first.split('-').map(Number) as [number, number];
  for (let key = first; key <= last;) {
    out.push(key);
    m += 1;
    if (m > 12) [y, m] = [y + 1, 1];
    key = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
  }
  return out;
}

/** End-of-day shares (today's share scale) of one holding on `day`, from its timeline. */
function sharesOn(timeline: HoldingTimeline | undefined, days: readonly string[], day: string): number {
  if (!timeline) return 0;
  let shares = 0;
  for (let i = 0; i < timeline.day.length; i++) {
    if ((days[timeline.day[i] as number] as string) > day) break;
    shares = timeline.quantity[i] as number;
  }
  return shares;
}

/** The income records (dividend, interest, tax naming a holding) in the base currency at their day's rate. */
function bookAll(snapshot: Snapshot, records: readonly Transaction[], account: string | undefined) {
  const ctx = baseContextOf(snapshot);
  const booked: Booked[] = [];
  const leftOut: string[] = [];
  for (const t of records) {
    if (account !== undefined && t.account !== account) continue;
    const isTax = t.type === 'tax';
    // A tax record without a symbol is not withheld on income (a capital gains tax, say).
    if (t.type !== 'dividend' && t.type !== 'interest' && !(isTax && t.symbol)) continue;
    const gross = isTax ? Decimal.ZERO : (Decimal.parseOptional(t.amount) ?? Decimal.ZERO);
    const withheld = isTax
      ? (Decimal.parseOptional(t.amount) ?? Decimal.ZERO)
      : (Decimal.parseOptional(t.fee) ?? Decimal.ZERO);
    const rate = toBase(ctx, Decimal.ONE, t.currency, t.date);
    if (rate.value === null) {
      leftOut.push(`The ${t.type} of ${t.date}${t.symbol ? ` on ${t.symbol}` : ''}: ${rate.reason}`);
      continue;
    }
    const inBase = (d: Decimal) => (t.currency === ctx.base ? d : d.mul(rate.value));
    booked.push({
      date: t.date,
      account: t.account,
      symbol: t.symbol || null,
      dividend: t.type === 'dividend' ? inBase(gross) : Decimal.ZERO,
      interest: t.type === 'interest' ? inBase(gross) : Decimal.ZERO,
      taxes: inBase(withheld),
    });
  }
  return { booked, leftOut };
}

interface HoldingOutlook {
  ttm: Decimal;
  cost: Decimal | null;
  forward: Decimal | null;
}

/**
 * The income view. `records` may hold any transactions: only dividend, interest and tax records
 * count. The range (from, to) bounds the months, years and sums; the trailing twelve months, yield
 * on cost and forward estimate always end on the valuation day.
 */
export function incomeView(snapshot: Snapshot, records: readonly Transaction[], input: IncomeInput): IncomeOutput {
  const { result, asOf, sleeveOf, names } = snapshot;
  const { account, from, to } = input;
  if (account !== undefined && !result.accounts.some((a) => a.name === account))
    throw new ApiError('not_found', `There is no account named "${account}".`);
  const base = result.series.baseCurrency;
  const ctx = baseContextOf(snapshot);
  const { booked, leftOut } = bookAll(snapshot, records, account);
  const ttmFrom = asOf === null ? null : yearBefore(asOf);
  const inTtm = (day: string) => ttmFrom !== null && asOf !== null && day > ttmFrom && day <= asOf;
  const inRange = booked.filter((b) => (from === undefined || b.date >= from) && (to === undefined || b.date <= to));

  // Open positions: cost basis in base (each lot at its own day's rate) and shares now.
  const positions = result.accounts
    .filter((a) => account === undefined || a.name === account)
    .flatMap((a) => a.positions)
    .filter((p) => !p.quantity.isZero());
  const timelines = new Map(result.ledger.holdings.map((h) => [`${h.account}\u0000${h.symbol}`, h]));
  const days = result.ledger.days;
  const outlook = new Map<string, HoldingOutlook>();
  for (const p of positions) {
    const o = outlook.get(p.symbol) ?? { ttm: Decimal.ZERO, cost: Decimal.ZERO, forward: Decimal.ZERO };
    const cost = positionInBase(ctx, p).costBasisBase;
    o.cost = o.cost === null || cost === null ? null : o.cost.add(cost);
    const timeline = timelines.get(`${p.account}\u0000${p.symbol}`);
    const now = timeline ? ((timeline.quantity.at(-1) as number | undefined) ?? 0) : 0;
    for (const b of booked) {
      if (b.symbol !== p.symbol || b.account !== p.account || b.dividend.isZero() || !inTtm(b.date)) continue;
      const then = sharesOn(timeline, days, b.date);
      // Per share on its day × the shares held now; a dividend paid when none were held says nothing per share.
      if (then > 0 && o.forward !== null) o.forward = o.forward.add(b.dividend.mul(Decimal.fromNumber(now / then)));
    }
    outlook.set(p.symbol, o);
  }
  // TTM dividends of every holding, open or not (a closed one's yield on cost is null).
  const ttmBySymbol = new Map<string, Decimal>();
  let ttmInterest = Decimal.ZERO;
  let ttmDividends = Decimal.ZERO;
  for (const b of booked) {
    if (!inTtm(b.date)) continue;
    ttmInterest = ttmInterest.add(b.interest);
    ttmDividends = ttmDividends.add(b.dividend);
    if (b.symbol !== null) ttmBySymbol.set(b.symbol, (ttmBySymbol.get(b.symbol) ?? Decimal.ZERO).add(b.dividend));
  }

  const pct = (ttm: Decimal, cost: Decimal | null) =>
    cost === null || !cost.isPositive() ? null : (ttm.toNumber() / cost.toNumber()) * 100;
  const outlookOf = (ttm: Decimal, o: HoldingOutlook | undefined) => ({
    ttmDividends: ttm.toString(),
    costBasis: o?.cost?.toString() ?? null,
    yieldOnCostPct: o ? pct(o.ttm, o.cost) : null,
    forwardEstimate: o?.forward?.round(2).toString() ?? null,
  });
  for (const [symbol, o] of outlook) o.ttm = ttmBySymbol.get(symbol) ?? Decimal.ZERO;

  const monthSums = new Map<string, Sums>();
  const yearSums = new Map<string, Sums>();
  const symbolSums = new Map<string, Sums>();
  const total = zero();
  for (const b of inRange) {
    for (const [map, key] of [
      [monthSums, b.date.slice(0, 7)],
      [yearSums, b.date.slice(0, 4)],
    ] as const) {
      const s = map.get(key) ?? zero();
      addTo(s, b);
      map.set(key, s);
    }
    if (b.symbol !== null) {
      const s = symbolSums.get(b.symbol) ?? zero();
      addTo(s, b);
      symbolSums.set(b.symbol, s);
    }
    addTo(total, b);
  }
  const monthKeys = [...monthSums.keys()].sort();
  const months =
    monthKeys.length === 0
      ? []
      : monthsBetween(monthKeys[0] as string, monthKeys.at(-1) as string).map((month) => ({
          month,
          ...amountsOf(monthSums.get(month) ?? zero()),
        }));
  const years = [...yearSums.keys()].sort().map((year) => ({ year, ...amountsOf(yearSums.get(year) as Sums) }));

  // Holdings with income in the range or in the last twelve months; one that never paid is no row
  // (its cost still counts in the totals' yield on cost: it is part of what is held).
  const paid = (symbol: string) => symbolSums.has(symbol) || ttmBySymbol.has(symbol);
  const everySymbol = [...new Set([...symbolSums.keys(), ...outlook.keys()])].sort();
  const symbols = everySymbol.filter(paid);
  const holdings = symbols.map((symbol) => {
    const s = amountsOf(symbolSums.get(symbol) ?? zero());
    return {
      symbol,
      name: names.get(symbol) ?? null,
      sleeve: sleeveOf(symbol),
      open: outlook.has(symbol),
      dividends: s.dividends,
      taxes: s.taxes,
      net: s.net,
      ...outlookOf(ttmBySymbol.get(symbol) ?? Decimal.ZERO, outlook.get(symbol)),
    };
  });
  // Holdings' dividends (and their taxes) add up by sleeve; interest belongs to no sleeve.
  // A sleeve is listed when one of its holdings paid; its yield on cost counts all it holds.
  const bySleeve = new Map<Sleeve, { sums: Sums; ttm: Decimal; o: HoldingOutlook | undefined }>();
  const listedSleeves = new Set(symbols.map(sleeveOf));
  for (const symbol of everySymbol) {
    const sleeve = sleeveOf(symbol);
    const entry = bySleeve.get(sleeve) ?? { sums: zero(), ttm: Decimal.ZERO, o: undefined };
    const s = symbolSums.get(symbol);
    if (s) {
      entry.sums.dividends = entry.sums.dividends.add(s.dividends);
      entry.sums.taxes = entry.sums.taxes.add(s.taxes);
    }
    entry.ttm = entry.ttm.add(ttmBySymbol.get(symbol) ?? Decimal.ZERO);
    entry.o = mergeOutlook(entry.o, outlook.get(symbol));
    bySleeve.set(sleeve, entry);
  }
  const sleeves = [...bySleeve.entries()]
    .filter(([sleeve]) => listedSleeves.has(sleeve))
    .map(([sleeve, { sums, ttm, o }]) => {
      const s = amountsOf(sums);
      return { sleeve, dividends: s.dividends, taxes: s.taxes, net: s.net, ...outlookOf(ttm, o) };
    });
  let all: HoldingOutlook | undefined;
  for (const o of outlook.values()) all = mergeOutlook(all, o);

  return {
    baseCurrency: base,
    asOf,
    ttmFrom,
    months,
    years,
    holdings,
    sleeves,
    totals: {
      ...amountsOf(total),
      ttmInterest: ttmInterest.toString(),
      ...outlookOf(ttmDividends, all),
    },
    leftOut,
  };
}

function mergeOutlook(a: HoldingOutlook | undefined, b: HoldingOutlook | undefined): HoldingOutlook | undefined {
  if (!a || !b) return a ?? b;
  return {
    ttm: a.ttm.add(b.ttm),
    cost: a.cost === null || b.cost === null ? null : a.cost.add(b.cost),
    forward: a.forward === null || b.forward === null ? null : a.forward.add(b.forward),
  };
}
