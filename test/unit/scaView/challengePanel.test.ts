// The decoupled challenge panel in the fake VS Code: a page per poll, the latest render wins whatever order
// the renderer loads in, and only the user closing it cancels the flow.
import assert from 'node:assert/strict';
import type { ScaChallenge } from '../../../src/client/sca/types';
import * as challengeHtml from '../../../src/features/sca/challengeHtml';
import { ChallengePanel, ChallengePanels, type ChallengeRenderer } from '../../../src/features/sca/challengePanel';
import { viewsFake } from '../fakes/vscode';

const at = (scaStatus: string, qrText = 'token-1'): ScaChallenge => ({ scaStatus, qrText });

/** A renderer load the test releases by hand, to finish renders out of order. */
class ManualLoads {
  private readonly pending: (() => void)[] = [];
  readonly load = (): Promise<ChallengeRenderer> => new Promise((resolve) => this.pending.push(() => resolve(challengeHtml)));
  release(index: number): void {
    this.pending[index]?.();
  }
}

describe('challenge panel', () => {
  beforeEach(() => viewsFake.reset());

  it('opens one scriptless panel and re-renders it on every poll', async () => {
    const panel = new ChallengePanel('Authorise consent c-1', () => assert.fail('not closed by the user'));
    panel.show(at('authenticationStarted', 'token-1'));
    await panel.rendered();
    const [webviewPanel] = viewsFake.panels;
    assert.ok(webviewPanel);
    assert.equal(webviewPanel.webview.options.enableScripts, false);
    assert.equal(webviewPanel.webview.options.enableCommandUris, false);
    const first = webviewPanel.webview.html;
    assert.match(first, /Status: authenticationStarted/);
    assert.match(first, /<svg/);
    panel.show(at('started', 'token-2'));
    await panel.rendered();
    assert.match(webviewPanel.webview.html, /Status: started/);
    assert.notEqual(webviewPanel.webview.html, first, 'the new token gives a new QR code');
    assert.equal(viewsFake.panels.length, 1);
    panel.dispose();
  });

  it('keeps the latest page when an older render finishes last', async () => {
    const loads = new ManualLoads();
    const panel = new ChallengePanel('Authorise', () => undefined, { load: loads.load });
    panel.show(at('authenticationStarted'));
    panel.show(at('started'));
    loads.release(1);
    await panel.rendered();
    loads.release(0);
    await new Promise((resolve) => setImmediate(resolve));
    assert.match(viewsFake.panels[0]?.webview.html ?? '', /Status: started/);
    assert.doesNotMatch(panel.html, /authenticationStarted/);
    panel.dispose();
  });

  it('cancels the flow when the user closes it, and does not open again for a late poll', () => {
    let closed = 0;
    const panel = new ChallengePanel('Authorise', () => closed++);
    panel.show(at('started'));
    viewsFake.panels[0]?.dispose();
    assert.equal(closed, 1);
    panel.show(at('started'));
    assert.equal(viewsFake.panels.length, 1, 'no second panel');
  });

  it('closes without cancelling when the flow disposes it, and drops a render still loading', async () => {
    const loads = new ManualLoads();
    let closed = 0;
    const panel = new ChallengePanel('Authorise', () => closed++, { load: loads.load });
    panel.show(at('started'));
    panel.dispose();
    loads.release(0);
    await panel.rendered();
    assert.equal(closed, 0);
    assert.equal(viewsFake.panels[0]?.disposed, true);
    assert.equal(viewsFake.panels[0]?.webview.html, '');
  });

  it('keeps the page unchanged when the renderer cannot be loaded', async () => {
    const panel = new ChallengePanel('Authorise', () => undefined, { load: () => Promise.reject(new Error('chunk missing')) });
    panel.show(at('started'));
    await panel.rendered();
    assert.equal(viewsFake.panels[0]?.webview.html, '');
    panel.dispose();
  });

  it('remembers the last page any panel showed, for the test API', async () => {
    const panels = new ChallengePanels();
    assert.equal(panels.lastHtml, undefined);
    const view = panels.create('Authorise', () => undefined) as ChallengePanel;
    view.show(at('started'));
    await view.rendered();
    assert.match(panels.lastHtml ?? '', /Status: started/);
    view.dispose();
  });
});
