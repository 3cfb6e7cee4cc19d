import { describe, expect, it } from 'vitest';
import {
  describeAdjustment,
  newSplits,
  planRescale,
  refetchFrom,
  type CachedBar,
  type NewSplits,
  type Split,
} from './split-adjust';

const split = (day: string, numerator: number, denominator = 1): Split => ({
  kind: 'split',
  day,
  numerator,
  denominator,
});

function row(day: string, source: string, fetchedAt: string, close = 100): CachedBar {
  return {
    day,
    source,
    fetchedAt,
    open: close - 1,
    high: close + 2,
    low: close - 2,
    close,
    adjClose: close - 4,
    volume: 1000,
  };
}

describe('newSplits', () => {
  it('is new to the source unless that source stored the day; new to the symbol unless any source did', () => {
    const reported = [split('2019-02-19', 4), { kind: 'dividend' as const, day: '2019-02-08', amount: 0.73 }];
    expect(newSplits(reported, [], 'yahoo')).toEqual({ forSource: [reported[0]], forSymbol: [reported[0]] });
    expect(newSplits(reported, [{ day: '2019-02-19', source: 'yahoo' }], 'yahoo')).toEqual({
      forSource: [],
      forSymbol: [],
    });
    // Another provider stored it: still new to this one's own bars, no longer to anyone else's.
    expect(newSplits(reported, [{ day: '2019-02-19', source: 'other' }], 'yahoo')).toEqual({
      forSource: [reported[0]],
      forSymbol: [],
    });
    expect(newSplits(reported, [{ day: '2018-06-01', source: 'yahoo' }], 'yahoo').forSource).toHaveLength(1);
  });
});

describe('refetchFrom', () => {
  const splits = [split('2019-02-19', 4)];
  it('asks again from the first cached bar when it is older than both the split and the answer', () => {
    expect(refetchFrom(splits, '2018-10-01', '2019-01-24')).toBe('2018-10-01');
  });
  it('does not when the answer covers every cached bar the split reaches, or nothing is cached before it', () => {
    expect(refetchFrom(splits, null, '2019-01-24')).toBeNull();
    expect(refetchFrom(splits, '2019-01-24', '2019-01-24')).toBeNull();
    expect(refetchFrom(splits, '2019-02-19', '2019-02-20')).toBeNull();
    expect(refetchFrom([], '2018-10-01', '2019-01-24')).toBeNull();
  });
});

describe('planRescale', () => {
  const fourForOne: NewSplits = { forSource: [split('2019-02-19', 4)], forSymbol: [split('2019-02-19', 4)] };

  it('divides prices and multiplies volume by the ratio, keeping source, day and fetched_at', () => {
    const cached = row('2019-01-02', 'yahoo', '2019-02-01T00:00:00.000Z', 160);
    const plan = planRescale([cached], 'yahoo', fourForOne);
    expect(plan).toEqual({
      rescaled: [{ ...cached, open: 39.75, high: 40.5, low: 39.5, close: 40, adjClose: 39, volume: 4000 }],
      unsure: [],
    });
  });

  it('leaves bars on or after the split day, and keeps those stored on or after it as unsure', () => {
    const plan = planRescale(
      [
        row('2019-02-19', 'yahoo', '2019-02-01T00:00:00.000Z'),
        row('2019-01-02', 'manual', '2019-02-19T08:00:00.000Z'),
        row('2019-01-03', 'file', '2019-02-18T23:59:59.999Z'),
      ],
      'yahoo',
      fourForOne,
    );
    expect(plan.rescaled.map((r) => [r.day, r.source, r.close])).toEqual([['2019-01-03', 'file', 25]]);
    expect(plan.unsure.map((r) => r.day)).toEqual(['2019-01-02']);
  });

  it('applies a split another source already stored to the provider’s own bars only', () => {
    const seenElsewhere: NewSplits = { forSource: [split('2019-02-19', 4)], forSymbol: [] };
    const plan = planRescale(
      [row('2019-01-02', 'yahoo', '2019-02-01'), row('2019-01-02', 'file', '2019-02-01')],
      'yahoo',
      seenElsewhere,
    );
    expect(plan.rescaled.map((r) => [r.source, r.close])).toEqual([['yahoo', 25]]);
    expect(plan.unsure).toEqual([]);
  });

  it('multiplies the ratios of every split after the bar, and applies only those it predates', () => {
    const two = split('2019-01-10', 2);
    const four = split('2019-02-19', 4);
    const splits: NewSplits = { forSource: [two, four], forSymbol: [two, four] };
    const plan = planRescale(
      [
        row('2019-01-02', 'file', '2019-01-05', 100),
        row('2019-01-15', 'file', '2019-01-20', 100),
        row('2019-01-03', 'file', '2019-01-12', 100),
      ],
      'yahoo',
      splits,
    );
    expect(plan.rescaled.map((r) => [r.day, r.close, r.volume])).toEqual([
      ['2019-01-02', 12.5, 8000],
      ['2019-01-15', 25, 4000],
      ['2019-01-03', 25, 4000],
    ]);
    // Stored after the 2:1 split: whether it already carries that one is unknown, so only 4:1 applies.
    expect(plan.unsure.map((r) => r.day)).toEqual(['2019-01-03']);
  });

  it('skips splits whose ratios cancel out', () => {
    const splits: NewSplits = { forSource: [], forSymbol: [split('2019-01-10', 2), split('2019-02-19', 1, 2)] };
    expect(planRescale([row('2019-01-02', 'file', '2019-01-05')], 'yahoo', splits)).toEqual({
      rescaled: [],
      unsure: [],
    });
  });

  it('handles a ratio that is not a whole number, keeping volume whole and nulls null', () => {
    const xlf: NewSplits = { forSource: [split('2016-09-19', 1231, 1000)], forSymbol: [] };
    const cached = { ...row('2016-09-16', 'yahoo', '2016-09-17'), open: null, volume: 1001 };
    const [adjusted] = planRescale([cached], 'yahoo', xlf).rescaled;
    expect(adjusted!.open).toBeNull();
    expect(adjusted!.close).toBeCloseTo(100 / 1.231, 12);
    expect(adjusted!.volume).toBe(1232);
  });
});

describe('planRescale with a reverse split (issue 15, defect 6)', () => {
  it('multiplies by old shares and divides by new ones, so 1-for-3 leaves no float noise', () => {
    const reverse: NewSplits = { forSource: [split('2020-03-02', 1, 3)], forSymbol: [] };
    const cached = { ...row('2020-02-28', 'yahoo', '2020-02-29', 101.11), volume: 3000 };
    const [adjusted] = planRescale([cached], 'yahoo', reverse).rescaled;
    // 101.11 × 3 as a float literal; ÷ (1 ÷ 3) gave 303.33000000000004.
    expect(adjusted!.close).toBe(303.33);
    expect(adjusted!.low).toBe(297.33);
    expect(adjusted!.volume).toBe(1000);
  });
});

describe('describeAdjustment', () => {
  const splits = [split('2019-02-19', 4)];
  it('names the split, the re-fetch and the rescaled rows per source', () => {
    const rows = [row('2019-01-02', 'file', 'x'), row('2019-01-03', 'file', 'x'), row('2019-01-04', 'manual', 'x')];
    expect(describeAdjustment(splits, '2018-10-01', { rescaled: rows, unsure: [rows[0]!] })).toBe(
      'history adjusted for the 4:1 split of 2019-02-19: re-fetched the history from 2018-10-01, rescaled 2 file bars, ' +
        'rescaled 1 manual bar, kept 1 bar stored on or after the split day as it was',
    );
  });
  it('says nothing when the split touched nothing cached, and "not adjusted" when it only found unsure rows', () => {
    expect(describeAdjustment(splits, null, { rescaled: [], unsure: [] })).toBe('');
    expect(describeAdjustment(splits, null, { rescaled: [], unsure: [row('2019-01-02', 'file', 'x')] })).toMatch(
      /^history not adjusted for the 4:1 split of 2019-02-19: kept 1 bar/,
    );
  });
});
