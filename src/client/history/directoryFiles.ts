// DetailFiles in one directory on disk (the extension's globalStorageUri/history). Names are checked so a
// damaged entry id can never address a file outside that directory.
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { DetailFiles } from './historyStore';

const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

function checked(name: string): string {
  if (!SAFE_NAME.test(name) || name.includes('..')) throw new Error(`unsafe history file name: ${name}`);
  return name;
}

export class DirectoryFiles implements DetailFiles {
  constructor(private readonly directory: string) {}

  async write(name: string, text: string): Promise<void> {
    const target = path.join(this.directory, checked(name));
    await mkdir(this.directory, { recursive: true });
    // Write then rename, so a crash never leaves half a file that a later read would reject.
    const temporary = `${target}.${process.pid}.tmp`;
    await writeFile(temporary, text, { encoding: 'utf8', mode: 0o600 });
    await rename(temporary, target);
  }

  async read(name: string): Promise<string | undefined> {
    try {
      return await readFile(path.join(this.directory, checked(name)), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  async remove(name: string): Promise<void> {
    await rm(path.join(this.directory, checked(name)), { force: true });
  }

  async list(): Promise<readonly string[]> {
    try {
      return await readdir(this.directory);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
  }
}
