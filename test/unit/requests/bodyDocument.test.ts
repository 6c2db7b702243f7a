// Request bodies open as documents of our in-memory file system, named for the operation and bank, saved into
// memory as the user types, so closing them never asks to save (fake VS Code, real sandbox).
import assert from 'node:assert/strict';
import type { ApiResult } from '../../../src/client/http/requestFailure';
import { eventually } from '../fakes/activate';
import { useSandboxExtension } from '../fakes/sandboxExtension';
import { commands, fake, requestsFake, type CodeLens, type FakeRequestDocument } from '../fakes/vscode';

describe('body documents (fake VS Code, real sandbox)', function () {
  this.timeout(20_000);
  useSandboxExtension('body-document-client', 'body-document-secret-8a0c');

  async function openBody(params: Record<string, string> = { 'X-BicFi': 'NDEASESS' }, operationId = 'createConsent'): Promise<FakeRequestDocument> {
    await commands.executeCommand('openPayments.sendRequest', { operationId, params });
    const document = requestsFake.editors.at(-1)?.document as FakeRequestDocument | undefined;
    assert.ok(document, 'a body document was shown');
    return document;
  }

  beforeEach(() => requestsFake.reset());

  it('is named for the operation and bank, is JSON, and has nothing to save until edited', async () => {
    const document = await openBody();
    assert.equal(document.uri.toString(), 'openpayments-body:///Create Consent (NDEASESS).json');
    assert.equal(document.languageId, 'json');
    assert.equal(document.isDirty, false);
    assert.match(document.getText(), /"recurringIndicator": true/);
    const lens = fake.codeLensProviders.find((entry) => (entry.selector as { scheme?: string }).scheme === 'openpayments-body');
    assert.ok(lens, 'the Send code lens is offered on body documents');
    const [send] = (lens.provider as { provideCodeLenses(d: unknown): CodeLens[] }).provideCodeLenses(document);
    assert.equal(send?.command?.command, 'openPayments.sendBody');
    assert.equal(send?.command?.title, '$(play) Send Create Consent');
  });

  it('is saved into memory once typing pauses, so closing it does not ask to save', async () => {
    const document = await openBody();
    const typed = document.getText().replace('"frequencyPerDay": 4', '"frequencyPerDay": 2');
    document.userEdit(typed);
    assert.equal(document.isDirty, true);
    await eventually(() => assert.equal(document.isDirty, false, 'saved'));
    assert.equal(requestsFake.close(document), false, 'closing asked nothing');
    // Opening it again (e.g. Reopen Closed Editor) shows what was typed.
    const provider = requestsFake.fileSystems.get('openpayments-body');
    assert.equal(new TextDecoder().decode(provider?.readFile(document.uri)), typed);
  });

  it('is saved before sending, and keeps its text when the send is refused', async () => {
    const document = await openBody();
    document.userEdit(document.getText().replace('"recurringIndicator": true', '"recurringIndicator": ture'));
    const broken = document.getText();
    assert.equal(await commands.executeCommand('openPayments.sendBody', document.uri), undefined);
    assert.equal(document.isDirty, false, 'saved at once, not only after the pause');
    assert.equal(document.getText(), broken);
    document.userEdit(broken.replace('ture', 'true'));
    const sent = await commands.executeCommand<ApiResult>('openPayments.sendBody', document.uri);
    assert.ok(sent?.ok, 'the same document, fixed, is sent');
    assert.equal(requestsFake.close(document), false);
  });

  it('is not saved behind the user\'s back when their save would reformat or trim what they type', async () => {
    fake.settings.set('editor.formatOnSave', { global: true });
    const document = await openBody();
    document.userEdit(`${document.getText()} `);
    await new Promise((resolve) => setTimeout(resolve, 600));
    assert.equal(document.isDirty, true, 'left for the user to save');
  });

  it('gets a name of its own while another body of the same name is open, and none from a BIC that is not one', async () => {
    const first = await openBody();
    const second = await openBody();
    assert.equal(first.uri.toString(), 'openpayments-body:///Create Consent (NDEASESS).json');
    assert.equal(second.uri.toString(), 'openpayments-body:///Create Consent (NDEASESS) 2.json');
    requestsFake.close(first);
    const third = await openBody();
    assert.equal(third.uri.toString(), 'openpayments-body:///Create Consent (NDEASESS).json', 'a closed body\'s name is free again');
    const odd = await openBody({ 'X-BicFi': '../x/[link](command:evil)' });
    assert.equal(odd.uri.toString(), 'openpayments-body:///Create Consent.json');
  });
});
