import type { BrowserWindow, Dialog } from 'electron';
import type { ChooseFile } from '../csv/csv-service';
import type { FileHandles } from './file-handles';

const CSV_FILTERS = [
  { name: 'CSV files', extensions: ['csv', 'txt'] },
  { name: 'All files', extensions: ['*'] },
];

/**
 * The backend's file chooser in the app: Electron's open and save dialogs, attached to the main
 * window, and the handles of files chosen earlier. Paths come only from these dialogs; the backend
 * reads or writes the file itself, streaming, so a large file never crosses IPC.
 */
export function fileChooser(dialog: Dialog, window: () => BrowserWindow | undefined, handles: FileHandles): ChooseFile {
  return async ({ purpose, defaultName, keep, handle }) => {
    if (handle !== undefined) {
      const path = handles.take(handle, purpose);
      return path === null ? null : { path };
    }
    const parent = window();
    if (purpose === 'import') {
      const options = { title: 'Import transactions', properties: ['openFile' as const], filters: CSV_FILTERS };
      const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
      const path = result.canceled ? undefined : result.filePaths[0];
      if (path === undefined) return null;
      return keep ? { path, handle: handles.issue(path, purpose) } : { path };
    }
    const options = { title: 'Export', filters: CSV_FILTERS, ...(defaultName ? { defaultPath: defaultName } : {}) };
    const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
    return result.canceled || !result.filePath ? null : { path: result.filePath };
  };
}
