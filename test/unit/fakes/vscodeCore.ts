// A small in-memory stand-in for the `vscode` module, aliased in by esbuild for unit tests. It implements
// only what the extension uses, and records what the extension showed so tests can assert on it.
/* eslint-disable @typescript-eslint/no-explicit-any -- mirrors loosely typed vscode API surfaces */
import os from 'node:os';
import path from 'node:path';
import { Uri } from './vscodeViews';

export class Disposable {
  private disposed = false;
  constructor(private readonly callOnDispose: () => unknown) {}
  static from(...items: { dispose(): unknown }[]): Disposable {
    return new Disposable(() => items.forEach((item) => item.dispose()));
  }
  dispose(): void {
    if (!this.disposed) {
      this.disposed = true;
      this.callOnDispose();
    }
  }
}

export type Event<T> = (listener: (e: T) => unknown) => Disposable;

export class EventEmitter<T> {
  private listeners = new Set<(e: T) => unknown>();
  readonly event: Event<T> = (listener) => {
    this.listeners.add(listener);
    return new Disposable(() => this.listeners.delete(listener));
  };
  fire(value: T): void {
    for (const listener of [...this.listeners]) listener(value);
  }
  dispose(): void {
    this.listeners.clear();
  }
}

export class ThemeColor {
  constructor(readonly id: string) {}
}

export class MarkdownString {
  isTrusted = false;
  constructor(
    public value = '',
    readonly supportThemeIcons = false,
  ) {}
  appendText(text: string): this {
    this.value += text.replace(/[\\`*_{}[\]()#+\-.!<>]/g, '\\$&');
    return this;
  }
  appendMarkdown(text: string): this {
    this.value += text;
    return this;
  }
}

export enum StatusBarAlignment {
  Left = 1,
  Right = 2,
}
export enum ConfigurationTarget {
  Global = 1,
  Workspace = 2,
  WorkspaceFolder = 3,
}
export enum ExtensionMode {
  Production = 1,
  Development = 2,
  Test = 3,
}
export enum LogLevel {
  Off = 0,
  Trace = 1,
  Debug = 2,
  Info = 3,
  Warning = 4,
  Error = 5,
}

export const l10n = {
  t(message: string, ...args: unknown[]): string {
    return message.replace(/\{(\d+)\}/g, (match, index: string) => (args[Number(index)] === undefined ? match : String(args[Number(index)])));
  },
};

// ---- recorded UI -------------------------------------------------------------------------------------

export interface ShownMessage {
  readonly severity: 'info' | 'warning' | 'error';
  readonly message: string;
  readonly items: readonly unknown[];
}

export class FakeLogOutputChannel {
  readonly lines: string[] = [];
  shown = false;
  disposed = false;
  constructor(readonly name: string) {}
  trace(m: string): void { this.lines.push(`[trace] ${m}`); }
  debug(m: string): void { this.lines.push(`[debug] ${m}`); }
  info(m: string): void { this.lines.push(`[info] ${m}`); }
  warn(m: string): void { this.lines.push(`[warning] ${m}`); }
  error(m: string): void { this.lines.push(`[error] ${m}`); }
  appendLine(m: string): void { this.lines.push(m); }
  append(m: string): void { this.lines.push(m); }
  show(): void { this.shown = true; }
  hide(): void { this.shown = false; }
  clear(): void { this.lines.length = 0; }
  dispose(): void { this.disposed = true; }
}

export class FakeStatusBarItem {
  text = '';
  name: string | undefined;
  tooltip: string | MarkdownString | undefined;
  command: string | undefined;
  backgroundColor: ThemeColor | undefined;
  accessibilityInformation: { label: string } | undefined;
  visible = false;
  disposed = false;
  constructor(
    readonly id: string,
    readonly alignment: StatusBarAlignment,
    readonly priority: number,
  ) {}
  show(): void { this.visible = true; }
  hide(): void { this.visible = false; }
  dispose(): void { this.disposed = true; }
}

type Answer = unknown;

/** Everything the fake records, and the answers scripted for prompts. Reset between tests. */
export const fake = {
  messages: [] as ShownMessage[],
  channels: [] as FakeLogOutputChannel[],
  statusBarItems: [] as FakeStatusBarItem[],
  treeProviders: new Map<string, unknown>(),
  context: new Map<string, unknown>(),
  commands: new Map<string, (...args: any[]) => unknown>(),
  codeLensProviders: [] as { selector: unknown; provider: unknown }[],
  /** Answers for showInputBox / showQuickPick / showWarningMessage(modal), consumed in order. */
  answers: [] as Answer[],
  /** The options each prompt was shown with. */
  prompts: [] as { kind: 'input' | 'pick' | 'modal'; options: any }[],
  settings: new Map<string, { global?: unknown; workspace?: unknown }>(),
  configurationDefaults: new Map<string, unknown>(),
  configurationChanged: new EventEmitter<{ affectsConfiguration(section: string): boolean }>(),
  /** Fire to focus or blur the window, as switching to the browser would. */
  windowState: new EventEmitter<{ focused: boolean }>(),
  reset(): void {
    this.messages.length = 0;
    this.channels.length = 0;
    this.statusBarItems.length = 0;
    this.treeProviders.clear();
    this.context.clear();
    this.commands.clear();
    this.codeLensProviders.length = 0;
    this.answers.length = 0;
    this.prompts.length = 0;
    this.settings.clear();
  },
};

function nextAnswer(): Answer {
  return fake.answers.length ? fake.answers.shift() : undefined;
}

function show(severity: ShownMessage['severity'], message: string, rest: unknown[]): Promise<unknown> {
  const options = rest[0];
  const modal = typeof options === 'object' && options !== null && (options as { modal?: boolean }).modal;
  const items = modal || (typeof options === 'object' && options !== null && !('title' in options)) ? rest.slice(1) : rest;
  fake.messages.push({ severity, message, items });
  if (modal) {
    fake.prompts.push({ kind: 'modal', options: { message, ...(options as object) } });
    return Promise.resolve(nextAnswer());
  }
  return Promise.resolve(undefined);
}

export const window = {
  onDidChangeWindowState: fake.windowState.event,
  createOutputChannel(name: string): FakeLogOutputChannel {
    const channel = new FakeLogOutputChannel(name);
    fake.channels.push(channel);
    return channel;
  },
  createStatusBarItem(id: string, alignment: StatusBarAlignment, priority: number): FakeStatusBarItem {
    const item = new FakeStatusBarItem(id, alignment, priority);
    fake.statusBarItems.push(item);
    return item;
  },
  registerTreeDataProvider(id: string, provider: unknown): Disposable {
    fake.treeProviders.set(id, provider);
    return new Disposable(() => fake.treeProviders.delete(id));
  },
  async showInputBox(options: any): Promise<string | undefined> {
    fake.prompts.push({ kind: 'input', options });
    const answer = nextAnswer();
    if (typeof answer !== 'string') return undefined;
    // The real input box refuses to accept while validateInput reports a problem.
    const problem = options?.validateInput ? await options.validateInput(answer) : undefined;
    if (problem) throw new Error(`fake input box: the scripted answer "${answer}" is invalid: ${problem}`);
    return answer;
  },
  async showQuickPick(items: readonly any[], options: any): Promise<any> {
    fake.prompts.push({ kind: 'pick', options: { ...options, items } });
    const answer = nextAnswer();
    if (answer === undefined) return undefined;
    const matches = (item: any, wanted: unknown) => item === wanted || item.id === wanted || item.label === wanted;
    if (options?.canPickMany) {
      const wanted = Array.isArray(answer) ? answer : [answer];
      return items.filter((item) => wanted.some((w) => matches(item, w)));
    }
    return items.find((item) => matches(item, answer));
  },
  showInformationMessage: (message: string, ...rest: unknown[]) => show('info', message, rest),
  showWarningMessage: (message: string, ...rest: unknown[]) => show('warning', message, rest),
  showErrorMessage: (message: string, ...rest: unknown[]) => show('error', message, rest),
};

export const commands = {
  registerCommand(id: string, handler: (...args: any[]) => unknown): Disposable {
    if (fake.commands.has(id)) throw new Error(`command '${id}' already exists`);
    fake.commands.set(id, handler);
    return new Disposable(() => fake.commands.delete(id));
  },
  async executeCommand<T = unknown>(id: string, ...args: any[]): Promise<T> {
    if (id === 'setContext') {
      fake.context.set(args[0], args[1]);
      return undefined as T;
    }
    const handler = fake.commands.get(id);
    if (!handler) throw new Error(`command '${id}' not found`);
    return (await handler(...args)) as T;
  },
};

class FakeConfiguration {
  constructor(private readonly section: string) {}
  private key(name: string): string {
    return `${this.section}.${name}`;
  }
  get<T>(name: string, defaultValue?: T): T | undefined {
    const entry = fake.settings.get(this.key(name));
    const value = entry?.workspace ?? entry?.global ?? fake.configurationDefaults.get(this.key(name));
    return (value ?? defaultValue) as T | undefined;
  }
  inspect<T>(name: string): { globalValue?: T; workspaceValue?: T; workspaceFolderValue?: T } {
    const entry = fake.settings.get(this.key(name));
    return { globalValue: entry?.global as T, workspaceValue: entry?.workspace as T };
  }
  async update(name: string, value: unknown, target: ConfigurationTarget = ConfigurationTarget.Workspace): Promise<void> {
    const key = this.key(name);
    const entry = { ...fake.settings.get(key) };
    if (target === ConfigurationTarget.Global) entry.global = value;
    else entry.workspace = value;
    fake.settings.set(key, entry);
    fake.configurationChanged.fire({ affectsConfiguration: (section) => key === section || key.startsWith(`${section}.`) });
  }
}

export const workspace = {
  getConfiguration(section: string): FakeConfiguration {
    return new FakeConfiguration(section);
  },
  onDidChangeConfiguration: fake.configurationChanged.event,
};

// ---- helpers for tests -------------------------------------------------------------------------------

/** An in-memory SecretStorage with the real one's change event. */
export class FakeSecretStorage {
  readonly values = new Map<string, string>();
  /** Makes store and delete reject, as a locked or unavailable OS keychain does. */
  failWrites = false;
  /** When set, store waits for it: a keychain (or a window) that takes its time to answer. */
  writeGate: Promise<void> | undefined;
  private readonly changed = new EventEmitter<{ key: string }>();
  readonly onDidChange = this.changed.event;
  async get(key: string): Promise<string | undefined> {
    return this.values.get(key);
  }
  async store(key: string, value: string): Promise<void> {
    await this.writeGate;
    if (this.failWrites) throw new Error(`The keychain refused to store ${key}`);
    this.values.set(key, value);
    this.changed.fire({ key });
  }
  async delete(key: string): Promise<void> {
    if (this.failWrites) throw new Error(`The keychain refused to delete ${key}`);
    this.values.delete(key);
    this.changed.fire({ key });
  }
  async keys(): Promise<string[]> {
    return [...this.values.keys()];
  }
}

export function createExtensionContext(mode: ExtensionMode = ExtensionMode.Production) {
  const globalState = new Map<string, unknown>();
  return {
    extensionUri: Uri.file(process.cwd()),
    globalStorageUri: Uri.file(path.join(os.tmpdir(), `open-payments-unit-${process.pid}`)),
    subscriptions: [] as { dispose(): unknown }[],
    secrets: new FakeSecretStorage(),
    extensionMode: mode,
    globalState: {
      get: (key: string) => globalState.get(key),
      update: async (key: string, value: unknown) => void globalState.set(key, value),
      keys: () => [...globalState.keys()],
    },
  };
}
