import { BrowserWindow } from 'electron';
import { APP_ENTRY_URL } from './channels';

export function createMainWindow(preload: string): BrowserWindow {
  // Written out literally (not built by a helper) so reviewers and electronegativity see every flag.
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Tiltfolio',
    webPreferences: {
      // The preload is the app's only bridge: contract calls by name, nothing else (see preload/).
      preload /* eng-disable PRELOAD_JS_CHECK */,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // Middle-click would otherwise try to open links in new windows.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY_URL);
  return window;
}
