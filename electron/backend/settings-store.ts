import { appSettings, type AppSettings } from '../../shared/api/settings-schemas';
import type { SettingsRepo } from '../db/store';
import { SP500_SLEEVE_WEIGHTS } from '../../shared/engine/tilt';
import { DEFAULT_BASE_URLS } from '../quotes/providers';
import { DEFAULT_SLEEVE_INDEXES } from '../../shared/domain/sleeve-index';

export const DEFAULT_SETTINGS: AppSettings = {
  quoteProvider: 'yahoo',
  yahooBaseUrl: DEFAULT_BASE_URLS.yahoo,
  stooqBaseUrl: DEFAULT_BASE_URLS.stooq,
  offline: false,
  costMethod: 'fifo',
  benchmarkSymbol: 'SPY',
  benchmarkBasis: 'total',
  benchmarkWeights: SP500_SLEEVE_WEIGHTS,
  targetWeights: null,
  theme: 'system',
  backupKeep: 10,
  baseCurrency: 'USD',
  sleeveIndexes: DEFAULT_SLEEVE_INDEXES,
  riskFreeRate: 0,
  driftBandPct: 5,
  overheatPct: 15,
  signalNotifications: false,
};

type Key = keyof AppSettings;
const KEYS = Object.keys(DEFAULT_SETTINGS) as Key[];

export interface SettingsStore {
  get(): AppSettings;
  /** Writes the given keys (all or none) and answers with the whole, updated settings. */
  set(patch: Partial<AppSettings>): AppSettings;
}

/**
 * App settings over the key/value settings table, one JSON value per key. A stored value that no
 * longer validates (hand-edited, or from an older build) reads as its default rather than failing.
 */
export function createSettingsStore(repo: SettingsRepo): SettingsStore {
  const get = (): AppSettings => {
    const stored = repo.all();
    const out: Record<string, unknown> = { ...DEFAULT_SETTINGS };
    for (const key of KEYS) {
      const text = stored.get(key);
      if (text === undefined) continue;
      try {
        const parsed = appSettings.shape[key].safeParse(JSON.parse(text));
        if (parsed.success) out[key] = parsed.data;
      } catch {
        // Unreadable JSON: keep the default.
      }
    }
    return out as AppSettings;
  };
  return {
    get,
    set(patch) {
      const entries = KEYS.filter((key) => patch[key] !== undefined).map((key): [string, string] => [
        key,
        JSON.stringify(patch[key]),
      ]);
      repo.setMany(entries);
      return get();
    },
  };
}
