/**
 * The one shared fake of the `electron` module (vitest aliases `electron` to this file).
 *
 * Electron cannot run on the build machines, so main-process and preload code is tested
 * against this fake. It mimics the parts of Electron 45 the kiosk uses, with the same
 * shapes and event names, and records what the code under test did so tests can assert
 * on it. Tests call `resetElectronMock()` in `beforeEach` to start from a clean state.
 *
 * Both import styles work: named (`import { app } from 'electron'`) and default
 * (`import electron from 'electron'`, used by electron-store).
 */
import { EventEmitter } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import { vi } from 'vitest';

/** A preventable Electron event, as handed to listeners. */
export interface FakeEvent {
  defaultPrevented: boolean;
  preventDefault(): void;
}

/** Makes an Electron-style event object, optionally with extra fields (e.g. `url`). */
export function fakeEvent<T extends object>(extra?: T): FakeEvent & T {
  const event = {
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true;
    },
    ...extra,
  };
  return event as FakeEvent & T;
}

let nextWebContentsId = 1;
let nextFrameTreeNodeId = 1;

/** Fake of WebFrameMain: the parts the IPC gateway checks. */
export class FakeWebFrameMain {
  readonly frameTreeNodeId = nextFrameTreeNodeId++;
  url: string;
  parent: FakeWebFrameMain | null;
  frames: FakeWebFrameMain[] = [];
  detached = false;

  constructor(url = '', parent: FakeWebFrameMain | null = null) {
    this.url = url;
    this.parent = parent;
    if (parent) parent.frames.push(this);
  }

  /** The frame's origin as Chromium reports it (for the kiosk: "app://kiosk"). */
  get origin(): string {
    try {
      const url = new URL(this.url);
      return `${url.protocol}//${url.host}`;
    } catch {
      return 'null';
    }
  }
}

type PermissionRequestHandler = (
  webContents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: unknown,
) => void;
type PermissionCheckHandler = (
  webContents: unknown,
  permission: string,
  requestingOrigin: string,
  details: unknown,
) => boolean;
type BeforeRequestListener = (
  details: { url: string; webContentsId?: number; resourceType?: string },
  callback: (response: { cancel?: boolean }) => void,
) => void;

/**
 * Fake of Session: permission handlers and webRequest listeners are stored for tests; an
 * EventEmitter like Electron's (tests emit 'will-download' on it).
 */
export class FakeSession extends EventEmitter {
  permissionRequestHandler: PermissionRequestHandler | null = null;
  permissionCheckHandler: PermissionCheckHandler | null = null;
  beforeRequest: { filter: { urls: string[] }; listener: BeforeRequestListener } | null = null;

  setPermissionRequestHandler = vi.fn((handler: PermissionRequestHandler | null) => {
    this.permissionRequestHandler = handler;
  });
  setPermissionCheckHandler = vi.fn((handler: PermissionCheckHandler | null) => {
    this.permissionCheckHandler = handler;
  });
  webRequest = {
    onBeforeRequest: vi.fn((filter: { urls: string[] }, listener: BeforeRequestListener) => {
      this.beforeRequest = { filter, listener };
    }),
  };
}

type WindowOpenHandler = (details: { url: string }) => { action: 'allow' | 'deny' };

/** Fake of WebContents: an EventEmitter with the methods the kiosk calls. */
export class FakeWebContents extends EventEmitter {
  readonly id = nextWebContentsId++;
  session: FakeSession;
  mainFrame = new FakeWebFrameMain();
  windowOpenHandler: WindowOpenHandler | null = null;
  destroyed = false;
  zoomFactor = 1;
  visualZoomLimits: [number, number] | null = null;
  private readonly type: string;

  constructor(session: FakeSession = electronState.defaultSession, type = 'window') {
    super();
    this.session = session;
    this.type = type;
  }

  loadURL = vi.fn((url: string) => {
    this.mainFrame.url = url;
    return Promise.resolve();
  });
  reload = vi.fn();
  getURL = vi.fn(() => this.mainFrame.url);
  getType = vi.fn(() => this.type);
  setWindowOpenHandler = vi.fn((handler: WindowOpenHandler) => {
    this.windowOpenHandler = handler;
  });
  setVisualZoomLevelLimits = vi.fn((min: number, max: number) => {
    this.visualZoomLimits = [min, max];
    return Promise.resolve();
  });
  setZoomFactor = vi.fn((factor: number) => {
    this.zoomFactor = factor;
  });
  setZoomLevel = vi.fn();
  forcefullyCrashRenderer = vi.fn();
  openDevTools = vi.fn();
  isDestroyed = vi.fn(() => this.destroyed);
  isCrashed = vi.fn(() => false);
  focus = vi.fn();
}

/** Fake of BrowserWindow. Creating one emits app 'web-contents-created', as Electron does. */
export class FakeBrowserWindow extends EventEmitter {
  static getAllWindows(): FakeBrowserWindow[] {
    return [...electronState.windows];
  }
  static fromWebContents(contents: FakeWebContents): FakeBrowserWindow | null {
    return electronState.windows.find((w) => w.webContents === contents) ?? null;
  }

  readonly options: Record<string, unknown>;
  readonly webContents: FakeWebContents;
  destroyed = false;
  minimized = false;
  visible: boolean;

  constructor(options: Record<string, unknown> = {}) {
    super();
    this.options = options;
    this.visible = options.show !== false;
    this.webContents = new FakeWebContents();
    electronState.windows.push(this);
    app.emit('web-contents-created', fakeEvent(), this.webContents);
  }

  loadURL = vi.fn((url: string) => this.webContents.loadURL(url));
  focus = vi.fn();
  show = vi.fn(() => {
    this.visible = true;
  });
  restore = vi.fn(() => {
    this.minimized = false;
  });
  isMinimized = vi.fn(() => this.minimized);
  isDestroyed = vi.fn(() => this.destroyed);
  isKiosk = vi.fn(() => this.options.kiosk === true);
  isFullScreen = vi.fn(() => this.options.fullscreen === true);
  setMenu = vi.fn();
  setMenuBarVisibility = vi.fn();

  /** Like Electron: emits a preventable 'close'; if not prevented, the window goes away. */
  close = vi.fn(() => {
    const event = fakeEvent();
    this.emit('close', event);
    if (!event.defaultPrevented) this.destroy();
  });

  destroy = vi.fn(() => {
    if (this.destroyed) return;
    this.destroyed = true;
    this.webContents.destroyed = true;
    electronState.windows = electronState.windows.filter((w) => w !== this);
    this.emit('closed');
    if (electronState.windows.length === 0) app.emit('window-all-closed');
  });
}

type IpcHandler = (event: unknown, ...args: unknown[]) => unknown;

/** Fake of ipcMain; `invoke` lets tests call a registered handler as the renderer would. */
class FakeIpcMain extends EventEmitter {
  readonly handlers = new Map<string, IpcHandler>();

  handle = vi.fn((channel: string, handler: IpcHandler) => {
    // Electron throws on a second registration; so does the fake.
    if (this.handlers.has(channel)) {
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    }
    this.handlers.set(channel, handler);
  });
  removeHandler = vi.fn((channel: string) => {
    this.handlers.delete(channel);
  });

  /** Calls the handler for `channel` like `ipcRenderer.invoke` would (the test builds the event). */
  async invoke(channel: string, event: unknown, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return await handler(event, ...args);
  }
}

class FakeApp extends EventEmitter {
  isPackaged = false;
  readonly paths = new Map<string, string>();
  appPath = process.cwd();
  version = '0.1.0';
  singleInstanceLock = true;

  getPath = vi.fn((name: string) => {
    const value = this.paths.get(name);
    if (value !== undefined) return value;
    return path.join(os.tmpdir(), 'electron-mock', name);
  });
  setPath = vi.fn((name: string, value: string) => {
    this.paths.set(name, value);
  });
  getAppPath = vi.fn(() => this.appPath);
  getVersion = vi.fn(() => this.version);
  getName = vi.fn(() => 'not-alone-kiosk');
  requestSingleInstanceLock = vi.fn(() => this.singleInstanceLock);
  quit = vi.fn();
  exit = vi.fn();
  relaunch = vi.fn();
  focus = vi.fn();
  isReady = vi.fn(() => true);
  whenReady = vi.fn(() => Promise.resolve());
  private readonly switches = new Map<string, string>();
  commandLine = {
    /** Switches appended so far, by name. */
    switches: this.switches,
    appendSwitch: vi.fn((name: string, value?: string) => {
      this.switches.set(name, value ?? '');
    }),
    hasSwitch: vi.fn((name: string) => this.switches.has(name)),
  };
}

type ProtocolHandler = (request: Request) => Response | Promise<Response>;

/** Shared mutable state; replaced wholesale by `resetElectronMock`. */
const electronState = {
  windows: [] as FakeBrowserWindow[],
  defaultSession: new FakeSession(),
};

export const app = new FakeApp();
export const BrowserWindow = FakeBrowserWindow;
export const ipcMain = new FakeIpcMain();

export const ipcRenderer = {
  invoke: vi.fn<(channel: string, ...args: unknown[]) => Promise<unknown>>(() => Promise.resolve(undefined)),
  send: vi.fn(),
  sendSync: vi.fn(),
  on: vi.fn(),
};

export const contextBridge = {
  /** What was exposed, by key, exactly as passed. */
  exposed: new Map<string, unknown>(),
  exposeInMainWorld: vi.fn((key: string, api: unknown) => {
    contextBridge.exposed.set(key, api);
  }),
};

export const protocol = {
  privilegedSchemes: [] as { scheme: string; privileges?: Record<string, boolean> }[],
  handlers: new Map<string, ProtocolHandler>(),
  registerSchemesAsPrivileged: vi.fn(
    (schemes: { scheme: string; privileges?: Record<string, boolean> }[]) => {
      protocol.privilegedSchemes.push(...schemes);
    },
  ),
  handle: vi.fn((scheme: string, handler: ProtocolHandler) => {
    if (protocol.handlers.has(scheme)) throw new Error(`The scheme "${scheme}" is already handled`);
    protocol.handlers.set(scheme, handler);
  }),
  unhandle: vi.fn((scheme: string) => {
    protocol.handlers.delete(scheme);
  }),
  isProtocolHandled: vi.fn((scheme: string) => protocol.handlers.has(scheme)),
};

export const session = {
  get defaultSession(): FakeSession {
    return electronState.defaultSession;
  },
  fromPartition: vi.fn(() => new FakeSession()),
};

export const webContents = {
  getAllWebContents: vi.fn(() => electronState.windows.map((w) => w.webContents)),
};

export const Menu = {
  current: undefined as unknown,
  setApplicationMenu: vi.fn((menu: unknown) => {
    Menu.current = menu;
  }),
  getApplicationMenu: vi.fn(() => Menu.current ?? null),
  buildFromTemplate: vi.fn((template: unknown[]) => ({ items: template })),
};

export const powerSaveBlocker = {
  active: new Map<number, string>(),
  nextId: 1,
  start: vi.fn((type: string) => {
    const id = powerSaveBlocker.nextId++;
    powerSaveBlocker.active.set(id, type);
    return id;
  }),
  stop: vi.fn((id: number) => powerSaveBlocker.active.delete(id)),
  isStarted: vi.fn((id: number) => powerSaveBlocker.active.has(id)),
};

export const shell = {
  openExternal: vi.fn(() => Promise.resolve()),
  openPath: vi.fn(() => Promise.resolve('')),
};

export const dialog = {
  showErrorBox: vi.fn(),
};

export const net = {
  fetch: vi.fn((input: string | Request, init?: RequestInit) => fetch(input, init)),
};

/**
 * Puts every fake back to its starting state: no windows, no handlers, fresh sessions,
 * cleared spies and listeners. Call it in `beforeEach`.
 */
export function resetElectronMock(): void {
  vi.clearAllMocks();
  electronState.windows = [];
  electronState.defaultSession = new FakeSession();
  app.removeAllListeners();
  app.isPackaged = false;
  app.paths.clear();
  app.appPath = process.cwd();
  app.singleInstanceLock = true;
  app.commandLine.switches.clear();
  ipcMain.removeAllListeners();
  ipcMain.handlers.clear();
  contextBridge.exposed.clear();
  protocol.privilegedSchemes.length = 0;
  protocol.handlers.clear();
  Menu.current = undefined;
  powerSaveBlocker.active.clear();
}

const electron = {
  app,
  BrowserWindow,
  ipcMain,
  ipcRenderer,
  contextBridge,
  protocol,
  session,
  webContents,
  Menu,
  powerSaveBlocker,
  shell,
  dialog,
  net,
};
export default electron;
