import { afterEach, describe, expect, it } from 'vitest';
import type { ImportResult, PresetInfo } from '../../shared/api/csv-schemas';
import { BUILT_IN_PRESETS } from '../../shared/csv/presets';
import type { Backend } from '../backend/backend';
import { createSettingsRepo } from '../db/settings-repo';
import { testBackend } from '../test-support/backend';
import { useTempDirs } from '../test-support/temp-dir';
import { PRESETS_KEY } from './presets-store';

const BROKER_CSV = 'Trade Date;Action;Ticker;Qty;Price\n31/12/2016;Kaufauftrag;SAP;-1.000;98,50\n';
const MAPPING = {
  columns: { date: 'Trade Date', type: 'Action', symbol: 'Ticker', quantity: 'Qty', price: 'Price' },
  constants: { currency: 'EUR' },
  typeValues: { Kaufauftrag: 'buy' },
};

/** A saved preset as the API takes it (and the settings table stores it). */
const SAVED = { mapping: MAPPING, delimiter: ';', dateFormat: 'DD/MM/YYYY', numberFormat: '1.234,56' };

describe('saved column mappings', () => {
  const tempDir = useTempDirs();
  let backend: Backend;
  afterEach(() => backend.close());

  const presets = async () => {
    const result = await backend.dispatch('csv:presets', {});
    if (!result.ok) throw new Error(result.error.message);
    return (result.value as { presets: PresetInfo[] }).presets;
  };

  it('saves a mapping after an import, then imports with it by name', async () => {
    backend = testBackend(tempDir());
    const first = await backend.dispatch('csv:import', {
      fileName: 'broker.csv',
      content: BROKER_CSV,
      mapping: MAPPING,
      dateFormat: 'DD/MM/YYYY',
      numberFormat: '1.234,56',
      account: 'Depot',
      savePresetAs: 'My broker',
      dryRun: true,
    });
    expect(first).toMatchObject({ ok: true, value: { added: 1, preview: [{ quantity: '1000', price: '98.50' }] } });
    const saved = (await presets()).find((p) => p.name === 'My broker');
    expect(saved).toMatchObject({
      builtIn: false,
      dateFormat: 'DD/MM/YYYY',
      numberFormat: '1.234,56',
      mapping: MAPPING,
    });
    expect((await presets()).filter((p) => p.builtIn).map((p) => p.name)).toEqual([
      'tiltfolio',
      'portfolio-performance',
      'portfolio-performance-de',
      'portfolio-performance-fr',
      'portfolio-performance-es',
      'portfolio-performance-it',
      'portfolio-performance-nl',
      'ghostfolio',
      'wealthfolio',
      'schwab',
      'ibkr-flex-trades',
      'ibkr-flex-cash',
      'trading212',
    ]);

    const again = await backend.dispatch('csv:import', {
      fileName: 'broker.csv',
      content: BROKER_CSV,
      preset: 'My broker',
      account: 'Depot',
    });
    expect((again as { value: ImportResult }).value).toMatchObject({
      committed: true,
      added: 1,
      presetName: 'My broker',
    });
  });

  it('does not save a mapping when the import fails, nor under a built-in name', async () => {
    backend = testBackend(tempDir());
    const failed = await backend.dispatch('csv:import', {
      fileName: 'broker.csv',
      content: BROKER_CSV.replace('98,50', 'abc'),
      mapping: MAPPING,
      numberFormat: '1.234,56',
      dateFormat: 'DD/MM/YYYY',
      account: 'Depot',
      savePresetAs: 'Broken',
    });
    expect(failed).toMatchObject({ ok: true, value: { errorCount: 1 } });
    expect((await presets()).some((p) => p.name === 'Broken')).toBe(false);
    const clash = await backend.dispatch('csv:savePreset', {
      name: 'ghostfolio',
      mapping: MAPPING,
      dateFormat: 'YYYY-MM-DD',
      numberFormat: '1234.56',
    });
    expect(clash).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('keeps the valid saved mappings when one stored mapping is no longer valid', async () => {
    backend = testBackend(tempDir());
    const good = { ...SAVED, name: 'Good' };
    const bad = { ...good, name: 'Bad', mapping: { ...MAPPING, typeValues: { '': 'buy' } } };
    createSettingsRepo(backend.db).setMany([[PRESETS_KEY, JSON.stringify([bad, good])]]);
    const names = (await presets()).filter((p) => !p.builtIn).map((p) => p.name);
    expect(names).toEqual(['Good']);
  });

  it('replaces a preset saved under the same name, deletes it, and survives a damaged setting', async () => {
    backend = testBackend(tempDir());
    const save = (dateFormat: string) =>
      backend.dispatch('csv:savePreset', { name: 'Mine', mapping: MAPPING, dateFormat, numberFormat: '1234.56' });
    await save('YYYY-MM-DD');
    await save('DD.MM.YYYY');
    expect((await presets()).filter((p) => p.name === 'Mine').map((p) => p.dateFormat)).toEqual(['DD.MM.YYYY']);
    expect(await backend.dispatch('csv:deletePreset', { name: 'Mine' })).toMatchObject({ value: { deleted: true } });
    expect(await backend.dispatch('csv:deletePreset', { name: 'Mine' })).toEqual({
      ok: true,
      value: { deleted: false, preset: null },
    });

    createSettingsRepo(backend.db).setMany([[PRESETS_KEY, '{not json']]);
    expect((await presets()).map((p) => p.name)).toEqual(BUILT_IN_PRESETS.map((p) => p.name));
  });

  it('answers a delete with the preset, which saves back exactly as it was (undo)', async () => {
    backend = testBackend(tempDir());
    const entry = { ...SAVED, name: 'Broker' };
    await backend.dispatch('csv:savePreset', entry);
    const before = (await presets()).find((p) => p.name === 'Broker');
    const deleted = await backend.dispatch('csv:deletePreset', { name: 'Broker' });
    expect(deleted).toEqual({ ok: true, value: { deleted: true, preset: entry } });
    expect((await presets()).some((p) => p.name === 'Broker')).toBe(false);
    await backend.dispatch('csv:savePreset', (deleted as { value: { preset: typeof entry } }).value.preset);
    expect((await presets()).find((p) => p.name === 'Broker')).toEqual(before);
  });

  it('refuses type words the contract does not allow, before anything is saved', async () => {
    backend = testBackend(tempDir());
    const save = (typeValues: Record<string, string>) =>
      backend.dispatch('csv:savePreset', {
        name: 'Words',
        mapping: { ...MAPPING, typeValues },
        dateFormat: 'YYYY-MM-DD',
        numberFormat: '1234.56',
      });
    expect(await save({ '  ': 'buy' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await save({ Kauf: 'purchase' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await save({ ['x'.repeat(101)]: 'buy' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const many = Object.fromEntries(Array.from({ length: 201 }, (_, i) => [`word ${i}`, 'buy']));
    expect(await save(many)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect((await presets()).some((p) => p.name === 'Words')).toBe(false);
    expect(await save({ Kaufauftrag: 'buy', Ausschüttung: 'dividend' })).toMatchObject({ ok: true });
  });

  it('previews the words of every column over all of the content, not only the rows shown', async () => {
    backend = testBackend(tempDir());
    const lines = ['Datum;Vorgang;Betrag'];
    // More dates and amounts than type words ever are; the one dividend comes long after row 20.
    for (let i = 0; i < 45; i++) {
      lines.push(`${(i % 28) + 1}.0${Math.floor(i / 28) + 1}.2017;${i === 43 ? 'Ausschüttung' : 'Kauf'};${i},50`);
    }
    const preview = await backend.dispatch('csv:preview', { content: `${lines.join('\n')}\n` });
    expect(preview).toMatchObject({ ok: true, value: { problem: null } });
    const value = (preview as { value: { rows: string[][]; columnValues: (string[] | null)[] } }).value;
    expect(value.rows).toHaveLength(20);
    expect(value.columnValues).toEqual([null, ['Kauf', 'Ausschüttung'], null]);

    // A broken record past the rows shown ends the word lists there; the preview itself is whole.
    const broken = await backend.dispatch('csv:preview', {
      content: `${lines.slice(0, 26).join('\n')}\n1.03.2017;"Verkauf;1\n${lines.slice(26).join('\n')}\n`,
    });
    expect(broken).toMatchObject({ ok: true, value: { problem: null } });
    expect((broken as { value: { columnValues: unknown[] } }).value.columnValues[1]).toEqual(['Kauf']);
  });
});
