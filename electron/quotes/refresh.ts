// One refresh job: fetch each symbol's new bars, and each needed currency pair's rates
// (fx-refresh.ts), from a provider and write them, a few at a time. A symbol's bars, corporate actions, any split adjustment of its older bars and its log
// entry are written in one transaction after every answer has been parsed and checked, so a
// failure of any kind leaves its cache as it was. The job's tally counts each symbol by what its
// write committed: one symbol's failure (the database busy with another process's import, say)
// never hides what the others wrote, and a failure's log entry that could not be written at once
// is tried again at the end and, if it still cannot be, named in the job's message.
import type { EventPayload } from '../../shared/api/contract';
import { forEachLimited } from '../../shared/quotes/concurrency';
import { addDays, utcMsToDay } from '../../shared/engine/dates';
import { checkProviderSeries } from '../../shared/quotes/validate';
import type { createCorporateActionsRepo } from '../db/corporate-actions-repo';
import type { createInstrumentsRepo } from '../db/instruments-repo';
import type { QuotesRepo } from '../db/quotes-repo';
import type { createRefreshLogRepo, NewRefreshLogEntry, RefreshOutcome } from '../db/refresh-log-repo';
import type { FxRatesRepo, Store } from '../db/store';
import { pairLabel, type FxPair } from '../../shared/quotes/fx-pairs';
import { refreshPair } from './fx-refresh';
import { CancelledError } from './http';
import type { QuoteProvider } from './providers';
import { guardScale, type ScaleWording } from './scale-guard';
import { adjustForNewSplits, fetchSplitHistory } from './split-history';
import { countWord } from '../../shared/domain/plural';

export interface RefreshStores {
  /** Each symbol's write at the writer's turn (store.ts). */
  write: Store['write'];
  quotes: QuotesRepo;
  actions: ReturnType<typeof createCorporateActionsRepo>;
  log: ReturnType<typeof createRefreshLogRepo>;
  instruments: ReturnType<typeof createInstrumentsRepo>;
  fxRates: FxRatesRepo;
}

export interface RefreshTuning {
  /** Symbols fetched at once. */
  concurrency: number;
  /** Days re-fetched before the last cached bar, to pick up revisions. */
  overlapDays: number;
  /** Where a symbol with no cached bars starts. */
  firstDay: string;
}

export interface RefreshSummary {
  jobId: string;
  state: 'done' | 'failed' | 'cancelled';
  ok: number;
  failed: number;
  barsWritten: number;
  /** Exchange rates written for the job's currency pairs. */
  ratesWritten: number;
  message: string;
}

export interface RefreshJob {
  id: string;
  symbols: readonly string[];
  /** Currency pairs to fetch after (alongside) the symbols; logged and reported as `EUR/USD`. */
  fxPairs?: readonly FxPair[];
  provider: QuoteProvider;
  signal: AbortSignal;
  /** An answer on another split scale than the cache: rescale the older bars rather than refuse it. */
  rescaleOlder?: boolean;
}

export interface RefreshContext {
  stores: RefreshStores;
  tuning: RefreshTuning;
  now: () => Date;
  progress: (payload: EventPayload<'quotes:progress'>) => void;
  /** False once the backend is closing: nothing more may touch the database. */
  isOpen: () => boolean;
}

function refreshWording(provider: string, symbol: string): ScaleWording {
  return {
    what: `${provider}'s answer`,
    rescale: `refresh it with "rescale older bars" (\`tiltfolio quotes refresh --rescale-older ${symbol}\`)`,
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export async function runRefresh(job: RefreshJob, context: RefreshContext): Promise<RefreshSummary> {
  const { stores, tuning, now, progress } = context;
  const pairs = job.fxPairs ?? [];
  const total = job.symbols.length + pairs.length;
  let done = 0;
  let ok = 0;
  let failed = 0;
  let barsWritten = 0;
  let ratesWritten = 0;

  progress({ jobId: job.id, symbolsDone: 0, symbolsTotal: total, state: 'running' });

  const entry = (
    symbol: string,
    startedAt: string,
    outcome: RefreshOutcome,
    bars: number,
    message: string,
  ): NewRefreshLogEntry => ({
    jobId: job.id,
    symbol,
    provider: job.provider.id,
    startedAt,
    finishedAt: now().toISOString(),
    outcome,
    barsWritten: bars,
    message,
  });
  /** Failures whose log entry could not be written when they happened (the database busy). */
  const unlogged: NewRefreshLogEntry[] = [];
  const logFailure = async (failure: NewRefreshLogEntry): Promise<void> => {
    try {
      await stores.write(() => stores.log.add(failure));
    } catch {
      if (context.isOpen()) unlogged.push(failure);
    }
  };

  // After each answer: cancelled is an outcome to log; a closing backend allows no more writes at all.
  const stopped = (): boolean => {
    if (job.signal.aborted) throw new CancelledError();
    return !context.isOpen();
  };

  /** One symbol or pair: `work` answers [written, message], or null when the job stopped unwritten. */
  const runItem = async (
    symbol: string,
    isPair: boolean,
    work: (startedAt: string) => Promise<[number, string] | null>,
  ): Promise<void> => {
    if (job.signal.aborted || !context.isOpen()) return;
    const startedAt = now().toISOString();
    progress({ jobId: job.id, symbol, symbolsDone: done, symbolsTotal: total, state: 'running' });
    let outcome: RefreshOutcome;
    let message: string;
    let written = 0;
    try {
      const result = await work(startedAt);
      if (result === null) return;
      [written, message] = result;
      outcome = 'ok';
    } catch (error) {
      if (!context.isOpen()) return;
      outcome = error instanceof CancelledError || job.signal.aborted ? 'cancelled' : 'error';
      message = outcome === 'cancelled' ? 'Cancelled before an answer arrived; nothing was written.' : describe(error);
      await logFailure(entry(symbol, startedAt, outcome, 0, message));
    }
    done++;
    if (outcome === 'ok') ok++;
    else if (outcome === 'error') failed++;
    if (isPair) ratesWritten += written;
    else barsWritten += written;
    const state = outcome === 'ok' ? 'done' : outcome === 'error' ? 'failed' : 'cancelled';
    progress({ jobId: job.id, symbol, symbolsDone: done, symbolsTotal: total, state, message });
  };

  const refreshSymbol = async (symbol: string, startedAt: string): Promise<[number, string] | null> => {
    const last = stores.quotes.lastFetchedDay(symbol);
    const from = last ? addDays(last, -tuning.overlapDays) : tuning.firstDay;
    const today = utcMsToDay(now().getTime());
    const answer = await job.provider.fetchDaily({ symbol, from, to: today }, job.signal);
    // The exchange's calendar may be a day ahead of UTC.
    checkProviderSeries(answer, symbol, from, addDays(today, 1));
    if (stopped()) return null;
    const fetched = await fetchSplitHistory(stores, job.provider, symbol, answer, today, job.signal);
    const { series } = fetched;
    if (stopped()) return null;
    const fetchedAt = now().toISOString();
    const holes = series.holes > 0 ? `; skipped ${series.holes} day(s) without a close` : '';
    const said = `${series.bars.length} ${countWord(series.bars.length, 'bar')} from ${series.bars[0]!.day} to ${series.bars.at(-1)!.day}${holes}`;
    // store.write begins IMMEDIATE: whether a split is new is read and acted on under the write
    // lock, so a refresh in another process (the CLI beside the app) cannot apply it a second time.
    return stores.write((): [number, string] => {
      const adjusted = adjustForNewSplits(stores, symbol, job.provider.id, fetched);
      // After the split rule: what a reported split explains is on one scale by now.
      const incoming = series.bars.map((bar) => ({ ...bar, source: job.provider.id, fetchedAt }));
      const guarded = guardScale(
        stores.quotes,
        symbol,
        incoming,
        refreshWording(job.provider.id, symbol),
        job.rescaleOlder ?? false,
      );
      const count = stores.quotes.writeSeries({ symbol, source: job.provider.id, fetchedAt, bars: guarded.bars });
      stores.actions.upsert(symbol, job.provider.id, fetchedAt, series.actions);
      if (series.meta) stores.instruments.fillFromProvider(symbol, series.meta);
      const text = [said, adjusted, guarded.note].filter(Boolean).join('; ');
      stores.log.add(entry(symbol, startedAt, 'ok', count, text));
      return [count, text];
    });
  };

  const refreshOnePair = (pair: FxPair, startedAt: string) =>
    refreshPair(
      stores,
      {
        pair,
        provider: job.provider,
        signal: job.signal,
        overlapDays: tuning.overlapDays,
        firstDay: tuning.firstDay,
        now,
        stopped,
      },
      (written, message) => stores.log.add(entry(pairLabel(pair), startedAt, 'ok', written, message)),
    );

  const items: { name: string; isPair: boolean; work: (startedAt: string) => Promise<[number, string] | null> }[] = [
    ...job.symbols.map((symbol) => ({ name: symbol, isPair: false, work: (at: string) => refreshSymbol(symbol, at) })),
    ...pairs.map((pair) => ({ name: pairLabel(pair), isPair: true, work: (at: string) => refreshOnePair(pair, at) })),
  ];
  await forEachLimited(items, tuning.concurrency, (item) => runItem(item.name, item.isPair, item.work));

  if (unlogged.length > 0 && context.isOpen()) {
    const late = unlogged.splice(0);
    try {
      await stores.write(() => late.forEach((failure) => stores.log.add(failure)));
    } catch {
      unlogged.push(...late);
    }
  }
  const missing = unlogged.length
    ? `; the refresh log could not record ${unlogged.map((failure) => failure.symbol).join(', ')} (the database was busy)`
    : '';
  // Pairs are named only when the job had some, so a refresh of quotes alone reads as before.
  const what = pairs.length > 0 ? 'symbols and currency pairs' : 'symbols';
  const rates = pairs.length > 0 ? ` and ${ratesWritten} exchange ${countWord(ratesWritten, 'rate')}` : '';
  const counts = `${ok} of ${total} ${what} updated, ${barsWritten} ${countWord(barsWritten, 'bar')}${rates} written${failed ? `; ${failed} failed (see the refresh log under Import & export)` : ''}${missing}`;
  const state: RefreshSummary['state'] = job.signal.aborted ? 'cancelled' : failed > 0 && ok === 0 ? 'failed' : 'done';
  const message = state === 'cancelled' ? `Cancelled: ${counts}.` : `${counts}.`;
  if (context.isOpen()) {
    // Tidying only: a busy database leaves the old entries for the next job to prune.
    await stores.write(() => stores.log.prune()).catch(() => 0);
    if (context.isOpen()) progress({ jobId: job.id, symbolsDone: done, symbolsTotal: total, state, message });
  }
  return { jobId: job.id, state, ok, failed, barsWritten, ratesWritten, message };
}
