// The two engine workloads `npm run bench` times (electron/bench/engine-bench.ts): make* builds
// the synthetic input (seeded, so every run and machine sees the same data) once, and the run*
// functions, timed repeatedly, run the engine on it.
import type { Bar } from '../domain/bar';
import { closeSeries } from './close-series';
import type { Transaction } from '../domain/transaction';
import { maxDrawdown, drawdownSeries } from './drawdown';
import { recompute, type RecomputeInput, type RecomputeResult } from './recompute';
import { alignBars } from './bars';
import { relativeRotationOfAligned } from './relative-rotation';
import { relativeStrengthOfAligned } from './relative-strength';

/** mulberry32: small, fast, good enough for synthetic data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Weekdays from `start` (holidays ignored: the engine does not care which days trade). */
export function weekdays(start: string, count: number): string[] {
  const days: string[] = [];
  let t = Date.UTC(Number(start.slice(0, 4)), Number(start.slice(5, 7)) - 1, Number(start.slice(8, 10)));
  while (days.length < count) {
    const weekday = new Date(t).getUTCDay();
    if (weekday !== 0 && weekday !== 6) days.push(new Date(t).toISOString().slice(0, 10));
    t += 86_400_000;
  }
  return days;
}

/** A geometric random walk with a little drift, rounded to cents like real closes. */
export function randomWalk(days: readonly string[], random: () => number, start = 50): Bar[] {
  let price = start;
  return days.map((day) => {
    price *= 1 + 0.0003 + (random() - 0.5) * 0.04;
    if (price < 1) price = 1;
    return { day, close: Math.round(price * 100) / 100 };
  });
}

const KNOWN = [
  'AAPL',
  'MSFT',
  'AMZN',
  'GOOGL',
  'NFLX',
  'QQQ',
  'XLK',
  'JPM',
  'GS',
  'AXP',
  'XLF',
  'BAC',
  'IWM',
  'IJR',
  'VTWO',
];
const TRADING_DAYS_10Y = 2520;

export function makeRecomputeWorkload(
  options: { transactions?: number; instruments?: number; days?: number; seed?: number } = {},
): RecomputeInput {
  const count = options.transactions ?? 100_000;
  const instrumentCount = options.instruments ?? 500;
  const random = seededRandom(options.seed ?? 42);
  const days = weekdays('2010-01-04', options.days ?? TRADING_DAYS_10Y);
  const symbols = Array.from({ length: instrumentCount }, (_, i) => KNOWN[i] ?? `SYN${String(i).padStart(3, '0')}`);
  const walks = new Map(symbols.map((symbol) => [symbol, randomWalk(days, random, 20 + random() * 200)]));
  const accounts = ['Brokerage', 'IRA', 'Roth', 'Joint'];
  const held = new Map<string, number>(); // account|symbol → whole shares, to keep sales valid

  const transactions: Transaction[] = [];
  const add = (fields: Omit<Transaction, 'id' | 'time' | 'note' | 'currency'>) => {
    transactions.push({ id: transactions.length + 1, time: null, note: null, currency: 'USD', ...fields });
  };
  // Spread the records evenly over the days, in date order as the store returns them.
  for (let n = 0; n < count; n++) {
    const t = Math.floor((n * days.length) / count);
    const date = days[t] as string;
    const account = accounts[Math.floor(random() * accounts.length)] as string;
    const symbol = symbols[Math.floor(random() * symbols.length)] as string;
    const close = (walks.get(symbol)?.[t] as Bar).close;
    const key = `${account}|${symbol}`;
    const shares = held.get(key) ?? 0;
    const roll = random();
    const none = { symbol: null, quantity: null, price: null, fee: null, amount: null };
    if (n % 200 === 0) {
      add({ ...none, date, account, type: 'deposit', amount: String(5000 + Math.floor(random() * 20000)) });
    } else if (roll < 0.3 && shares > 0) {
      const quantity = 1 + Math.floor(random() * shares);
      held.set(key, shares - quantity);
      add({
        ...none,
        date,
        account,
        type: 'sell',
        symbol,
        quantity: String(quantity),
        price: close.toFixed(2),
        fee: '1',
      });
    } else if (roll < 0.36 && shares > 0) {
      add({ ...none, date, account, type: 'dividend', symbol, amount: (shares * close * 0.004).toFixed(2) });
    } else if (roll < 0.37 && shares > 0 && t !== Math.floor(((n - 1) * days.length) / count)) {
      // A split, only as a day's first record (splits apply first in a day, so the running
      // share count stays right). The synthetic closes are not split-adjusted: this exercises lots.
      add({ ...none, date, account, type: 'split', symbol, quantity: '2' });
      held.set(key, shares * 2);
    } else if (roll < 0.375) {
      add({ ...none, date, account, type: 'fee', amount: '2.5' });
    } else {
      const quantity = 1 + Math.floor(random() * 100);
      held.set(key, shares + quantity);
      add({
        ...none,
        date,
        account,
        type: 'buy',
        symbol,
        quantity: String(quantity),
        price: close.toFixed(2),
        fee: random() < 0.5 ? '0' : '4.95',
      });
    }
  }
  // In columns, as the store hands them over (CloseSeries).
  const closes = new Map([...walks].map(([symbol, bars]) => [symbol, closeSeries(bars)]));
  return { transactions, closes, today: days[days.length - 1] as string, accounts };
}

export function runRecompute(workload: RecomputeInput): RecomputeResult {
  return recompute(workload);
}

export interface RotationWorkload {
  pairs: { a: Bar[]; b: Bar[] }[];
}

export function makeRotationWorkload(options: { pairs?: number; days?: number; seed?: number } = {}): RotationWorkload {
  const random = seededRandom(options.seed ?? 7);
  const days = weekdays('2009-01-02', options.days ?? TRADING_DAYS_10Y);
  const pairs = Array.from({ length: options.pairs ?? 20 }, () => ({
    a: randomWalk(days, random),
    b: randomWalk(days, random),
  }));
  return { pairs };
}

export function runRotation(workload: RotationWorkload): number {
  // Returns a checksum so the work cannot be optimised away.
  let checksum = 0;
  for (const { a, b } of workload.pairs) {
    // One alignment of the pair feeds both views: aligning is a third of the work.
    const aligned = alignBars(a, b);
    const rs = relativeStrengthOfAligned(aligned, { maPeriod: 50 });
    const rotation = relativeRotationOfAligned(aligned);
    const ratioBars = rs.days.map((day, i) => ({ day, close: rs.ratio[i] as number }));
    const drawdown = drawdownSeries(ratioBars);
    const worst = maxDrawdown(ratioBars);
    checksum += rs.crossings.length + rotation.points.length + (drawdown[drawdown.length - 1] ?? 0) + (worst?.pct ?? 0);
  }
  return checksum;
}
