// Fake vscode API for sending requests: progress, cancellation, code lenses, editor events, editable untitled
// documents, and clicks on notification buttons. Composed into ./vscode.ts (after the other parts, so the
// document and notification functions here extend theirs).
import { Disposable, EventEmitter, fake, window as coreWindow, type ShownMessage } from './vscodeCore';
import { Uri, viewsFake, viewsWindow } from './vscodeViews';

export enum ProgressLocation {
  SourceControl = 1,
  Window = 10,
  Notification = 15,
}

export enum QuickPickItemKind {
  Separator = -1,
  Default = 0,
}

export class CancellationTokenSource {
  private readonly emitter = new EventEmitter<void>();
  readonly token = {
    isCancellationRequested: false,
    onCancellationRequested: this.emitter.event,
  };
  cancel(): void {
    this.token.isCancellationRequested = true;
    this.emitter.fire();
  }
  dispose(): void {
    this.emitter.dispose();
  }
}

/** Progress notifications shown, with a way for tests to press their Cancel button. */
export const progress = {
  shown: [] as ShownProgress[],
};

export interface ShownProgress {
  readonly title: string;
  readonly cancellable: boolean;
  /** A notification, or the id of the view it shows on (or another ProgressLocation). */
  readonly location: 'notification' | string;
  /** Every message reported, in order. */
  readonly messages: string[];
  /** Until the task settles, as VS Code keeps the notification up. */
  open: boolean;
  cancel(): void;
}

export class Position {
  constructor(
    readonly line: number,
    readonly character: number,
  ) {}
  translate(lineDelta = 0, characterDelta = 0): Position {
    return new Position(this.line + lineDelta, this.character + characterDelta);
  }
}

export class Range {
  readonly start: Position;
  readonly end: Position;
  constructor(a: number | Position, b: number | Position, c?: number, d?: number) {
    this.start = a instanceof Position ? a : new Position(a, b as number);
    this.end = b instanceof Position ? b : new Position(c ?? 0, d ?? 0);
  }
}

export class Selection extends Range {
  /** Where the cursor is: the end the user moved to (built from anchor and active, as VS Code's are). */
  get active(): Position {
    return this.end;
  }
}

export class CodeLens {
  constructor(
    readonly range: Range,
    readonly command?: { title: string; command: string; arguments?: unknown[] },
  ) {}
}

export enum FileType {
  Unknown = 0,
  File = 1,
  Directory = 2,
  SymbolicLink = 64,
}

export enum FileChangeType {
  Changed = 1,
  Created = 2,
  Deleted = 3,
}

export class FileSystemError extends Error {
  constructor(
    readonly code: string,
    uri?: unknown,
  ) {
    super(`${code}: ${String(uri)}`);
  }
  static FileNotFound = (uri?: unknown) => new FileSystemError('FileNotFound', uri);
  static FileExists = (uri?: unknown) => new FileSystemError('FileExists', uri);
  static FileNotADirectory = (uri?: unknown) => new FileSystemError('FileNotADirectory', uri);
  static NoPermissions = (uri?: unknown) => new FileSystemError('NoPermissions', uri);
}

interface FakeFileSystemProvider {
  readFile(uri: Uri): Uint8Array;
  writeFile(uri: Uri, content: Uint8Array, options: { create: boolean; overwrite: boolean }): void;
}

/**
 * A document as openTextDocument makes it: untitled from content, or read from a registered file system.
 * `userEdit` stands in for typing into it; like VS Code, an untitled document with text and an edited file
 * are dirty, and a dirty one asks to be saved when closed (see `requestsFake.close`).
 */
export class FakeRequestDocument {
  version = 1;
  isClosed = false;
  isDirty: boolean;
  constructor(
    readonly uri: Uri,
    readonly languageId: string,
    private text: string,
    private readonly provider?: FakeFileSystemProvider,
  ) {
    this.isDirty = !provider && text !== '';
  }
  getText(): string {
    return this.text;
  }
  /** Test helper: the user replaces the whole text. */
  userEdit(text: string): void {
    this.text = text;
    this.version++;
    this.isDirty = true;
    documentChanged.fire({ document: this });
  }
  async save(): Promise<boolean> {
    // Saving an untitled document asks for a file name; the fake, like a user pressing Escape, saves nothing.
    if (!this.provider) return false;
    this.provider.writeFile(this.uri, new TextEncoder().encode(this.text), { create: true, overwrite: true });
    this.isDirty = false;
    return true;
  }
  get lineCount(): number {
    return this.text.split('\n').length;
  }
  lineAt(line: number): { readonly text: string; readonly range: Range } {
    const text = this.text.split('\n')[line] ?? '';
    return { text, range: new Range(line, 0, line, text.length) };
  }
  positionAt(offset: number): Position {
    const before = this.text.slice(0, Math.max(0, Math.min(offset, this.text.length)));
    const lineStart = before.lastIndexOf('\n') + 1;
    return new Position(before.split('\n').length - 1, before.length - lineStart);
  }
}

/** The editor showTextDocument returns: records where the cursor was put and what was revealed. */
export class FakeTextEditor {
  selection: Selection;
  readonly revealed: Range[] = [];
  constructor(readonly document: unknown) {
    this.selection = new Selection(0, 0, 0, 0);
  }
  revealRange(range: Range): void {
    this.revealed.push(range);
  }
}

/** What the request fakes recorded, and the notification buttons a test clicks. Reset with `requestsFake.reset()`. */
export const requestsFake = {
  untitled: 0,
  editors: [] as FakeTextEditor[],
  fileSystems: new Map<string, FakeFileSystemProvider>(),
  /** Documents closed with `close`, and whether VS Code would have asked to save each. */
  closed: [] as { uri: string; askedToSave: boolean }[],
  /** Test helper: the user closes the document's tab; VS Code asks to save a dirty one first. */
  close(document: FakeRequestDocument): boolean {
    const askedToSave = document.isDirty;
    this.closed.push({ uri: document.uri.toString(), askedToSave });
    document.isClosed = true;
    const index = requestsWorkspace.textDocuments.indexOf(document);
    if (index >= 0) requestsWorkspace.textDocuments.splice(index, 1);
    documentClosed.fire(document);
    return askedToSave;
  },
  /**
   * Button labels to click, in order: a notification (not a modal) that offers the first label gets it as its
   * answer, and the label is used up; any other notification is dismissed (undefined).
   */
  notificationClicks: [] as string[],
  /** Every diagnostic collection created, by name, for tests to read what an extension reported. */
  diagnostics: new Map<string, { get(uri: { toString(): string }): Diagnostic[] | undefined }>(),
  reset(): void {
    this.editors.length = 0;
    this.closed.length = 0;
    this.notificationClicks.length = 0;
    requestsWorkspace.textDocuments.length = 0;
    progress.shown.length = 0;
  },
};

function clickable(original: (message: string, ...rest: unknown[]) => Promise<unknown>) {
  return async (message: string, ...rest: unknown[]): Promise<unknown> => {
    const answer = await original(message, ...rest);
    const options = rest[0];
    if (typeof options === 'object' && options !== null && (options as { modal?: boolean }).modal) return answer;
    const shown: ShownMessage | undefined = fake.messages.at(-1);
    const next = requestsFake.notificationClicks[0];
    if (next === undefined || !shown?.items.includes(next)) return undefined;
    requestsFake.notificationClicks.shift();
    return next;
  };
}

const activeEditorChanged = new EventEmitter<unknown>();
const documentClosed = new EventEmitter<unknown>();
const documentChanged = new EventEmitter<{ document: FakeRequestDocument }>();
const documentOpened = new EventEmitter<FakeRequestDocument>();

export const requestsWindow = {
  async withProgress<T>(
    options: { title?: string; cancellable?: boolean; location?: ProgressLocation | { viewId: string } },
    task: (progress: { report(value: { message?: string }): void }, token: CancellationTokenSource['token']) => Promise<T>,
  ): Promise<T> {
    const source = new CancellationTokenSource();
    const where = options.location;
    const location = where === ProgressLocation.Notification ? 'notification' : typeof where === 'object' ? where.viewId : String(where);
    const shown: ShownProgress = { title: options.title ?? '', cancellable: !!options.cancellable, location, messages: [], open: true, cancel: () => source.cancel() };
    progress.shown.push(shown);
    try {
      return await task({ report: (value) => void (value.message !== undefined && shown.messages.push(value.message)) }, source.token);
    } finally {
      shown.open = false;
      source.dispose();
    }
  },
  onDidChangeActiveTextEditor: activeEditorChanged.event,
  activeTextEditor: undefined as unknown,
  async showTextDocument(document: FakeRequestDocument, options?: { selection?: Range }): Promise<FakeTextEditor> {
    await viewsWindow.showTextDocument(document, options);
    const editor = new FakeTextEditor(document);
    if (options?.selection) editor.selection = new Selection(options.selection.start, options.selection.end);
    requestsFake.editors.push(editor);
    return editor;
  },
  showInformationMessage: clickable(coreWindow.showInformationMessage),
  showWarningMessage: clickable(coreWindow.showWarningMessage),
  showErrorMessage: clickable(coreWindow.showErrorMessage),
};

export const requestsWorkspace = {
  onDidCloseTextDocument: documentClosed.event,
  onDidChangeTextDocument: documentChanged.event,
  onDidOpenTextDocument: documentOpened.event,
  textDocuments: [] as FakeRequestDocument[],
  registerFileSystemProvider(scheme: string, provider: FakeFileSystemProvider): Disposable {
    if (requestsFake.fileSystems.has(scheme)) throw new Error(`a file system provider for ${scheme} is already registered`);
    requestsFake.fileSystems.set(scheme, provider);
    return new Disposable(() => requestsFake.fileSystems.delete(scheme));
  },
  async openTextDocument(options: { content?: string; language?: string } | Uri): Promise<FakeRequestDocument> {
    if (options instanceof Uri) {
      const open = requestsWorkspace.textDocuments.find((d) => d.uri.toString() === options.toString());
      if (open) return open;
      const provider = requestsFake.fileSystems.get(options.scheme);
      if (!provider) throw new Error(`fake openTextDocument: no file system for ${options.scheme}`);
      const text = new TextDecoder().decode(provider.readFile(options));
      const document = new FakeRequestDocument(options, options.path.endsWith('.json') ? 'json' : 'plaintext', text, provider);
      viewsFake.documents.push(document);
      requestsWorkspace.textDocuments.push(document);
      documentOpened.fire(document);
      return document;
    }
    requestsFake.untitled++;
    const document = new FakeRequestDocument(Uri.parse(`untitled:Untitled-${requestsFake.untitled}`), options.language ?? 'plaintext', options.content ?? '');
    viewsFake.documents.push(document);
    requestsWorkspace.textDocuments.push(document);
    documentOpened.fire(document);
    return document;
  },
};

export enum DiagnosticSeverity {
  Error = 0,
  Warning = 1,
  Information = 2,
  Hint = 3,
}

export class Diagnostic {
  source: string | undefined;
  constructor(
    readonly range: Range,
    readonly message: string,
    readonly severity: DiagnosticSeverity = DiagnosticSeverity.Error,
  ) {}
}

/** A selector's entries as VS Code scores them, simplified: a language id, or a pattern of any file with an extension. */
function selectorScore(selector: unknown, document: { languageId: string; uri: Uri }): number {
  const entries = Array.isArray(selector) ? selector : [selector];
  let best = 0;
  for (const entry of entries as { language?: string; pattern?: string }[]) {
    if (entry.language === document.languageId) best = Math.max(best, 10);
    const extension = /^\*\*\/\*(\.\w+)$/.exec(entry.pattern ?? '')?.[1];
    if (extension && document.uri.path.endsWith(extension)) best = Math.max(best, 5);
  }
  return best;
}

export const requestsLanguages = {
  match: selectorScore,
  createDiagnosticCollection(name: string) {
    const entries = new Map<string, Diagnostic[]>();
    const collection = {
      name,
      set: (uri: { toString(): string }, diagnostics: Diagnostic[]) => void entries.set(uri.toString(), diagnostics),
      delete: (uri: { toString(): string }) => void entries.delete(uri.toString()),
      get: (uri: { toString(): string }) => entries.get(uri.toString()),
      dispose: () => entries.clear(),
    };
    requestsFake.diagnostics.set(name, collection);
    return collection;
  },
  registerCodeLensProvider(selector: unknown, provider: unknown): Disposable {
    fake.codeLensProviders.push({ selector, provider });
    return new Disposable(() => {
      const index = fake.codeLensProviders.findIndex((entry) => entry.provider === provider);
      if (index >= 0) fake.codeLensProviders.splice(index, 1);
    });
  },
};
