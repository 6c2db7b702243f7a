import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DirectoryFiles } from '../../../src/client/history/directoryFiles';

describe('DirectoryFiles', () => {
  let root: string;
  let files: DirectoryFiles;

  beforeEach(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'op-history-'));
    files = new DirectoryFiles(path.join(root, 'history'));
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('writes, reads, lists and removes files, creating the directory on first write', async () => {
    assert.deepEqual(await files.list(), []);
    assert.equal(await files.read('a.json'), undefined);
    await files.write('a.json', '{"x":1}');
    assert.equal(await files.read('a.json'), '{"x":1}');
    assert.deepEqual(await files.list(), ['a.json']);
    assert.equal((await stat(path.join(root, 'history', 'a.json'))).mode & 0o077, 0, 'readable by the user only');
    await files.remove('a.json');
    await files.remove('a.json');
    assert.deepEqual(await readdir(path.join(root, 'history')), []);
  });

  it('refuses names that could leave the directory', async () => {
    for (const name of ['../x.json', '/etc/passwd', 'a/b.json', '..', '']) {
      await assert.rejects(files.write(name, 'x'), /unsafe history file name/);
    }
  });
});
