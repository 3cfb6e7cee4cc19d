// Browser mode: serves the built renderer and the API on 127.0.0.1.
import { parseArgs } from 'node:util';
import { dbPathIn, resolveDataDir } from '../backend/paths';
import { startBackendWorker } from './backend-worker';
import { startHost } from './host';

export interface WebBundles {
  /** The built renderer. */
  rendererDir: string;
  /** The backend's entry point (dist/backend.cjs), run in a worker thread. */
  backendEntry: string;
}

export async function runWebMode(argv: string[], bundles: WebBundles): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string' },
    },
    strict: true,
  });
  const dataDir = resolveDataDir(values['data-dir']);
  const dbPath = dbPathIn(dataDir);
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port: ${values.port} is not a port number.`);

  const backend = startBackendWorker(bundles.backendEntry, {
    dataDir,
    dbPath,
    version: __TILTFOLIO_VERSION__,
    mode: 'browser',
    runtime: `Node ${process.versions.node}`,
  });
  try {
    await backend.opened;
  } catch (error) {
    await backend.close();
    throw error;
  }
  const host = await startHost({ backend, rendererDir: bundles.rendererDir, port });
  console.log(`Tiltfolio ${__TILTFOLIO_VERSION__} in browser mode; data in ${dataDir}`);
  console.log("Open this address (it holds this launch's access token):");
  console.log(host.url);

  let stopping = false;
  const stop = () => {
    stopping = true;
    void host
      .close()
      .then(() => backend.close())
      .then(() => process.exit(0));
  };
  void backend.stopped.then((reason) => {
    // A backend that died leaves a server that can only answer errors: say why and end.
    if (stopping) return;
    console.error(`tiltfolio: ${reason}`);
    void host.close().then(() => process.exit(1));
  });
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
