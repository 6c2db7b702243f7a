// The MCP server's own protocol layer and stdio framing, as a client's messages reach them: version negotiation,
// the four methods, JSON-RPC's error answers, a cancelled call stopped without an answer, batches, and lines that
// are not JSON or never end. (The SDK's client drives the built server end to end in test/sandbox/mcp.test.ts.)
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { McpProtocol, PROTOCOL_VERSIONS, type Message, type ToolProvider } from '../../../src/mcp/protocol';
import { StdioChannel } from '../../../src/mcp/stdioChannel';

const INFO = { name: 'open-payments', version: '9.9.9', instructions: 'Use the tools.' };

interface Harness {
  readonly protocol: McpProtocol;
  readonly sent: (Message | readonly Message[])[];
  readonly signals: AbortSignal[];
  /** Resolves the pending call that `findBanks` started. */
  finish(): void;
  /** Every answer sent so far, once the promise jobs the protocol queued have run. */
  settle(): Promise<(Message | readonly Message[])[]>;
}

function harness(): Harness {
  const sent: (Message | readonly Message[])[] = [];
  const signals: AbortSignal[] = [];
  let release: () => void = () => undefined;
  const tools: ToolProvider = {
    listTools: () => [{ name: 'findBanks', inputSchema: { type: 'object' } }],
    callTool: async (name, args, signal) => {
      signals.push(signal);
      if (name === 'slow') await new Promise<void>((resolve) => (release = resolve));
      return { content: [{ type: 'text', text: `${name} ${JSON.stringify(args)}` }] };
    },
  };
  const protocol = new McpProtocol(INFO, tools, (message) => sent.push(message));
  return {
    protocol,
    sent,
    signals,
    finish: () => release(),
    settle: async () => {
      for (let i = 0; i < 10; i += 1) await new Promise((resolve) => setImmediate(resolve));
      return sent;
    },
  };
}

const request = (id: number | string, method: string, params?: object) => ({ jsonrpc: '2.0', id, method, ...(params ? { params } : {}) });

describe('MCP protocol (our JSON-RPC layer)', () => {
  it('answers initialize with the version the client asked for, or its newest when it does not know that one', async () => {
    const h = harness();
    h.protocol.receive(request(1, 'initialize', { protocolVersion: '2025-03-26', capabilities: {}, clientInfo: { name: 'c', version: '1' } }));
    h.protocol.receive(request(2, 'initialize', { protocolVersion: '1999-01-01', capabilities: {}, clientInfo: { name: 'c', version: '1' } }));
    const [first, second] = (await h.settle()) as Message[];
    assert.deepEqual(first, {
      jsonrpc: '2.0',
      id: 1,
      result: { protocolVersion: '2025-03-26', capabilities: { tools: { listChanged: false } }, serverInfo: { name: 'open-payments', version: '9.9.9' }, instructions: 'Use the tools.' },
    });
    assert.equal((second?.result as { protocolVersion: string }).protocolVersion, PROTOCOL_VERSIONS[0]);
  });

  it('answers ping, lists the tools, and runs a call with its arguments', async () => {
    const h = harness();
    h.protocol.receive(request('p', 'ping'));
    h.protocol.receive(request(2, 'tools/list'));
    h.protocol.receive(request(3, 'tools/call', { name: 'findBanks', arguments: { country: 'SE' } }));
    const answers = (await h.settle()) as Message[];
    assert.deepEqual(answers.find((a) => a.id === 'p'), { jsonrpc: '2.0', id: 'p', result: {} });
    assert.deepEqual(answers.find((a) => a.id === 2)?.result, { tools: [{ name: 'findBanks', inputSchema: { type: 'object' } }] });
    assert.deepEqual(answers.find((a) => a.id === 3)?.result, { content: [{ type: 'text', text: 'findBanks {"country":"SE"}' }] });
  });

  it('answers what it cannot do with the JSON-RPC error a client expects, and ignores notifications and stray answers', async () => {
    const h = harness();
    h.protocol.receive(request(1, 'resources/list'));
    h.protocol.receive(request(2, 'tools/call', { arguments: {} }));
    h.protocol.receive(request(3, 'tools/call', { name: 'findBanks', arguments: ['SE'] }));
    h.protocol.receive({ jsonrpc: '1.0', id: 4, method: 'ping' });
    h.protocol.receive({ jsonrpc: '2.0', id: null, method: 'ping' });
    h.protocol.receive('ping');
    h.protocol.receive({ jsonrpc: '2.0', method: 'notifications/initialized' });
    h.protocol.receive({ jsonrpc: '2.0', id: 99, result: {} });
    const answers = (await h.settle()) as Message[];
    // Answers leave as their work ends, so in no fixed order (JSON-RPC matches them by id).
    const codes = answers.map((a) => [a.id, (a.error as { code: number } | undefined)?.code]).sort((x, y) => String(x).localeCompare(String(y)));
    assert.deepEqual(codes, [
      [null, -32600],
      [null, -32600],
      [1, -32601],
      [2, -32602],
      [3, -32602],
      [4, -32600],
    ]);
    assert.match((answers.find((a) => a.id === 1)?.error as { message: string }).message, /resources\/list.*tools only/);
  });

  it('stops a call the client cancels, and sends no answer for it', async () => {
    const h = harness();
    h.protocol.receive(request(7, 'tools/call', { name: 'slow', arguments: {} }));
    await h.settle();
    assert.equal(h.signals[0]?.aborted, false);
    h.protocol.receive({ jsonrpc: '2.0', method: 'notifications/cancelled', params: { requestId: 7, reason: 'user pressed stop' } });
    assert.equal(h.signals[0]?.aborted, true, 'the running tool sees the abort');
    h.finish();
    assert.deepEqual(await h.settle(), [], 'no answer for a cancelled call');
    // The id is free again: a new call with it runs and is answered.
    h.protocol.receive(request(7, 'tools/call', { name: 'findBanks' }));
    assert.equal(((await h.settle())[0] as Message).id, 7);
  });

  it('aborts every running call when the connection closes', async () => {
    const h = harness();
    h.protocol.receive(request(1, 'tools/call', { name: 'slow' }));
    await h.settle();
    h.protocol.close();
    assert.equal(h.signals[0]?.aborted, true);
  });

  it('answers a batch with one array, leaving out its notifications', async () => {
    const h = harness();
    h.protocol.receive([request(1, 'ping'), { jsonrpc: '2.0', method: 'notifications/initialized' }, request(2, 'nope')]);
    h.protocol.receive([]);
    const sent = await h.settle();
    const batch = sent.find((a) => Array.isArray(a));
    const empty = sent.find((a) => !Array.isArray(a));
    assert.equal(sent.length, 2);
    assert.ok(batch);
    assert.deepEqual((batch as Message[]).map((a) => a.id), [1, 2]);
    assert.equal(((empty as Message).error as { code: number }).code, -32600);
  });
});

describe('MCP stdio channel', () => {
  function channel(maxLineBytes?: number) {
    const input = new PassThrough();
    const output = new PassThrough();
    const received: unknown[] = [];
    let closed = 0;
    const lines: string[] = [];
    output.on('data', (chunk: Buffer) => lines.push(...chunk.toString('utf8').split('\n').filter(Boolean)));
    const stdio = new StdioChannel(input, output, maxLineBytes);
    stdio.start({ message: (m) => received.push(m), closed: () => (closed += 1) });
    return { input, output, stdio, received, lines, closed: () => closed };
  }
  const tick = () => new Promise((resolve) => setImmediate(resolve));

  it('reads one message per line, across chunks and CRLF, with characters split between chunks', async () => {
    const c = channel();
    const text = Buffer.from('{"jsonrpc":"2.0","method":"a","params":{"name":"Skandinaviska Enskilda Banken – Malmö"}}\r\n{"jsonrpc":"2.0",');
    const cut = text.indexOf(Buffer.from('ö')) + 1; // inside the two bytes of ö
    c.input.write(text.subarray(0, cut));
    c.input.write(text.subarray(cut));
    c.input.write('"method":"b"}\n\n');
    await tick();
    assert.deepEqual(c.received, [
      { jsonrpc: '2.0', method: 'a', params: { name: 'Skandinaviska Enskilda Banken – Malmö' } },
      { jsonrpc: '2.0', method: 'b' },
    ]);
  });

  it('answers a line that is not JSON with a parse error and goes on', async () => {
    const c = channel();
    c.input.write('not json\n{"jsonrpc":"2.0","method":"ok"}\n');
    await tick();
    assert.equal(JSON.parse(c.lines[0] ?? '{}').error.code, -32700);
    assert.deepEqual(c.received, [{ jsonrpc: '2.0', method: 'ok' }]);
  });

  it('drops a line longer than its bound without keeping it, and reads the next one', async () => {
    const c = channel(64);
    c.input.write(`{"jsonrpc":"2.0","method":"big","params":"${'x'.repeat(50)}`);
    c.input.write(`${'y'.repeat(100)}"}\n{"jsonrpc":"2.0","method":"small"}\n`);
    await tick();
    assert.equal(c.lines.length, 1);
    assert.match(JSON.parse(c.lines[0] ?? '{}').error.message, /longer than 64 bytes/);
    assert.deepEqual(c.received, [{ jsonrpc: '2.0', method: 'small' }]);
  });

  it('writes each answer as one line, and closes once when its input ends', async () => {
    const c = channel();
    c.stdio.send({ jsonrpc: '2.0', id: 1, result: { text: 'two\nlines' } });
    c.input.end();
    await tick();
    await tick();
    assert.deepEqual(c.lines.map((l) => JSON.parse(l)), [{ jsonrpc: '2.0', id: 1, result: { text: 'two\nlines' } }]);
    assert.equal(c.closed(), 1);
    c.stdio.close();
    c.stdio.send({ jsonrpc: '2.0', id: 2, result: {} });
    assert.equal(c.closed(), 1);
    await tick();
    assert.equal(c.lines.length, 1, 'nothing is written after close');
  });
});
