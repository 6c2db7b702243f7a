// A flat, in-memory file system for one URI scheme. Documents opened from it carry a real name in their tab
// (not "Untitled-1"), save into memory, and leave nothing on disk; what they hold lasts until the window closes.
import * as vscode from 'vscode';

interface Entry {
  data: Uint8Array;
  readonly ctime: number;
  mtime: number;
}

export class MemoryFileSystem implements vscode.FileSystemProvider, vscode.Disposable {
  private readonly files = new Map<string, Entry>();
  private readonly changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changed.event;

  constructor(readonly scheme: string) {}

  register(): vscode.Disposable {
    return vscode.Disposable.from(vscode.workspace.registerFileSystemProvider(this.scheme, this, { isCaseSensitive: true }), this);
  }

  /** A name for a new file: `base.ext`, or `base 2.ext`, `base 3.ext`… when `taken` says the name is in use. */
  freeUri(base: string, extension: string, taken: (uri: vscode.Uri) => boolean): vscode.Uri {
    // A slash would make a folder of part of the name; the tab shows the name, so it is kept readable.
    const safe = base.replace(/[/\\]/g, '-').trim() || 'body';
    for (let n = 1; ; n++) {
      const uri = vscode.Uri.from({ scheme: this.scheme, path: `/${safe}${n === 1 ? '' : ` ${n}`}${extension}` });
      if (!taken(uri)) return uri;
    }
  }

  watch(): vscode.Disposable {
    // Every change is made through this provider, which announces it itself.
    return new vscode.Disposable(() => undefined);
  }

  stat(uri: vscode.Uri): vscode.FileStat {
    if (uri.path === '/') return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0 };
    const entry = this.entry(uri);
    return { type: vscode.FileType.File, ctime: entry.ctime, mtime: entry.mtime, size: entry.data.byteLength };
  }

  readDirectory(uri: vscode.Uri): [string, vscode.FileType][] {
    if (uri.path !== '/') throw vscode.FileSystemError.FileNotADirectory(uri);
    return [...this.files.keys()].map((path) => [path.slice(1), vscode.FileType.File]);
  }

  createDirectory(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  readFile(uri: vscode.Uri): Uint8Array {
    return this.entry(uri).data;
  }

  writeFile(uri: vscode.Uri, content: Uint8Array, options: { readonly create: boolean; readonly overwrite: boolean }): void {
    const existing = this.files.get(uri.path);
    if (!existing && !options.create) throw vscode.FileSystemError.FileNotFound(uri);
    if (existing && !options.overwrite) throw vscode.FileSystemError.FileExists(uri);
    if (uri.path.lastIndexOf('/') !== 0) throw vscode.FileSystemError.NoPermissions(uri);
    const now = Date.now();
    if (existing) {
      existing.data = content;
      existing.mtime = now;
    } else {
      this.files.set(uri.path, { data: content, ctime: now, mtime: now });
    }
    this.changed.fire([{ type: existing ? vscode.FileChangeType.Changed : vscode.FileChangeType.Created, uri }]);
  }

  delete(uri: vscode.Uri): void {
    if (!this.files.delete(uri.path)) throw vscode.FileSystemError.FileNotFound(uri);
    this.changed.fire([{ type: vscode.FileChangeType.Deleted, uri }]);
  }

  rename(oldUri: vscode.Uri, newUri: vscode.Uri, options: { readonly overwrite: boolean }): void {
    const entry = this.entry(oldUri);
    if (this.files.has(newUri.path) && !options.overwrite) throw vscode.FileSystemError.FileExists(newUri);
    if (newUri.path.lastIndexOf('/') !== 0) throw vscode.FileSystemError.NoPermissions(newUri);
    this.files.delete(oldUri.path);
    this.files.set(newUri.path, entry);
    this.changed.fire([
      { type: vscode.FileChangeType.Deleted, uri: oldUri },
      { type: vscode.FileChangeType.Created, uri: newUri },
    ]);
  }

  private entry(uri: vscode.Uri): Entry {
    const entry = this.files.get(uri.path);
    if (!entry) throw vscode.FileSystemError.FileNotFound(uri);
    return entry;
  }

  dispose(): void {
    this.files.clear();
    this.changed.dispose();
  }
}
