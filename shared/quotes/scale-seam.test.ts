// The split-factor reading and the refusal's wording (the seam rule on real data is in
// electron/quotes/scale-seam-real-data.test.ts, where the files can be read).
import { describe, expect, it } from 'vitest';
import { describeScaleJump, likelySplit } from './scale-seam';

describe('likelySplit', () => {
  it('takes common factors within 2 % on a shared day, 8 % across a seam, and 3:2 only on a shared day', () => {
    expect(likelySplit(19.7, true)).toEqual({ numerator: 20, denominator: 1 });
    expect(likelySplit(19.2, true)).toBeNull();
    expect(likelySplit(19.2, false)).toEqual({ numerator: 20, denominator: 1 });
    expect(likelySplit(1 / 3.2, false)).toEqual({ numerator: 1, denominator: 3 });
    expect(likelySplit(1 / 3.4, false)).toBeNull();
    expect(likelySplit(1.5, true)).toEqual({ numerator: 3, denominator: 2 });
    expect(likelySplit(1.5, false)).toBeNull();
    expect(likelySplit(1.8, true)).toBeNull();
    expect(likelySplit(1.01, true)).toBeNull();
  });
});

describe('describeScaleJump', () => {
  it('names the symbol, the day, both prices and the factor', () => {
    const text = describeScaleJump(
      'AMZN',
      {
        side: 'before',
        day: '2022-06-01',
        cachedDay: '2022-05-31',
        cachedClose: 2404.2,
        newDay: '2022-06-01',
        newClose: 116.46,
        factor: { numerator: 20, denominator: 1 },
      },
      'the file AMZN.csv',
      'import it again with --rescale-older',
    );
    expect(text).toBe(
      'AMZN on 2022-06-01: the cache holds 2,404.2 (2022-05-31), the file AMZN.csv 116.46, a 20:1 ratio, as if a 20:1 split lay between the two downloads. Nothing was written. If a split is the cause, import it again with --rescale-older: the older bars are brought onto the newer scale by 20:1, then the new ones written.',
    );
  });
});
