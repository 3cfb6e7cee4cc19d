// Built-in presets plus the user's saved mappings (settings key `csv.presets`).
import { z } from 'zod';
import { savedPreset, type PresetInfo, type SavedPreset } from '../../shared/api/csv-schemas';
import { ApiError } from '../../shared/api/errors';
import type { AnyPreset } from '../../shared/csv/preset-types';
import { BUILT_IN_PRESETS, builtInPreset } from '../../shared/csv/presets';
import { mappingPreset } from '../../shared/csv/presets/mapping';
import type { SettingsRepo } from '../db/store';

const storedPresets = z.array(z.unknown());

/** Saved mappings drop minus signs unless told otherwise: the type says which way money moves. */
export function presetFromSaved(saved: SavedPreset, label = saved.name): AnyPreset {
  return mappingPreset(
    saved.name,
    label,
    { ...saved.mapping, absolute: saved.mapping.absolute ?? true },
    { delimiter: saved.delimiter, dateFormat: saved.dateFormat, numberFormat: saved.numberFormat },
  );
}

export function presetInfoOf(preset: AnyPreset, saved?: SavedPreset): PresetInfo {
  const info: PresetInfo = {
    name: preset.name,
    label: preset.label,
    builtIn: preset.builtIn,
    delimiter: preset.delimiter,
    dateFormat: preset.dateFormat,
    numberFormat: preset.numberFormat,
    columns: Object.entries(preset.columns).map(([key, column]) => ({
      key,
      headers: [...column.headers],
      required: column.required ?? false,
      description: column.description,
    })),
    notes: [...preset.notes],
  };
  if (saved) info.mapping = saved.mapping;
  return info;
}

/** Saved mappings live in the settings table as one JSON document under this key. */
export const PRESETS_KEY = 'csv.presets';

export function createPresetsStore(settings: SettingsRepo) {
  const write = (presets: readonly SavedPreset[]) => settings.setMany([[PRESETS_KEY, JSON.stringify(presets)]]);

  function saved(): SavedPreset[] {
    const json = settings.all().get(PRESETS_KEY);
    if (json === undefined) return [];
    try {
      const parsed = storedPresets.safeParse(JSON.parse(json));
      // A damaged setting loses the saved mappings, not the importer; one damaged (or, after a
      // stricter release, no longer valid) mapping loses only itself, not the others.
      if (!parsed.success) return [];
      return parsed.data.flatMap((entry) => {
        const preset = savedPreset.safeParse(entry);
        return preset.success ? [preset.data] : [];
      });
    } catch {
      return [];
    }
  }

  return {
    list(): PresetInfo[] {
      return [
        ...BUILT_IN_PRESETS.map((preset) => presetInfoOf(preset)),
        ...saved().map((entry) => presetInfoOf(presetFromSaved(entry), entry)),
      ];
    },
    find(name: string): AnyPreset | undefined {
      const builtIn = builtInPreset(name);
      if (builtIn) return builtIn;
      const entry = saved().find((candidate) => candidate.name === name);
      return entry ? presetFromSaved(entry) : undefined;
    },
    save(entry: SavedPreset): PresetInfo {
      if (builtInPreset(entry.name)) {
        throw new ApiError('conflict', `"${entry.name}" is a built-in preset; save the mapping under another name.`, [
          'name: built-in',
        ]);
      }
      const others = saved().filter((candidate) => candidate.name !== entry.name);
      write([...others, entry]);
      return presetInfoOf(presetFromSaved(entry), entry);
    },
    /** The saved preset it removed, if there was one by that name. */
    remove(name: string): SavedPreset | undefined {
      const all = saved();
      const removed = all.find((candidate) => candidate.name === name);
      if (removed) write(all.filter((candidate) => candidate !== removed));
      return removed;
    },
  };
}

export type PresetsStore = ReturnType<typeof createPresetsStore>;
