import { describe, expect, it } from 'vitest';
import { parseSubjectKey, PRESETS, resolvePreset, subjectKey } from './subjects';

describe('rotation subjects', () => {
  it('round-trips every kind of subject through its key', () => {
    for (const subject of [
      { kind: 'portfolio' as const },
      { kind: 'sleeve' as const, sleeve: 'small_caps' as const },
      { kind: 'symbol' as const, symbol: '^RUT' },
      { kind: 'symbol' as const, symbol: 'BRK-B' },
    ])
      expect(parseSubjectKey(subjectKey(subject))).toEqual(subject);
  });

  it('resolves the presets to the symbols the cache has', () => {
    const [smallCaps, finTech] = PRESETS;
    expect(resolvePreset(smallCaps!, new Set(['^RUT', 'SPY']))).toEqual({
      subject: { kind: 'symbol', symbol: '^RUT' },
      vs: { kind: 'symbol', symbol: 'SPY' },
    });
    expect(resolvePreset(smallCaps!, new Set())).toMatchObject({ subject: { symbol: 'RUT' } });
    expect(resolvePreset(finTech!, new Set(['XLF', 'XLK']))).toEqual({
      subject: { kind: 'symbol', symbol: 'XLF' },
      vs: { kind: 'symbol', symbol: 'XLK' },
    });
  });
});
