// A request file's two actions in the fake VS Code: the lenses above a .rest file's catalogue blocks (whatever
// language the file has), its diagnostics, and Copy as Code resolving a block exactly as Send does (file
// variables, the last consent, its PSU context, the active environment) before handing it to Copy as Code.
import assert from 'node:assert/strict';
import { ConsentStore } from '../../../src/client/consents/consentStore';
import { PaymentStore } from '../../../src/client/payments/paymentRecords';
import { operationAtLine } from '../../../src/client/requestFiles/operationAtLine';
import { BlockResolver } from '../../../src/features/requestFiles/blockResolution';
import { CopyBlockCommand } from '../../../src/features/requestFiles/copyBlockCommand';
import { RequestFileLens } from '../../../src/features/requestFiles/requestFileLens';
import { SendBlockCommand } from '../../../src/features/requestFiles/sendBlockCommand';
import type { RequestRunner, RequestInput } from '../../../src/host/requestRunner';
import { SettledState } from '../../../src/host/settledState';
import { MemoryState } from '../history/fixtures';
import { commands, fake, FakeRequestDocument, FakeTextEditor, requestsFake, Selection, Uri, window, workspace } from '../fakes/vscode';

const CONSENT_ID = 'c0ffee00-1111-4222-8333-444455556666';
const FILE = [
  '### Consent status', // 0
  'GET {{API_HOST}}/psd2/consent/v1/consents/{{consentId}}/status', // 1
  'X-BicFi: ESSESESS', // 2
  '', // 3
  '### Token', // 4
  'POST {{AUTH_HOST}}/connect/token', // 5
  '', // 6
  '### Broken', // 7
  'FETCH {{API_HOST}}/psd2/aspspinformation/v1/cities', // 8
  '',
].join('\n');

function memoryFiles(files: Record<string, string>): { dispose(): unknown } {
  return workspace.registerFileSystemProvider('memfs', {
    readFile: (uri) => new TextEncoder().encode(files[uri.path] ?? ''),
    writeFile: () => undefined,
  });
}

describe('request files: the lenses and Copy as Code (fake VS Code)', () => {
  let files: { dispose(): unknown };
  beforeEach(() => {
    fake.reset();
    requestsFake.reset();
    files = memoryFiles({ '/requests.rest': FILE, '/notes.txt': FILE });
  });
  afterEach(() => {
    files.dispose();
    (window as { activeTextEditor: unknown }).activeTextEditor = undefined;
  });

  it('puts Send and Copy as Code above each catalogue block of a .rest file of any language, and marks its malformed lines', async () => {
    const lens = new RequestFileLens().register();
    try {
      const rest = await workspace.openTextDocument(Uri.parse('memfs:/requests.rest'));
      const text = await workspace.openTextDocument(Uri.parse('memfs:/notes.txt'));
      assert.equal(rest.languageId, 'plaintext', 'the user may have given .rest another language; the pattern still finds it');
      const diagnostics = requestsFake.diagnostics.get('openPayments.requestFiles');
      assert.deepEqual(diagnostics?.get(rest.uri)?.map((d) => d.range.start.line), [8]);
      assert.equal(diagnostics?.get(text.uri), undefined, 'a file that is no request file gets no diagnostics');

      const provider = fake.codeLensProviders[0]?.provider as RequestFileLens;
      const lenses = provider.provideCodeLenses(rest as never);
      assert.deepEqual(
        lenses.map((l) => [l.range.start.line, l.command?.title, l.command?.command]),
        [
          [1, 'Send with Open Payments', 'openPayments.requestFiles.send'],
          [1, 'Copy as Code', 'openPayments.requestFiles.copyAsCode'],
        ],
      );
      assert.deepEqual(lenses[1]?.command?.arguments, [rest.uri, 1], 'Copy as Code acts on the block its lens is above');
    } finally {
      lens.dispose();
    }
  });

  describe('one resolution for Send and Copy as Code', () => {
    const handed: unknown[][] = [];
    const sent: RequestInput[] = [];
    let copy: CopyBlockCommand;
    let send: SendBlockCommand;
    let registration: { dispose(): unknown };

    beforeEach(async () => {
      handed.length = 0;
      sent.length = 0;
      const state = new SettledState(new MemoryState());
      const consents = new ConsentStore(state);
      await consents.add({ consentId: 'older', bicFi: 'ESSESESS', environmentId: 'sandbox', status: 'valid', createdAt: '2026-01-01T00:00:00Z', context: 'private' });
      await consents.add({ consentId: CONSENT_ID, bicFi: 'ESSESESS', environmentId: 'sandbox', status: 'valid', createdAt: '2026-02-01T00:00:00Z', context: 'corporate' });
      await consents.add({ consentId: 'other-environment', bicFi: 'ESSESESS', environmentId: 'local', status: 'valid', createdAt: '2026-03-01T00:00:00Z', context: 'private' });
      const blocks = new BlockResolver({ state: { id: 'sandbox' } } as never, consents, new PaymentStore(state));
      copy = new CopyBlockCommand(blocks);
      const runner = { run: async (input: RequestInput) => void sent.push(input) } as unknown as RequestRunner;
      send = new SendBlockCommand(runner, blocks);
      registration = commands.registerCommand('openPayments.copyAsCode', (...args: unknown[]) => {
        handed.push(args);
        return 'the program';
      });
    });
    afterEach(() => registration.dispose());

    it('hands Copy as Code the request Send sends: the last consent of the environment, its context, the environment', async () => {
      const uri = Uri.parse('memfs:/requests.rest');
      const copied = await copy.run(uri, 1, 'python');
      assert.deepEqual(copied, { copied: true, code: 'the program' });
      assert.deepEqual(handed, [
        [{ operationId: 'getConsentStatus', params: { consentId: CONSENT_ID, 'X-BicFi': 'ESSESESS' }, context: 'corporate', environmentId: 'sandbox' }, 'python'],
      ]);
      await send.run(uri, 1);
      assert.deepEqual(
        sent.map((input) => [input.operation.id, input.params, input.context]),
        [['getConsentStatus', { consentId: CONSENT_ID, 'X-BicFi': 'ESSESESS' }, 'corporate']],
      );
    });

    it('takes the block at the cursor when run from the editor, and asks for the language there', async () => {
      const document = new FakeRequestDocument(Uri.parse('memfs:/requests.rest'), 'http', FILE);
      const editor = new FakeTextEditor(document);
      editor.selection = new Selection(2, 3, 2, 3);
      (window as { activeTextEditor: unknown }).activeTextEditor = editor;
      await copy.run();
      assert.equal(handed.length, 1);
      assert.equal(handed[0]?.length, 1, 'no language given: Copy as Code offers its pick');
      assert.equal((handed[0]?.[0] as { operationId: string }).operationId, 'getConsentStatus');
    });

    it('refuses a block that is no operation with the reason Send gives, and copies nothing', async () => {
      const uri = Uri.parse('memfs:/requests.rest');
      for (const [line, reason] of [
        [5, 'The request at line 6 goes to the authorization server. Open Payments gets tokens itself; use the API request that needs one.'],
        [8, 'Line 9 cannot be read: "FETCH" is not an HTTP method. A request line reads METHOD URL, for example GET {{API_HOST}}/psd2/aspspinformation/v1/countries.'],
      ] as const) {
        const copied = await copy.run(uri, line);
        const refused = await send.run(uri, line);
        assert.deepEqual(copied, { copied: false, message: `Nothing was copied. ${reason}` });
        assert.deepEqual(refused, { sent: false, message: `Nothing was sent. ${reason}` });
      }
      assert.deepEqual(
        fake.messages.map((m) => [m.severity, m.message.split('.')[0]]),
        [
          ['warning', 'Nothing was copied'],
          ['warning', 'Nothing was sent'],
          ['warning', 'Nothing was copied'],
          ['warning', 'Nothing was sent'],
        ],
      );
      const noEditor = await copy.run();
      assert.deepEqual(noEditor, { copied: false, message: 'Nothing was copied. Open a request file (.http or .rest) and put the cursor in a request.' });
      assert.deepEqual(handed, [], 'Copy as Code was not asked');
      assert.deepEqual(sent, [], 'nothing was sent');
    });
  });
});

describe('operationAtLine', () => {
  const none = () => undefined;
  it('reads the operation of the block at any of its lines, with values the file leaves out supplied', () => {
    for (const line of [0, 1, 2, 3]) {
      const found = operationAtLine(FILE, line, (name) => (name === 'consentId' ? 'c-1' : undefined));
      assert.deepEqual(found.kind === 'operation' && [found.requestLine, found.match.operation.id, found.match.params], [1, 'getConsentStatus', { consentId: 'c-1', 'X-BicFi': 'ESSESESS' }], `line ${line}`);
    }
  });

  it('says why a line holds no operation: a malformed line, no request, another host, an unknown variable', () => {
    assert.deepEqual(operationAtLine(FILE, 8, none), { kind: 'syntax', problem: { kind: 'notAMethod', line: 8, word: 'FETCH' } });
    assert.deepEqual(operationAtLine('@a = 1\n\n### x\nGET {{API_HOST}}/psd2/aspspinformation/v1/countries\n', 0, none), { kind: 'noRequest', line: 0 });
    const token = operationAtLine(FILE, 5, none);
    assert.deepEqual(token.kind === 'notOperation' && [token.requestLine, token.match.kind, token.match.kind === 'notCatalogue' && token.match.reason], [5, 'notCatalogue', 'authHost']);
    const unknown = operationAtLine(FILE, 1, none);
    assert.deepEqual(unknown.kind === 'notOperation' && unknown.match, { kind: 'unknownVariable', name: 'consentId', line: 1 });
  });
});
