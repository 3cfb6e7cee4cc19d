import { afterEach, describe, expect, it } from 'vitest';
import type { ImportResult, PresetInfo } from '../../shared/api/csv-schemas';
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
      'ghostfolio',
      'wealthfolio',
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

  it('replaces a preset saved under the same name, deletes it, and survives a damaged setting', async () => {
    backend = testBackend(tempDir());
    const save = (dateFormat: string) =>
      backend.dispatch('csv:savePreset', { name: 'Mine', mapping: MAPPING, dateFormat, numberFormat: '1234.56' });
    await save('YYYY-MM-DD');
    await save('DD.MM.YYYY');
    expect((await presets()).filter((p) => p.name === 'Mine').map((p) => p.dateFormat)).toEqual(['DD.MM.YYYY']);
    expect(await backend.dispatch('csv:deletePreset', { name: 'Mine' })).toMatchObject({ value: { deleted: true } });
    expect(await backend.dispatch('csv:deletePreset', { name: 'Mine' })).toMatchObject({ value: { deleted: false } });

    createSettingsRepo(backend.db).setMany([[PRESETS_KEY, '{not json']]);
    expect((await presets()).map((p) => p.name)).toHaveLength(5);
  });
});
