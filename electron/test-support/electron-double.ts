// A stand-in for the `electron` module, so main-process wiring runs under plain Node. It records
// what the code under test asked Electron to do; tests assert on those records.
import { EventEmitter } from 'node:events';

type Handler = (...args: unknown[]) => unknown;

export class FakeWebContents extends EventEmitter {
  windowOpenHandler: Handler | undefined;
  sent: unknown[][] = [];
  setWindowOpenHandler(handler: Handler) {
    this.windowOpenHandler = handler;
  }
  send(...args: unknown[]) {
    this.sent.push(args);
  }
}

export function createElectronDouble() {
  const record = {
    windows: [] as FakeBrowserWindow[],
    ipcHandlers: new Map<string, Handler>(),
    privilegedSchemes: [] as unknown[],
    protocolHandlers: new Map<string, Handler>(),
    exposed: new Map<string, unknown>(),
    invoked: [] as unknown[][],
    rendererListeners: new Map<string, Set<Handler>>(),
    openedExternally: [] as string[],
    permissionRequestHandler: undefined as Handler | undefined,
    permissionCheckHandler: undefined as Handler | undefined,
    sandboxEnabled: false,
    appListeners: new Map<string, Handler[]>(),
    errorBoxes: [] as string[][],
  };

  class FakeBrowserWindow extends EventEmitter {
    readonly options: Record<string, unknown>;
    readonly webContents = new FakeWebContents();
    loadedUrl: string | undefined;
    constructor(options: Record<string, unknown>) {
      super();
      this.options = options;
      record.windows.push(this);
    }
    loadURL(url: string) {
      this.loadedUrl = url;
      return Promise.resolve();
    }
    show() {}
    isDestroyed() {
      return false;
    }
    isMinimized() {
      return false;
    }
    restore() {}
    focus() {}
  }

  let resolveReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (resolveReady = resolve));

  const electron = {
    // Typed by its constructor only: the static side of EventEmitter cannot appear in declarations.
    BrowserWindow: FakeBrowserWindow as new (options: Record<string, unknown>) => FakeBrowserWindow,
    app: {
      enableSandbox: () => {
        record.sandboxEnabled = true;
      },
      requestSingleInstanceLock: () => true,
      whenReady: () => ready,
      getPath: (name: string) => `/fake/${name}`,
      getVersion: () => '0.0.0-double',
      quit: () => {},
      exit: () => {},
      on: (event: string, handler: Handler) => {
        record.appListeners.set(event, [...(record.appListeners.get(event) ?? []), handler]);
      },
    },
    ipcMain: {
      handle: (channel: string, handler: Handler) => {
        if (record.ipcHandlers.has(channel)) throw new Error(`second handler for ${channel}`);
        record.ipcHandlers.set(channel, handler);
      },
    },
    ipcRenderer: {
      invoke: (...args: unknown[]) => {
        record.invoked.push(args);
        return Promise.resolve({ ok: true, value: null });
      },
      on: (channel: string, listener: Handler) => {
        const set = record.rendererListeners.get(channel) ?? new Set();
        set.add(listener);
        record.rendererListeners.set(channel, set);
      },
      removeListener: (channel: string, listener: Handler) => {
        record.rendererListeners.get(channel)?.delete(listener);
      },
    },
    contextBridge: {
      exposeInMainWorld: (key: string, value: unknown) => record.exposed.set(key, value),
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => record.privilegedSchemes.push(...schemes),
      handle: (scheme: string, handler: Handler) => record.protocolHandlers.set(scheme, handler),
    },
    net: {
      // Annotated: an inferred undici Response type cannot be named where node_modules is a link.
      fetch: async (url: string): Promise<Response> => {
        const { readFile } = await import('node:fs/promises');
        const { fileURLToPath } = await import('node:url');
        return new Response(await readFile(fileURLToPath(url)), { headers: { 'Content-Type': 'text/html' } });
      },
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: Handler) => (record.permissionRequestHandler = handler),
        setPermissionCheckHandler: (handler: Handler) => (record.permissionCheckHandler = handler),
      },
    },
    shell: {
      openExternal: (url: string) => {
        record.openedExternally.push(url);
        return Promise.resolve();
      },
    },
    dialog: {
      showErrorBox: (title: string, content: string) => record.errorBoxes.push([title, content]),
    },
  };

  return { electron, record, ready: () => resolveReady() };
}

export type ElectronDouble = ReturnType<typeof createElectronDouble>;
