// Electron main process: window, security and IPC wiring only. The domain runs in a utility
// process (./backend-process.ts, ../backend); main relays calls, events and file dialogs.
import path from 'node:path';
import type { BrowserWindow } from 'electron';
import { app, dialog, ipcMain, Notification, session } from 'electron';
import type { BackendSession } from '../backend/backend-session';
import { dbPathIn, resolveDataDir } from '../backend/paths';
import { forkBackend } from './backend-process';
import { EVENT_CHANNEL } from './channels';
import { fileChooser } from './file-dialogs';
import { createFileHandles } from './file-handles';
import { registerIpc } from './ipc';
import { registerAppScheme, serveRenderer } from './protocol';
import { hardenContents, hardenSession } from './security';
import { signalNotifier } from './signal-notifier';
import { createMainWindow } from './window';

function flagValue(argv: string[], flag: string): string | undefined {
  const index = argv.indexOf(flag);
  if (index >= 0) return argv[index + 1];
  return argv.find((arg) => arg.startsWith(`${flag}=`))?.slice(flag.length + 1);
}

registerAppScheme();
app.enableSandbox();
app.on('web-contents-created', (_event, contents) => hardenContents(contents));

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let backend: BackendSession | undefined;
  let window: BrowserWindow | undefined;

  app.on('second-instance', () => {
    if (window?.isMinimized()) window.restore();
    window?.focus();
  });

  void app.whenReady().then(async () => {
    const dataDir = resolveDataDir(flagValue(process.argv, '--data-dir'), process.env, () => app.getPath('userData'));
    const started = forkBackend(
      path.join(__dirname, 'backend.cjs'),
      {
        dataDir,
        dbPath: dbPathIn(dataDir),
        version: app.getVersion(),
        mode: 'electron',
        runtime: `Electron ${process.versions.electron}`,
        // Set by `npm start` to a better-sqlite3 built for Electron, leaving node_modules' Node build for
        // tests. An installed app loads only the module inside it: a variable in its environment must
        // not make it load native code from elsewhere.
        nativeBinding: app.isPackaged ? undefined : process.env.TILTFOLIO_SQLITE_BINDING,
      },
      fileChooser(dialog, () => window, createFileHandles()),
    );
    backend = started;
    try {
      await started.opened;
    } catch (error) {
      if (backend !== started) return; // closed by a quit while it was opening
      dialog.showErrorBox('Tiltfolio cannot open its database', error instanceof Error ? error.message : String(error));
      backend = undefined;
      void started.close();
      app.exit(1);
      return;
    }
    // Quit while the database was opening: will-quit has closed it already.
    if (backend !== started) return;
    hardenSession(session.defaultSession);
    serveRenderer(path.join(__dirname, 'renderer'));
    registerIpc(ipcMain, started.dispatch);
    window = createMainWindow(path.join(__dirname, 'preload.cjs'));
    started.events.subscribe((name, payload) => {
      if (window && !window.isDestroyed()) window.webContents.send(EVENT_CHANNEL, name, payload);
    });
    const notifier = signalNotifier(started.dispatch, (title, body) => {
      if (Notification.isSupported()) new Notification({ title, body }).show();
    });
    started.events.subscribe((name, payload) => notifier.onEvent(name, payload));
    void started.stopped.then((reason) => {
      // Closed on quit is the normal end; anything else left a window that can no longer work.
      if (backend !== started) return;
      dialog.showErrorBox('Tiltfolio stopped working', reason);
      app.quit();
    });
  });

  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', (event) => {
    if (!backend) return;
    // Quit waits for the backend to close its database, then quits for real.
    const closing = backend;
    backend = undefined;
    event.preventDefault();
    void closing.close().finally(() => app.quit());
  });
}
