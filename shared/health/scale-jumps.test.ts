import { describe, expect, it } from 'vitest';
import { firstScaleJump, scaleJumps } from './scale-jumps';
import { healthInput, rowsOf } from './test-support/input';

const older = rowsOf(
  [
    ['2022-05-27', 2302.93],
    ['2022-05-31', 2404.19],
  ],
  'file',
  '2022-05-31T22:00:00Z',
);
const later = rowsOf(
  [
    ['2022-06-01', 121.68],
    ['2022-06-02', 125.51],
  ],
  'yahoo',
  '2022-12-30T22:00:00Z',
);

describe('scaleJumps', () => {
  it('finds the seam between a pre-split and a later download', () => {
    const input = healthInput({
      holdings: new Map([['AMZN', ['Brokerage']]]),
      rows: new Map([['AMZN', [...older, ...later]]]),
    });
    const [problem, ...rest] = scaleJumps(input);
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ kind: 'scale_jump', symbol: 'AMZN', day: '2022-06-01', accounts: ['Brokerage'] });
    expect(problem!.detail).toBe(
      'AMZN: 2,404.19 (file, 2022-05-31) beside 121.68 (yahoo, 2022-06-01), a 20:1 ratio: two downloads on different split scales.',
    );
  });

  it('finds two loads that disagree on a day both have', () => {
    const typed = rowsOf([['2022-06-01', 121.68 * 20]], 'manual', '2022-06-02T00:00:00Z');
    // The typed price wins the day; the fetched one beside it is a twentieth of it.
    expect(firstScaleJump([...later, ...typed])).toMatchObject({
      day: '2022-06-01',
      factor: { numerator: 1, denominator: 20 },
    });
  });

  it('lets one load through, and a real move between loads', () => {
    const input = healthInput({
      comparisons: [{ symbol: 'AMZN', role: 'benchmark' }],
      rows: new Map([
        ['AMZN', [...older, ...rowsOf([['2022-06-01', 2404.19 * 0.7]], 'yahoo', '2022-12-30T22:00:00Z')]],
      ]),
    });
    expect(scaleJumps(input)).toEqual([]);
  });
});
