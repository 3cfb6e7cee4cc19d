import type { Handlers } from '../../shared/api/contract';
import { ApiError } from '../../shared/api/errors';
import { sleeveOf } from '../../shared/engine/sleeves';
import type { CurrencyConflict, InstrumentRecord } from '../db/instruments-repo';
import type { BackendContext } from './backend-context';

function view(record: InstrumentRecord) {
  return {
    ...record,
    // The effective sleeve: the user's choice, else the built-in default for the ticker.
    sleeve: record.sleeveOverride ?? sleeveOf(record.symbol),
  };
}

export function instrumentHandlers({
  store,
  events,
}: BackendContext): Pick<Handlers, 'instruments:list' | 'instruments:update'> {
  const repo = store.instruments;
  return {
    'instruments:list': () => repo.all().map(view),
    'instruments:update': async ({ symbol, ...patch }) => {
      const updated = await store.write(() => {
        if (!repo.get(symbol)) throw new ApiError('not_found', `There is no instrument ${symbol}.`);
        if (patch.currency !== undefined) {
          const others = repo.otherCurrencies(symbol, patch.currency);
          if (others.length > 0)
            throw new ApiError('conflict', currencyConflictMessage(symbol, patch.currency, others));
        }
        repo.update(symbol, patch);
        return repo.get(symbol) as InstrumentRecord;
      });
      // Sleeves change the tilt and every sleeve series, not the ledger: the views are re-valued.
      events.emit('data:changed', { scope: 'instruments' });
      return view(updated);
    },
  };
}

/** "JPM cannot be in EUR: 3 of its transactions are in USD (the first on 2016-11-14). …" */
export function currencyConflictMessage(symbol: string, currency: string, others: readonly CurrencyConflict[]): string {
  const parts = others.map(
    ({ currency: other, count, first }) =>
      `${count === 1 ? '1 of its transactions is' : `${count} of its transactions are`} in ${other} (the first on ${first})`,
  );
  return `${symbol} cannot be in ${currency}: ${parts.join('; ')}. An instrument's transactions are in its own currency (with a broker rate when the account's differs); change them first.`;
}
