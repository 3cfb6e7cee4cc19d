import { describe, expect, it } from 'vitest';
import { countWord, plural } from './plural';

describe('plural', () => {
  it('uses the singular for exactly one and the plural for every other count', () => {
    expect(plural(1, 'position')).toBe('1 position');
    expect(plural(0, 'position')).toBe('0 positions');
    expect(plural(2, 'day')).toBe('2 days');
    expect(countWord(1, 'day')).toBe('day');
    expect(countWord(1.5, 'share')).toBe('shares');
  });

  it('takes an irregular plural and groups large counts', () => {
    expect(plural(1, 'entry', 'entries')).toBe('1 entry');
    expect(plural(3, 'entry', 'entries')).toBe('3 entries');
    expect(plural(1204, 'position').replace(/\D/g, '')).toBe('1204');
    expect(plural(1204, 'position').endsWith(' positions')).toBe(true);
  });
});
