import type { Handlers } from '../../shared/api/contract';
import type { BackendContext } from './backend-context';
import { PRODUCT_NAME } from './paths';

/** What is running, on which database, and whether that database holds anything yet. */
export function appHandlers({ host, store }: BackendContext): Pick<Handlers, 'app:info' | 'portfolio:summary'> {
  return {
    'app:info': () => ({
      name: PRODUCT_NAME,
      version: host.version,
      mode: host.mode,
      dataDir: host.dataDir,
      dbPath: host.dbPath,
      schemaVersion: store.summary.schemaVersion(),
      runtime: host.runtime,
    }),
    'portfolio:summary': () => {
      const counts = store.summary.counts();
      return { ...counts, isEmpty: counts.accounts === 0 && counts.transactions === 0 };
    },
  };
}
