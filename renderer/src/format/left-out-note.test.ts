import { describe, expect, it } from 'vitest';
import { HOLDINGS_TOTALS, leftOutNotes, TILT_WEIGHTS } from './left-out-note';

// The tests run in whatever locale the machine has: compare digits, not separators.
const digits = (text: string) => text.replace(/\D/g, '');

describe('leftOutNotes', () => {
  it('says per currency what a total leaves out, in that currency', () => {
    const notes = leftOutNotes(
      [
        { currency: 'EUR', amount: '1041.5', count: 2 },
        { currency: 'GBP', amount: '3', count: 1 },
      ],
      'USD',
      HOLDINGS_TOTALS,
    );
    expect(notes).toHaveLength(2);
    expect(notes[0]).toMatch(/^No EUR→USD rate: .* in 2 positions and balances is left out of the totals\.$/);
    expect(digits(notes[0]?.split(':')[1] ?? '')).toBe('1041502');
    expect(notes[1]).toMatch(/in 1 position or balance is left out of the totals\.$/);
    expect(leftOutNotes([{ currency: 'EUR', amount: '340', count: 1 }], 'USD', TILT_WEIGHTS)[0]).toMatch(
      /in 1 holding is left out of the weights\.$/,
    );
    expect(leftOutNotes([], 'USD', HOLDINGS_TOTALS)).toEqual([]);
  });
});
