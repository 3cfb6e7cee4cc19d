import type { Bar, CloseSeries } from '../../shared/domain/bar';
import type { Sleeve } from '../../shared/domain/sleeve';
import type { EventPayload } from '../../shared/api/contract';
import type { Transaction } from '../../shared/domain/transaction';
import type { LedgerOptions, Settlement } from '../../shared/engine/ledger';
import { applyLedgerResumable, resumeLedger, type ResumableLedger } from '../../shared/engine/ledger-resume';
import { recompute } from '../../shared/engine/recompute';
import { sleeveClassifier } from '../../shared/engine/sleeves';
import type { Snapshot } from '../../shared/view/snapshot';
import type { BenchmarkBasis } from '../../shared/view/performance-view';
import type { FxRate } from '../../shared/domain/fx-rate';
import { fxRateLookup, fxTable, type FxTable } from '../../shared/fx/rate-lookup';
import { barsInBase, baseRateSeriesMap } from '../../shared/fx/rate-series';
import { currencyOfSymbol } from '../../shared/fx/symbol-currency';
import { tradeRatesOf } from '../../shared/view/base-values';
import { accountCostMethods, type AccountRow } from '../db/accounts-repo';
import type { QuotesRepo, Store } from '../db/store';
import type { EventBus } from './event-bus';
import { localDay } from './local-day';
import type { SettingsStore } from './settings-store';

/**
 * Runs the engine over the whole store and keeps the answer until the data or settings change:
 * every screen asks for a different view of the same computation.
 */
export function createSnapshots(
  store: Pick<Store, 'transactions' | 'accounts' | 'instruments' | 'quotes' | 'fxRates' | 'storedAnswers'>,
  events: EventBus,
  settings: SettingsStore,
  now: () => Date,
) {
  const { transactions, accounts, instruments, quotes, fxRates } = store;
  let version = 0;
  // The ledger depends on transactions and accounts only: a quote refresh, a sleeve change or a
  // settings change re-values the portfolio without replaying every transaction.
  let ledgerVersion = 0;
  events.subscribe((name, payload) => {
    if (name !== 'data:changed') return;
    version++;
    const { scope } = payload as EventPayload<'data:changed'>;
    if (scope === 'transactions' || scope === 'accounts') ledgerVersion++;
  });
  // Trades across currencies settle at the cached rate of their day, so the ledger depends on the
  // rates too: their count and newest fetch say when they changed.
  const ledgerKey = (costMethod: string, today: string, rates: readonly FxRate[]) =>
    `${ledgerVersion}|${costMethod}|${today}|${ratesFingerprint(rates)}`;
  const cache = new Map<string, Snapshot>();
  // What each snapshot was computed from, for an answer stored from it (stored-answers.ts): the
  // data generation read before any of its data, so a write made meanwhile (by another process:
  // this cache hears only this one's events) leaves the label older, never newer, than the data.
  const labels = new WeakMap<Snapshot, SnapshotLabel>();
  // The rows as the store returns them (by date, then id) and their replay, with its checkpoints:
  // an edit patches the rows and replays from its date (ledger-resume.ts) instead of reading and
  // replaying every transaction.
  let replayed: { key: string; rows: Transaction[]; accounts: AccountRow[]; ledger: ResumableLedger } | null = null;

  let rateCache: { key: string; fx: FxTable; series: Map<string, CloseSeries> } | null = null;
  let tableCache: { key: string; table: FxTable } | null = null;
  const tableOf = (rates: readonly FxRate[]): FxTable => {
    const key = ratesFingerprint(rates);
    if (tableCache?.key !== key) tableCache = { key, table: fxTable(rates) };
    return tableCache.table;
  };

  function history(symbol: string, to?: string): Bar[] {
    return quotes.closes(symbol, '0000-01-01', to ?? '9999-12-31');
  }

  function build(asOf: string | undefined): { snapshot: Snapshot; label: SnapshotLabel } {
    const generation = store.storedAnswers.generation();
    const current = settings.get();
    const today = localDay(now());
    const rates = fxRates.all();
    const key = ledgerKey(current.costMethod, today, rates);
    const reused = replayed?.key === key ? replayed : null;
    const rows = reused?.rows ?? transactions.all();
    const accountRows = reused?.accounts ?? accounts.list();
    const accountNames = accountRows.map((a) => a.name);
    const base = current.baseCurrency;
    const accountCurrency = new Map(accountRows.map((a) => [a.name, a.currency]));
    const currencies = [...new Set([...rows.map((r) => r.currency), ...accountCurrency.values()])].sort();
    // The rates' table and daily series take a few hundred milliseconds over the whole ECB file:
    // kept while the rates, the base and the currencies held stay the same.
    const fxKey = `${ratesFingerprint(rates)}|${base}|${currencies.join(',')}`;
    if (rateCache?.key !== fxKey) {
      const table = tableOf(rates);
      rateCache = { key: fxKey, fx: table, series: baseRateSeriesMap(table, currencies, base) };
    }
    const { fx, series: fxSeries } = rateCache;
    const settlement: Settlement = { accountCurrency, rate: fxRateLookup(fx) };
    const ledger =
      reused?.ledger ??
      applyLedgerResumable(rows, {
        today,
        accounts: accountNames,
        costMethod: current.costMethod,
        accountCostMethods: accountCostMethods(accountRows),
        settlement,
      });
    const records = instruments.all();
    const overrides = new Map(
      records.filter((r) => r.sleeveOverride !== null).map((r) => [r.symbol, r.sleeveOverride as Sleeve]),
    );
    const symbols = [...new Set(rows.flatMap((row) => (row.symbol ? [row.symbol] : [])))];
    const closes = new Map(symbols.map((symbol) => [symbol, quotes.closeSeries(symbol, '0000-01-01', asOf)]));
    const result = recompute({
      transactions: rows,
      closes,
      today,
      accounts: accountNames,
      ledger: ledger.result,
      costMethod: current.costMethod,
      accountCostMethods: accountCostMethods(accountRows),
      baseCurrency: base,
      fx: fxSeries,
      settlement: { accountCurrency, rate: fxRateLookup(fx) },
      sleeveOverrides: overrides,
      to: asOf,
      benchmarkWeights: current.benchmarkWeights,
      targetWeights: current.targetWeights ?? undefined,
    });
    replayed = { key, rows, accounts: accountRows, ledger };
    const snapshot: Snapshot = {
      result,
      closes,
      sleeveOf: sleeveClassifier(overrides),
      names: new Map(records.map((r) => [r.symbol, r.name])),
      asOf: result.series.days.at(-1) ?? null,
      fx,
      fxSeries,
      transactions: rows,
      tradeRates: tradeRatesOf(rows, accountCurrency),
    };
    return { snapshot, label: { generation, day: today, settings: JSON.stringify(current) } };
  }

  const cacheKey = (asOf: string | undefined) => `${version}|${asOf ?? ''}|${JSON.stringify(settings.get())}`;
  function get(asOf?: string): Snapshot {
    const key = cacheKey(asOf);
    let snapshot = cache.get(key);
    if (!snapshot) {
      const built = build(asOf);
      snapshot = built.snapshot;
      labels.set(snapshot, built.label);
      if (cache.size >= 4) cache.clear();
      cache.set(key, snapshot);
    }
    return snapshot;
  }

  return {
    get,
    /** What the snapshot `get(asOf)` answers was computed from (building it when none is cached). */
    label: (asOf?: string): SnapshotLabel => labels.get(get(asOf)) as SnapshotLabel,
    /** The label of the snapshot `get(asOf)` would answer now, if it is cached; never builds. */
    cachedLabel(asOf?: string): SnapshotLabel | undefined {
      const snapshot = cache.get(cacheKey(asOf));
      return snapshot && labels.get(snapshot);
    },
    /** Closes of any symbol, held or not (benchmarks, rotation pairs). */
    history,
    /**
     * The benchmark's closes measured in the base currency (a USD benchmark in EUR for a EUR
     * investor) at each day's rate; a day without a rate is left out and said in `note`.
     */
    benchmark: (symbol: string, basis: BenchmarkBasis, to?: string) => {
      const own = benchmarkBars(quotes, symbol, basis, to);
      const base = settings.get().baseCurrency;
      const currency = instruments.get(symbol)?.currency ?? currencyOfSymbol(symbol);
      if (currency === base) return { ...own, currency };
      const converted = barsInBase(own.bars, tableOf(fxRates.all()), currency, base);
      const gap =
        converted.missing === 0
          ? null
          : `${symbol} (${currency}) is measured in ${base}: ${converted.missing} of its days have no ${currency}→${base} rate and are left out (first ${converted.firstMissing}).`;
      const note = [own.note, gap].filter((n) => n !== null).join(' ') || null;
      return { bars: converted.bars, basis: own.basis, note, currency };
    },
    /**
     * The rows the last replay read and the accounts it knew, while no change has been announced
     * since and the day and cost method are the same; null otherwise. An edit patches these
     * instead of reading every row again.
     */
    current(): { rows: readonly Transaction[]; accounts: string[] } | null {
      const key = ledgerKey(settings.get().costMethod, localDay(now()), fxRates.all());
      return replayed?.key === key ? { rows: replayed.rows, accounts: replayed.accounts.map((a) => a.name) } : null;
    },
    /**
     * Replays `rows` as the next snapshot will (today, the cost method in settings); throws
     * LedgerError when they do not hold. `from`: the earliest date an edit touched, when `rows`
     * are current()'s rows with that edit applied: the replay then resumes from there. A write
     * checks its rows with this and calls the answer once it has announced the change
     * (data:changed): the next snapshot then takes this ledger instead of replaying the same rows
     * again. Called before the announcement, it is only unused.
     */
    replay(rows: Transaction[], accountNames: string[], from?: string): () => void {
      const { costMethod } = settings.get();
      const today = localDay(now());
      const rates = fxRates.all();
      const accountRows = accounts.list().filter((a) => accountNames.includes(a.name));
      const accountCurrency = new Map(accountRows.map((a) => [a.name, a.currency]));
      const settlement: Settlement = { accountCurrency, rate: fxRateLookup(tableOf(rates)) };
      const options: LedgerOptions = {
        today,
        accounts: accountNames,
        costMethod,
        accountCostMethods: accountCostMethods(accountRows),
        settlement,
      };
      // Resumed only from a replay under the same rates (the key holds them) and accounts.
      const previous =
        from !== undefined && replayed?.key === ledgerKey(costMethod, today, rates) ? replayed.ledger : null;
      const ledger = previous
        ? resumeLedger(previous, rows, options, from as string)
        : applyLedgerResumable(rows, options);
      // The snapshot reuses this ledger only for the same accounts it will read.
      const complete = accountRows.length === accountNames.length;
      return () => {
        // After the announcement (which moved the ledger's version): the key the next snapshot asks for.
        if (complete) replayed = { key: ledgerKey(costMethod, today, rates), rows, accounts: accountRows, ledger };
      };
    },
  };
}

export type Snapshots = ReturnType<typeof createSnapshots>;

/** The data generation, local day and settings (as JSON) a snapshot was computed from. */
export interface SnapshotLabel {
  generation: number;
  day: string;
  settings: string;
}

function ratesFingerprint(rates: readonly FxRate[]): string {
  let newest = '';
  for (const r of rates) if (r.fetchedAt > newest) newest = r.fetchedAt;
  return `${rates.length}@${newest}`;
}

/**
 * A benchmark's closes on the basis asked for. Total return reads the provider's adjusted closes
 * (split- and dividend-adjusted: their ratio is the return with dividends reinvested at the
 * close); a series missing any (a Stooq download, a typed price) is read on price, and `note`
 * says so: the basis reported is the one used.
 */
function benchmarkBars(
  quotes: QuotesRepo,
  symbol: string,
  basis: BenchmarkBasis,
  to: string | undefined,
): { bars: Bar[]; basis: BenchmarkBasis; note: string | null } {
  if (basis === 'price') return { bars: quotes.closes(symbol, '0000-01-01', to ?? '9999-12-31'), basis, note: null };
  const rows = quotes.history(symbol, '0000-01-01', to ?? '9999-12-31');
  const missing = rows.find((r) => r.adjClose === null || !(r.adjClose > 0));
  if (missing === undefined)
    return { bars: rows.map((r) => ({ day: r.day, close: r.adjClose as number })), basis, note: null };
  return {
    bars: rows.map((r) => ({ day: r.day, close: r.close })),
    basis: 'price',
    note: `${symbol} has no adjusted close on ${missing.day}: it is compared on price (dividends left out), not total return.`,
  };
}
export type { Snapshot };
