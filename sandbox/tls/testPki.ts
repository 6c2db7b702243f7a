// The https + mTLS mode's certificates, made fresh at every start (nothing is checked in): a test CA, the
// server certificate for the sandbox's loopback address, and client certificates packed as .pfx the way the
// Developer Portal hands them out (reference §2): one the server trusts, an expired one, and one from a CA the
// server does not know. Keys come from node:crypto; the `openssl` command signs and packs them, because Node
// has no X.509 or PKCS#12 writer (.ci/run installs it; every developer machine has it).
import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { isIP } from 'node:net';

export interface ClientCertificateFile {
  /** A PKCS#12 (.pfx) file protected by the run's passphrase. */
  readonly path: string;
}

export interface TestPki {
  /** Folder holding every file below (mode 0700); removed by dispose(). */
  readonly dir: string;
  /** PEM of the CA that signed the server certificate and the trusted client certificate. */
  readonly caPem: string;
  readonly caPath: string;
  readonly serverKeyPem: string;
  readonly serverCertPem: string;
  /** The passphrase of every .pfx below, random per run. */
  readonly passphrase: string;
  readonly clientCertificates: {
    readonly valid: ClientCertificateFile;
    /** Signed by the CA, but its validity ended in 2020. */
    readonly expired: ClientCertificateFile;
    /** Valid dates, but signed by a CA the server does not trust. */
    readonly untrusted: ClientCertificateFile;
  };
  dispose(): Promise<void>;
}

// A config of our own, so the machine's openssl.cnf (which differs between distributions) adds nothing.
const REQ_CONFIG = '[req]\ndistinguished_name = dn\nprompt = no\n[dn]\nCN = unused\n';
// `openssl ca` is the portable way to set past dates (x509 -req has no start date before OpenSSL 3.4).
const CA_CONFIG = '[ca]\ndefault_ca = test\n[test]\ndatabase = index.txt\nnew_certs_dir = .\nserial = serial\npolicy = any\ndefault_md = sha256\nunique_subject = no\n[any]\ncommonName = supplied\n';
const CLIENT_EXT = 'basicConstraints = critical,CA:FALSE\nkeyUsage = critical,digitalSignature\nextendedKeyUsage = clientAuth\n';

function openssl(cwd: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile('openssl', args, { cwd, env: { ...process.env, ...env } }, (error, _stdout, stderr) => {
      if (!error) return resolve();
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        reject(new Error('the sandbox\'s https mode needs the openssl command to make its test certificates (Debian: apt-get install openssl)'));
        return;
      }
      reject(new Error(`openssl ${args[0]} failed: ${stderr.trim().split('\n').at(-1) ?? error.message}`));
    });
  });
}

async function writeKey(dir: string, name: string): Promise<string> {
  const { privateKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const file = `${name}.key`;
  await fs.writeFile(path.join(dir, file), privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600 });
  return file;
}

const serial = () => `0x${crypto.randomBytes(8).toString('hex')}`;

async function selfSignedCa(dir: string, name: string, commonName: string): Promise<void> {
  const key = await writeKey(dir, name);
  await openssl(dir, [
    'req', '-config', 'req.cnf', '-new', '-x509', '-key', key, '-subj', `/CN=${commonName}`, '-days', '2', '-set_serial', serial(),
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign', '-out', `${name}.pem`,
  ]);
}

async function request(dir: string, name: string, commonName: string): Promise<void> {
  const key = await writeKey(dir, name);
  await openssl(dir, ['req', '-config', 'req.cnf', '-new', '-key', key, '-subj', `/CN=${commonName}`, '-out', `${name}.csr`]);
}

async function sign(dir: string, name: string, ca: string, extFile: string): Promise<void> {
  await openssl(dir, ['x509', '-req', '-in', `${name}.csr`, '-CA', `${ca}.pem`, '-CAkey', `${ca}.key`, '-set_serial', serial(), '-days', '2', '-sha256', '-extfile', extFile, '-out', `${name}.pem`]);
}

async function pack(dir: string, name: string, passphrase: string): Promise<ClientCertificateFile> {
  // The passphrase goes through the environment, not the command line other processes can read.
  await openssl(dir, ['pkcs12', '-export', '-inkey', `${name}.key`, '-in', `${name}.pem`, '-name', name, '-passout', 'env:SANDBOX_PFX_PASSPHRASE', '-out', `${name}.pfx`], {
    SANDBOX_PFX_PASSPHRASE: passphrase,
  });
  return { path: path.join(dir, `${name}.pfx`) };
}

/** Makes a fresh test PKI for a server at `host` (an IP address or a host name) in a new temporary folder. */
export async function createTestPki(host: string): Promise<TestPki> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'openpayments-sandbox-tls-'));
  const dispose = () => fs.rm(dir, { recursive: true, force: true });
  try {
    const passphrase = crypto.randomBytes(12).toString('base64url');
    const subjectAltName = `${isIP(host) ? `IP:${host}` : `DNS:${host}`},DNS:localhost`;
    await Promise.all([
      fs.writeFile(path.join(dir, 'req.cnf'), REQ_CONFIG),
      fs.writeFile(path.join(dir, 'ca.cnf'), CA_CONFIG),
      fs.writeFile(path.join(dir, 'index.txt'), ''),
      fs.writeFile(path.join(dir, 'serial'), `${crypto.randomBytes(8).toString('hex')}\n`),
      fs.writeFile(path.join(dir, 'client.ext'), CLIENT_EXT),
      fs.writeFile(path.join(dir, 'server.ext'), `basicConstraints = critical,CA:FALSE\nkeyUsage = critical,digitalSignature\nextendedKeyUsage = serverAuth\nsubjectAltName = ${subjectAltName}\n`),
    ]);
    await Promise.all([
      selfSignedCa(dir, 'ca', 'Open Payments Sandbox Test CA'),
      selfSignedCa(dir, 'rogue-ca', 'A CA the sandbox does not trust'),
      request(dir, 'server', host),
      request(dir, 'client', 'Sandbox TPP'),
      request(dir, 'client-expired', 'Sandbox TPP (expired)'),
      request(dir, 'client-untrusted', 'Sandbox TPP (untrusted CA)'),
    ]);
    await Promise.all([
      sign(dir, 'server', 'ca', 'server.ext'),
      sign(dir, 'client', 'ca', 'client.ext'),
      sign(dir, 'client-untrusted', 'rogue-ca', 'client.ext'),
      openssl(dir, [
        'ca', '-batch', '-config', 'ca.cnf', '-cert', 'ca.pem', '-keyfile', 'ca.key', '-in', 'client-expired.csr', '-out', 'client-expired.pem',
        '-startdate', '20200101000000Z', '-enddate', '20200102000000Z', '-notext', '-extfile', 'client.ext',
      ]),
    ]);
    const [valid, expired, untrusted] = await Promise.all([pack(dir, 'client', passphrase), pack(dir, 'client-expired', passphrase), pack(dir, 'client-untrusted', passphrase)]);
    const read = (file: string) => fs.readFile(path.join(dir, file), 'utf8');
    const [caPem, serverKeyPem, serverCertPem] = await Promise.all([read('ca.pem'), read('server.key'), read('server.pem')]);
    return { dir, caPem, caPath: path.join(dir, 'ca.pem'), serverKeyPem, serverCertPem, passphrase, clientCertificates: { valid, expired, untrusted }, dispose };
  } catch (error) {
    await dispose();
    throw error;
  }
}
