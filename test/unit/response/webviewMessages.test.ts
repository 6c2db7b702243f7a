import assert from 'node:assert/strict';
import { parseResponseViewMessage } from '../../../src/features/requests/response/webviewMessages';

const SHOWN = ['3f1c2b9a-5d6e-4f70-8a1b-2c3d4e5f6a7b', '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d'];

describe('response view messages', () => {
  it('accepts copying an X-Request-ID that is on the page', () => {
    assert.deepEqual(parseResponseViewMessage({ type: 'copyRequestId', requestId: SHOWN[1] }, SHOWN), { type: 'copyRequestId', requestId: SHOWN[1] });
  });

  it('accepts opening the body, and the page saying it has loaded', () => {
    assert.deepEqual(parseResponseViewMessage({ type: 'openBodyInEditor' }, SHOWN), { type: 'openBodyInEditor' });
    assert.deepEqual(parseResponseViewMessage({ type: 'ready' }, []), { type: 'ready' });
  });

  it('refuses everything else', () => {
    const refused: unknown[] = [
      undefined, null, 'copyRequestId', 42, [], [{ type: 'openBodyInEditor' }],
      { type: 'copyRequestId', requestId: 'aaaaaaaa-0000-4000-8000-000000000000' },
      { type: 'copyRequestId', requestId: 'Bearer abc' },
      { type: 'copyRequestId' },
      { type: 'copyRequestId', requestId: SHOWN[0], extra: 'command:workbench.action.terminal.new' },
      { type: 'openBodyInEditor', path: '/etc/passwd' },
      { type: 'ready', html: '<script>' },
      { type: 'runCommand', command: 'workbench.action.terminal.new' },
      { type: 'toString' },
    ];
    for (const message of refused) assert.equal(parseResponseViewMessage(message, SHOWN), undefined, JSON.stringify(message));
  });

  it('refuses any copy when nothing is shown', () => {
    assert.equal(parseResponseViewMessage({ type: 'copyRequestId', requestId: SHOWN[0] }, []), undefined);
  });
});
