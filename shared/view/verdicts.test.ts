import { describe, expect, it } from 'vitest';
import { quadrantOf } from '../engine/relative-rotation';
import { QUADRANT_LABELS, QUADRANTS, quadrantWord, relativeWords, trendOf, trendWords } from './verdicts';

describe('verdicts', () => {
  it('reads the trend as the confirmed regime, since the last change', () => {
    const changes = [{ day: 'd3', index: 3, direction: 'down' as const, confirmedDay: 'd7' }];
    expect(trendOf('below', changes)).toEqual({ side: 'below', since: 'd3' });
    // No change in the span: in that regime throughout.
    expect(trendOf('above', [])).toEqual({ side: 'above', since: null });
    expect(trendOf(null, [])).toBeNull();
  });

  it('names a quadrant with one function: 100 itself counts as the stronger side', () => {
    expect(quadrantWord(101, 99)).toBe('Weakening');
    expect(quadrantWord(100, 100)).toBe('Leading');
    expect(quadrantWord(99.9, 100)).toBe('Improving');
    expect(quadrantWord(99.9, 99.9)).toBe('Lagging');
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
