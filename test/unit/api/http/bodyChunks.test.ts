// Response bodies are read chunk by chunk as they arrived, so no read joins buffered chunks into another copy
// (the memory bench's over-limit rows depend on it), while errors, cut-off bodies and early exits behave as a
// for await over the stream would.
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { flowingChunks } from '../../../../src/client/http/bodyChunks';

function bufferedStream(chunks: readonly string[]): Readable {
  const stream = new Readable({ read() {} });
  for (const chunk of chunks) stream.push(Buffer.from(chunk));
  return stream;
}

async function collect(source: AsyncIterable<Buffer | string>): Promise<string[]> {
  const out: string[] = [];
  for await (const chunk of source) out.push(chunk.toString());
  return out;
}

describe('flowingChunks (reading a response body)', () => {
  it('hands out buffered chunks one by one instead of joining them into a new Buffer', async () => {
    const stream = bufferedStream(['first,', 'second,', 'third']);
    stream.push(null);
    assert.deepEqual(await collect(flowingChunks(stream)), ['first,', 'second,', 'third']);
  });

  it('waits while the reader is busy and loses nothing that arrives meanwhile', async () => {
    const stream = new Readable({ read() {} });
    const seen: string[] = [];
    const reading = (async () => {
      for await (const chunk of flowingChunks(stream)) {
        seen.push(chunk.toString());
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();
    for (let i = 0; i < 20; i++) {
      stream.push(Buffer.from(`${i};`));
      if (i % 5 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    stream.push(null);
    await reading;
    assert.equal(seen.join(''), Array.from({ length: 20 }, (_, i) => `${i};`).join(''));
  });

  it('fails with the stream\'s error, and with a premature close when the body is cut off without one', async () => {
    const failing = bufferedStream(['part']);
    setImmediate(() => failing.destroy(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })));
    await assert.rejects(collect(flowingChunks(failing)), { code: 'ECONNRESET' });
    const cut = bufferedStream(['part']);
    setImmediate(() => cut.destroy());
    await assert.rejects(collect(flowingChunks(cut)), { code: 'ERR_STREAM_PREMATURE_CLOSE' });
  });

  it('releases the stream when the reader stops early', async () => {
    const stream = bufferedStream(['a', 'b', 'c']);
    for await (const chunk of flowingChunks(stream)) {
      assert.equal(chunk.toString(), 'a');
      break;
    }
    assert.ok(stream.destroyed);
  });
});
