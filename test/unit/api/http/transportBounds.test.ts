// The transport's bounds on a single request: one deadline covering connect, headers and the whole body
// (the per-part timeouts never fire for a server sending a byte a second), and the body size limit.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BodySpillDirectory } from '../../../../src/client/http/bodySpill';
import { UndiciTransport } from '../../../../src/client/http/transport';
import { TransportError } from '../../../../src/client/http/transportErrors';
import { Redactor } from '../../../../src/client/redaction/redaction';
import { startServer, type LocalServer } from './support/localServer';

/** Sends headers at once, then one byte every 100 ms of a 1 KB body: each part is quick, the whole is not. */
async function trickleServer(): Promise<LocalServer> {
  return startServer(async (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1024' });
    for (let i = 0; i < 1024 && !res.destroyed; i++) {
      res.write(' ');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    res.end();
  });
}

describe('UndiciTransport bounds', () => {
  it('stops a trickling body at the overall deadline, although no per-part timeout fires', async () => {
    const server = await trickleServer();
    const transport = new UndiciTransport({ deadlineMs: 600, bodyTimeoutMs: 5_000, headersTimeoutMs: 5_000 });
    try {
      const started = Date.now();
      const error = await transport.request({ url: new URL(`${server.origin}/t`), method: 'GET', headers: {} }).catch((e: unknown) => e);
      assert.ok(error instanceof TransportError, String(error));
      assert.equal(error.kind, 'timeout');
      assert.equal(error.causeCode, 'DEADLINE_EXCEEDED');
      assert.ok(Date.now() - started < 3_000);
    } finally {
      await transport.close();
      await server.close();
    }
  });

  it('reports the caller\'s cancel as cancelled, not as the deadline', async () => {
    const server = await trickleServer();
    const transport = new UndiciTransport({ deadlineMs: 60_000 });
    try {
      const abort = new AbortController();
      setTimeout(() => abort.abort(), 200);
      const error = await transport.request({ url: new URL(`${server.origin}/t`), method: 'GET', headers: {}, signal: abort.signal }).catch((e: unknown) => e);
      assert.ok(error instanceof TransportError);
      assert.equal(error.kind, 'cancelled');
    } finally {
      await transport.close();
      await server.close();
    }
  });

  it('spills a body over the limit to a masked file and answers with its start', async () => {
    const secret = 'transport-spill-secret-44aa';
    const body = JSON.stringify(Array.from({ length: 5000 }, (_, i) => ({ i, access_token: i === 4321 ? secret : 'x' })));
    const server = await startServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(body);
    });
    const root = await mkdtemp(join(tmpdir(), 'transport-spill-'));
    const spill = new BodySpillDirectory(root);
    const redactor = new Redactor();
    const transport = new UndiciTransport({ bodyLimit: { limitBytes: 10_000, spill, redact: (t) => redactor.redact(t), previewChars: 500 } });
    try {
      const response = await transport.request({ url: new URL(`${server.origin}/big`), method: 'GET', headers: {} });
      assert.ok(response.bodyFile);
      assert.equal(response.bodyFile.bytes, Buffer.byteLength(body));
      assert.equal(response.bodyText.length, 500);
      const written = await readFile(response.bodyFile.path, 'utf8');
      assert.equal(written, redactor.redact(body));
      assert.ok(!written.includes(secret));
    } finally {
      await transport.close();
      await server.close();
      await spill.dispose();
      await rm(root, { recursive: true, force: true });
    }
  });
});
