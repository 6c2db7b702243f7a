import assert from 'node:assert/strict';
import type net from 'node:net';
import type { TLSSocket } from 'node:tls';
import { canOpenClientCertificate, UndiciTransport, type TransportConfig } from '../../../../src/client/http/transport';
import { TransportError } from '../../../../src/client/http/transportErrors';
import { createTransportFetch } from '../../../../src/client/http/transportFetch';
import { makeTestCertificates, type TestCertificates } from './support/certificates';
import { sendJson, startServer, type LocalServer } from './support/localServer';
import { startTunnelProxy } from './support/tunnelProxy';

async function requestWith(config: TransportConfig, url: string): Promise<unknown> {
  const transport = new UndiciTransport(config);
  try {
    const response = await transport.request({ url: new URL(url), method: 'GET', headers: {} });
    return JSON.parse(response.bodyText);
  } catch (error) {
    return error;
  } finally {
    await transport.close();
  }
}

describe('UndiciTransport', () => {
  it('tunnels through a configured proxy', async () => {
    const target = await startServer((_req, res) => sendJson(res, 200, { via: 'proxy' }));
    const proxy = await startTunnelProxy();
    try {
      assert.deepEqual(await requestWith({ proxyUrl: proxy.url }, `${target.origin}/x`), { via: 'proxy' });
      assert.deepEqual(proxy.tunnels, [new URL(target.origin).host]);
    } finally {
      await proxy.close();
      await target.close();
    }
  });

  it('answers headers with lower-case names, repeated ones joined, and sends the caller headers untouched', async () => {
    const server = await startServer((_req, res) => {
      res.setHeader('Set-Cookie', ['a=1', 'b=2']);
      res.setHeader('X-Single', 'one');
      sendJson(res, 200, {});
    });
    const transport = new UndiciTransport();
    try {
      const headers = Object.freeze({ 'X-Request-ID': 'r-1', Accept: 'application/json' });
      const response = await transport.request({ url: new URL(`${server.origin}/h`), method: 'GET', headers });
      assert.equal(response.headers['set-cookie'], 'a=1, b=2');
      assert.equal(response.headers['x-single'], 'one');
      assert.ok(Object.keys(response.headers).every((name) => name === name.toLowerCase()));
      assert.equal(server.requests[0]?.headers['x-request-id'], 'r-1');
      assert.deepEqual(headers, { 'X-Request-ID': 'r-1', Accept: 'application/json' });
    } finally {
      await transport.close();
      await server.close();
    }
  });

  it('reuses keep-alive connections per origin', async () => {
    const remotePorts = new Set<number>();
    const server = await startServer((_req, res) => sendJson(res, 200, {}));
    const transport = new UndiciTransport();
    try {
      server.handler = (_req, res) => {
        remotePorts.add((res.socket as net.Socket).remotePort ?? 0);
        sendJson(res, 200, {});
      };
      for (let i = 0; i < 10; i++) await transport.request({ url: new URL(`${server.origin}/k`), method: 'GET', headers: {} });
      // undici may open a second socket while the first is settling; both are then reused.
      assert.ok(remotePorts.size <= 2, `${remotePorts.size} connections for 10 sequential requests`);
    } finally {
      await transport.close();
      await server.close();
    }
  });

  describe('client certificate (mutual TLS, production)', () => {
    let certificates: TestCertificates;
    let server: LocalServer;
    let seenClient: string[];

    before(function () {
      const made = makeTestCertificates();
      if (!made) this.skip(); // no openssl on this machine
      certificates = made;
    });
    beforeEach(async () => {
      seenClient = [];
      server = await startServer(
        (_req, res) => {
          const peer = (res.socket as TLSSocket).getPeerCertificate();
          seenClient.push(String(peer.subject?.CN));
          sendJson(res, 200, { ok: true });
        },
        { key: certificates.serverKey, cert: certificates.serverCert, clientCa: certificates.clientCert },
      );
    });
    afterEach(async () => {
      await server.close();
    });

    it('presents the PKCS#12 certificate', async () => {
      const result = await requestWith(
        { clientCertificate: { pfx: certificates.clientPfx, passphrase: certificates.pfxPassphrase }, extraCaCertificates: [certificates.serverCert] },
        `${server.origin}/psd2`,
      );
      assert.deepEqual(result, { ok: true });
      assert.deepEqual(seenClient, ['op-test-client']);
    });

    it('fails as tls or reset without one, and as tls with a wrong passphrase', async () => {
      const without = await requestWith({ extraCaCertificates: [certificates.serverCert] }, `${server.origin}/psd2`);
      assert.ok(without instanceof TransportError);
      assert.ok(['tls', 'reset'].includes(without.kind), without.kind);
      const wrong = await requestWith(
        { clientCertificate: { pfx: certificates.clientPfx, passphrase: 'nope' }, extraCaCertificates: [certificates.serverCert] },
        `${server.origin}/psd2`,
      );
      assert.ok(wrong instanceof TransportError);
      assert.equal(wrong.kind, 'tls');
      assert.equal(wrong.causeCode, 'CLIENT_CERTIFICATE_UNUSABLE');
      assert.equal(canOpenClientCertificate({ pfx: certificates.clientPfx, passphrase: 'nope' }), false);
      assert.equal(canOpenClientCertificate({ pfx: certificates.clientPfx, passphrase: certificates.pfxPassphrase }), true);
      assert.ok(!JSON.stringify(wrong).includes(certificates.pfxPassphrase));
    });
  });

  it('gives openid-client a Fetch Response, with no body for 204', async () => {
    const server = await startServer((req, res) => {
      if (req.url === '/empty') {
        res.writeHead(204);
        res.end();
        return;
      }
      sendJson(res, 200, { echo: req.body, type: req.headers['content-type'] });
    });
    const transport = new UndiciTransport();
    try {
      const fetch = createTransportFetch(transport);
      const empty = await fetch(`${server.origin}/empty`, { method: 'GET', headers: {}, body: undefined, redirect: 'manual' });
      assert.equal(empty.status, 204);
      assert.equal(empty.body, null);
      const form = await fetch(`${server.origin}/form`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ a: '1 2' }),
        redirect: 'manual',
      });
      assert.deepEqual(await form.json(), { echo: 'a=1+2', type: 'application/x-www-form-urlencoded' });
    } finally {
      await transport.close();
      await server.close();
    }
  });
});
