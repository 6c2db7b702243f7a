// What the MCP server is told at start: flags on its command line, credentials and hosts in environment
// variables (an MCP client's configuration sets both). Pure: parsed from the values given, so tests need no process.
import { checkHost, isEnvironmentId, resolveEnvironment, type Environment, type PsuHeaderSettings } from '../client/index';

/** The environment variables the server reads; the README's table lists the same names. */
export const ENV = {
  environment: 'OPENPAYMENTS_ENVIRONMENT',
  clientId: 'OPENPAYMENTS_CLIENT_ID',
  clientSecret: 'OPENPAYMENTS_CLIENT_SECRET',
  authHost: 'OPENPAYMENTS_AUTH_HOST',
  apiHost: 'OPENPAYMENTS_API_HOST',
  clientCertificate: 'OPENPAYMENTS_CLIENT_CERTIFICATE',
  clientCertificatePassphrase: 'OPENPAYMENTS_CLIENT_CERTIFICATE_PASSPHRASE',
  psuIpAddress: 'OPENPAYMENTS_PSU_IP_ADDRESS',
  psuUserAgent: 'OPENPAYMENTS_PSU_USER_AGENT',
  psuId: 'OPENPAYMENTS_PSU_ID',
} as const;

export const FLAGS = {
  allowProduction: '--allow-production',
  startSandbox: '--start-sandbox',
  help: '--help',
} as const;

export interface McpConfig {
  readonly environment: Environment;
  /** Both or neither; with neither, the local sandbox's demo client is asked for. */
  readonly credentials?: { readonly clientId: string; readonly clientSecret: string };
  /** Start the local sandbox in this process (a development checkout only: it is not in the bundle). */
  readonly startSandbox: boolean;
  readonly clientCertificatePath?: string;
  readonly clientCertificatePassphrase?: string;
  readonly psuHeaders: PsuHeaderSettings;
}

export type ConfigResult = { readonly ok: true; readonly config: McpConfig } | { readonly ok: false; readonly message: string } | { readonly ok: 'help' };

export const USAGE = `Open Payments MCP server (stdio).
Usage: open-payments-mcp [${FLAGS.startSandbox}] [${FLAGS.allowProduction}]
  ${FLAGS.startSandbox}     start the local sandbox in this process (development checkout) and use it
  ${FLAGS.allowProduction}  allow ${ENV.environment}=production; each tool call there still needs confirmProduction: true
Environment variables:
  ${ENV.environment}   local (default), sandbox, production or custom
  ${ENV.clientId}, ${ENV.clientSecret}   the client from the Developer Portal; without them, the local sandbox's demo client
  ${ENV.authHost}, ${ENV.apiHost}   hosts of custom (required) or of a local sandbox on other ports
  ${ENV.clientCertificate}, ${ENV.clientCertificatePassphrase}   the .pfx production requires
  ${ENV.psuIpAddress}, ${ENV.psuUserAgent}, ${ENV.psuId}   PSU headers sent on Consent, AIS and PIS calls
`;

type Env = Readonly<Record<string, string | undefined>>;

const value = (env: Env, name: string): string | undefined => {
  const v = env[name]?.trim();
  return v ? v : undefined;
};

function environmentOf(env: Env, startSandbox: boolean): Environment | string {
  const id = value(env, ENV.environment) ?? 'local';
  if (!isEnvironmentId(id)) return `${ENV.environment} is "${id}"; it must be local, sandbox, production or custom.`;
  const authHost = value(env, ENV.authHost);
  const apiHost = value(env, ENV.apiHost);
  if (id === 'custom' || (id === 'local' && (authHost || apiHost))) {
    for (const [name, host] of [[ENV.authHost, authHost], [ENV.apiHost, apiHost]] as const) {
      const check = checkHost(host);
      if (!check.ok) return `${name} must be an https URL (or http on a loopback address) for the ${id} environment, with no path, query or credentials.`;
    }
  }
  if (startSandbox && id !== 'local') return `${FLAGS.startSandbox} needs ${ENV.environment}=local (it is ${id}).`;
  if (id === 'local' && (authHost || apiHost)) {
    const local = resolveEnvironment('custom', { authHost, apiHost });
    if (!local.ok) return `${ENV.authHost} and ${ENV.apiHost} must both be set for a local sandbox on other ports.`;
    return { ...local.environment, id: 'local', label: 'Local Sandbox', isProduction: false };
  }
  const resolved = resolveEnvironment(id, { authHost, apiHost });
  if (!resolved.ok) return `${resolved.setting === 'authHost' ? ENV.authHost : ENV.apiHost} is missing or not a valid host for the custom environment.`;
  return resolved.environment;
}

export function parseConfig(argv: readonly string[], env: Env): ConfigResult {
  const known = new Set<string>(Object.values(FLAGS));
  const unknown = argv.find((arg) => !known.has(arg));
  if (unknown !== undefined) return { ok: false, message: `Unknown argument "${unknown}".\n${USAGE}` };
  if (argv.includes(FLAGS.help)) return { ok: 'help' };
  const startSandbox = argv.includes(FLAGS.startSandbox);
  const environment = environmentOf(env, startSandbox);
  if (typeof environment === 'string') return { ok: false, message: environment };
  if (environment.isProduction && !argv.includes(FLAGS.allowProduction)) {
    return { ok: false, message: `${ENV.environment}=production reaches real banks; start the server with ${FLAGS.allowProduction} to allow it (each call then still needs confirmProduction: true).` };
  }
  const clientId = value(env, ENV.clientId);
  const clientSecret = value(env, ENV.clientSecret);
  if ((clientId === undefined) !== (clientSecret === undefined)) {
    return { ok: false, message: `Set both ${ENV.clientId} and ${ENV.clientSecret}, or neither (the local sandbox's demo client is then used).` };
  }
  if (!clientId && environment.id !== 'local') {
    return { ok: false, message: `The ${environment.label} environment needs ${ENV.clientId} and ${ENV.clientSecret} from the Open Payments Developer Portal.` };
  }
  const certificate = value(env, ENV.clientCertificate);
  const passphrase = env[ENV.clientCertificatePassphrase];
  return {
    ok: true,
    config: {
      environment,
      ...(clientId && clientSecret ? { credentials: { clientId, clientSecret } } : {}),
      startSandbox,
      ...(certificate ? { clientCertificatePath: certificate } : {}),
      ...(passphrase ? { clientCertificatePassphrase: passphrase } : {}),
      psuHeaders: {
        ...(value(env, ENV.psuIpAddress) ? { psuIpAddress: value(env, ENV.psuIpAddress) } : {}),
        ...(value(env, ENV.psuUserAgent) ? { psuUserAgent: value(env, ENV.psuUserAgent) } : {}),
        ...(value(env, ENV.psuId) ? { psuId: value(env, ENV.psuId) } : {}),
      },
    },
  };
}
