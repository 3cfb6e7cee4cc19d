import { describe, expect, it } from 'vitest';
import { OVERVIEW_POINTS } from '../../shared/api/portfolio-schemas';
import { rotationOverview, rotationView } from '../../shared/view/rotation-view';
import { realBars } from '../test-support/real-quotes';

describe('the overview of a comparison (rotation:series with overview)', () => {
  it('keeps the span and figures, and cuts the price line of RUT’s real closes to the strip, ends and extremes kept', () => {
    const rut = realBars('RUT');
    const spy = realBars('SPY');
    const input = {
      subject: { kind: 'symbol', symbol: 'RUT' },
      vs: { kind: 'symbol', symbol: 'SPY' },
      average: 50,
    } as const;
    const full = rotationView(input, rut, spy);
    const overview = rotationOverview(full);
    expect(full.price.length).toBeGreaterThan(OVERVIEW_POINTS);
    expect(overview.price.length).toBeLessThanOrEqual(OVERVIEW_POINTS);
    expect(overview.stats).toEqual(full.stats);
    expect(overview.price[0]).toEqual(full.price[0]);
    expect(overview.price.at(-1)).toEqual(full.price.at(-1));
    // The file's own highest and lowest close in the span are on the strip (counted from the file).
    const shown = rut.filter((bar) => bar.day >= (full.stats.from as string) && bar.day <= (full.stats.to as string));
    const highest = shown.reduce((a, b) => (b.close > a.close ? b : a));
    const lowest = shown.reduce((a, b) => (b.close < a.close ? b : a));
    expect(overview.price).toContainEqual({ time: highest.day, value: highest.close });
    expect(overview.price).toContainEqual({ time: lowest.day, value: lowest.close });
    for (const line of ['priceAverage', 'ratio', 'ratioAverage', 'drawdown', 'newHighs', 'regimeChanges'] as const)
      expect(overview[line]).toEqual([]);
    // A tenth of the bytes, or less.
    expect(JSON.stringify(overview).length * 10).toBeLessThan(JSON.stringify(full).length);
  });
});
