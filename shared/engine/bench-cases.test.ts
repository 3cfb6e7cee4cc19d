import { describe, expect, it } from 'vitest';
import { makeRecomputeWorkload, makeRotationWorkload, runRecompute, runRotation, seededRandom } from './bench-cases';

// No timings here (npm run bench owns those): only that the workloads are valid and deterministic.
describe('bench cases', () => {
  it('builds a valid, deterministic recompute workload', () => {
    const options = { transactions: 3000, instruments: 30, days: 400 };
    const a = makeRecomputeWorkload(options);
    const b = makeRecomputeWorkload(options);
    expect(a.transactions).toHaveLength(3000);
    expect(a.transactions).toEqual(b.transactions);
    const result = runRecompute(a); // throws on an invalid ledger (an over-sale, say)
    expect(result.series.days).toHaveLength(400);
    expect(new Set(a.transactions.map((t) => t.type))).toEqual(
      new Set(['deposit', 'buy', 'sell', 'dividend', 'split', 'fee']),
    );
    expect(result.tilt.sleeves.reduce((sum, s) => sum + s.weight, 0)).toBeCloseTo(1, 9);
  });

  it('runs the rotation workload', () => {
    expect(runRotation(makeRotationWorkload({ pairs: 2, days: 600 }))).toBe(
      runRotation(makeRotationWorkload({ pairs: 2, days: 600 })),
    );
    const draw = (seed: number) => {
      const random = seededRandom(seed);
      return Array.from({ length: 1000 }, () => random());
    };
    expect(draw(1)).toEqual(draw(1));
    expect(draw(1)).not.toEqual(draw(2));
    expect(draw(1).every((x) => x >= 0 && x < 1)).toBe(true);
  });
});
