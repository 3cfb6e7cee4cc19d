import { describe, expect, it } from 'vitest';
import type { CsvPreview } from '../../../../shared/api/csv-schemas';
import { applyPreset, importRequest, initialMapping, setColumn } from './csv-mapping';
import { setTypeWord, typeOfWord, typeWords } from './csv-type-words';

const preview: CsvPreview = {
  delimiter: ';',
  header: ['Datum', 'Vorgang', 'Wert', 'Notiz'],
  rows: [['31.12.2016', 'Kauf', '10', '']],
  suggestedPreset: null,
  mapping: { columns: { date: 'Datum', type: 'Vorgang', amount: 'Wert', note: 'Notiz' } },
  dateFormat: 'DD.MM.YYYY',
  numberFormat: '1.234,56',
  columnValues: [['31.12.2016'], ['Kauf', 'Kaufauftrag', 'Ausschüttung', 'DIVIDENDE'], ['10'], null],
  problem: null,
};

const words = (state = initialMapping(preview)) => {
  const found = typeWords(preview, state);
  if (found.kind !== 'words') throw new Error(`no words: ${found.kind}`);
  return found.words;
};

describe('type words of the mapping step', () => {
  it('lists the type column’s words with what each reads as without a choice', () => {
    expect(words()).toEqual([
      { word: 'Kauf', builtIn: 'buy', chosen: null },
      { word: 'Kaufauftrag', builtIn: null, chosen: null },
      { word: 'Ausschüttung', builtIn: null, chosen: null },
      { word: 'DIVIDENDE', builtIn: 'dividend', chosen: null },
    ]);
  });

  it('keeps only choices that differ from the built-in reading, and marks the mapping edited', () => {
    let state = setTypeWord(initialMapping(preview), 'Kaufauftrag', 'buy');
    state = setTypeWord(state, 'Ausschüttung', 'dividend');
    state = setTypeWord(state, 'Kauf', 'buy');
    expect(state.typeValues).toEqual({ Kaufauftrag: 'buy', Ausschüttung: 'dividend' });
    expect(state.edited).toBe(true);
    state = setTypeWord(state, 'Kauf', 'transfer_in');
    state = setTypeWord(state, 'Ausschüttung', null);
    expect(state.typeValues).toEqual({ Kaufauftrag: 'buy', Kauf: 'transfer_in' });
    expect(words(state).map(typeOfWord)).toEqual(['transfer_in', 'buy', null, 'dividend']);
  });

  it('finds a saved choice whatever its case or spacing, as the importer does, and replaces it', () => {
    const state = { ...initialMapping(preview), typeValues: { ' kaufAUFTRAG ': 'sell' as const } };
    expect(words(state)[1]).toMatchObject({ word: 'Kaufauftrag', chosen: 'sell' });
    expect(setTypeWord(state, 'Kaufauftrag', 'buy').typeValues).toEqual({ Kaufauftrag: 'buy' });
  });

  it('says when there is no type column, or one with too many values to be type words', () => {
    expect(typeWords(preview, setColumn(initialMapping(preview), 'type', ''))).toEqual({ kind: 'none' });
    expect(typeWords(preview, setColumn(initialMapping(preview), 'type', 'Notiz'))).toEqual({
      kind: 'too-many',
      column: 'Notiz',
    });
  });

  it('forgets the choices when another column becomes the type column, not when another field changes', () => {
    const state = setTypeWord(initialMapping(preview), 'Kaufauftrag', 'buy');
    expect(setColumn(state, 'note', '').typeValues).toEqual({ Kaufauftrag: 'buy' });
    expect(setColumn(state, 'type', 'Vorgang').typeValues).toEqual({ Kaufauftrag: 'buy' });
    expect(setColumn(state, 'type', 'Notiz').typeValues).toEqual({});
  });

  it('sends the choices with the mapping, and a saved preset brings its own back', () => {
    const state = setTypeWord(initialMapping(preview), 'Kaufauftrag', 'buy');
    expect(importRequest(preview, state, { account: 'Depot', savePresetAs: 'Broker' })).toMatchObject({
      mapping: { columns: preview.mapping.columns, typeValues: { Kaufauftrag: 'buy' } },
      savePresetAs: 'Broker',
    });
    const fromPreset = applyPreset(
      initialMapping(preview),
      {
        name: 'Broker',
        label: 'Broker',
        builtIn: false,
        delimiter: ';',
        dateFormat: 'DD.MM.YYYY',
        numberFormat: '1.234,56',
        columns: [],
        notes: [],
        mapping: { columns: { type: 'Vorgang' }, typeValues: { Ausschüttung: 'dividend' } },
      },
      preview.header,
    );
    expect(words(fromPreset).map(typeOfWord)).toEqual(['buy', null, 'dividend', 'dividend']);
  });
});
