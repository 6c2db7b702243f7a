// Second extension-host session on the same user data: what the first session left must still be there
// (history), and still hold no secret (the harness scans the files afterwards).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { OPERATIONS } from '../../src/client/catalogue/catalogue';
import { runSuite } from './runSuite';
import { extensionApi } from './support';

export function run(): Promise<void> {
  return runSuite(() => {
    describe('after a reload', () => {
      it('history still lists every request of the previous session by X-Request-ID', async () => {
        const shared = process.env.OPENPAYMENTS_IT_SHARED;
        assert.ok(shared, 'the harness shares a folder between sessions');
        const sent = JSON.parse(fs.readFileSync(path.join(shared, 'sent-request-ids.json'), 'utf8')) as string[];
        const api = await extensionApi();
        const ids = new Set(api.history.entries().map((entry) => entry.requestId));
        assert.ok(sent.length >= OPERATIONS.length, 'the previous session sent every catalogue operation');
        for (const id of sent) assert.ok(ids.has(id), `history kept ${id}`);
        const withDetails = api.history.entries().find((entry) => entry.requestId === sent[0]);
        assert.ok(withDetails);
        const record = await api.history.loadResponse(withDetails.id);
        assert.equal(record?.exchange?.requestId, sent[0], 'the stored response opens after the reload');
      });
    });
  });
}
