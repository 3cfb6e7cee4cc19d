import type { AutoscaleInfo } from 'lightweight-charts';
import { describe, expect, it } from 'vitest';
import { seriesOptions } from './series-options';

describe('the drawdown band’s scale', () => {
  // Bug: zoomed into days with no fall of 10 %, the band's values were all 0; its hidden scale
  // autoscaled around 0 and the fill below that line shaded the pane as if a fall were there.
  it('is fixed at 0–1 whatever the visible values, so 0 is always the bottom', () => {
    const options = seriesOptions({ id: 'drawdowns', kind: 'band', data: [], fill: '#ccc' }) as {
      autoscaleInfoProvider?: (base: () => AutoscaleInfo | null) => AutoscaleInfo | null;
    };
    expect(options.autoscaleInfoProvider).toBeTypeOf('function');
    // What the library would compute for an all-zero visible stretch: a range around 0.
    const allZero = () => ({ priceRange: { minValue: -1, maxValue: 1 } });
    expect(options.autoscaleInfoProvider?.(allZero)?.priceRange).toEqual({ minValue: 0, maxValue: 1 });
  });
});
