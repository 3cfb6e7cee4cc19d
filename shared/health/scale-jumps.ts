// Prices already in the cache from two loads on different split scales (written before the
// import refused such files, or typed): where the loads meet, the closes differ by a split factor.
import { factorText, findScaleJump, likelySplit, priceText } from '../quotes/scale-seam';
import { oneRowPerDay } from '../quotes/merge';
import type { HealthCheck, HealthInput, HealthProblem, HealthRow } from './health-problem';
import { NO_SERIES, seriesFromRows, type HealthSeries } from './health-series';
import { loadOf } from './resolve-rows';

function symbolsOf(input: HealthInput): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const { symbol } of input.comparisons) out.set(symbol, []);
  for (const trade of input.trades) out.set(trade.symbol, []);
  for (const [symbol, accounts] of input.holdings) out.set(symbol, [...accounts]);
  return out;
}

interface Found {
  day: string;
  earlier: HealthRow;
  later: HealthRow;
  factor: { numerator: number; denominator: number };
}

/** The first place two loads of one symbol disagree by a split factor (the rule of scale-seam.ts). */
export function firstScaleJump(rows: readonly HealthRow[]): Found | null {
  return scaleJumpIn(seriesFromRows(rows));
}

/** The same over a series' facts: only days several loads cover and where loads meet can jump. */
function scaleJumpIn({ overlaps, seams }: HealthSeries): Found | null {
  const shownByDay = new Map(oneRowPerDay(overlaps).map((row) => [row.day, row]));
  // A day two loads both have: their closes must agree.
  for (const row of overlaps) {
    const winner = shownByDay.get(row.day)!;
    if (loadOf(row) === loadOf(winner)) continue;
    const factor = likelySplit(row.close / winner.close, true);
    if (factor) return { day: row.day, earlier: row, later: winner, factor };
  }
  // Where the shown series passes from one load to the next.
  for (const [a, b] of seams) {
    const jump = findScaleJump([a], [b]);
    if (jump) return { day: b.day, earlier: a, later: b, factor: jump.factor };
  }
  return null;
}

export const scaleJumps: HealthCheck = (input) =>
  [...symbolsOf(input)].flatMap(([symbol, accounts]): HealthProblem[] => {
    const found = scaleJumpIn(input.series.get(symbol) ?? NO_SERIES);
    if (found === null) return [];
    const { earlier, later, factor } = found;
    const ratio = factorText(factor);
    return [
      {
        kind: 'scale_jump',
        symbol,
        accounts,
        day: found.day,
        detail:
          `${symbol}: ${priceText(earlier.close)} (${earlier.source}, ${earlier.day}) beside ${priceText(later.close)} (${later.source}, ${later.day}), ` +
          `a ${ratio} ratio: two downloads on different split scales.`,
        affects:
          'Its highs, drawdowns, holdings value and every return across that day jump by the ratio, as if the price moved.',
        fix:
          earlier.source === 'manual' || later.source === 'manual'
            ? `Correct or delete the typed price of ${found.day} (Import & export → delete bars, or type it again on the split-adjusted scale).`
            : `Import the newer, split-adjusted file again with "rescale older bars" (tiltfolio quotes import --rescale-older), or delete ${symbol}'s bars and import one download.`,
      },
    ];
  });
