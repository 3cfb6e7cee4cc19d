// The backend's own entry point (dist/backend.cjs): a worker thread in browser mode, an Electron
// utility process in the app. Either way it serves one session over the port it was started with.
import { parentPort } from 'node:worker_threads';
import { serveBackend } from './serve-backend';
import { serveOverParentPort, type UtilityParentPort } from './utility-port';

// Set by Electron in a utility process; no Electron import needed (the backend never has one).
const utilityPort = (process as { parentPort?: UtilityParentPort }).parentPort;

if (parentPort) {
  const port = parentPort;
  serveBackend(
    { post: (message) => port.postMessage(message), listen: (handler) => port.on('message', handler) },
    // Closing the port lets the thread end by itself once the database is closed.
    () => port.close(),
  );
} else if (utilityPort) {
  serveOverParentPort(utilityPort);
} else {
  throw new Error('backend.cjs runs as a worker thread or an Electron utility process, not on its own.');
}
