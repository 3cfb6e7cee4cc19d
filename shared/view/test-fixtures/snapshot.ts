import type { Bar } from '../../domain/bar';
import type { Sleeve, SleeveWeights } from '../../domain/sleeve';
import type { Transaction } from '../../domain/transaction';
import { closeSeries } from '../../engine/close-series';
import { recompute } from '../../engine/recompute';
import { sleeveClassifier } from '../../engine/sleeves';
import { tx } from '../../engine/test-fixtures/transactions';
import type { Snapshot } from '../snapshot';

export interface SnapshotFixture {
  transactions: Transaction[];
  accounts: string[];
  bars?: Record<string, Bar[]>;
  to?: string;
  today?: string;
  sleeves?: Record<string, Sleeve>;
  names?: Record<string, string>;
  targetWeights?: SleeveWeights;
}

/** What the backend's snapshot holds, built from records and closes by the engine itself. */
export function snapshotOf(fixture: SnapshotFixture): Snapshot {
  const closes = new Map(Object.entries(fixture.bars ?? {}).map(([symbol, bars]) => [symbol, closeSeries(bars)]));
  const overrides = new Map(Object.entries(fixture.sleeves ?? {}));
  const result = recompute({
    transactions: fixture.transactions,
    closes,
    today: fixture.today ?? '2024-06-28',
    accounts: fixture.accounts,
    sleeveOverrides: overrides,
    to: fixture.to,
    targetWeights: fixture.targetWeights,
  });
  return {
    result,
    closes,
    sleeveOf: sleeveClassifier(overrides),
    names: new Map(Object.entries(fixture.names ?? {})),
    asOf: result.series.days.at(-1) ?? null,
  };
}

/** A record in the account "Euro", in euros. */
export function euro(fields: Parameters<typeof tx>[0]): Transaction {
  return tx({ account: 'Euro', currency: 'EUR', ...fields });
}
