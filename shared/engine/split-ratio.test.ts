import { describe, expect, it } from 'vitest';
import { canonicalSplitRatio, describeSplitRatio, parseSplitRatio, SplitRatioError } from './split-ratio';

describe('parseSplitRatio: new shares : old shares', () => {
  // Each spelling with the fraction it means, worked out by hand: new ÷ old in lowest terms.
  it.each([
    ['1:3', 1n, 3n],
    ['1/3', 1n, 3n],
    ['1-for-3', 1n, 3n],
    ['1 FOR 3', 1n, 3n],
    [' 1 : 3 ', 1n, 3n],
    ['1 - For - 3', 1n, 3n],
    ['3:1', 3n, 1n],
    ['3-for-1', 3n, 1n],
    ['3', 3n, 1n],
    ['7', 7n, 1n],
    ['0.5', 1n, 2n],
    ['1:2', 1n, 2n],
    ['3:2', 3n, 2n],
    ['2:3', 2n, 3n],
    ['10:30', 1n, 3n],
    ['1.5:1', 3n, 2n],
    ['0.3333333333', 3333333333n, 10000000000n],
    // More places than the engine keeps, close to a small fraction: another program's 1 ÷ 3.
    ['0.3333333333333333333333333333', 1n, 3n],
    ['0.6666666666666666', 2n, 3n],
    ['1e1', 10n, 1n],
  ])('%j is %i/%i', (text, numerator, denominator) => {
    expect(parseSplitRatio(text)).toEqual({ numerator, denominator });
  });

  it.each([
    ['0', 'must be greater than zero'],
    ['0:1', 'has a zero side'],
    ['1:0', 'has a zero side'],
    ['-2', 'cannot be negative'],
    ['-1:3', 'cannot be negative'],
    ['abc', 'is not a number or a ratio'],
    ['1:2:3', 'is not a number or a ratio'],
    ['', 'is not a number or a ratio'],
    ['20000:1', 'is outside 10000:1 to 1:10000'],
    ['1-for-20000', 'is outside 10000:1 to 1:10000'],
    ['0.00001', 'is outside 10000:1 to 1:10000'],
    ['1234567:1234568', 'in lowest terms each side must be at most 1,000,000'],
  ])('refuses %j: %s', (text, reason) => {
    let error: unknown;
    try {
      parseSplitRatio(text);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(SplitRatioError);
    expect((error as SplitRatioError).reason).toContain(reason);
    expect((error as Error).message).toBe(
      `The split ratio ${JSON.stringify(text)} ${(error as SplitRatioError).reason}; write new shares : old shares, such as 3:1 (or 3) for 3-for-1 and 1:3 for 1-for-3.`,
    );
  });
});

describe('canonicalSplitRatio: one stored spelling per ratio', () => {
  it.each([
    // A finite decimal of at most 10 places is stored as the decimal (what the store always held).
    [['7', '7:1', '7-for-1', '7.0', '07', '14/2'], '7'],
    [['0.5', '1:2', '1-for-2', '0.50', '2:4'], '0.5'],
    [['1.5', '3:2', '3-for-2'], '1.5'],
    // Otherwise new/old in lowest terms.
    [['1:3', '1/3', '1-for-3', '2:6', '0.3333333333333333333333333333'], '1/3'],
    [['2:3', '2-for-3'], '2/3'],
    [['1:2048'], '1/2048'],
    // A decimal ratio of an older row stays what it was: read the same, stored the same.
    [['0.3333333333'], '0.3333333333'],
  ])('%j are all stored as %j', (spellings, stored) => {
    for (const text of spellings) expect(canonicalSplitRatio(text)).toBe(stored);
    // And the stored form reads back to itself.
    expect(canonicalSplitRatio(stored)).toBe(stored);
  });
});

describe('describeSplitRatio: as a broker notice says it', () => {
  it.each([
    ['7', '7-for-1'],
    ['1/3', '1-for-3'],
    ['0.5', '1-for-2'],
    ['1.5', '3-for-2'],
    // An older row's rounded decimal has no plausible terms: shown as stored.
    ['0.3333333333', '0.3333333333'],
    ['garbled', 'garbled'],
  ])('%j is %j', (stored, shown) => {
    expect(describeSplitRatio(stored)).toBe(shown);
  });
});
