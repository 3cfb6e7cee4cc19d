// The quote cache as the app sees it: reads answer from SQLite at once, refreshes run in the
// background and report through events. Nothing here waits on the network to answer a call.
import { randomUUID } from 'node:crypto';
import type { CallOutput, EventPayload } from '../../shared/api/contract';
import { ApiError } from '../../shared/api/errors';
import { parseQuoteFile, type QuoteFile, type SourcedQuoteRow } from '../../shared/quotes/quotes-export-csv';
import { pairLabel, pairsNeeded } from '../../shared/quotes/fx-pairs';
import { isValidSymbol, symbolFromFileName } from '../../shared/quotes/symbols';
import { QuoteDataError, type ProviderId } from '../../shared/quotes/types';
import { barProblem } from '../../shared/quotes/validate';
import type { EventBus } from '../backend/event-bus';
import { localDay } from '../backend/local-day';
import type { SettingsStore } from '../backend/settings-store';
import type { HistoryBar } from '../db/quotes-repo';
import type { Store } from '../db/store';
import { writeExportRows, type ImportedQuotes } from './import-export-rows';
import { defaultHttpPolicy, type HttpPolicy } from './http';
import { createProvider } from './providers';
import { guardScale, type ScaleWording } from './scale-guard';
import { runRefresh, type RefreshStores, type RefreshSummary, type RefreshTuning } from './refresh';

export interface QuoteServiceOptions {
  now?: () => Date;
  http?: Partial<HttpPolicy>;
  tuning?: Partial<RefreshTuning>;
}

export interface RefreshRequest {
  symbols?: readonly string[] | undefined;
  /** For this refresh only (the CLI's --provider / --base-url); the saved settings otherwise. */
  provider?: ProviderId | 'none' | undefined;
  baseUrl?: string | undefined;
  /** A provider answer on another split scale than the cache: rescale the older bars instead of refusing it. */
  rescaleOlder?: boolean | undefined;
}

export interface StartedRefresh {
  started: CallOutput<'quotes:refresh'>;
  /** Settles when the job has finished, whatever its outcome; never rejects. */
  done: Promise<RefreshSummary>;
}

function scaleWording(fileName: string): ScaleWording {
  return {
    what: `the file ${fileName}`,
    rescale: 'import it again with "rescale older bars" (the API\'s rescaleOlder, the CLI\'s --rescale-older)',
  };
}

const DEFAULT_TUNING: RefreshTuning = { concurrency: 4, overlapDays: 7, firstDay: '1970-01-02' };

interface RunningJob {
  symbols: ReadonlySet<string>;
  controller: AbortController;
  started: CallOutput<'quotes:refresh'>;
  done: Promise<RefreshSummary>;
}

export function createQuoteService(
  store: Store,
  events: EventBus,
  settings: SettingsStore,
  options: QuoteServiceOptions = {},
) {
  const now = options.now ?? (() => new Date());
  const http = defaultHttpPolicy(options.http);
  const tuning = { ...DEFAULT_TUNING, ...options.tuning };
  const stores: RefreshStores = {
    write: store.write,
    quotes: store.quotes,
    actions: store.corporateActions,
    log: store.refreshLog,
    instruments: store.instruments,
    fxRates: store.fxRates,
  };
  const jobs = new Map<string, RunningJob>();
  let open = true;

  const progress = (payload: EventPayload<'quotes:progress'>) => events.emit('quotes:progress', payload);

  const refreshableSymbols = (): string[] =>
    [...new Set([...stores.instruments.quotableSymbols(), ...stores.quotes.fetchableSymbols()])]
      .filter(isValidSymbol)
      .sort();

  /** The pairs the portfolio's currencies need against the base currency (fx-pairs.ts). */
  const neededPairs = (baseCurrency: string) => pairsNeeded(store.fxRates.usedCurrencies(), baseCurrency);

  /** A job that ends before it starts (offline, nothing to do), reported the same way as any other. */
  function settled(state: 'done' | 'failed', symbolsTotal: number, message: string): StartedRefresh {
    const jobId = randomUUID();
    const summary: RefreshSummary = { jobId, state, ok: 0, failed: 0, barsWritten: 0, ratesWritten: 0, message };
    // After the caller has the job id, so a listener can match the event to its call.
    setImmediate(() => {
      if (open) progress({ jobId, symbolsDone: 0, symbolsTotal, state, message });
    });
    return { started: { jobId, state, symbolsTotal, message }, done: Promise.resolve(summary) };
  }

  function startRefresh(request: RefreshRequest = {}): StartedRefresh {
    if (!open) throw new ApiError('conflict', 'Tiltfolio is closing; no refresh can start.');
    const saved = settings.get();
    const choice = request.provider ?? saved.quoteProvider;
    const named = request.symbols !== undefined && request.symbols.length > 0;
    const symbols = named ? [...new Set(request.symbols)] : refreshableSymbols();
    // Refreshing everything includes the exchange rates the portfolio needs; naming symbols does not.
    const fxPairs = named ? [] : neededPairs(saved.baseCurrency);
    const items = [...symbols, ...fxPairs.map(pairLabel)];
    if (saved.offline && request.provider === undefined) {
      return settled(
        'failed',
        items.length,
        'Offline: Tiltfolio is in offline mode, so no quotes were fetched. Prices come from the cache.',
      );
    }
    if (choice === 'none') {
      return settled(
        'failed',
        items.length,
        'Offline: no quote provider is chosen, so no quotes were fetched. Prices come from the cache.',
      );
    }
    if (items.length === 0) return settled('done', 0, 'Nothing to refresh: add an instrument or import quotes first.');

    // The same symbols already on their way: answer with that job rather than fetch them twice.
    for (const [jobId, job] of jobs) {
      if (items.every((item) => job.symbols.has(item))) return { started: { ...job.started, jobId }, done: job.done };
    }

    const baseUrl = request.baseUrl ?? (choice === 'yahoo' ? saved.yahooBaseUrl : saved.stooqBaseUrl);
    const provider = createProvider(choice, baseUrl, http);
    const jobId = randomUUID();
    const controller = new AbortController();
    const started: CallOutput<'quotes:refresh'> = { jobId, state: 'running', symbolsTotal: items.length };
    const done = runRefresh(
      { id: jobId, symbols, fxPairs, provider, signal: controller.signal, rescaleOlder: request.rescaleOlder ?? false },
      { stores, tuning, now, progress, isOpen: () => open },
    )
      .catch((error: unknown): RefreshSummary => {
        const message = `The refresh stopped: ${error instanceof Error ? error.message : String(error)}`;
        if (open) progress({ jobId, symbolsDone: 0, symbolsTotal: items.length, state: 'failed', message });
        return { jobId, state: 'failed', ok: 0, failed: items.length, barsWritten: 0, ratesWritten: 0, message };
      })
      .then((summary) => {
        jobs.delete(jobId);
        if (open && summary.barsWritten > 0) events.emit('data:changed', { scope: 'quotes' });
        if (open && summary.ratesWritten > 0) events.emit('data:changed', { scope: 'fx' });
        return summary;
      });
    jobs.set(jobId, { symbols: new Set(items), controller, started, done });
    return { started, done };
  }

  return {
    list: () => stores.quotes.list(),
    history: (symbol: string, from?: string, to?: string): HistoryBar[] => stores.quotes.history(symbol, from, to),
    latestBars: () => stores.quotes.latestBars(),
    corporateActions: (symbol: string) => stores.actions.list(symbol),
    refreshLog: (limit = 100, symbol?: string) => stores.log.recent(limit, symbol),
    refreshStatus: () => stores.log.status(),

    /**
     * A quotes CSV, all or nothing: Tiltfolio's export (several symbols, sources and fetch times
     * kept as written) or one symbol's Yahoo/Stooq prices. Errors name the file, line and column.
     */
    async importFile(
      fileName: string,
      content: string,
      symbol?: string,
      rescaleOlder = false,
    ): Promise<ImportedQuotes> {
      const fetchedAt = now().toISOString();
      let parsed: QuoteFile;
      try {
        parsed = parseQuoteFile(content, fileName, { source: 'file', fetchedAt, today: localDay(now()) });
      } catch (error) {
        if (error instanceof QuoteDataError) throw new ApiError('invalid_input', error.message);
        throw error;
      }
      if (parsed.format === 'tiltfolio') {
        if (symbol !== undefined) {
          throw new ApiError(
            'invalid_input',
            `${fileName} names its symbols in its symbol column; import it without a symbol.`,
            ['symbol: not for a file with a symbol column'],
          );
        }
        if (parsed.rows.length === 0) throw new ApiError('invalid_input', `${fileName} holds no prices.`);
        const rows = parsed.rows;
        const bySymbol = new Map<string, SourcedQuoteRow[]>();
        for (const row of rows) bySymbol.set(row.symbol, [...(bySymbol.get(row.symbol) ?? []), row]);
        const result = await store.write(() => {
          const notes: string[] = [];
          const guarded = [...bySymbol].flatMap(([name, bars]) => {
            const write = guardScale(stores.quotes, name, bars, scaleWording(fileName), rescaleOlder);
            if (write.note) notes.push(`${name}: ${write.note}`);
            return write.bars;
          });
          const written = writeExportRows(stores.quotes, guarded);
          return notes.length > 0 ? { ...written, note: notes.join('; ') } : written;
        });
        events.emit('data:changed', { scope: 'quotes' });
        return result;
      }
      const target = symbol ?? symbolFromFileName(fileName);
      if (!isValidSymbol(target)) {
        throw new ApiError(
          'invalid_input',
          `Cannot tell the symbol from the file name ${JSON.stringify(fileName)}; give one.`,
          ['symbol: required for this file name'],
        );
      }
      const { bars } = parsed.series;
      if (bars.length === 0) throw new ApiError('invalid_input', `${fileName} holds no prices.`);
      const incoming = bars.map((bar) => ({ ...bar, source: 'file', fetchedAt }));
      const rescaled = await store.write(() => {
        const guarded = guardScale(stores.quotes, target, incoming, scaleWording(fileName), rescaleOlder);
        stores.quotes.writeSeries({ symbol: target, source: 'file', fetchedAt, bars: guarded.bars });
        return guarded.note;
      });
      events.emit('data:changed', { scope: 'quotes' });
      return {
        bars: bars.length,
        symbols: [{ symbol: target, bars: bars.length }],
        ...(rescaled ? { note: rescaled } : {}),
      };
    },

    /** A close the user typed, for an instrument no provider knows (it wins over fetched bars that day). */
    async setManualPrice(symbol: string, day: string, close: number): Promise<HistoryBar> {
      const bar = { day, open: null, high: null, low: null, close, adjClose: null, volume: null };
      const problem = barProblem(bar, localDay(now()));
      if (problem) {
        throw new ApiError('invalid_input', `A price for ${symbol} on ${day} cannot be stored: ${problem.reason}.`, [
          `${problem.field === 'day' ? 'day' : 'close'}: impossible`,
        ]);
      }
      await store.write(() => stores.quotes.upsertBars(symbol, 'manual', now().toISOString(), [bar]));
      events.emit('data:changed', { scope: 'quotes' });
      return { ...bar, source: 'manual' };
    },

    /** Removes a symbol's bars in a day range (all without one); the portfolio re-values on data:changed. */
    async deleteBars(symbol: string, from?: string, to?: string): Promise<CallOutput<'quotes:delete'>> {
      const result = await store.write(() => stores.quotes.deleteBars(symbol, from, to));
      if (result.deleted > 0) events.emit('data:changed', { scope: 'quotes' });
      return { symbol, ...result };
    },

    startRefresh,

    cancel(jobId: string): boolean {
      const job = jobs.get(jobId);
      if (!job) return false;
      job.controller.abort();
      return true;
    },

    /** Stops every job; after this nothing touches the database, so it may be closed. */
    dispose(): void {
      open = false;
      for (const job of jobs.values()) job.controller.abort();
    },
  };
}

export type QuoteService = ReturnType<typeof createQuoteService>;
