import { describe, expect, it } from 'vitest';
import { roundToTotal } from './attribution-view';

describe('roundToTotal', () => {
  it('rounds to whole units that add up to the total, moving the ones rounding moved most', () => {
    // 1.4 + 1.4 + 1.4 = 4.2 → rounded 1 + 1 + 1 = 3, the total asked 4: one goes up.
    expect(roundToTotal([1.4, 1.4, 1.45], 4)).toEqual([1, 1, 2]);
    // Negative gap: −0.6 and −0.6 round to −1 −1 = −2 against a total of −1: the first goes back up (ties keep their order).
    expect(roundToTotal([-0.6, -0.6], -1)).toEqual([0, -1]);
    expect(roundToTotal([2.6, -0.6, 0.6], 3)).toEqual([3, -1, 1]);
  });
});
