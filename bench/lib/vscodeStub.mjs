// A minimal stand-in for the `vscode` module, just enough for activate() to run outside VS Code. Every
// unknown member is a callable, constructible proxy, so the stub keeps working as activate() grows;
// the few members whose values steer control flow get real shapes.

function anything() {
  const target = function stub() {};
  const assigned = new Map();
  return new Proxy(target, {
    set(_target, key, value) {
      assigned.set(key, value);
      return true;
    },
    get(_target, key) {
      if (assigned.has(key)) return assigned.get(key);
      if (key === 'then') return undefined; // not a thenable, so `await stub` finishes
      if (key === Symbol.toPrimitive) return () => '';
      if (typeof key === 'symbol') return undefined;
      if (key === 'dispose') return () => undefined;
      return anything();
    },
    apply: () => anything(),
    construct: () => anything(),
  });
}

class EventEmitter {
  constructor() {
    this.listeners = new Set();
    this.event = (listener) => {
      this.listeners.add(listener);
      return { dispose: () => this.listeners.delete(listener) };
    };
  }
  fire(value) {
    for (const listener of this.listeners) listener(value);
  }
  dispose() {
    this.listeners.clear();
  }
}

const noEvent = () => ({ dispose: () => undefined });

const overrides = {
  EventEmitter,
  Disposable: class Disposable {
    static from(...items) {
      return { dispose: () => items.forEach((item) => item?.dispose?.()) };
    }
    constructor(callOnDispose) {
      this.dispose = callOnDispose;
    }
  },
  ExtensionMode: { Production: 1, Development: 2, Test: 3 },
  StatusBarAlignment: { Left: 1, Right: 2 },
  ProgressLocation: { SourceControl: 1, Window: 10, Notification: 15 },
  TreeItemCollapsibleState: { None: 0, Collapsed: 1, Expanded: 2 },
  ConfigurationTarget: { Global: 1, Workspace: 2, WorkspaceFolder: 3 },
  l10n: { t: (message, ...args) => String(message).replace(/\{(\d+)\}/g, (_m, i) => String(args[Number(i)])) },
  env: { language: 'en', appName: 'bench', uriScheme: 'vscode', machineId: 'bench' },
  workspace: new Proxy(
    {
      getConfiguration: () => ({ get: (_key, fallback) => fallback, has: () => false, inspect: () => undefined, update: async () => undefined }),
      onDidChangeConfiguration: noEvent,
      isTrusted: true,
      textDocuments: [],
      workspaceFolders: undefined,
    },
    { get: (target, key) => (key in target ? target[key] : anything()) },
  ),
};

// The bundle copies the module's own property names (esbuild's __toESM), so top-level names must exist.
const NAMESPACES = ['window', 'commands', 'languages', 'extensions', 'authentication', 'debug', 'tasks', 'scm', 'tests', 'chat', 'lm'];
const CLASSES = ['Uri', 'ThemeColor', 'ThemeIcon', 'TreeItem', 'MarkdownString', 'Range', 'Position', 'Selection', 'RelativePattern'];
const MORE = ['CancellationTokenSource', 'CancellationError', 'FileType', 'LogLevel', 'ViewColumn', 'QuickPickItemKind', 'DiagnosticSeverity'];

export function createStub() {
  const stub = { ...overrides };
  for (const name of [...NAMESPACES, ...CLASSES, ...MORE]) stub[name] ??= anything();
  return stub;
}

export function createContext() {
  const secrets = new Map();
  return {
    subscriptions: [],
    extensionMode: overrides.ExtensionMode.Production,
    extensionPath: process.cwd(),
    globalState: { get: (_key, fallback) => fallback, update: async () => undefined, keys: () => [] },
    workspaceState: { get: (_key, fallback) => fallback, update: async () => undefined, keys: () => [] },
    secrets: {
      get: async (key) => secrets.get(key),
      store: async (key, value) => void secrets.set(key, value),
      delete: async (key) => void secrets.delete(key),
      onDidChange: noEvent,
    },
    logUri: anything(),
    globalStorageUri: anything(),
    storageUri: undefined,
    extensionUri: anything(),
  };
}

