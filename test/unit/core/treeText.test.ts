// Text fitted to tree rows: messages split into the sentences a reader pauses at, names shortened with an ellipsis.
import assert from 'node:assert/strict';
import { sentences, shortened } from '../../../src/client/text/treeText';

describe('tree row text', () => {
  it('splits a failure message into its sentences, keeping dotted names and the X-Request-ID whole', () => {
    const id = '0f5a6c1e-9d3b-4c2a-8e7f-1a2b3c4d5e6f';
    assert.deepEqual(sentences(`Get Country List timed out. Try again, or raise openPayments.http.responseTimeoutMs. X-Request-ID: ${id}.`), [
      'Get Country List timed out.',
      'Try again, or raise openPayments.http.responseTimeoutMs.',
      `X-Request-ID: ${id}.`,
    ]);
    assert.deepEqual(sentences('Get Country List failed: the connection was refused. Is the server (or the local sandbox) running?'), [
      'Get Country List failed: the connection was refused.',
      'Is the server (or the local sandbox) running?',
    ]);
    assert.deepEqual(sentences('one sentence without an end'), ['one sentence without an end']);
    assert.deepEqual(sentences('Pay e.g. rent. Then stop.'), ['Pay e.g. rent.', 'Then stop.']);
    assert.deepEqual(sentences('  '), []);
  });

  it('shortens only text longer than the limit, ending it in an ellipsis within the limit', () => {
    assert.equal(shortened('Nordea Bank Abp', 28), 'Nordea Bank Abp');
    const long = 'Svenska Handelsbanken AB (publ), filial Stockholm';
    const short = shortened(long, 28);
    assert.equal([...short].length, 28);
    assert.ok(short.endsWith('…') && long.startsWith(short.slice(0, -1)), short);
    assert.equal(shortened('Bank with a space at the cut', 10), 'Bank with…');
    assert.equal(shortened('Ålandsbanken Abp ÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅ', 12), 'Ålandsbanke…');
  });
});
