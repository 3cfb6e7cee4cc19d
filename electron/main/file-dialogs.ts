import type { BrowserWindow, Dialog } from 'electron';
import type { FileRequest } from '../csv/csv-service';

const CSV_FILTERS = [
  { name: 'CSV files', extensions: ['csv', 'txt'] },
  { name: 'All files', extensions: ['*'] },
];

/**
 * The backend's file chooser in the app: Electron's open and save dialogs, attached to the main
 * window. Main then reads or writes the file itself, streaming, so a large file never crosses IPC.
 */
export function fileChooser(dialog: Dialog, window: () => BrowserWindow | undefined) {
  return async ({ purpose, defaultName }: FileRequest): Promise<string | null> => {
    const parent = window();
    if (purpose === 'import') {
      const options = { title: 'Import transactions', properties: ['openFile' as const], filters: CSV_FILTERS };
      const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    }
    const options = { title: 'Export', filters: CSV_FILTERS, ...(defaultName ? { defaultPath: defaultName } : {}) };
    const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
    return result.canceled || !result.filePath ? null : result.filePath;
  };
}
