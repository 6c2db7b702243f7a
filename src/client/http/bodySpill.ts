// Where response bodies over the size limit go: one private directory per session under the OS temp folder
// (mkdtemp: mode 0700; files 0600), holding only masked text. Only the newest few files are kept (a file is
// deleted once `keep` newer ones exist), and the directory goes when the session is disposed (window closed,
// extension deactivated). A crash leaves a directory the OS temp cleaner removes.
import { mkdtemp, open, rm, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const DEFAULT_SPILL_FILES_KEPT = 5;

export interface SpillFile {
  readonly path: string;
  write(text: string): Promise<void>;
  close(): Promise<void>;
  /** Deletes the file (a body that failed half-way). */
  discard(): Promise<void>;
}

export interface BodySpill {
  create(): Promise<SpillFile>;
}

export class BodySpillDirectory implements BodySpill {
  private directory: Promise<string> | undefined;
  private readonly files: string[] = [];
  private count = 0;
  private disposed = false;

  constructor(
    private readonly root: string = tmpdir(),
    private readonly keep: number = DEFAULT_SPILL_FILES_KEPT,
  ) {}

  async create(): Promise<SpillFile> {
    if (this.disposed) throw new Error('body spill directory disposed');
    this.directory ??= mkdtemp(join(this.root, 'openpayments-bodies-'));
    const directory = await this.directory;
    this.count += 1;
    const path = join(directory, `response-${this.count}.txt`);
    // 'wx': never follow or reuse something already there.
    const handle: FileHandle = await open(path, 'wx', 0o600);
    this.files.push(path);
    while (this.files.length > this.keep) {
      const old = this.files.shift();
      if (old) await rm(old, { force: true });
    }
    return {
      path,
      write: async (text) => {
        await handle.write(text, null, 'utf8');
      },
      close: () => handle.close(),
      discard: async () => {
        await handle.close().catch(() => undefined);
        await rm(path, { force: true });
      },
    };
  }

  /** Whether a file this directory made still exists (older ones are deleted as newer ones arrive). */
  holds(path: string): boolean {
    return this.files.includes(path);
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    const directory = await this.directory?.catch(() => undefined);
    this.files.length = 0;
    if (directory) await rm(directory, { recursive: true, force: true });
  }
}
