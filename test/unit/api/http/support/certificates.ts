// Throwaway certificates made locally with openssl, for TLS tests that must not need the network.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface TestCertificates {
  readonly serverKey: string;
  readonly serverCert: string;
  readonly clientCert: string;
  readonly clientPfx: Buffer;
  readonly pfxPassphrase: string;
}

const EC_KEY = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1'];

/** A server certificate for 127.0.0.1 and a client certificate as a PKCS#12 bundle; undefined without openssl. */
export function makeTestCertificates(): TestCertificates | undefined {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'op-tls-'));
  const run = (args: string[]): void => void execFileSync('openssl', args, { cwd: dir, stdio: 'ignore' });
  const read = (name: string): string => fs.readFileSync(path.join(dir, name), 'utf8');
  const pfxPassphrase = 'pfx-pass-1234';
  try {
    run(['req', '-x509', ...EC_KEY, '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', 'server.key', '-out', 'server.crt']);
    run(['req', '-x509', ...EC_KEY, '-subj', '/CN=op-test-client', '-keyout', 'client.key', '-out', 'client.crt']);
    run(['pkcs12', '-export', '-inkey', 'client.key', '-in', 'client.crt', '-out', 'client.pfx', '-passout', `pass:${pfxPassphrase}`]);
    return {
      serverKey: read('server.key'),
      serverCert: read('server.crt'),
      clientCert: read('client.crt'),
      clientPfx: fs.readFileSync(path.join(dir, 'client.pfx')),
      pfxPassphrase,
    };
  } catch {
    return undefined;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
