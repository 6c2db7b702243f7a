import assert from 'node:assert/strict';
import { notificationSafeId, notificationSafeRequestId } from '../../../src/client/text/notificationSafe';
import { HOSTILE_VALUES } from './hostileValues';

describe('notification-safe values', () => {
  it('passes identifiers and codes as they are', () => {
    for (const value of ['1234-abcd', 'CONSENT_INVALID', 'ACSC', 'NDEASESS', 'sandbox-demo-client', '12:ab', 'a'.repeat(128)]) {
      assert.equal(notificationSafeId(value), value);
    }
  });

  it('refuses markup, links, URI schemes, whitespace, overlong and non-string values', () => {
    for (const value of [...HOSTILE_VALUES, 'v1.2:3', 'urn:x', 42, undefined, null, { toString: () => 'ok' }]) {
      assert.equal(notificationSafeId(value), undefined, JSON.stringify(value));
    }
  });

  it('passes a request id only when it is a UUID', () => {
    const id = '0b8f5a4e-8c1d-4b9e-9f3a-2d7c6e5b4a31';
    assert.equal(notificationSafeRequestId(id), id);
    assert.equal(notificationSafeRequestId(id.toUpperCase()), id.toUpperCase());
    for (const value of [...HOSTILE_VALUES, 'CONSENT_INVALID', `${id} `, `${id}x`, `[${id}](command:x)`, undefined]) {
      assert.equal(notificationSafeRequestId(value), undefined, String(value));
    }
  });
});
