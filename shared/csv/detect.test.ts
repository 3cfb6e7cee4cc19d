import { describe, expect, it } from 'vitest';
import { wholeLines } from './detect';

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
