import type { Handlers } from '../../shared/api/contract';
import { ApiError } from '../../shared/api/errors';
import { sleeveOf } from '../../shared/engine/sleeves';
import type { InstrumentRecord } from '../db/instruments-repo';
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
        repo.update(symbol, patch);
        return repo.get(symbol) as InstrumentRecord;
      });
      // Sleeves change the tilt and every sleeve series, not the ledger: the views are re-valued.
      events.emit('data:changed', { scope: 'instruments' });
      return view(updated);
    },
  };
}
