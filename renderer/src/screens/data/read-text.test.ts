// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { readText } from './read-text';

const file = (parts: (string | number[])[], name = 'trades.csv') =>
  new File(
    parts.map((part) => (typeof part === 'string' ? part : new Uint8Array(part))),
    name,
  );

describe('reading an uploaded file', () => {
  it('refuses bytes that are not UTF-8, naming the file and the line', async () => {
    // Line 3 holds a lone 0xFF byte: a browser's readAsText would make it U+FFFD without a word.
    const bad = file(['date,amount\n', '2024-01-02,1\n', 'note ', [0xff], ',2\n', '2024-01-04,3\n']);
    await expect(readText(bad)).rejects.toThrow(/^trades\.csv line 3 is not UTF-8 text/);
  });

  it('reads UTF-8 (with or without a byte-order mark) exactly', async () => {
    expect(await readText(file(['a,b\n', 'Müller,€\n']))).toBe('a,b\nMüller,€\n');
    expect(await readText(file([[0xef, 0xbb, 0xbf], 'a\n']))).toBe('a\n');
  });

  it('refuses UTF-16 as the import does, rather than reading it', async () => {
    await expect(readText(file([[0xff, 0xfe, 0x61, 0x00]], 'w.csv'))).rejects.toThrow(/^w\.csv line 1 is UTF-16 text/);
  });

  it('names the first line when a multi-byte sequence is cut off at the end', async () => {
    await expect(readText(file(['a\n', [0xe2, 0x82]], 'q.csv'))).rejects.toThrow(/^q\.csv line 2 /);
  });
});
