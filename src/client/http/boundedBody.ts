// Reads a response body without letting its size decide the client's memory. Up to `limitBytes` the raw
// bytes are kept and decoded once at the end, as the whole text. Past that, what was kept and everything after
// it goes, masked as it streams (StreamRedactor), to a file; memory then holds the first `previewChars` of
// masked text and one small segment being masked, whatever the body's size.
//
// Why bytes and small pieces (measured with npm run bench, section f): text held while the body arrives
// survives V8's young-generation collections, which makes V8 grow its nursery to the maximum and promote it
// all, ~50 MB more than the bytes themselves; raw Buffers live outside the JS heap. A network chunk is
// whatever the socket had buffered (often over 128 KB), and a string that large goes to V8's large-object
// space, where a body's worth of such garbage piles up between collections; the stream path therefore
// decodes and masks at most SLICE_BYTES at a time.
import { StringDecoder } from 'node:string_decoder';
import type { BodySpill, SpillFile } from './bodySpill';
import { StreamRedactor } from './streamRedaction';

export const DEFAULT_BODY_LIMIT_BYTES = 20 * 1024 * 1024;
export const DEFAULT_PREVIEW_CHARS = 256 * 1024;
/** The most bytes decoded and masked at once on the way to the file. */
export const SLICE_BYTES = 32 * 1024;
const EMPTY = Buffer.alloc(0);

export interface BodyLimit {
  readonly limitBytes: number;
  readonly spill: BodySpill;
  readonly redact: (text: string) => string;
  readonly previewChars?: number;
}

export interface SpilledBody {
  /** The masked body on disk. */
  readonly path: string;
  /** The body's size as received, in bytes. */
  readonly bytes: number;
}

export interface BoundedBody {
  /** The whole body; when it was spilled, the start of it (masked). */
  readonly text: string;
  readonly spilled?: SpilledBody;
  /** The most body bytes and characters held in memory at once (for tests of the bound). */
  readonly peakHeld: number;
}

interface Spilling {
  readonly file: SpillFile;
  readonly redactor: StreamRedactor;
  preview: string;
}

export async function readBoundedBody(chunks: AsyncIterable<Buffer | string>, limit: BodyLimit | undefined): Promise<BoundedBody> {
  const decoder = new StringDecoder('utf8');
  let held: Buffer[] = [];
  let bytes = 0;
  let peakHeld = 0;
  let spill: Spilling | undefined;
  const previewChars = limit?.previewChars ?? DEFAULT_PREVIEW_CHARS;

  const write = async (to: Spilling, masked: string): Promise<void> => {
    if (masked.length === 0) return;
    if (to.preview.length < previewChars) to.preview += masked.slice(0, previewChars - to.preview.length);
    await to.file.write(masked);
  };
  const stream = async (to: Spilling, buffer: Buffer): Promise<void> => {
    for (let at = 0; at < buffer.length; at += SLICE_BYTES) {
      await write(to, to.redactor.push(decoder.write(buffer.subarray(at, at + SLICE_BYTES))));
      peakHeld = Math.max(peakHeld, to.redactor.heldChars + buffer.length + to.preview.length);
    }
  };

  try {
    for await (const chunk of chunks) {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      bytes += buffer.length;
      if (spill) {
        await stream(spill, buffer);
        continue;
      }
      held.push(buffer);
      peakHeld = Math.max(peakHeld, bytes);
      if (limit && bytes > limit.limitBytes) {
        const to: Spilling = { file: await limit.spill.create(), redactor: new StreamRedactor(limit.redact), preview: '' };
        spill = to;
        // What was held goes out first, piece by piece, dropping each reference once it is written.
        const pending = held;
        held = [];
        for (let i = 0; i < pending.length; i++) {
          const part = pending[i] ?? EMPTY;
          pending[i] = EMPTY;
          await stream(to, part);
        }
      }
    }
    if (!spill) {
      const whole = held.length === 1 ? held[0] : Buffer.concat(held, bytes);
      held = [];
      return { text: (whole ? decoder.write(whole) : '') + decoder.end(), peakHeld };
    }
    await write(spill, spill.redactor.push(decoder.end()));
    await write(spill, spill.redactor.end());
    await spill.file.close();
    return { text: spill.preview, spilled: { path: spill.file.path, bytes }, peakHeld };
  } catch (error) {
    await spill?.file.discard().catch(() => undefined);
    throw error;
  }
}
