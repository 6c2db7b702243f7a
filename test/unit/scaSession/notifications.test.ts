// What an SCA flow puts on the screen besides the bank page and the QR panel: one progress notification per
// flow, nothing else while it runs, one message at its end, and the remote-window notice once per window and
// only for a login that comes back to the loopback listener.
import assert from 'node:assert/strict';
import { useSandboxExtension } from '../fakes/sandboxExtension';
import { commands, fake, progress, scaFake, Uri, type ShownProgress } from '../fakes/vscode';
import { ENTER, ScriptedPrompter } from '../scaCommands/scriptedPrompter';
import { approveInBrowser, createConsent, freePort, setRedirectUri, usePsuSettings } from './support';

const notifications = (): ShownProgress[] => progress.shown.filter((p) => p.location === 'notification');

/** The PSU approves every bank login; `during` sees the screen while the browser is out. */
function psuApproves(during: () => void = () => undefined): void {
  scaFake.openExternal = async (uri) => {
    during();
    void approveInBrowser(uri.toString());
    return true;
  };
}

describe('SCA notifications (fake VS Code, local sandbox)', function () {
  this.timeout(20_000);
  const current = useSandboxExtension('sca-notices-client', 'sca-notices-secret-51c0');

  beforeEach(() => {
    usePsuSettings();
    setRedirectUri('http://127.0.0.1:0/callback');
    progress.shown.length = 0;
    fake.messages.length = 0;
  });
  afterEach(() => scaFake.reset());

  it('Create Consent and its authorisation are one flow: one progress notification, no toast while it runs, one message at the end', async () => {
    const { ext } = current();
    const seen: { open: number; toasts: number }[] = [];
    psuApproves(() => seen.push({ open: notifications().filter((p) => p.open).length, toasts: fake.messages.length }));
    // Enter at the three questions, then the recommended SCA method.
    const prompter = new ScriptedPrompter([ENTER, ENTER, ENTER, ENTER]);
    const registration = ext.api.prompter.use(prompter);
    let outcome: { kind?: string } | undefined;
    try {
      outcome = await commands.executeCommand('openPayments.consents.create', 'NDEASESS');
    } finally {
      registration.dispose();
    }
    assert.equal(outcome?.kind, 'finalised', JSON.stringify(outcome));
    assert.deepEqual(seen, [{ open: 1, toasts: 0 }], 'at the bank login: the flow\'s notification alone');
    const [flow, ...more] = notifications();
    assert.deepEqual(more, [], 'no second notification (no "sending Create Consent…")');
    assert.match(flow?.title ?? '', /^Open Payments: creating and authorising consent at NDEASESS$/);
    assert.equal(flow?.messages[0], 'creating the consent');
    assert.ok(flow?.messages.some((m) => m.startsWith('waiting for the bank login in the browser')), flow?.messages.join(' | '));
    assert.equal(flow?.open, false, 'closed when the flow ended');
    const inViews = () => progress.shown.filter((p) => p.location !== 'notification');
    assert.ok(inViews().every((p) => p.location === 'openPayments.consents'), 'the flow\'s requests showed on the Consents view');
    // The accounts of the consent just made valid load ahead in that view, and may still be on their way.
    for (let i = 0; i < 200 && inViews().some((p) => p.open); i++) await new Promise((resolve) => setTimeout(resolve, 10));
    assert.ok(inViews().every((p) => !p.open), 'and are done');
    assert.deepEqual(fake.messages.map((m) => m.severity), ['info']);
    assert.match(fake.messages[0]?.message ?? '', /is authorised/);
  });

  it('a Create Consent the bank refuses ends the flow with one error and no authorisation', async () => {
    const { ext, sandbox } = current();
    await fetch(`${sandbox.apiHost}/__sandbox/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ faults: [{ kind: 'server-error', operations: ['createConsent'], times: 5 }] }),
    });
    const prompter = new ScriptedPrompter([ENTER, ENTER, ENTER]);
    const registration = ext.api.prompter.use(prompter);
    try {
      assert.equal(await commands.executeCommand('openPayments.consents.create', 'NDEASESS'), undefined);
    } finally {
      registration.dispose();
    }
    assert.equal(notifications().length, 1);
    assert.equal(notifications()[0]?.open, false);
    assert.deepEqual(fake.messages.map((m) => m.severity), ['error']);
    assert.match(fake.messages[0]?.message ?? '', /Create Consent/);
    assert.deepEqual(scaFake.opened, [], 'no bank login opened');
  });

  describe('in a remote window whose forwarding changes the redirect URI', () => {
    const notices = () => fake.messages.filter((m) => m.message.includes('forward that port'));

    beforeEach(async () => {
      setRedirectUri(`http://127.0.0.1:${await freePort()}/callback`);
      scaFake.remoteName = 'ssh-remote';
      scaFake.asExternalUri = async () => Uri.parse('https://forwarded.example.net/proxy/53682/callback');
    });

    it('explains the redirect URI at the first bank login only', async () => {
      const { ext } = current();
      psuApproves();
      fake.answers.push('mbid', 'mbid');
      for (let login = 0; login < 2; login++) {
        const consentId = await createConsent(ext, 'NDEASESS');
        const outcome = await ext.api.sca.authorise({ kind: 'consent', bicFi: 'NDEASESS', consentId });
        assert.equal(outcome?.kind, 'finalised', JSON.stringify(outcome));
      }
      assert.equal(notices().length, 1);
    });

    it('says nothing for a decoupled authorisation, which never comes back to the listener', async () => {
      const { ext } = current();
      fake.settings.set('openPayments.tppRedirectPreferred', { global: 'false' });
      fake.answers.push('mbid');
      const consentId = await createConsent(ext, 'SWEDSESS');
      const outcome = await ext.api.sca.authorise({ kind: 'consent', bicFi: 'SWEDSESS', consentId });
      assert.equal(outcome?.kind, 'finalised', JSON.stringify(outcome));
      assert.equal(outcome.route, 'decoupled');
      assert.deepEqual(notices(), []);
      assert.deepEqual(scaFake.opened, []);
    });
  });
});
