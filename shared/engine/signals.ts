// What changed, dated: relative-strength crossings and quadrant changes against the benchmark, new
// 52-week highs and lows, a sleeve drifting out of its band around the target, a holding
// overheated above its 50- or 200-day average (docs/engine.md, "Signals").
import type { Bar } from '../domain/bar';
import { SLEEVES, type Sleeve, type SleeveWeights } from '../domain/sleeve';
import { dayToNumber } from './dates';
import { newHighs, WEEK_52_DAYS } from './highs-lows';
import { sma } from './moving-average';
import { regimeCrossings } from './regime-crossings';
import { relativeRotation, type Quadrant } from './relative-rotation';

export type SignalKind = 'rs_up' | 'rs_down' | 'quadrant' | 'high_52w' | 'low_52w' | 'drift' | 'overheated';

export interface Signal {
  date: string;
  kind: SignalKind;
  /** What it is about: a symbol, or a sleeve's label. */
  subject: string;
  message: string;
}

export interface SignalMember {
  label: string;
  /** Holdings also get highs, lows and overheating; sleeves only relative strength and quadrants. */
  kind: 'sleeve' | 'holding';
  bars: readonly Bar[];
}

export interface SignalsInput {
  from: string;
  to: string;
  benchmark: { symbol: string; bars: readonly Bar[] };
  /**
   * Taken one at a time and not kept: a generator can read each member's bars as it comes
   * (a few hundred holdings' whole histories at once were tens of MB of the backend's heap).
   */
  members: Iterable<SignalMember>;
  /** Sleeve values by day (the portfolio's valuation) and the target, for drift. */
  drift: { days: readonly string[]; values: Record<Sleeve, ArrayLike<number>>; target: SleeveWeights } | null;
  labels: Record<Sleeve, string>;
  driftBandPct: number;
  overheatPct: number;
}

export const OVERHEAT_AVERAGES = [50, 200] as const;

const QUADRANT_WORDS: Record<Quadrant, string> = {
  leading: 'Leading',
  weakening: 'Weakening',
  lagging: 'Lagging',
  improving: 'Improving',
};

const inWindow = (day: string, from: string, to: string) => day >= from && day <= to;
const pct = (x: number) => `${x >= 0 ? '+' : ''}${x.toFixed(1)} %`;

/** The first day of each run of consecutive flagged bars inside the window, with the run's length. */
function runStarts(bars: readonly Bar[], flags: Uint8Array, from: string, to: string) {
  const out: { bar: Bar; days: number }[] = [];
  for (let i = 0; i < bars.length; i++) {
    const bar = bars[i] as Bar;
    if (!flags[i] || !inWindow(bar.day, from, to)) continue;
    if (i > 0 && flags[i - 1] && inWindow((bars[i - 1] as Bar).day, from, to)) {
      (out[out.length - 1] as { days: number }).days++;
      continue;
    }
    out.push({ bar, days: 1 });
  }
  return out;
}

function highsAndLows(m: SignalMember, from: string, to: string): Signal[] {
  const bars = m.bars;
  if (bars.length === 0) return [];
  // A high needs a year of closes before it: the first weeks of a series are not 52-week highs.
  const firstFull = dayToNumber((bars[0] as Bar).day) + WEEK_52_DAYS;
  const full = (flags: Uint8Array) =>
    flags.map((f, i) => (f && dayToNumber((bars[i] as Bar).day) >= firstFull ? 1 : 0));
  const highs = full(newHighs(bars).week52);
  const lows = full(newHighs(bars.map((b) => ({ day: b.day, close: -b.close }))).week52);
  const say = (what: string, run: { bar: Bar; days: number }) =>
    `${m.label} closed at a new 52-week ${what} (${run.bar.close.toFixed(2)})${run.days > 1 ? `, and again on the next ${run.days - 1} trading day${run.days > 2 ? 's' : ''}` : ''}.`;
  return [
    ...runStarts(bars, highs, from, to).map((run): Signal => ({
      date: run.bar.day,
      kind: 'high_52w',
      subject: m.label,
      message: say('high', run),
    })),
    ...runStarts(bars, lows, from, to).map((run): Signal => ({
      date: run.bar.day,
      kind: 'low_52w',
      subject: m.label,
      message: say('low', run),
    })),
  ];
}

/** The day a close first rises more than `thresholdPct` above its 50- or 200-day average. */
function overheating(m: SignalMember, from: string, to: string, thresholdPct: number): Signal[] {
  const closes = m.bars.map((b) => b.close);
  const out: Signal[] = [];
  for (const period of OVERHEAT_AVERAGES) {
    const average = sma(closes, period);
    let was = false;
    m.bars.forEach((bar, i) => {
      const avg = average[i] as number;
      const above = Number.isFinite(avg) ? (bar.close / avg - 1) * 100 : Number.NaN;
      const hot = above > thresholdPct;
      if (hot && !was && inWindow(bar.day, from, to))
        out.push({
          date: bar.day,
          kind: 'overheated',
          subject: m.label,
          message: `${m.label} is overheated: ${pct(above)} above its ${period}-day average (threshold ${thresholdPct} %).`,
        });
      was = hot;
    });
  }
  return out;
}

function relative(m: SignalMember, input: SignalsInput): Signal[] {
  const { from, to, benchmark } = input;
  const out: Signal[] = regimeCrossings(m.bars, benchmark.bars, from)
    .filter((c) => c.day <= to)
    .map((c) => ({
      date: c.day,
      kind: c.direction === 'up' ? 'rs_up' : 'rs_down',
      subject: m.label,
      message: `${m.label} crossed ${c.direction === 'up' ? 'above' : 'below'} its relative-strength average against ${benchmark.symbol}: it started to ${c.direction === 'up' ? 'lead' : 'lag'}.`,
    }));
  const points = relativeRotation(m.bars, benchmark.bars).points;
  for (let w = 1; w < points.length; w++) {
    const before = points[w - 1]!;
    const now = points[w]!;
    if (before.quadrant !== now.quadrant && inWindow(now.day, from, to))
      out.push({
        date: now.day,
        kind: 'quadrant',
        subject: m.label,
        message: `${m.label} moved from ${QUADRANT_WORDS[before.quadrant]} to ${QUADRANT_WORDS[now.quadrant]} against ${benchmark.symbol} (week ending ${now.day}).`,
      });
  }
  return out;
}

/** The day a sleeve's weight first leaves the band of ± `driftBandPct` points around its target. */
function drift(input: SignalsInput): Signal[] {
  if (input.drift === null) return [];
  const { days, values, target } = input.drift;
  const out: Signal[] = [];
  const outside = new Map<Sleeve, boolean>();
  for (let t = 0; t < days.length; t++) {
    let total = 0;
    for (const s of SLEEVES) total += values[s][t] as number;
    if (!(total > 0)) continue;
    for (const s of SLEEVES) {
      const weight = ((values[s][t] as number) / total) * 100;
      const off = weight - target[s] * 100;
      const now = Math.abs(off) > input.driftBandPct;
      const day = days[t] as string;
      if (now && !outside.get(s) && inWindow(day, input.from, input.to))
        out.push({
          date: day,
          kind: 'drift',
          subject: input.labels[s],
          message: `${input.labels[s]} drifted to ${weight.toFixed(1)} % of your holdings, ${off > 0 ? 'over' : 'under'} its ${(target[s] * 100).toFixed(0)} % target by more than ${input.driftBandPct} points.`,
        });
      outside.set(s, now);
    }
  }
  return out;
}

/** Every signal between `from` and `to` (inclusive), oldest first; same-day ones by subject. */
export function signals(input: SignalsInput): Signal[] {
  const all: Signal[] = [...drift(input)];
  for (const m of input.members) {
    all.push(...relative(m, input));
    if (m.kind === 'holding') {
      all.push(...highsAndLows(m, input.from, input.to));
      all.push(...overheating(m, input.from, input.to, input.overheatPct));
    }
  }
  return all.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.subject.localeCompare(b.subject)));
}
