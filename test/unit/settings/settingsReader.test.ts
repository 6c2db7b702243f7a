// The one settings reader knows every setting the package contributes, with the type its schema declares, so a
// new setting in package.json cannot be forgotten by the code (nor a setting read that the manifest lacks).
import assert from 'node:assert/strict';
import { NUMBER_SETTINGS, type SettingKey, settingId, SettingsReader, STRING_SETTINGS } from '../../../src/host/settings/settingsReader';
import { readManifest, resetWithManifestDefaults } from '../fakes/manifest';
import { fake } from '../fakes/vscode';

const KEYS: readonly SettingKey[] = [...STRING_SETTINGS, ...NUMBER_SETTINGS];

function typeOf(key: SettingKey): 'number' | 'string' {
  return (NUMBER_SETTINGS as readonly string[]).includes(key) ? 'number' : 'string';
}

/** A value of the setting's type that is not its default, so reading it proves the reader reads the setting. */
function otherValue(key: SettingKey): string | number {
  return typeOf(key) === 'number' ? 4321 : `set-${key}`;
}

describe('SettingsReader', () => {
  beforeEach(resetWithManifestDefaults);

  it('lists exactly the settings package.json contributes, each with the type its schema declares', () => {
    const properties = readManifest().contributes.configuration.properties as Record<string, { type?: string }>;
    assert.deepEqual([...KEYS].map(settingId).sort(), Object.keys(properties).sort());
    assert.equal(new Set(KEYS).size, KEYS.length, 'each setting is listed once');
    for (const key of KEYS) {
      const declared = properties[settingId(key)]?.type;
      assert.equal(typeOf(key), declared === 'integer' ? 'number' : declared, `${settingId(key)} is typed as its schema says`);
    }
  });

  it('reads every contributed setting: its default when untouched, and what the user set', () => {
    const reader = new SettingsReader();
    const properties = readManifest().contributes.configuration.properties;
    for (const key of KEYS) assert.deepEqual(reader.get(key), properties[settingId(key)]?.default, `default of ${settingId(key)}`);
    for (const key of KEYS) fake.settings.set(settingId(key), { global: otherValue(key) });
    for (const key of KEYS) assert.equal(reader.get(key), otherValue(key), `value of ${settingId(key)}`);
  });

  it('writes to the user or the workspace settings, and tells which one is in force', async () => {
    const reader = new SettingsReader();
    await reader.update('environment', 'local', 'user');
    assert.deepEqual(fake.settings.get('openPayments.environment'), { global: 'local' });
    assert.equal(reader.isSetInWorkspace('environment'), false);
    await reader.update('environment', 'production', 'workspace');
    assert.equal(reader.isSetInWorkspace('environment'), true);
    assert.equal(reader.get('environment'), 'production');
  });

  it('announces a change of a watched setting or group, and nothing else', async () => {
    const reader = new SettingsReader();
    let calls = 0;
    const subscription = reader.onDidChange(['openPayments.http', 'openPayments.redirectUri'], () => calls++);
    await reader.update('http.connectTimeoutMs', 5000, 'user');
    await reader.update('redirectUri', 'http://127.0.0.1:9/cb', 'user');
    await reader.update('psu.id', 'someone', 'user');
    subscription.dispose();
    await reader.update('http.connectTimeoutMs', 6000, 'user');
    assert.equal(calls, 2);
  });
});
