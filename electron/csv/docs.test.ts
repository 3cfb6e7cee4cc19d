// docs/csv.md documents every export's columns and every preset's: this keeps them in step.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DATE_FORMATS } from '../../shared/csv/date-format';
import { NUMBER_FORMATS } from '../../shared/csv/number-format';
import { BUILT_IN_PRESETS } from '../../shared/csv/presets';
import { EXPORTERS } from './exporters';

const doc = fs.readFileSync(new URL('../../docs/csv.md', import.meta.url), 'utf8');

describe('docs/csv.md', () => {
  it('lists the columns of every export, in order for transactions', () => {
    for (const exporter of Object.values(EXPORTERS)) {
      for (const column of exporter.columns) expect(doc, `${exporter.kind}.${column}`).toContain(column);
    }
    expect(doc).toContain('`date,account,type,symbol,quantity,price,fee,amount,currency,note,fx_rate`');
  });

  it('names every preset, every column a preset reads, and every format', () => {
    for (const preset of BUILT_IN_PRESETS) {
      expect(doc).toContain(`\`${preset.name}\``);
      for (const column of Object.values(preset.columns)) {
        for (const header of column.headers) expect(doc, `${preset.name}: ${header}`).toContain(header);
      }
    }
    for (const format of [...DATE_FORMATS, ...NUMBER_FORMATS]) expect(doc).toContain(`\`${format}\``);
  });

  it('describes the exchange-rate files: the ECB format and a Yahoo pair file', () => {
    for (const words of ['eurofxref-hist.csv', '`Date,USD,JPY,BGN,…`', '`N/A`', '`EURUSD=X.csv`', '`null`'])
      expect(doc, words).toContain(words);
    for (const source of ['`ecb`', '`file`', '`manual`']) expect(doc, source).toContain(source);
  });
});
