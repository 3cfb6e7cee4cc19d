// Records of a file whose every cell is a JSON string, one record per line (json-quoted.ts), in
// the batches and with the line numbers readCsvRecords gives.
import { jsonQuotedCells } from '../../shared/csv/json-quoted';
import { CsvReadError, type CsvRecord } from './read-records';

const NOT_JSON_QUOTED =
  'is not written like the header line (every cell a JSON string in double quotes, as Wealthfolio exports)';

export async function* readJsonQuotedLines(
  text: AsyncIterable<string>,
  batchSize: number,
  maxRecordChars: number,
): AsyncGenerator<CsvRecord[]> {
  let rest = '';
  let line = 0;
  let batch: CsvRecord[] = [];
  const take = (raw: string) => {
    line++;
    if (raw === '') return;
    const cells = jsonQuotedCells(raw);
    if (cells === null) throw new CsvReadError(line, NOT_JSON_QUOTED);
    // As in the RFC 4180 reader: a record that is one empty field is a blank line.
    if (cells.length === 1 && cells[0] === '') return;
    batch.push({ cells, line });
  };
  for await (const chunk of text) {
    rest += chunk;
    // A CR at the very end may be the first half of a CRLF split across chunks: wait for the next.
    const end = rest.endsWith('\r') ? rest.length - 1 : rest.length;
    const breaks = /\r\n|\n|\r/g;
    let start = 0;
    for (let match = breaks.exec(rest); match !== null && match.index < end; match = breaks.exec(rest)) {
      take(rest.slice(start, match.index));
      start = match.index + match[0].length;
    }
    rest = rest.slice(start);
    if (rest.length > maxRecordChars) {
      throw new CsvReadError(line + 1, `has a record longer than ${maxRecordChars.toLocaleString('en-US')} characters`);
    }
    if (batch.length >= batchSize) {
      yield batch;
      batch = [];
    }
  }
  if (rest !== '') take(rest.replace(/\r$/, ''));
  if (batch.length > 0) yield batch;
}
