import { describe, expect, it } from 'vitest';
import { quadrantOf } from '../engine/relative-rotation';
import { QUADRANT_LABELS, QUADRANTS, relativeWords, trendOf, trendWords } from './verdicts';

describe('verdicts', () => {
  it('reads the trend on the last day with an average, since the last change before it', () => {
    const ratio = [100, 102, 101, 99, 98, Number.NaN];
    const average = [Number.NaN, 101, 101, 100, 100, Number.NaN];
    const changes = [{ day: 'd3', index: 3, direction: 'down' as const }];
    expect(trendOf(ratio, average, changes)).toEqual({ side: 'below', since: 'd3' });
    // No change in the span: on that side throughout.
    expect(trendOf([102, 103], [101, 101], [])).toEqual({ side: 'above', since: null });
    expect(trendOf([100], [Number.NaN], [])).toBeNull();
  });

  it('words each verdict without the quadrant names, which belong to the weekly graph', () => {
    expect(relativeWords(-10.3, 'SPY')).toBe('behind SPY');
    expect(relativeWords(2, 'SPY')).toBe('ahead of SPY');
    expect(trendWords({ side: 'above', since: null }, 'SPY')).toBe('gaining on SPY');
    expect(trendWords({ side: 'below', since: null }, 'SPY')).toBe('losing ground to SPY');
    for (const words of [relativeWords(-1, 'X'), trendWords({ side: 'above', since: null }, 'X')])
      for (const q of QUADRANTS) expect(words.toLowerCase()).not.toContain(QUADRANT_LABELS[q].toLowerCase());
    expect(QUADRANTS.map((q) => q)).toEqual(['leading', 'weakening', 'lagging', 'improving']);
    expect(quadrantOf(100, 99)).toBe('weakening');
  });
});
