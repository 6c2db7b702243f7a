// `npm run mcp` and the package's bin: reads the configuration, starts the local sandbox when asked, and serves
// the tools over stdio. stdout carries only MCP messages; stderr only our own sentences, through the Redactor.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMcpContext, parseConfig, USAGE, type McpConfig } from './core';
import { createMcpServer } from './server';
import { StdioChannel } from './stdioChannel';

declare const MCP_VERSION: string;

interface StartedSandbox {
  readonly authHost: string;
  readonly apiHost: string;
  close(): Promise<void>;
}

/** The sandbox is a development tool (its OpenID provider is a dev dependency), so it is loaded from its own build. */
async function startSandbox(): Promise<StartedSandbox> {
  const file = path.join(__dirname, 'sandbox', 'index.mjs');
  const sandbox = (await import(pathToFileURL(file).href)) as { start(options: object): Promise<StartedSandbox> };
  return sandbox.start({ authPort: 0, apiPort: 0 });
}

async function main(): Promise<number> {
  const parsed = parseConfig(process.argv.slice(2), process.env);
  if (parsed.ok === 'help') {
    process.stderr.write(USAGE);
    return 0;
  }
  if (!parsed.ok) {
    process.stderr.write(`${parsed.message}\n`);
    return 2;
  }
  let config: McpConfig = parsed.config;
  let sandbox: StartedSandbox | undefined;
  if (config.startSandbox) {
    try {
      sandbox = await startSandbox();
    } catch {
      process.stderr.write('The local sandbox could not be started: it runs from a development checkout after `npm run build` (dist/sandbox), with its dev dependencies installed.\n');
      return 1;
    }
    config = { ...config, environment: { ...config.environment, authHost: sandbox.authHost, apiHost: sandbox.apiHost } };
  }
  const { context, redactor, close } = await createMcpContext(config);
  const channel = new StdioChannel(process.stdin, process.stdout);
  const server = createMcpServer(context, typeof MCP_VERSION === 'string' ? MCP_VERSION : '0.0.0', (message) => channel.send(message));
  const log = (line: string): void => void process.stderr.write(`${redactor.redact(line)}\n`);
  let closing = false;
  const shutDown = async (): Promise<void> => {
    if (closing) return;
    closing = true;
    server.close();
    channel.close();
    await close().catch(() => undefined);
    await sandbox?.close().catch(() => undefined);
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void shutDown().then(() => process.exit(0)));
  channel.start({ message: (message) => server.receive(message), closed: () => void shutDown() });
  log(`Open Payments MCP server ready: ${config.environment.label} (${config.environment.apiHost})${sandbox ? ', local sandbox started by this server' : ''}.`);
  return 0;
}

main().then(
  (code) => {
    if (code !== 0) process.exitCode = code;
  },
  () => {
    // Whatever it was, its text could carry a secret: only our sentence leaves.
    process.stderr.write('The Open Payments MCP server stopped on an unexpected error.\n');
    process.exitCode = 1;
  },
);
