import assert from 'node:assert/strict';

/** Fails if any secret appears anywhere in the value's JSON, or in an error's message or stack. */
export function assertNoSecrets(value: unknown, secrets: readonly string[]): void {
  let text = JSON.stringify(value) ?? '';
  if (value instanceof Error) text += `\n${value.message}\n${value.stack ?? ''}`;
  for (const secret of secrets) {
    assert.ok(!text.includes(secret), `secret ${secret.slice(0, 6)}… leaked into: ${text.slice(0, 300)}`);
  }
}
