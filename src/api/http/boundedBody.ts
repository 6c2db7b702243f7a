// Reads a response body without letting its size decide the client's memory. Up to `limitBytes` it is kept
// as text, as before. Past that, what was kept and everything after it goes, masked as it streams
// (StreamRedactor), to a file; memory then holds the first `previewChars` of masked text and at most one
// segment being masked, whatever the body's size.
import { StringDecoder } from 'node:string_decoder';
import type { BodySpill, SpillFile } from './bodySpill';
import { StreamRedactor } from './streamRedaction';

export const DEFAULT_BODY_LIMIT_BYTES = 20 * 1024 * 1024;
export const DEFAULT_PREVIEW_CHARS = 256 * 1024;

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

export async function readBoundedBody(chunks: AsyncIterable<Buffer | string>, limit: BodyLimit | undefined): Promise<BoundedBody> {
  const decoder = new StringDecoder('utf8');
  const parts: string[] = [];
  let bytes = 0;
  let peakHeld = 0;
  let spill: { file: SpillFile; redactor: StreamRedactor; preview: string } | undefined;
  const previewChars = limit?.previewChars ?? DEFAULT_PREVIEW_CHARS;

  const write = async (masked: string): Promise<void> => {
    if (!spill || masked.length === 0) return;
    if (spill.preview.length < previewChars) spill.preview += masked.slice(0, previewChars - spill.preview.length);
    await spill.file.write(masked);
  };

  try {
    for await (const chunk of chunks) {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      bytes += buffer.length;
      const text = decoder.write(buffer);
      if (spill) {
        await write(spill.redactor.push(text));
        peakHeld = Math.max(peakHeld, spill.redactor.heldChars + buffer.length + spill.preview.length);
        continue;
      }
      parts.push(text);
      peakHeld = Math.max(peakHeld, bytes);
      if (limit && bytes > limit.limitBytes) {
        spill = { file: await limit.spill.create(), redactor: new StreamRedactor(limit.redact), preview: '' };
        // What was held goes out first, part by part, so it is released as it is written.
        while (parts.length > 0) await write(spill.redactor.push(parts.shift() ?? ''));
      }
    }
    const rest = decoder.end();
    if (!spill) {
      parts.push(rest);
      return { text: parts.join(''), peakHeld };
    }
    await write(spill.redactor.push(rest));
    await write(spill.redactor.end());
    await spill.file.close();
    return { text: spill.preview, spilled: { path: spill.file.path, bytes }, peakHeld };
  } catch (error) {
    await spill?.file.discard().catch(() => undefined);
    throw error;
  }
}
