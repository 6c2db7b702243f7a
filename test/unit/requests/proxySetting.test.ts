// VS Code's http.proxy setting reaches the extension's requests: API calls and token requests both go
// through the configured proxy (corporate networks allow nothing else).
import assert from 'node:assert/strict';
import type { ApiResult } from '../../../src/client/http/requestFailure';
import { startTunnelProxy } from '../api/http/support/tunnelProxy';
import { useSandboxExtension } from '../fakes/sandboxExtension';
import { commands, fake } from '../fakes/vscode';

describe('VS Code\'s http.proxy setting (fake VS Code, real sandbox)', function () {
  this.timeout(20_000);
  const current = useSandboxExtension('proxy-client', 'unit-proxy-secret-7d2e');

  it('sends the token request and the API call through the proxy', async () => {
    const proxy = await startTunnelProxy();
    try {
      fake.settings.set('http.proxy', { global: proxy.url });
      const result = await commands.executeCommand<ApiResult>('openPayments.sendRequest', { operationId: 'getCountriesList', params: {} });
      assert.ok(result?.ok, result && !result.ok ? result.failure.summary : 'not attempted');
      const { sandbox } = current();
      assert.deepEqual([...new Set(proxy.tunnels)].sort(), [new URL(sandbox.apiHost).host, new URL(sandbox.authHost).host].sort());
    } finally {
      await proxy.close();
    }
  });

  it('goes direct without the setting', async () => {
    const proxy = await startTunnelProxy();
    try {
      const result = await commands.executeCommand<ApiResult>('openPayments.sendRequest', { operationId: 'getCountriesList', params: {} });
      assert.ok(result?.ok);
      assert.deepEqual(proxy.tunnels, []);
    } finally {
      await proxy.close();
    }
  });
});
