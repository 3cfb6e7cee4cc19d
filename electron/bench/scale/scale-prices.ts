// The generated market: trading days, instruments and their split-adjusted closes. Each series is
// a block bootstrap of one real file's daily returns (20-day blocks keep volatility clustering),
// so a chart of it looks like a stock, not like noise.
import type { QuoteBar } from '../../../shared/domain/bar';
import { dayFromNumber, dayToNumber } from '../../../shared/engine/dates';
import type { InstrumentKind } from '../../../shared/quotes/types';

export interface ScaleSplit {
  /** Index into the trading days; the split is effective at that day's open. */
  dayIndex: number;
  /** New shares per old share. Whole numbers, so that share counts stay whole. */
  ratio: number;
}

export interface ScaleInstrument {
  symbol: string;
  name: string;
  kind: InstrumentKind;
  /** Index of its first trading day (listing); it trades until the last day. */
  firstIndex: number;
  /** Split-adjusted closes from firstIndex on, as providers give them. */
  closes: Float64Array;
  splits: ScaleSplit[];
}

const BLOCK = 20;
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** Weekdays from `from` to `to` inclusive (holidays are not modelled). */
export function tradingDays(from: string, to: string): string[] {
  const days: string[] = [];
  for (let n = dayToNumber(from); n <= dayToNumber(to); n++) {
    const weekday = (n + 4) % 7; // day 0, 1970-01-01, was a Thursday
    if (weekday !== 0 && weekday !== 6) days.push(dayFromNumber(n));
  }
  return days;
}

function closesFrom(returns: Float64Array, length: number, start: number, random: () => number): Float64Array {
  const closes = new Float64Array(length);
  let close = start;
  let at = Math.floor(random() * (returns.length - BLOCK));
  for (let i = 0; i < length; i++) {
    if (i % BLOCK === 0) at = Math.floor(random() * (returns.length - BLOCK));
    if (i > 0) close *= Math.exp(returns[at + (i % BLOCK)] as number);
    closes[i] = close;
  }
  return closes;
}

/** Bar counts per instrument summing exactly to `bars`: the benchmark first (every day), the rest in pairs around the mean. */
function barCounts(instruments: number, bars: number, days: number, random: () => number): number[] {
  const rest = bars - days;
  const others = instruments - 1;
  const base = Math.floor(rest / others);
  if (base < 60 || base > days) {
    throw new Error(`${bars} bars over ${instruments} instruments and ${days} days: each would have ${base}`);
  }
  const counts = new Array<number>(others).fill(base);
  for (let i = 0; i < rest - base * others; i++) counts[i] = (counts[i] as number) + 1;
  // Listed at different times: one of a pair is older by what the other is younger.
  const room = Math.min(base - 60, days - base - 1);
  for (let i = 0; i + 1 < others; i += 2) {
    const shift = Math.floor(random() * room);
    counts[i] = (counts[i] as number) + shift;
    counts[i + 1] = (counts[i + 1] as number) - shift;
  }
  return [days, ...counts];
}

/**
 * Shaped like their own real files: the benchmark and the default sleeve indexes (Settings), so
 * the Rotation screen's attribution has its references at scale as on the demo.
 */
const REFERENCES = ['SPY', 'XLK', 'XLF', 'RUT'];

function tickers(count: number, random: () => number): string[] {
  const taken = new Set(REFERENCES);
  const out: string[] = [];
  while (out.length < count) {
    const length = 3 + Math.floor(random() * 2);
    let symbol = '';
    for (let i = 0; i < length; i++) symbol += LETTERS[Math.floor(random() * LETTERS.length)];
    if (!taken.has(symbol)) {
      taken.add(symbol);
      out.push(symbol);
    }
  }
  return out;
}

export function generateInstruments(
  options: { instruments: number; bars: number; days: number },
  shapes: readonly { symbol: string; returns: Float64Array }[],
  random: () => number,
): ScaleInstrument[] {
  const counts = barCounts(options.instruments, options.bars, options.days, random);
  const references = REFERENCES.slice(0, Math.max(1, Math.min(REFERENCES.length, options.instruments - 1)));
  // The references take the longest histories, as real indexes have: a window of years has them.
  for (let i = 1; i < references.length; i++) {
    let longest = i;
    for (let j = i + 1; j < counts.length; j++) if ((counts[j] as number) > (counts[longest] as number)) longest = j;
    [counts[i], counts[longest]] = [counts[longest] as number, counts[i] as number];
  }
  const symbols = [...references, ...tickers(options.instruments - references.length, random)];
  const instruments = symbols.map((symbol, i) => {
    const length = counts[i] as number;
    const own = i < references.length ? shapes.find((shape) => shape.symbol === symbol) : undefined;
    const shape = own ?? (shapes[Math.floor(random() * shapes.length)] as (typeof shapes)[number]);
    const kind: InstrumentKind = i < references.length || random() < 0.15 ? 'etf' : 'stock';
    const closes = closesFrom(shape.returns, length, 20 + random() * 300, random);
    const firstIndex = options.days - length;
    // About one instrument in eight splits once, in its later half, when its price has grown.
    const splits: ScaleSplit[] = [];
    if (i >= references.length && random() < 0.125 && length > 400) {
      splits.push({
        dayIndex: firstIndex + Math.floor(length / 2 + random() * (length / 2 - 1)),
        ratio: 2 + Math.floor(random() * 3),
      });
    }
    return {
      symbol,
      name: i === 0 ? 'SPDR S&P 500 ETF Trust (generated)' : `${symbol} Holdings (generated)`,
      kind,
      firstIndex,
      closes,
      splits,
    };
  });
  // Every kind of record, however the draws fell: one split at least, mid-history of the longest.
  if (instruments.every((instrument) => instrument.splits.length === 0)) {
    const longest = instruments
      .slice(references.length)
      .reduce<ScaleInstrument | undefined>(
        (a, b) => (a === undefined || b.closes.length > a.closes.length ? b : a),
        undefined,
      );
    if (longest !== undefined && longest.closes.length > 400) {
      longest.splits.push({ dayIndex: longest.firstIndex + Math.floor(longest.closes.length * 0.75), ratio: 2 });
    }
  }
  return instruments;
}

/** Price a trade at `dayIndex` really had: the adjusted close times every split still to come. */
export function tradedPrice(instrument: ScaleInstrument, dayIndex: number): number {
  let factor = 1;
  for (const split of instrument.splits) if (split.dayIndex > dayIndex) factor *= split.ratio;
  return (instrument.closes[dayIndex - instrument.firstIndex] as number) * factor;
}

/** The bars written to the cache: open, high and low around the close, a volume in the millions. */
export function* instrumentBars(
  instrument: ScaleInstrument,
  days: readonly string[],
  random: () => number,
): Generator<QuoteBar> {
  const { closes, firstIndex } = instrument;
  for (let i = 0; i < closes.length; i++) {
    const close = closes[i] as number;
    const open = (i > 0 ? (closes[i - 1] as number) : close) * (1 + (random() - 0.5) * 0.01);
    const high = Math.max(open, close) * (1 + random() * 0.01);
    const low = Math.min(open, close) * (1 - random() * 0.01);
    yield {
      day: days[firstIndex + i] as string,
      open: round4(open),
      high: round4(high),
      low: round4(low),
      close: round4(close),
      adjClose: round4(close),
      volume: Math.floor(100_000 + random() * 20_000_000),
    };
  }
}

function round4(value: number): number {
  return Math.round(value * 1e4) / 1e4;
}
