// Fake vscode API for views: tree items, webviews, clipboard, documents. Composed into ./vscode.ts.
/* eslint-disable @typescript-eslint/no-explicit-any -- mirrors loosely typed vscode API surfaces */
import { EventEmitter, type ThemeColor } from './vscodeCore';

export class Uri {
  private constructor(
    readonly scheme: string,
    readonly authority: string,
    readonly path: string,
  ) {}
  static from(components: { scheme: string; authority?: string; path?: string }): Uri {
    return new Uri(components.scheme, components.authority ?? '', components.path ?? '');
  }
  static file(path: string): Uri {
    return new Uri('file', '', path);
  }
  static parse(value: string): Uri {
    const match = /^([a-z][a-z0-9+.-]*):(?:\/\/([^/]*))?(.*)$/i.exec(value);
    return match ? new Uri(match[1] as string, match[2] ?? '', match[3] as string) : new Uri('file', '', value);
  }
  static joinPath(base: Uri, ...segments: string[]): Uri {
    return new Uri(base.scheme, base.authority, [base.path.replace(/\/+$/, ''), ...segments].join('/'));
  }
  get fsPath(): string {
    return this.path;
  }
  toString(): string {
    return `${this.scheme}://${this.authority}${this.path}`;
  }
}

export enum TreeItemCollapsibleState {
  None = 0,
  Collapsed = 1,
  Expanded = 2,
}

export enum ViewColumn {
  Active = -1,
  Beside = -2,
  One = 1,
  Two = 2,
}

export class ThemeIcon {
  constructor(
    readonly id: string,
    readonly color?: ThemeColor,
  ) {}
}

export class TreeItem {
  id?: string;
  description?: string;
  tooltip?: unknown;
  iconPath?: unknown;
  contextValue?: string;
  command?: { command: string; title: string; arguments?: unknown[] };
  accessibilityInformation?: { label: string };
  constructor(
    public label: string,
    public collapsibleState: TreeItemCollapsibleState = TreeItemCollapsibleState.None,
  ) {}
}

export class FakeWebview {
  html = '';
  readonly cspSource = 'https://fake.vscode-cdn.net';
  readonly posted: unknown[] = [];
  readonly received = new EventEmitter<unknown>();
  readonly onDidReceiveMessage = this.received.event;
  constructor(readonly options: any) {}
  asWebviewUri(uri: Uri): Uri {
    return Uri.parse(`https://fake.vscode-cdn.net${uri.path}`);
  }
  async postMessage(message: unknown): Promise<boolean> {
    this.posted.push(message);
    return true;
  }
}

export class FakeWebviewPanel {
  readonly webview: FakeWebview;
  disposed = false;
  revealCount = 0;
  /** Whether its tab is the one shown in its group; a hidden page is not running. */
  visible = true;
  private readonly disposedEmitter = new EventEmitter<void>();
  readonly onDidDispose = this.disposedEmitter.event;
  constructor(
    readonly viewType: string,
    public title: string,
    readonly showOptions: any,
    options: any,
  ) {
    this.webview = new FakeWebview(options);
  }
  reveal(): void {
    this.revealCount++;
  }
  /** As when the user closes the tab. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.disposedEmitter.fire();
  }
}

export interface FakeTextDocument {
  readonly languageId: string;
  getText(): string;
}

/** What the view fakes recorded. Reset between tests with `viewsFake.reset()`. */
export const viewsFake = {
  panels: [] as FakeWebviewPanel[],
  treeViews: new Map<string, { treeDataProvider: any }>(),
  treeViewObjects: new Map<string, any>(),
  clipboard: '',
  documents: [] as FakeTextDocument[],
  shownDocuments: [] as { document: FakeTextDocument; options: any }[],
  reset(): void {
    this.panels.length = 0;
    this.treeViews.clear();
    this.treeViewObjects.clear();
    this.clipboard = '';
    this.documents.length = 0;
    this.shownDocuments.length = 0;
  },
};

export const viewsWindow = {
  createWebviewPanel(viewType: string, title: string, showOptions: any, options: any): FakeWebviewPanel {
    const panel = new FakeWebviewPanel(viewType, title, showOptions, options);
    viewsFake.panels.push(panel);
    return panel;
  },
  createTreeView(id: string, options: { treeDataProvider: any }) {
    viewsFake.treeViews.set(id, options);
    const selectionChanged = new EventEmitter<{ selection: unknown[] }>();
    const visibilityChanged = new EventEmitter<{ visible: boolean }>();
    const expanded = new EventEmitter<{ element: unknown }>();
    const collapsed = new EventEmitter<{ element: unknown }>();
    const view = {
      selection: [] as unknown[],
      revealed: [] as unknown[],
      visible: true,
      onDidChangeSelection: selectionChanged.event,
      onDidChangeVisibility: visibilityChanged.event,
      onDidExpandElement: expanded.event,
      onDidCollapseElement: collapsed.event,
      /** Test helper: expand a node as a user click on its twistie would. */
      expand(node: unknown) {
        expanded.fire({ element: node });
      },
      /** Test helper: show or hide the view, as collapsing it or switching the sidebar would. */
      setVisible(visible: boolean) {
        view.visible = visible;
        visibilityChanged.fire({ visible });
      },
      /** Test helper: select nodes as a user click would. */
      select(nodes: unknown[]) {
        view.selection = nodes;
        selectionChanged.fire({ selection: nodes });
      },
      async reveal(node: unknown) {
        view.revealed.push(node);
      },
      dispose: () => viewsFake.treeViews.delete(id),
    };
    viewsFake.treeViewObjects.set(id, view);
    return view;
  },
  async showTextDocument(document: FakeTextDocument, options?: any): Promise<unknown> {
    viewsFake.shownDocuments.push({ document, options });
    return { document };
  },
};

export const viewsWorkspace = {
  async openTextDocument(options: { content?: string; language?: string }): Promise<FakeTextDocument> {
    const content = options.content ?? '';
    const document = { languageId: options.language ?? 'plaintext', getText: () => content };
    viewsFake.documents.push(document);
    return document;
  },
};

export const viewsEnv = {
  clipboard: {
    async readText(): Promise<string> {
      return viewsFake.clipboard;
    },
    async writeText(value: string): Promise<void> {
      viewsFake.clipboard = value;
    },
  },
};
