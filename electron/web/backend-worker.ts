import { Worker } from 'node:worker_threads';
import { connectBackend, type BackendSession } from '../backend/backend-session';
import type { FromBackend, SessionOptions } from '../backend/session-protocol';

/**
 * Browser mode's backend: the same entry point as the app's utility process, in a worker thread,
 * so the HTTP server keeps answering (and streaming events) while the backend works on an import.
 * `entry` is dist/backend.cjs next to the host's own bundle.
 */
export function startBackendWorker(entry: string, options: Omit<SessionOptions, 'fileDialogs'>): BackendSession {
  const worker = new Worker(entry);
  const session = connectBackend(
    {
      post: (message, transfer) => worker.postMessage(message, transfer),
      listen: (handler) => worker.on('message', (message: FromBackend) => handler(message)),
    },
    { ...options, fileDialogs: false },
    { end: () => worker.terminate() },
  );
  worker.on('error', (error) => session.lost(`The backend stopped: ${error.message}`));
  worker.on('exit', (code) => session.lost(`The backend stopped (exit code ${code}).`));
  return session;
}
