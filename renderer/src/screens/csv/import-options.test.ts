import { describe, expect, it } from 'vitest';
import { CUSTOM, importOptions, mappingProblems, withColumn, type ImportChoices } from './import-options';

const choices: ImportChoices = {
  preset: 'ghostfolio',
  mapping: { columns: { date: 'Datum' } },
  dateFormat: '',
  numberFormat: '',
  delimiter: ';',
  account: '  ',
  savePresetAs: 'Mine',
};

describe('import options', () => {
  it('sends the preset, leaving blank choices to it', () => {
    expect(importOptions(choices, true, 'job-1')).toEqual({ preset: 'ghostfolio', dryRun: true, jobId: 'job-1' });
    expect(importOptions({ ...choices, dateFormat: 'DD.MM.YYYY', account: ' IRA ' }, false, 'j')).toEqual({
      preset: 'ghostfolio',
      dateFormat: 'DD.MM.YYYY',
      account: 'IRA',
      dryRun: false,
      jobId: 'j',
    });
  });

  it('sends a custom mapping with its delimiter and the name to save it under', () => {
    expect(importOptions({ ...choices, preset: CUSTOM, numberFormat: '1.234,56' }, false, 'j')).toEqual({
      mapping: { columns: { date: 'Datum' } },
      delimiter: ';',
      numberFormat: '1.234,56',
      savePresetAs: 'Mine',
      dryRun: false,
      jobId: 'j',
    });
  });

  it('says what a mapping lacks', () => {
    const header = ['Datum', 'Art', 'Betrag'];
    expect(mappingProblems({ columns: { date: 'Datum' } }, header, '')).toEqual([
      'Choose the column that holds the type.',
      'Choose the column that holds the currency, or type one currency.',
      'Choose the account column, or an account for every row.',
    ]);
    const complete = withColumn(
      { columns: { date: 'Datum', amount: 'Betrag' }, constants: { currency: 'EUR' } },
      'type',
      'Art',
    );
    expect(mappingProblems(complete, header, 'Depot')).toEqual([]);
    expect(mappingProblems(withColumn(complete, 'note', 'Notiz'), header, 'Depot')).toEqual([
      'The file has no column "Notiz" (note).',
    ]);
    expect(withColumn(complete, 'amount', '').columns).toEqual({ date: 'Datum', type: 'Art' });
  });
});
