// ScaSession in the fake VS Code against the local sandbox: closing the window mid-login, remote windows and
// port forwarding, a busy port, and the background follow-up of an authorised payment.
import assert from 'node:assert/strict';
import net from 'node:net';
import type { ScaOutcome } from '../../../src/client/sca/types';
import type { ScaSession } from '../../../src/features/sca/scaSession';
import type { Activated } from '../fakes/activate';
import { useSandboxExtension } from '../fakes/sandboxExtension';
import { Uri, fake, scaFake, viewsFake } from '../fakes/vscode';
import { approveInBrowser, createConsent, createPayment, freePort, sessionWith, setRedirectUri, startDecoupledConsent, usePsuSettings } from './support';

/** Resolves with the first URL the session hands to the browser. */
function captureBrowser(): Promise<string> {
  return new Promise((resolve) => {
    scaFake.openExternal = async (uri) => {
      resolve(uri.toString());
      return false;
    };
  });
}

async function refused(url: string): Promise<boolean> {
  try {
    await fetch(url);
    return false;
  } catch (error) {
    return (error as { cause?: { code?: string } }).cause?.code === 'ECONNREFUSED';
  }
}

describe('ScaSession (fake VS Code, local sandbox)', function () {
  this.timeout(20_000);
  const current = useSandboxExtension('sca-session-client', 'sca-session-secret-7d1e');

  beforeEach(() => {
    usePsuSettings();
    // More than one method is offered at NDEASESS: the fake quick pick answers with the recommended one.
    fake.answers.push('mbid');
    setRedirectUri('http://127.0.0.1:0/callback');
  });
  afterEach(() => scaFake.reset());

  it('dispose() while the browser is out ends the flow as cancelled and closes the listener', async () => {
    const { ext } = current();
    const consentId = await createConsent(ext, 'NDEASESS');
    let opened: (url: string) => void = () => undefined;
    const browserOut = new Promise<string>((resolve) => (opened = resolve));
    const registration = ext.api.sca.useBrowserOpener(async (url) => {
      opened(url);
      return true;
    });
    const outcome = ext.api.sca.authorise({ kind: 'consent', bicFi: 'NDEASESS', consentId });
    const url = await browserOut;
    const redirectUri = new URL(url).searchParams.get('redirect_uri') ?? '';
    assert.equal((await fetch(`${redirectUri}?state=wrong&code=x`)).status, 400, 'the listener is up while the browser is out');
    ext.api.sca.dispose();
    assert.equal((await outcome)?.kind, 'cancelled');
    assert.ok(await refused(redirectUri), 'the listener port refuses connections after dispose');
    assert.equal(await ext.api.sca.authorise({ kind: 'consent', bicFi: 'NDEASESS', consentId }), undefined, 'a disposed session starts nothing');
    registration.dispose();
  });

  it('activates a redirect login with the client credentials stored when the code comes back, as the token calls would', async () => {
    const { ext } = current();
    const consentId = await createConsent(ext, 'NDEASESS');
    const wrongSecret = 'sca-session-wrong-secret-5c2a';
    const registration = ext.api.sca.useBrowserOpener(async (url) => {
      // Changed while the PSU is at the bank: the exchange must not use a copy taken when the flow started.
      await ext.api.credentials.set('custom', { clientId: 'sca-session-client', clientSecret: wrongSecret });
      void approveInBrowser(url);
      return true;
    });
    try {
      const outcome = await ext.api.sca.authorise({ kind: 'consent', bicFi: 'NDEASESS', consentId });
      assert.ok(outcome?.kind === 'failed', JSON.stringify(outcome));
      assert.equal(outcome.reason, 'code_exchange_failed');
      assert.equal(outcome.exchangeFailure?.kind, 'invalid_client');
      assert.ok(!JSON.stringify(outcome).includes(wrongSecret));
      assert.ok(!fake.messages.some((m) => m.message.includes(wrongSecret)));
    } finally {
      registration.dispose();
    }
  });

  it('closing the challenge panel cancels a decoupled flow', async () => {
    const { ext } = current();
    const { outcome } = await startDecoupledConsent(ext);
    const [panel] = viewsFake.panels.filter((p) => p.viewType === 'openPayments.challenge');
    assert.ok(panel && !panel.disposed);
    panel.dispose();
    const ended = await outcome;
    assert.equal(ended?.kind, 'cancelled', JSON.stringify(ended));
    assert.equal(viewsFake.panels.filter((p) => p.viewType === 'openPayments.challenge').length, 1, 'the panel does not come back');
  });

  describe('in a remote window', () => {
    let registered = '';
    beforeEach(async () => {
      registered = `http://127.0.0.1:${await freePort()}/callback`;
      setRedirectUri(registered);
      scaFake.remoteName = 'ssh-remote';
    });

    const notices = () => fake.messages.filter((m) => m.severity === 'info' && m.message.includes('forward'));

    async function authoriseUntilBrowser(): Promise<{ sent: URL; outcome: ScaOutcome | undefined }> {
      const { ext } = current();
      const consentId = await createConsent(ext, 'NDEASESS');
      const browser = captureBrowser();
      const outcome = await ext.api.sca.authorise({ kind: 'consent', bicFi: 'NDEASESS', consentId });
      return { sent: new URL(new URL(await browser).searchParams.get('redirect_uri') ?? ''), outcome };
    }

    it('says nothing when forwarding keeps the redirect URI, and sends it unchanged', async () => {
      const asked: string[] = [];
      scaFake.asExternalUri = async (uri) => {
        asked.push(uri.toString());
        return uri;
      };
      const { sent, outcome } = await authoriseUntilBrowser();
      assert.deepEqual(asked, [registered]);
      assert.equal(sent.toString(), registered);
      assert.equal(outcome?.kind === 'failed' && outcome.reason, 'browser_not_opened');
      assert.deepEqual(notices(), []);
    });

    it('names the redirect URI when forwarding would change it, and still sends the registered one', async () => {
      scaFake.asExternalUri = async () => Uri.parse('https://forwarded.example.net/proxy/53682/callback');
      const { sent } = await authoriseUntilBrowser();
      assert.equal(sent.toString(), registered);
      const [notice] = notices();
      assert.ok(notice, 'an information notice');
      assert.ok(notice.message.includes(registered), notice.message);
      assert.ok(!notice.message.includes('forwarded.example.net'), 'the forwarded address is not offered as the one to use');
    });

    it('carries on without a notice or an unhandled rejection when asExternalUri rejects', async () => {
      const unhandled: unknown[] = [];
      const onUnhandled = (reason: unknown) => unhandled.push(reason);
      process.on('unhandledRejection', onUnhandled);
      try {
        scaFake.asExternalUri = () => Promise.reject(new Error('no port forwarding here'));
        const { sent } = await authoriseUntilBrowser();
        assert.equal(sent.toString(), registered);
        await new Promise((resolve) => setTimeout(resolve, 20));
        assert.deepEqual(unhandled, []);
        assert.deepEqual(notices(), []);
      } finally {
        process.off('unhandledRejection', onUnhandled);
      }
    });
  });

  it('names the busy port and the openPayments.redirectUri setting, and opens no browser', async () => {
    const { ext } = current();
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen({ host: '127.0.0.1', port: 0 }, resolve));
    const { port } = blocker.address() as net.AddressInfo;
    try {
      setRedirectUri(`http://127.0.0.1:${port}/callback`);
      const consentId = await createConsent(ext, 'NDEASESS');
      const outcome = await ext.api.sca.authorise({ kind: 'consent', bicFi: 'NDEASESS', consentId });
      assert.equal(outcome?.kind === 'failed' && outcome.reason, 'listener_failed');
      const error = fake.messages.find((m) => m.severity === 'error');
      assert.ok(error, 'an error notification');
      assert.match(error.message, new RegExp(`Port ${port} `));
      assert.match(error.message, /openPayments\.redirectUri/);
      assert.deepEqual(scaFake.opened, []);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  describe('after a payment is authorised', () => {
    // SEB reports ACTC when the payment is signed and ACSC only at a later read (reference §6.4), so the SCA run
    // ends before settlement and the follow-up has something to do; Nordea is ACSC at once.
    const SEB_PSU_ID = '9311219639';

    /** Creates a domestic payment at SEB and authorises it through the session, the PSU approving in the browser. */
    async function authoriseSebPayment(ext: Activated, session: ScaSession): Promise<{ paymentId: string; outcome: ScaOutcome | undefined }> {
      session.useBrowserOpener(async (url) => {
        void approveInBrowser(url, SEB_PSU_ID);
        return true;
      });
      const paymentId = await createPayment(ext, 'ESSESESS');
      return { paymentId, outcome: await session.authorise({ kind: 'payment', bicFi: 'ESSESESS', paymentId, paymentProduct: 'domestic' }) };
    }

    it('follows it in the background to ACSC, which the Banks view shows, and says it settled', async () => {
      const { ext } = current();
      const { session, dispose } = sessionWith(ext, { followUp: { firstDelayMs: 10, maxDelayMs: 40, budgetMs: 5_000 } });
      try {
        const { paymentId, outcome } = await authoriseSebPayment(ext, session);
        assert.equal(outcome?.kind, 'finalised', JSON.stringify(outcome));
        assert.notEqual(outcome.parentStatus, 'ACSC', 'the SCA run itself stops before settlement');
        const end = await session.followUpOf('custom', paymentId);
        assert.deepEqual(end && { kind: end.kind, status: end.status }, { kind: 'settled', status: 'ACSC' });
        const { banks } = ext.api;
        const sweden = (await banks.getChildren()).find((n) => n.kind === 'country' && n.country.isoCountryCode === 'SE');
        const seb = sweden && (await banks.getChildren(sweden)).find((n) => n.kind === 'bank' && n.bank.bicFi === 'ESSESESS');
        const folder = seb && (await banks.getChildren(seb)).find((n) => n.kind === 'payments');
        assert.ok(folder, 'a Payments folder under ESSESESS');
        const listed = (await banks.getChildren(folder)).find((n) => n.kind === 'payment' && n.payment.paymentId === paymentId);
        assert.ok(listed?.kind === 'payment');
        assert.equal(listed.payment.status, 'ACSC');
        assert.ok(fake.messages.some((m) => m.severity === 'info' && m.message === `The payment ${paymentId} at ESSESESS has settled (ACSC).`));
      } finally {
        dispose();
      }
    });

    it('stops following when the session is disposed, without another status read', async () => {
      const { ext, sandbox } = current();
      const { session, dispose } = sessionWith(ext, { followUp: { firstDelayMs: 300, maxDelayMs: 300, budgetMs: 5_000 } });
      try {
        const { paymentId, outcome } = await authoriseSebPayment(ext, session);
        assert.equal(outcome?.kind, 'finalised');
        const statusReads = async () => {
          const log = (await (await fetch(`${sandbox.apiHost}/__sandbox/requests`)).json()) as { requests: { path: string }[] };
          return log.requests.filter((r) => r.path.endsWith(`${paymentId}/status`)).length;
        };
        const before = await statusReads();
        const following = session.followUpOf('custom', paymentId);
        assert.ok(following, 'a follow-up started');
        dispose();
        assert.deepEqual(await following, { kind: 'cancelled', status: outcome.parentStatus, reads: 0 });
        await new Promise((resolve) => setTimeout(resolve, 400));
        assert.equal(await statusReads(), before);
      } finally {
        dispose();
      }
    });
  });
});
