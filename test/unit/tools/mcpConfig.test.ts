// The MCP server's start-up configuration: which environment, which credentials, and the production flag.
import assert from 'node:assert/strict';
import { parseConfig } from '../../../src/mcp/config';

describe('MCP server configuration', () => {
  it('talks to the local sandbox with its demo client when nothing is set', () => {
    const parsed = parseConfig([], {});
    assert.ok(parsed.ok === true);
    assert.equal(parsed.config.environment.id, 'local');
    assert.equal(parsed.config.environment.apiHost, 'http://127.0.0.2:8402');
    assert.equal(parsed.config.credentials, undefined);
  });

  it('takes credentials and a local sandbox on other ports from the environment variables', () => {
    const parsed = parseConfig(['--start-sandbox'], {
      OPENPAYMENTS_CLIENT_ID: 'id',
      OPENPAYMENTS_CLIENT_SECRET: 's3cret-value',
      OPENPAYMENTS_AUTH_HOST: 'http://127.0.0.2:9001',
      OPENPAYMENTS_API_HOST: 'http://127.0.0.2:9002',
    });
    assert.ok(parsed.ok === true);
    assert.deepEqual(parsed.config.credentials, { clientId: 'id', clientSecret: 's3cret-value' });
    assert.equal(parsed.config.environment.apiHost, 'http://127.0.0.2:9002');
    assert.equal(parsed.config.startSandbox, true);
  });

  it('refuses production without --allow-production, half-given credentials, remote environments without any, and unknown flags', () => {
    const production = { OPENPAYMENTS_ENVIRONMENT: 'production', OPENPAYMENTS_CLIENT_ID: 'id', OPENPAYMENTS_CLIENT_SECRET: 'secret-xyz' };
    const refused = parseConfig([], production);
    assert.ok(refused.ok === false && /--allow-production/.test(refused.message));
    const allowed = parseConfig(['--allow-production'], production);
    assert.ok(allowed.ok === true && allowed.config.environment.isProduction);
    const half = parseConfig([], { OPENPAYMENTS_CLIENT_ID: 'id' });
    assert.ok(half.ok === false && /both OPENPAYMENTS_CLIENT_ID and OPENPAYMENTS_CLIENT_SECRET/.test(half.message));
    const sandbox = parseConfig([], { OPENPAYMENTS_ENVIRONMENT: 'sandbox' });
    assert.ok(sandbox.ok === false && /Sandbox environment needs OPENPAYMENTS_CLIENT_ID/.test(sandbox.message));
    const custom = parseConfig([], { OPENPAYMENTS_ENVIRONMENT: 'custom', OPENPAYMENTS_CLIENT_ID: 'id', OPENPAYMENTS_CLIENT_SECRET: 'secret-xyz', OPENPAYMENTS_AUTH_HOST: 'http://example.com' });
    assert.ok(custom.ok === false && /OPENPAYMENTS_AUTH_HOST must be an https URL/.test(custom.message));
    const flag = parseConfig(['--production'], {});
    assert.ok(flag.ok === false && /Unknown argument "--production"/.test(flag.message));
    const wrongEnv = parseConfig(['--start-sandbox'], { OPENPAYMENTS_ENVIRONMENT: 'sandbox', OPENPAYMENTS_CLIENT_ID: 'id', OPENPAYMENTS_CLIENT_SECRET: 'secret-xyz' });
    assert.ok(wrongEnv.ok === false && /--start-sandbox needs OPENPAYMENTS_ENVIRONMENT=local/.test(wrongEnv.message));
  });
});
