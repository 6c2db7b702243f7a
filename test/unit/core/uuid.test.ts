// One UUID check for every X-Request-ID decision: what the client sends, what the prompt for an own id accepts,
// and what a notification may show. They used to be three checks that disagreed at the edges.
import assert from 'node:assert/strict';
import { isUuid } from '../../../src/client/text/uuid';
import { isRequestId, newRequestId } from '../../../src/client/http/requestId';
import { notificationSafeRequestId } from '../../../src/client/text/notificationSafe';
import { HOSTILE_VALUES } from './hostileValues';

const ACCEPTED = [
  '1b3e1e7a-5d5c-4b52-9f0e-4a4c2b8d9e10', // v4, the example the messages give
  'c232ab00-9414-11ec-b3c8-9f6bdeced846', // v1
  '017f22e2-79b0-7cc3-98c4-dc0c0c07398f', // v7
  '320c3d4d-cc00-875b-8ec9-32d5f69181c0', // v8
  '1B3E1E7A-5D5C-4B52-9F0E-4A4C2B8D9E10', // upper case
  '00000000-0000-0000-0000-000000000000', // Nil (RFC 9562 §5.9)
  'ffffffff-ffff-ffff-ffff-ffffffffffff', // Max (RFC 9562 §5.10)
];

const REFUSED = [
  '1b3e1e7a-5d5c-0b52-9f0e-4a4c2b8d9e10', // version 0
  '1b3e1e7a-5d5c-9b52-9f0e-4a4c2b8d9e10', // version 9
  '1b3e1e7a-5d5c-4b52-1f0e-4a4c2b8d9e10', // NCS variant
  '1b3e1e7a-5d5c-4b52-cf0e-4a4c2b8d9e10', // Microsoft variant
  '1b3e1e7a5d5c4b529f0e4a4c2b8d9e10', // no hyphens
  '{1b3e1e7a-5d5c-4b52-9f0e-4a4c2b8d9e10}',
  ' 1b3e1e7a-5d5c-4b52-9f0e-4a4c2b8d9e10',
  '1b3e1e7a-5d5c-4b52-9f0e-4a4c2b8d9e10\n',
  'req-1',
  '',
];

describe('the one UUID check', () => {
  it('accepts RFC 9562 UUIDs (versions 1 to 8, Nil and Max) in either case', () => {
    for (const value of ACCEPTED) assert.ok(isUuid(value), value);
  });

  it('refuses other versions and variants, other spellings, hostile text and non-strings', () => {
    for (const value of [...REFUSED, ...HOSTILE_VALUES, undefined, null, 42, { toString: () => ACCEPTED[0] }]) {
      assert.equal(isUuid(value), false, JSON.stringify(value));
    }
  });

  it('every X-Request-ID the client can send is one a notification shows, and nothing else is', () => {
    for (const value of [...ACCEPTED, ...REFUSED, newRequestId()]) {
      assert.equal(notificationSafeRequestId(value) !== undefined, isRequestId(value), value);
    }
  });
});
