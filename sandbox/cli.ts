// `npm run sandbox`: starts the local sandbox and prints what a client needs to talk to it.
import { parseArgs } from 'node:util';
import { start } from './index';
import { DEFAULT_API_PORT, DEFAULT_AUTH_PORT, DEFAULT_CLI_DECOUPLED_SECONDS, DEFAULT_HOST, DEFAULT_TRANSACTIONS_PAGE_SIZE } from './options';

const USAGE = `usage: npm run sandbox -- [--host 127.0.0.2] [--auth-port ${DEFAULT_AUTH_PORT}] [--api-port ${DEFAULT_API_PORT}] [--seed 1] [--banks 0] [--token-ttl 3600] [--transactions-page-size ${DEFAULT_TRANSACTIONS_PAGE_SIZE}] [--tls] [--decoupled-seconds ${DEFAULT_CLI_DECOUPLED_SECONDS}]`;

function integer(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a non-negative integer`);
  return n;
}

async function main(): Promise<void> {
  const began = performance.now();
  const { values } = parseArgs({
    options: {
      host: { type: 'string' },
      'auth-port': { type: 'string' },
      'api-port': { type: 'string' },
      seed: { type: 'string' },
      banks: { type: 'string' },
      'token-ttl': { type: 'string' },
      'transactions-page-size': { type: 'string' },
      tls: { type: 'boolean' },
      'decoupled-seconds': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const sandbox = await start({
    host: values.host ?? DEFAULT_HOST,
    authPort: integer(values['auth-port'], 'auth-port', DEFAULT_AUTH_PORT),
    apiPort: integer(values['api-port'], 'api-port', DEFAULT_API_PORT),
    seed: integer(values.seed, 'seed', 1),
    banks: integer(values.banks, 'banks', 0),
    tokenTtlSeconds: integer(values['token-ttl'], 'token-ttl', 3600),
    transactionsPageSize: integer(values['transactions-page-size'], 'transactions-page-size', DEFAULT_TRANSACTIONS_PAGE_SIZE),
    tls: values.tls ?? false,
    decoupledSeconds: integer(values['decoupled-seconds'], 'decoupled-seconds', DEFAULT_CLI_DECOUPLED_SECONDS),
  });
  const lines = [
    `AUTH_HOST=${sandbox.authHost}`,
    `API_HOST=${sandbox.apiHost}`,
    `CLIENT_ID=${sandbox.client.clientId}`,
    `CLIENT_SECRET=${sandbox.client.clientSecret}`,
    `REDIRECT_URI=${sandbox.client.redirectUri}`,
    // The passphrase is the sandbox's own test value, made for this run: printing it is how a developer gets it.
    ...(sandbox.tls
      ? [
          `CA_CERTIFICATE=${sandbox.tls.caCertificatePath}`,
          `CLIENT_CERTIFICATE=${sandbox.tls.clientCertificates.valid}`,
          `CLIENT_CERTIFICATE_PASSPHRASE=${sandbox.tls.passphrase}`,
          `EXPIRED_CLIENT_CERTIFICATE=${sandbox.tls.clientCertificates.expired}`,
          `UNTRUSTED_CLIENT_CERTIFICATE=${sandbox.tls.clientCertificates.untrusted}`,
        ]
      : []),
  ];
  console.log(lines.join('\n'));
  const pace = values['decoupled-seconds'] === undefined ? DEFAULT_CLI_DECOUPLED_SECONDS : Number(values['decoupled-seconds']);
  console.log(
    pace > 0
      ? `Decoupled SCA takes ${pace} s from the chosen method to finalised (--decoupled-seconds 0: one step per status read)`
      : 'Decoupled SCA moves one step per status read (--decoupled-seconds N paces it in time)',
  );
  console.log(`Open Payments sandbox ready in ${Math.round(performance.now() - began)} ms (Ctrl+C to stop)`);
  const stop = () => {
    sandbox.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  console.error(USAGE);
  process.exit(1);
});
