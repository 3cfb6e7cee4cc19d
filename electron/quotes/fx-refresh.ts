// One currency pair within a refresh job: its daily rates fetched from the provider under the
// pair's ticker (EURUSD=X at Yahoo, eurusd at Stooq), checked as a quote answer is, and written in
// one transaction. A failure of any kind leaves the pair's cached rates as they were.
import { addDays, utcMsToDay } from '../../shared/engine/dates';
import type { FxRate } from '../../shared/domain/fx-rate';
import { plainNumber } from '../../shared/csv/plain-number';
import { pairLabel, yahooFxSymbol, type FxPair } from '../../shared/quotes/fx-pairs';
import { checkProviderSeries } from '../../shared/quotes/validate';
import type { FxRatesRepo, Store } from '../db/store';
import type { QuoteProvider } from './providers';
import { countWord } from '../../shared/domain/plural';

export interface PairRefresh {
  pair: FxPair;
  provider: QuoteProvider;
  signal: AbortSignal;
  /** Days re-fetched before the last cached rate; where a pair with none starts. */
  overlapDays: number;
  firstDay: string;
  now: () => Date;
  /** True when the job was stopped after the answer arrived: nothing may be written. */
  stopped: () => boolean;
}

/**
 * Fetches and writes one pair; answers [rates written, what the log says], or null when the job
 * stopped before writing. `log` is called inside the write's transaction, at the writer's turn.
 */
export async function refreshPair(
  stores: { write: Store['write']; fxRates: FxRatesRepo },
  run: PairRefresh,
  log: (written: number, message: string) => void,
): Promise<[number, string] | null> {
  const { pair, provider, signal, now } = run;
  const label = pairLabel(pair);
  // From the last rate any file or provider gave (the ECB's history included), less the overlap
  // that picks up revisions; a hand-typed rate is not a fetch and does not move the start.
  const last = stores.fxRates.lastFetchedDay(pair.base, pair.quote);
  const from = last ? addDays(last, -run.overlapDays) : run.firstDay;
  const today = utcMsToDay(now().getTime());
  const answer = await provider.fetchDaily({ symbol: yahooFxSymbol(pair), from, to: today }, signal);
  checkProviderSeries(answer, label, from, addDays(today, 1));
  if (run.stopped()) return null;
  const fetchedAt = now().toISOString();
  // A JSON or CSV number is written back as its shortest decimal: the text the provider sent
  // whenever it had 15 significant digits or fewer, as every FX quote does.
  const rates: FxRate[] = answer.bars.map((bar) => ({
    ...pair,
    day: bar.day,
    rate: plainNumber(bar.close),
    source: provider.id,
    fetchedAt,
  }));
  const holes = answer.holes > 0 ? `; skipped ${answer.holes} day(s) without a rate` : '';
  const message = `${rates.length} ${countWord(rates.length, 'rate')} from ${rates[0]!.day} to ${rates.at(-1)!.day}${holes}`;
  return stores.write((): [number, string] => {
    const written = stores.fxRates.write(rates);
    log(written, message);
    return [written, message];
  });
}
