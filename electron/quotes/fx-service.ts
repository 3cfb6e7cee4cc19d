// The exchange-rate cache as the app sees it: files and typed rates written into it, its pairs
// listed, a pair deleted. Rates from providers arrive through the refresh (fx-refresh.ts).
import type { CallOutput, ParsedInput } from '../../shared/api/contract';
import { ApiError } from '../../shared/api/errors';
import type { FxRate } from '../../shared/domain/fx-rate';
import { parseFxFile, type ParsedFxFile } from '../../shared/quotes/fx-files';
import { pairsNeeded } from '../../shared/quotes/fx-pairs';
import { QuoteDataError } from '../../shared/quotes/types';
import type { EventBus } from '../backend/event-bus';
import { localDay } from '../backend/local-day';
import type { SettingsStore } from '../backend/settings-store';
import type { Store } from '../db/store';

type ImportOutput = CallOutput<'fx:importFiles'>;

/** Per pair: how many rates and which days, in pair order. */
function pairTally(rates: readonly FxRate[]): ImportOutput['pairs'] {
  const byPair = new Map<string, ImportOutput['pairs'][number]>();
  for (const r of rates) {
    const key = `${r.base}/${r.quote}`;
    const seen = byPair.get(key);
    if (!seen) byPair.set(key, { base: r.base, quote: r.quote, rates: 1, firstDay: r.day, lastDay: r.day });
    else {
      seen.rates++;
      if (r.day < seen.firstDay) seen.firstDay = r.day;
      if (r.day > seen.lastDay) seen.lastDay = r.day;
    }
  }
  return [...byPair.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, tally]) => tally);
}

export function createFxService(store: Store, events: EventBus, settings: SettingsStore, now: () => Date) {
  const changed = () => events.emit('data:changed', { scope: 'fx' });

  return {
    pairs: () => store.fxRates.pairs(),

    currencies(): CallOutput<'fx:currencies'> {
      const used = store.fxRates.usedCurrencies();
      const { baseCurrency } = settings.get();
      return { used, baseCurrency, needed: pairsNeeded(used, baseCurrency) };
    },

    /**
     * Every file is parsed before anything is written, and all of them are written in one
     * transaction at the writer's turn: a bad cell anywhere refuses the whole call, naming its
     * file, line and column.
     */
    async importFiles(files: ParsedInput<'fx:importFiles'>['files']): Promise<ImportOutput> {
      const fetchedAt = now().toISOString();
      const today = localDay(now());
      const parsed: (ParsedFxFile & { fileName: string })[] = [];
      for (const { fileName, content } of files) {
        try {
          parsed.push({ fileName, ...parseFxFile(content, fileName, { fetchedAt, today }) });
        } catch (error) {
          if (error instanceof QuoteDataError) {
            const rest = files.length > 1 ? ' Nothing was imported from any file.' : ' Nothing was imported.';
            const stop = error.message.endsWith('.') ? '' : '.';
            throw new ApiError('invalid_input', error.message + stop + rest);
          }
          throw error;
        }
      }
      const rates = parsed.flatMap((file) => file.rates);
      const written = await store.write(() => store.fxRates.write(rates));
      changed();
      return {
        rates: written,
        files: parsed.map((f) => ({
          fileName: f.fileName,
          format: f.format,
          rates: f.rates.length,
          skipped: f.skipped,
        })),
        pairs: pairTally(rates),
      };
    },

    /** A rate the user typed: source `manual`, fetched now, so it wins its day over earlier fetches. */
    async setManualRate({ base, quote, day, rate }: ParsedInput<'fx:setManualRate'>): Promise<FxRate> {
      const today = localDay(now());
      if (day > today) {
        throw new ApiError('invalid_input', `A rate for ${day} is in the future (today is ${today}).`, [
          'day: in the future',
        ]);
      }
      const record: FxRate = { base, quote, day, rate, source: 'manual', fetchedAt: now().toISOString() };
      await store.write(() => store.fxRates.write([record]));
      changed();
      return record;
    },

    async deletePair(base: string, quote: string): Promise<CallOutput<'fx:deletePair'>> {
      const deleted = await store.write(() => store.fxRates.removePair(base, quote));
      if (deleted > 0) changed();
      return { base, quote, deleted };
    },
  };
}

export type FxService = ReturnType<typeof createFxService>;
