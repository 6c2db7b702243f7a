// History and the response view fed by the real HTTP core over loopback (token server + API server), so
// the exchanges are the core's own (lazily masked) objects rather than hand-made fixtures.
import assert from 'node:assert/strict';
import { findOperation } from '../../../src/client/catalogue/catalogue';
import { createHttpCore, type HttpCore } from '../../../src/client/http/httpCore';
import { ClientCredentialsTokens } from '../../../src/client/auth/tokens/clientCredentialsTokens';
import { Redactor } from '../../../src/client/redaction/redaction';
import { HistoryStore } from '../../../src/client/history/historyStore';
import { renderResponseHtml } from '../../../src/features/requests/response/responseHtml';
import { buildResponseViewModel } from '../../../src/features/requests/response/responseViewModel';
import { CLIENT_ID, CLIENT_SECRET, startTokenServer } from '../api/http/support/fakeTokenServer';
import { sendJson, startServer } from '../api/http/support/localServer';
import { MemoryFiles, MemoryState, sequentialIds } from './fixtures';

describe('history over the real HTTP core', () => {
  it('records a real 400 with tppMessages, keeps no token or secret, and renders it escaped', async () => {
    const tokenServer = await startTokenServer();
    const api = await startServer((request, res) =>
      sendJson(res, 400, {
        tppMessages: [{ category: 'ERROR', code: 'FORMAT_ERROR', path: 'isoCountryCodes', text: `<img src=x onerror=alert(1)> ${request.headers.authorization}` }],
      }),
    );
    const redactor = new Redactor();
    const core: HttpCore = createHttpCore({
      transport: { headersTimeoutMs: 5000 },
      tokens: (fetch) => new ClientCredentialsTokens({ credentials: async () => ({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET }), fetch, redactor }),
      redactor,
    });
    try {
      const operation = findOperation('getASPSPList');
      assert.ok(operation);
      const environment = { id: 'local', authHost: tokenServer.authHost, apiHost: api.origin };
      const input = { params: { isoCountryCodes: 'XX' } };
      const result = await core.client.send({ operation, ...input, environment, context: 'private' });
      assert.equal(result.ok, false);

      const state = new MemoryState();
      const files = new MemoryFiles();
      const store = new HistoryStore({ state, files, redactor, maxEntries: () => 200, log: { error: () => undefined }, newId: sequentialIds() });
      const response = await store.record({ operation, environmentId: 'local', input, result });

      const [entry] = store.entries();
      assert.equal(entry?.status, 400);
      assert.equal(entry?.failureKind, 'http');
      assert.match(entry?.requestId ?? '', /^[0-9a-f-]{36}$/);
      assert.equal(response.tppMessages?.[0]?.code, 'FORMAT_ERROR');

      const stored = state.dump() + files.dump();
      for (const secret of [CLIENT_SECRET, ...tokenServer.issued]) assert.ok(!stored.includes(secret), 'a secret reached history');

      const html = renderResponseHtml(buildResponseViewModel(response, redactor), { nonce: 'bm9uY2Utbm9uY2Utbm9uY2U=', cspSource: 'https://x' });
      assert.ok(!html.includes('<img'));
      assert.match(html, /A header, query parameter or body field is missing or badly formatted/);
      for (const secret of [CLIENT_SECRET, ...tokenServer.issued]) assert.ok(!html.includes(secret), 'a secret reached the page');
    } finally {
      await core.close();
      await Promise.all([api.close(), tokenServer.close()]);
    }
  });
});
