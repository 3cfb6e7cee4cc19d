// Wealthfolio's JSON-quoted export through readCsvRecords: read as JSON when the caller's check of
// the header says so, with lines numbered as an editor does and CRLF split across chunks.
import { describe, expect, it } from 'vitest';
import { readCsvRecords, type RecordSource } from './read-records';

async function read(source: RecordSource, jsonQuoted: (header: readonly string[]) => boolean) {
  const records: { line: number; cells: string[] }[] = [];
  for await (const batch of readCsvRecords(source, { batchSize: 2, jsonQuoted })) records.push(...batch);
  return records;
}

const yes = () => true;

describe('reading a JSON-quoted file', () => {
  it('unescapes \\" and \\n, numbers lines across CRLF split between chunks, and skips blank lines', async () => {
    const chunks = ['"id","note"\r', '\n"1","say \\"hi\\"\\nbye"\r\n', '\r\n"2",', '"a\\\\b"\r"3",""'];
    expect(await read(chunks, yes)).toEqual([
      { line: 1, cells: ['id', 'note'] },
      { line: 2, cells: ['1', 'say "hi"\nbye'] },
      { line: 4, cells: ['2', 'a\\b'] },
      { line: 5, cells: ['3', ''] },
    ]);
  });

  it('reads RFC 4180 when the check says no, or the header is not JSON-quoted', async () => {
    const text = '"id","note"\n"1","a ""b"""\n';
    expect((await read([text], () => false)).map((r) => r.cells)).toEqual([
      ['id', 'note'],
      ['1', 'a "b"'],
    ]);
    expect((await read(['id,note\n1,x\n'], yes)).map((r) => r.cells)).toEqual([
      ['id', 'note'],
      ['1', 'x'],
    ]);
  });

  it('names the line that is not JSON-quoted', async () => {
    await expect(read(['"id","note"\n"1","x"\n"2",y\n'], yes)).rejects.toMatchObject({
      line: 3,
      reason: expect.stringMatching(/^is not written like the header line/),
    });
  });
});
