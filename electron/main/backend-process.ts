import { utilityProcess } from 'electron';
import { connectBackend, type BackendSession } from '../backend/backend-session';
import type { FromBackend, SessionOptions, ToBackend } from '../backend/session-protocol';
import type { ChooseFile } from '../csv/csv-service';

/**
 * The app's backend in a utility process of its own (dist/backend.cjs), so a long import or
 * replay never stalls the windows' events. Main only relays: calls and their results, events,
 * and the backend's requests for a file, answered with main's dialogs.
 */
export function forkBackend(
  entry: string,
  options: Omit<SessionOptions, 'fileDialogs'>,
  chooseFile: ChooseFile,
): BackendSession {
  const env = { ...process.env };
  // The binding travels in the options; when main chose none (an installed app), none is passed on.
  if (options.nativeBinding === undefined) delete env.TILTFOLIO_SQLITE_BINDING;
  const child = utilityProcess.fork(entry, [], { serviceName: 'Tiltfolio backend', stdio: 'inherit', env });
  // Sent once the process is up: nothing is posted into a process that is still starting.
  let spawned = false;
  const queue: ToBackend[] = [];
  child.once('spawn', () => {
    spawned = true;
    for (const message of queue.splice(0)) child.postMessage(message);
  });
  const session = connectBackend(
    {
      post: (message) => (spawned ? child.postMessage(message) : queue.push(message)),
      listen: (handler) => child.on('message', (message: FromBackend) => handler(message)),
    },
    { ...options, fileDialogs: true },
    {
      chooseFile,
      end: () => {
        child.kill();
      },
    },
  );
  child.on('exit', (code) => session.lost(`The backend process stopped (exit code ${code}).`));
  return session;
}
