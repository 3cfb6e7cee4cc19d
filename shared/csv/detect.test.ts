import { describe, expect, it } from 'vitest';
import { presetMisses, suggestPreset, wholeLines } from './detect';
import { BUILT_IN_PRESETS } from './presets';

describe('wholeLines', () => {
  it('cuts after the last line break, whichever kind, so no record is cut off', () => {
    expect(wholeLines('a;b\n1;2\n3;')).toBe('a;b\n1;2\n');
    expect(wholeLines('a;b\r\n1;2\r\n3')).toBe('a;b\r\n1;2\r\n');
    expect(wholeLines('a;b\r1;2\r3')).toBe('a;b\r1;2\r');
  });

  it('keeps a text without any line break whole', () => {
    expect(wholeLines('a;b;c')).toBe('a;b;c');
  });
});

describe('presetMisses', () => {
  it("lists each preset's required columns and the ones a header lacks, closest first", () => {
    // Tiltfolio's own header minus currency: only that one is missing, so tiltfolio comes first.
    const header = ['date', 'account', 'type', 'symbol', 'quantity', 'price', 'fee', 'amount', 'note'];
    expect(suggestPreset(header, BUILT_IN_PRESETS)).toBeNull();
    const [closest, ...others] = presetMisses(header, BUILT_IN_PRESETS);
    expect(closest).toEqual({ preset: 'tiltfolio', required: ['date', 'type', 'currency'], missing: ['currency'] });
    expect(others.every((miss) => miss.missing.length >= 1)).toBe(true);
    expect(others.map((miss) => miss.missing.length)).toEqual(
      [...others.map((miss) => miss.missing.length)].sort((a, b) => a - b),
    );
  });

  it('finds a column under any of its names, ignoring case and spaces', () => {
    const pp = presetMisses([' datum ', 'TYP', 'Wert'], BUILT_IN_PRESETS).find(
      (miss) => miss.preset === 'portfolio-performance-de',
    );
    expect(pp?.missing).toEqual(['Buchungswährung']);
  });
});
