// A stand-in for the `electron` module, so main-process wiring runs under plain Node. It records
// what the code under test asked Electron to do; tests assert on those records.
import { EventEmitter } from 'node:events';
import { MessageChannel, type MessagePort } from 'node:worker_threads';

type Handler = (...args: unknown[]) => unknown;

/** What a utility process sees as `process.parentPort`: messages arrive as `{ data }` events. */
export interface FakeParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
  postMessage(message: unknown): void;
}

/**
 * A utility process run in this thread: the two ends of a real MessageChannel, so every message
 * is structured-cloned as it would be between processes. The test says what the child runs.
 */
export class FakeUtilityProcess extends EventEmitter {
  readonly parentPort: FakeParentPort;
  private readonly mainEnd: MessagePort;
  private readonly childEnd: MessagePort;
  killed = false;
  constructor(
    readonly modulePath: string,
    readonly args: string[],
    readonly options: Record<string, unknown>,
  ) {
    super();
    const { port1, port2 } = new MessageChannel();
    this.mainEnd = port1;
    this.childEnd = port2;
    port1.on('message', (message: unknown) => this.emit('message', message));
    this.parentPort = {
      on: (_event, listener) => port2.on('message', (data: unknown) => listener({ data })),
      postMessage: (message) => port2.postMessage(message),
    };
  }
  postMessage(message: unknown) {
    this.mainEnd.postMessage(message);
  }
  kill() {
    if (this.killed) return false;
    this.killed = true;
    this.mainEnd.close();
    this.childEnd.close();
    this.emit('exit', 0);
    return true;
  }
}

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
    /** System notifications shown (Electron's Notification), in order. */
    notifications: [] as { title: string; body: string }[],
    utilityProcesses: [] as FakeUtilityProcess[],
    quits: 0,
    exitCodes: [] as number[],
    /** The buttons the message boxes answer with, in turn; without one, the box is cancelled. */
    messageBoxAnswers: [] as number[],
    messageBoxes: [] as { parent: unknown; options: Record<string, unknown> }[],
    /** The paths the open and save dialogs answer with, in turn; null is a cancelled dialog. */
    dialogAnswers: [] as (string | null)[],
    dialogs: [] as { kind: 'open' | 'save'; options: Record<string, unknown> }[],
  };
  /** What a forked utility process runs, given its parentPort: set by the test. */
  let utilityMain: (child: FakeUtilityProcess) => void = () => {};

  class FakeBrowserWindow extends EventEmitter {
    static fromWebContents(contents: unknown): FakeBrowserWindow | null {
      return record.windows.find((window) => window.webContents === contents) ?? null;
    }
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
      /** What `app.isPackaged` says: false as under `npm start`; a test of the installed app sets it. */
      isPackaged: false,
      enableSandbox: () => {
        record.sandboxEnabled = true;
      },
      requestSingleInstanceLock: () => true,
      whenReady: () => ready,
      getPath: (name: string) => `/fake/${name}`,
      getVersion: () => '0.0.0-double',
      quit: () => {
        record.quits++;
      },
      exit: (code?: number) => {
        record.exitCodes.push(code ?? 0);
      },
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
    Notification: class {
      static isSupported() {
        return true;
      }
      constructor(readonly options: { title: string; body: string }) {}
      show() {
        record.notifications.push({ title: this.options.title, body: this.options.body });
      }
    },
    shell: {
      openExternal: (url: string) => {
        record.openedExternally.push(url);
        return Promise.resolve();
      },
    },
    dialog: {
      showErrorBox: (title: string, content: string) => record.errorBoxes.push([title, content]),
      showMessageBox: (...args: unknown[]) => {
        const options = args.at(-1) as Record<string, unknown>;
        record.messageBoxes.push({ parent: args.length > 1 ? args[0] : null, options });
        const response = record.messageBoxAnswers.shift() ?? (options.cancelId as number | undefined) ?? 0;
        return Promise.resolve({ response, checkboxChecked: false });
      },
      showOpenDialog: (...args: unknown[]) => {
        record.dialogs.push({ kind: 'open', options: args.at(-1) as Record<string, unknown> });
        const answer = record.dialogAnswers.shift() ?? null;
        return Promise.resolve({ canceled: answer === null, filePaths: answer === null ? [] : [answer] });
      },
      showSaveDialog: (...args: unknown[]) => {
        record.dialogs.push({ kind: 'save', options: args.at(-1) as Record<string, unknown> });
        const answer = record.dialogAnswers.shift() ?? null;
        return Promise.resolve({ canceled: answer === null, filePath: answer ?? '' });
      },
    },
    utilityProcess: {
      fork: (modulePath: string, args: string[] = [], options: Record<string, unknown> = {}) => {
        const child = new FakeUtilityProcess(modulePath, args, options);
        record.utilityProcesses.push(child);
        queueMicrotask(() => {
          child.emit('spawn');
          utilityMain(child);
        });
        return child;
      },
    },
  };

  return {
    electron,
    record,
    ready: () => resolveReady(),
    runInUtilityProcess: (main: (child: FakeUtilityProcess) => void) => (utilityMain = main),
  };
}

export type ElectronDouble = ReturnType<typeof createElectronDouble>;
