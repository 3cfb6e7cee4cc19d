import { describe, expect, it } from 'vitest';
import { parseWeights, toPercentDraft } from './weights';

describe('sleeve weight inputs', () => {
  it('shows fractions as percents without float noise', () => {
    expect(toPercentDraft({ large_cap_tech: 0.25, financials: 0.13, small_caps: 0, other: 0.62 })).toEqual({
      large_cap_tech: '25',
      financials: '13',
      small_caps: '0',
      other: '62',
    });
    expect(toPercentDraft(null).other).toBe('');
  });

  it('turns percents into fractions that add up to one', () => {
    const parsed = parseWeights({ large_cap_tech: '33.33', financials: '33.33', small_caps: '33.34', other: '0%' });
    expect(parsed.problem).toBeNull();
    expect(parsed.weights?.small_caps).toBeCloseTo(0.3334, 10);
  });

  it('refuses blanks, negatives and totals other than 100', () => {
    expect(parseWeights({ large_cap_tech: '', financials: '50', small_caps: '50', other: '0' }).problem).toBe(
      'Give every sleeve a weight from 0 to 100.',
    );
    expect(parseWeights({ large_cap_tech: '-5', financials: '55', small_caps: '50', other: '0' }).weights).toBeNull();
    const off = parseWeights({ large_cap_tech: '40', financials: '15', small_caps: '15', other: '20' });
    expect(off).toMatchObject({ total: 90, problem: 'The four weights must add up to 100 %.', weights: null });
  });
});
