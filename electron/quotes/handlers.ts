import type { Handlers } from '../../shared/api/contract';
import type { BackendContext } from '../backend/backend-context';

type QuoteCalls = Extract<keyof Handlers, `quotes:${string}`>;

/** The quote calls of the contract, to spread into the backend's handlers. */
export function quoteHandlers({ quotes: service }: BackendContext): Pick<Handlers, QuoteCalls> {
  return {
    'quotes:list': () => service.list(),
    'quotes:history': ({ symbol, from, to }) => service.history(symbol, from, to),
    'quotes:refresh': ({ symbols, rescaleOlder }) => service.startRefresh({ symbols, rescaleOlder }).started,
    'quotes:cancel': ({ jobId }) => ({ cancelled: service.cancel(jobId) }),
    'quotes:importFile': ({ fileName, content, symbol, rescaleOlder }) =>
      service.importFile(fileName, content, symbol, rescaleOlder),
    'quotes:setManualPrice': ({ symbol, day, close }) => service.setManualPrice(symbol, day, close),
    'quotes:refreshLog': ({ limit, symbol }) => service.refreshLog(limit, symbol),
    'quotes:refreshStatus': () => service.refreshStatus(),
    'quotes:delete': ({ symbol, from, to }) => service.deleteBars(symbol, from, to),
  };
}
