// The Settings UI validates every value, defaults included, against the setting's JSON schema and shows a
// red error under any that fails. These tests hold the manifest to the same check, with ajv and its formats.
import assert from 'node:assert/strict';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { readManifest } from '../fakes/manifest';

type SettingSchema = Record<string, unknown> & { default?: unknown; pattern?: string; patternErrorMessage?: string };

function compiler(): Ajv {
  // VS Code's own keywords (markdownDescription, scope, order, …) are not JSON schema; strict mode would refuse them.
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  return ajv;
}

describe('settings schema', () => {
  const properties = readManifest().contributes.configuration.properties as Record<string, SettingSchema>;

  it('every setting has a default that its own schema accepts, so an untouched Settings UI shows no error', () => {
    const ajv = compiler();
    const failures: string[] = [];
    for (const [key, schema] of Object.entries(properties)) {
      assert.ok('default' in schema, `${key} has a default`);
      const validate = ajv.compile(schema);
      if (!validate(schema.default)) failures.push(`${key}: ${ajv.errorsText(validate.errors)}`);
    }
    assert.deepEqual(failures, []);
  });

  it('a pattern always comes with a sentence saying what to type', () => {
    for (const [key, schema] of Object.entries(properties)) {
      if (schema.pattern !== undefined) assert.match(schema.patternErrorMessage ?? '', /\.$/, `${key} explains its pattern`);
    }
  });

  for (const key of ['openPayments.authHost', 'openPayments.apiHost']) {
    it(`${key} accepts a host URL and refuses what is not one`, () => {
      const schema = properties[key];
      assert.ok(schema);
      const validate = compiler().compile(schema);
      for (const good of ['', 'https://api.example.com', 'https://api.example.com/', 'http://127.0.0.2:8402', 'https://[::1]:8443']) {
        assert.ok(validate(good), `accepts ${JSON.stringify(good)}`);
      }
      for (const bad of ['api.example.com', 'ftp://api.example.com', 'https://', 'https://api.example.com/psd2', 'https://api example.com']) {
        assert.ok(!validate(bad), `refuses ${JSON.stringify(bad)}`);
      }
    });
  }
});
