import type { CallInput } from '../../../shared/api/contract';
import type { HoldingsPositions } from '../../../shared/api/portfolio-schemas';

// Every cache key in one place, so invalidation after a write cannot miss a screen.
export const queryKeys = {
  appInfo: ['app:info'] as const,
  summary: ['portfolio:summary'] as const,
  accounts: ['accounts:list'] as const,
  transactions: ['transactions:list'] as const,
  /** Prefix of every quote key: invalidating it refreshes every quote screen. */
  quotes: ['quotes'] as const,
  quoteList: ['quotes', 'list'] as const,
  refreshStatus: ['quotes', 'refreshStatus'] as const,
  refreshLog: ['quotes', 'refreshLog'] as const,
  settings: ['settings'] as const,
  /** Prefix of the exchange-rate keys. */
  fx: ['fx'] as const,
  fxPairs: ['fx', 'pairs'] as const,
  fxCurrencies: ['fx', 'currencies'] as const,
  holdings: (positions: HoldingsPositions, account?: string) =>
    ['portfolio', 'holdings', account ?? null, positions] as const,
  performance: (input: CallInput<'portfolio:performance'>) => ['portfolio', 'performance', input] as const,
  tilt: ['portfolio', 'tilt'] as const,
  holding: (symbol: string, account?: string) => ['portfolio', 'holding', symbol, account ?? null] as const,
  attribution: (input: CallInput<'portfolio:attribution'>) => ['portfolio', 'attribution', input] as const,
  signals: (input: CallInput<'portfolio:signals'>) => ['portfolio', 'signals', input] as const,
  realized: (input: CallInput<'portfolio:realized'>) => ['portfolio', 'realized', input] as const,
  income: (input: CallInput<'portfolio:income'>) => ['portfolio', 'income', input] as const,
  rotation: (input: CallInput<'rotation:series'>) => ['rotation', 'series', input] as const,
  rrg: (input: CallInput<'rotation:rrg'>) => ['rotation', 'rrg', input] as const,
  instruments: ['instruments'] as const,
  csvPresets: ['csv', 'presets'] as const,
  backups: ['backups'] as const,
  health: ['health'] as const,
};
