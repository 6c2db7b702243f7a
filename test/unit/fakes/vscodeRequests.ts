// Fake vscode API for sending requests: progress, cancellation, code lenses, editor events. Composed into
// ./vscode.ts.
import { Disposable, EventEmitter, fake } from './vscodeCore';

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
  shown: [] as { title: string; cancellable: boolean; cancel: () => void }[],
};

export class Position {
  constructor(
    readonly line: number,
    readonly character: number,
  ) {}
}

export class Range {
  readonly start: Position;
  readonly end: Position;
  constructor(a: number | Position, b: number | Position, c?: number, d?: number) {
    this.start = a instanceof Position ? a : new Position(a, b as number);
    this.end = b instanceof Position ? b : new Position(c ?? 0, d ?? 0);
  }
}

export class Selection extends Range {}

export class CodeLens {
  constructor(
    readonly range: Range,
    readonly command?: { title: string; command: string; arguments?: unknown[] },
  ) {}
}

const activeEditorChanged = new EventEmitter<unknown>();
const documentClosed = new EventEmitter<unknown>();

export const requestsWindow = {
  async withProgress<T>(
    options: { title?: string; cancellable?: boolean },
    task: (progress: { report(value: unknown): void }, token: CancellationTokenSource['token']) => Promise<T>,
  ): Promise<T> {
    const source = new CancellationTokenSource();
    progress.shown.push({ title: options.title ?? '', cancellable: !!options.cancellable, cancel: () => source.cancel() });
    try {
      return await task({ report: () => undefined }, source.token);
    } finally {
      source.dispose();
    }
  },
  onDidChangeActiveTextEditor: activeEditorChanged.event,
  activeTextEditor: undefined as unknown,
};

export const requestsWorkspace = {
  onDidCloseTextDocument: documentClosed.event,
  textDocuments: [] as unknown[],
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

export const requestsLanguages = {
  createDiagnosticCollection(name: string) {
    const entries = new Map<string, Diagnostic[]>();
    return {
      name,
      set: (uri: { toString(): string }, diagnostics: Diagnostic[]) => void entries.set(uri.toString(), diagnostics),
      delete: (uri: { toString(): string }) => void entries.delete(uri.toString()),
      get: (uri: { toString(): string }) => entries.get(uri.toString()),
      dispose: () => entries.clear(),
    };
  },
  registerCodeLensProvider(selector: unknown, provider: unknown): Disposable {
    fake.codeLensProviders.push({ selector, provider });
    return new Disposable(() => {
      const index = fake.codeLensProviders.findIndex((entry) => entry.provider === provider);
      if (index >= 0) fake.codeLensProviders.splice(index, 1);
    });
  },
};
