import type { Handlers } from '../../shared/api/contract';
import type { BackendContext } from '../backend/backend-context';
import { createFxService } from './fx-service';

type FxCalls = Extract<keyof Handlers, `fx:${string}`>;

/** The exchange-rate calls of the contract, to spread into the backend's handlers. */
export function fxHandlers({ store, events, settings, now }: BackendContext): Pick<Handlers, FxCalls> {
  const service = createFxService(store, events, settings, now);
  return {
    'fx:pairs': () => service.pairs(),
    'fx:currencies': () => service.currencies(),
    'fx:importFiles': ({ files }) => service.importFiles(files),
    'fx:setManualRate': (input) => service.setManualRate(input),
    'fx:deletePair': ({ base, quote }) => service.deletePair(base, quote),
  };
}
