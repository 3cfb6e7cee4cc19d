import { describe, expect, it } from 'vitest';
import { readCsvRecords, type RecordSource } from './read-records';

async function read(source: RecordSource, delimiter?: string) {
  const records: { line: number; cells: string[] }[] = [];
  for await (const batch of readCsvRecords(source, { batchSize: 3, ...(delimiter ? { delimiter } : {}) })) {
    records.push(...batch);
  }
  return records;
}

describe('reading CSV records', () => {
  it('numbers lines as an editor does across CRLF, LF and CR, multi-line fields and blank lines', async () => {
    const text = 'a,b\r\n1,"x\r\ny"\r\n\r\n2,"p\nq\rr"\n3,4\r5,6';
    expect(await read([text])).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1', 'x\r\ny'] },
      { line: 5, cells: ['2', 'p\nq\rr'] },
      { line: 8, cells: ['3', '4'] },
      { line: 9, cells: ['5', '6'] },
    ]);
  });

  it('detects the delimiter from the header, even when the header spans chunks', async () => {
    expect((await read(['da', 'te;acc', 'ount\n1;2\n'])).map((r) => r.cells)).toEqual([
      ['date', 'account'],
      ['1', '2'],
    ]);
    expect((await read(['a;b\n1;2\n'], ',')).map((r) => r.cells)).toEqual([['a;b'], ['1;2']]);
  });

  it('drops a BOM and refuses bytes that are not UTF-8, naming the line', async () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf, ...Buffer.from('a,b\n1,ü\n')]);
    expect((await read([bom.subarray(0, 2), bom.subarray(2)])).map((r) => r.cells)).toEqual([
      ['a', 'b'],
      ['1', 'ü'],
    ]);
    await expect(read([Buffer.from('a,b\n1,2\n3,\xe4\n', 'latin1')])).rejects.toMatchObject({
      line: 3,
      reason: expect.stringMatching(/^is not UTF-8 text/),
    });
    await expect(read([Buffer.from('\xff\xfea\x00', 'latin1')])).rejects.toMatchObject({ line: 1, reason: /UTF-16/ });
  });

  it('keeps the records before a broken quote and names the line it opens on', async () => {
    const seen: string[][] = [];
    const reading = (async () => {
      for await (const batch of readCsvRecords(['a,b\n1,2\n"x,3\n4,5\n'], { batchSize: 1 })) {
        seen.push(...batch.map((r) => r.cells));
      }
    })();
    await expect(reading).rejects.toMatchObject({ line: 3, reason: 'has a quote that is never closed' });
    expect(seen).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('reads a large string in slices without splitting a character', async () => {
    const row = '2016-01-04,"note 🤓 with an emoji"\n';
    const text = 'date,note\n' + row.repeat(60_000);
    const records = await read([text]);
    expect(records).toHaveLength(60_001);
    expect(records.every((r, i) => i === 0 || r.cells[1] === 'note 🤓 with an emoji')).toBe(true);
    expect(records.at(-1)?.line).toBe(60_001);

    // A slice boundary (every 2^20 characters) falling right after an emoji's high surrogate.
    const head = 'date,note\n2016-01-04,"';
    const filler = 'x'.repeat((1 << 20) - 1 - head.length);
    const split = `${head}${filler}🤓"\n`;
    expect(split.charCodeAt((1 << 20) - 1)).toBe('🤓'.charCodeAt(0));
    const cells: string[][] = [];
    for await (const batch of readCsvRecords([split], { maxRecordChars: 2 << 20 }))
      cells.push(...batch.map((r) => r.cells));
    expect(cells[1]?.[1]).toBe(`${filler}🤓`);
  });
});
