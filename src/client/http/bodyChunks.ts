// A response body's chunks one at a time. Iterating a Readable with for await reads it in paused mode, where
// each read() joins everything buffered into one new Buffer (measured on undici bodies: ~140 KB copies of data
// already in memory, a third more Buffer garbage per byte). In flowing mode a Readable hands out the chunks
// it has as they are; pausing while the consumer is busy keeps the backpressure.
import type { Readable } from 'node:stream';

export async function* flowingChunks(body: Readable): AsyncGenerator<Buffer | string> {
  const queue: (Buffer | string)[] = [];
  let ended = false;
  let failure: { error: unknown } | undefined;
  let wake: (() => void) | undefined;
  const notify = () => {
    wake?.();
    wake = undefined;
  };
  const onData = (chunk: Buffer | string) => {
    queue.push(chunk);
    body.pause();
    notify();
  };
  const onEnd = () => {
    ended = true;
    notify();
  };
  const onError = (error: unknown) => {
    failure ??= { error };
    notify();
  };
  // Closed without its end and without an error: cut off, as for await reports it.
  const onClose = () => {
    if (!body.readableEnded) failure ??= { error: Object.assign(new Error('Premature close'), { code: 'ERR_STREAM_PREMATURE_CLOSE' }) };
    notify();
  };
  body.on('data', onData);
  body.once('end', onEnd);
  body.once('error', onError);
  body.once('close', onClose);
  try {
    for (;;) {
      const chunk = queue.shift();
      if (chunk !== undefined) {
        yield chunk;
        continue;
      }
      if (failure) throw failure.error;
      if (ended) return;
      await new Promise<void>((resolve) => {
        wake = resolve;
        body.resume();
      });
    }
  } finally {
    body.off('data', onData);
    body.off('end', onEnd);
    body.off('error', onError);
    body.off('close', onClose);
    // Left early (the reader failed or gave up): release the connection, as for await would.
    if (!body.readableEnded) body.destroy();
  }
}
