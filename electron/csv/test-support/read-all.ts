// Every record of a file read against a preset, without the database or the ledger: what the
// import would book, what it would leave out (by reason) and every problem.
import type { TransactionInput } from '../../../shared/api/transaction-schemas';
import { bindHeader, RecordReader, type BindOptions } from '../../../shared/csv/convert';
import type { AnyPreset } from '../../../shared/csv/preset-types';
import type { ImportProblem } from '../../../shared/csv/problems';
import { readCsvRecords } from '../read-records';

export interface ReadAll {
  inputs: TransactionInput[];
  skipped: Record<string, number>;
  problems: ImportProblem[];
}

export async function readAll(preset: AnyPreset, content: string, options: BindOptions = {}): Promise<ReadAll> {
  const out: ReadAll = { inputs: [], skipped: {}, problems: [] };
  let reader: RecordReader | null = null;
  for await (const batch of readCsvRecords([content], { delimiter: preset.delimiter })) {
    for (const record of batch) {
      if (reader === null) {
        const bound = bindHeader(preset, record.cells, options);
        if (!bound.ok) return { ...out, problems: bound.problems };
        reader = new RecordReader(bound.binding);
        continue;
      }
      const read = reader.read(record.cells, record.line);
      if (!read.ok) out.problems.push(...read.problems);
      else if (read.input === null) out.skipped[read.skipped] = (out.skipped[read.skipped] ?? 0) + 1;
      else out.inputs.push(read.input);
    }
  }
  return out;
}
