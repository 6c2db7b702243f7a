// Bodies up to the limit stay in memory as before; larger ones go, masked, to a private temporary file with
// only a preview kept, and what the reader holds stays under the limit by construction.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BodySpillDirectory } from '../../../../src/client/http/bodySpill';
import { readBoundedBody } from '../../../../src/client/http/boundedBody';
import { Redactor } from '../../../../src/client/redaction/redaction';

const SECRET = 'spill-secret-value-91b2';

async function* chunksOf(text: string, size: number): AsyncIterable<Buffer> {
  const bytes = Buffer.from(text);
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

describe('readBoundedBody (response size limit)', () => {
  let root: string;
  let spill: BodySpillDirectory;
  const redactor = new Redactor();
  redactor.addSecret(SECRET);
  const redact = (text: string) => redactor.redact(text);

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'bounded-body-test-'));
    spill = new BodySpillDirectory(root, 2);
  });
  afterEach(async () => {
    await spill.dispose();
    await rm(root, { recursive: true, force: true });
  });

  const body = JSON.stringify(Array.from({ length: 20_000 }, (_, i) => ({ i, name: `Bank ${i} ÅÄÖ`, note: i % 997 === 5 ? SECRET : 'none' })));

  it('keeps a body within the limit whole, in memory, without a file', async () => {
    const read = await readBoundedBody(chunksOf(body, 1000), { limitBytes: Buffer.byteLength(body), spill, redact });
    assert.equal(read.text, body);
    assert.equal(read.spilled, undefined);
    assert.deepEqual(await readdir(root), []);
  });

  it('writes a larger body masked to a 0600 file, keeps a masked preview, and holds no more than the limit', async () => {
    const limitBytes = 64 * 1024;
    const read = await readBoundedBody(chunksOf(body, 4096), { limitBytes, spill, redact, previewChars: 1000 });
    assert.ok(read.spilled, 'the body went to a file');
    assert.equal(read.spilled.bytes, Buffer.byteLength(body));
    const written = await readFile(read.spilled.path, 'utf8');
    assert.equal(written, redactor.redact(body), 'the file is the whole body, masked (multi-byte characters intact)');
    assert.ok(!written.includes(SECRET));
    assert.equal(read.text, written.slice(0, 1000));
    if (process.platform !== 'win32') {
      assert.equal((await stat(read.spilled.path)).mode & 0o777, 0o600);
      assert.equal((await stat(join(read.spilled.path, '..'))).mode & 0o777, 0o700);
    }
    assert.ok(read.peakHeld <= 2 * limitBytes, `held at most ${read.peakHeld} bytes for a ${body.length} byte body`);
  });

  it('masks a body over the limit in small pieces, however large the network chunks, with a multi-byte character split between them', async () => {
    // A socket hands over everything it buffered at once (often well over 100 KB). Each piece of text made at
    // once must stay small whatever the chunk size: larger strings each take V8 large-object pages, and a
    // body's worth of them piles up before they are collected.
    const large = JSON.stringify(Array.from({ length: 60_000 }, (_, i) => ({ i, name: `Bank ${i} ÅÄÖ`, note: i % 997 === 5 ? SECRET : 'none' })));
    let largest = 0;
    const measured = (text: string) => {
      largest = Math.max(largest, text.length);
      return redactor.redact(text);
    };
    const read = await readBoundedBody(chunksOf(large, 1024 * 1024 + 1), { limitBytes: 64 * 1024, spill, redact: measured });
    assert.ok(read.spilled);
    const written = await readFile(read.spilled.path, 'utf8');
    assert.equal(written, redactor.redact(large), 'the whole body, masked, multi-byte characters intact');
    assert.ok(!written.includes(SECRET));
    assert.ok(largest <= 64 * 1024, `masked at most 64 K characters at once, not ${largest}`);
  });

  it('keeps only the newest files and removes them all on dispose', async () => {
    const paths: string[] = [];
    for (let i = 0; i < 3; i++) {
      const read = await readBoundedBody(chunksOf(body, 8192), { limitBytes: 1024, spill, redact });
      paths.push(read.spilled?.path ?? '');
    }
    const exists = (path: string) => stat(path).then(() => true, () => false);
    assert.deepEqual(await Promise.all(paths.map(exists)), [false, true, true]);
    assert.ok(!spill.holds(paths[0] ?? '') && spill.holds(paths[2] ?? ''));
    await spill.dispose();
    assert.deepEqual(await readdir(root), []);
  });

  it('deletes the file of a body that failed half-way', async () => {
    async function* failing(): AsyncIterable<Buffer> {
      yield Buffer.from(body.slice(0, 100_000));
      throw new Error('socket closed');
    }
    await assert.rejects(readBoundedBody(failing(), { limitBytes: 1024, spill, redact }), /socket closed/);
    const [directory] = await readdir(root);
    assert.deepEqual(directory ? await readdir(join(root, directory)) : [], []);
  });
});
