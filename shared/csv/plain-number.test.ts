import { describe, expect, it } from 'vitest';
import { plainNumber } from './plain-number';

describe('plainNumber', () => {
  it('prints the shortest round-trip decimal without exponents', () => {
    expect(plainNumber(27.799999)).toBe('27.799999');
    expect(plainNumber(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(plainNumber(1e-7)).toBe('0.0000001');
    expect(plainNumber(-1.5e-9)).toBe('-0.0000000015');
    expect(plainNumber(1e21)).toBe('1000000000000000000000');
    expect(plainNumber(1.2345e22)).toBe('12345000000000000000000');
    expect(plainNumber(105)).toBe('105');
    expect(Number(plainNumber(1.234e-8))).toBe(1.234e-8);
    expect(() => plainNumber(Number.NaN)).toThrow(RangeError);
  });
});
