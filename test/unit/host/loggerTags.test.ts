// Every line of the one log says which part of the extension wrote it, and the tag never lets a secret through.
import assert from 'node:assert/strict';
import { Redactor } from '../../../src/client/redaction/redaction';
import { Logger } from '../../../src/host/logger';

function channel() {
  const lines: string[] = [];
  const write = (level: string) => (message: string) => void lines.push(`${level} ${message}`);
  return { lines, trace: write('trace'), debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error'), show: () => undefined };
}

describe('Logger component tags', () => {
  it('tags each line with its component, on one shared channel', () => {
    const out = channel();
    const root = new Logger(out as never, new Redactor(), 'host');
    root.info('Environment local.');
    root.for('http').info('GET /psd2/aspspinformation/v1/aspsps 200 12 ms');
    root.for('sca').error('The login failed', new Error('boom'));
    assert.deepEqual(out.lines, [
      'info [host] Environment local.',
      'info [http] GET /psd2/aspspinformation/v1/aspsps 200 12 ms',
      'error [sca] The login failed: Error: boom',
    ]);
  });

  it('masks a secret in a tagged line as in any other', () => {
    const out = channel();
    const redactor = new Redactor();
    const secret = 'tag-secret-0123456789abcdef';
    redactor.addSecret(secret);
    new Logger(out as never, redactor).for('setup').warn(`stored ${secret}`);
    assert.equal(out.lines.length, 1);
    assert.ok(!out.lines[0]?.includes(secret) && out.lines[0]?.startsWith('warn [setup] stored '), out.lines[0]);
  });
});
