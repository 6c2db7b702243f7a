import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { activate } from '../../../src/extension';
import { activateExtension } from '../fakes/activate';
import { readManifest, repoRoot, resetWithManifestDefaults } from '../fakes/manifest';
import { createExtensionContext, ExtensionMode, fake, viewsFake } from '../fakes/vscode';

describe('extension manifest and activation', () => {
  const manifest = readManifest();

  it('registers exactly the contributed commands, each in the Open Payments category', async () => {
    const ext = await activateExtension();
    try {
      const contributed = manifest.contributes.commands.map((c) => c.command).sort();
      const registered = [...fake.commands.keys()].sort();
      assert.deepEqual(registered, contributed);
      for (const command of manifest.contributes.commands) assert.equal(command.category, 'Open Payments', command.command);
    } finally {
      ext.dispose();
    }
  });

  it('releases everything it registered when deactivated', async () => {
    const ext = await activateExtension();
    ext.dispose();
    assert.equal(fake.commands.size, 0);
    assert.equal(fake.treeProviders.size, 0);
    assert.equal(viewsFake.treeViews.size, 0);
    assert.ok(fake.statusBarItems.every((item) => item.disposed));
    assert.ok(fake.channels.every((channel) => channel.disposed));
  });

  it('has an activity bar container with an SVG icon and the three views, each with a welcome text, and the Local Sandbox view only for the local sandbox', () => {
    const [container] = manifest.contributes.viewsContainers.activitybar;
    assert.ok(container);
    assert.ok(container.icon.endsWith('.svg') && fs.existsSync(path.join(repoRoot, container.icon)));
    const views = manifest.contributes.views[container.id]?.map((view) => view.name);
    assert.deepEqual(views, ['Banks', 'Consents & Accounts', 'History', 'Local Sandbox']);
    const local = manifest.contributes.views[container.id]?.find((view) => view.name === 'Local Sandbox') as { when?: string } | undefined;
    assert.equal(local?.when, 'openPayments.localSandbox');
    // Its scenarios need no credentials and its tree is never empty, so it has no welcome text.
    for (const view of (manifest.contributes.views[container.id] ?? []).filter((v) => v.name !== 'Local Sandbox')) {
      const welcome = manifest.contributes.viewsWelcome.filter((w) => w.view === view.id);
      assert.ok(welcome.some((w) => w.when?.includes('!openPayments.hasCredentials')), `${view.id} explains what to do first`);
    }
  });

  it('welcome buttons only run commands that exist', () => {
    // VS Code adds a "<view id>.focus" command for every contributed view.
    const viewFocus = Object.values(manifest.contributes.views).flatMap((views) => views.map((view) => `${view.id}.focus`));
    const commands = new Set([...manifest.contributes.commands.map((c) => c.command), ...viewFocus]);
    for (const welcome of manifest.contributes.viewsWelcome) {
      for (const [, command] of welcome.contents.matchAll(/\(command:([\w.]+)\)/g)) {
        assert.ok(commands.has(command ?? ''), `${welcome.view} links to unknown ${command}`);
      }
    }
  });

  it('teaches setting up in one welcome; the other views point to it in a sentence instead of repeating its buttons', () => {
    const setUp = ['openPayments.setClientCredentials', 'openPayments.useLocalSandbox', 'openPayments.chooseEnvironment'];
    const withoutCredentials = manifest.contributes.viewsWelcome.filter((w) => w.when?.includes('!openPayments.hasCredentials'));
    const teaching = withoutCredentials.filter((w) => setUp.some((command) => w.contents.includes(`(command:${command})`)));
    assert.deepEqual(teaching.map((w) => w.view), ['openPayments.banks']);
    for (const command of setUp) assert.ok(teaching[0]?.contents.includes(`\n[`) && teaching[0].contents.includes(`(command:${command})`), `the Banks welcome offers ${command}`);
    for (const other of withoutCredentials.filter((w) => w.view !== 'openPayments.banks')) {
      // A link inside a sentence renders as a link; only a link alone on its line becomes a button.
      assert.match(other.contents, /[a-z] the \[Banks\]\(command:openPayments\.banks\.focus\) view/, `${other.view} points to the Banks view`);
      assert.doesNotMatch(other.contents, /\n\[/, `${other.view} shows no buttons of its own`);
    }
  });

  it('has a walkthrough whose steps run existing commands and show existing media', () => {
    const commands = new Set(manifest.contributes.commands.map((c) => c.command));
    const walkthroughs = (manifest.contributes as unknown as { walkthroughs: { steps: { description: string; media: { markdown: string }; completionEvents: string[] }[] }[] }).walkthroughs;
    assert.equal(walkthroughs.length, 1);
    const steps = walkthroughs[0]?.steps ?? [];
    assert.equal(steps.length, 5);
    for (const step of steps) {
      assert.ok(fs.existsSync(path.join(repoRoot, step.media.markdown)), step.media.markdown);
      for (const [, command] of step.description.matchAll(/\(command:([\w.]+)\)/g)) assert.ok(commands.has(command ?? ''), `unknown ${command}`);
      for (const event of step.completionEvents) {
        const [kind, target] = event.split(':');
        if (kind === 'onCommand') assert.ok(commands.has(target ?? ''), `completion on unknown ${target}`);
      }
    }
  });

  it('activates only when used: from its views, commands, walkthrough and request files, never at start-up', () => {
    // VS Code 1.74+ derives onView:, onCommand: and onWalkthrough: from the contributions themselves, so the
    // list names only a request file being opened (a language contributed without a configuration file gets no
    // derived onLanguage:); any other entry (onStartupFinished, *, workspaceContains:…) would run the extension
    // in windows that never use it.
    assert.deepEqual(manifest.activationEvents, ['onLanguage:http']);
    const languages = (manifest.contributes as unknown as { languages: { id: string; extensions: string[]; configuration?: string; grammars?: unknown }[] }).languages;
    // The id REST Client and httpYac use too, without a grammar or configuration of ours, so neither fights theirs.
    // Both extensions of the shared syntax: REST Client and httpYac give the id .http and .rest too, so the contributions merge.
    assert.deepEqual(languages, [{ id: 'http', aliases: ['HTTP'], extensions: ['.http', '.rest'] }]);
    const contributes = manifest.contributes as unknown as { walkthroughs: { id: string }[] };
    assert.ok(Object.values(manifest.contributes.views).flat().length > 0, 'views activate it (onView:)');
    assert.ok(manifest.contributes.commands.length > 0, 'commands activate it (onCommand:)');
    assert.equal(contributes.walkthroughs[0]?.id, 'openPayments.gettingStarted', 'its walkthrough activates it (onWalkthrough:)');
  });

  it('keeps custom hosts in user settings only, so a workspace cannot redirect credentials', () => {
    const props = manifest.contributes.configuration.properties;
    assert.equal(props['openPayments.authHost']?.scope, 'application');
    assert.equal(props['openPayments.apiHost']?.scope, 'application');
    // Nor make the extension present another client certificate or trust another CA.
    for (const key of ['openPayments.production.clientCertificatePath', 'openPayments.custom.clientCertificatePath', 'openPayments.custom.caCertificatePath']) {
      assert.equal(props[key]?.scope, 'machine', key);
    }
    assert.deepEqual(props['openPayments.environment']?.enum, ['sandbox', 'production', 'local', 'custom']);
    assert.ok(!Object.keys(props).some((key) => /secret|password|token/i.test(key)), 'no setting may hold a secret');
  });

  it('registers a tree for each contributed view', async () => {
    const ext = await activateExtension();
    try {
      const ids = Object.values(manifest.contributes.views).flat().map((v) => v.id).sort();
      assert.deepEqual([...fake.treeProviders.keys(), ...viewsFake.treeViews.keys()].sort(), ids);
    } finally {
      ext.dispose();
    }
  });

  it('exports nothing outside test mode', () => {
    resetWithManifestDefaults();
    const context = createExtensionContext(ExtensionMode.Production);
    assert.equal(activate(context as never), undefined);
    context.subscriptions.forEach((s) => s.dispose());
  });

  it('targets VS Code 1.100 and the API types of that version exactly', () => {
    assert.equal((manifest.engines as Record<string, string>).vscode, '^1.100.0');
    assert.equal((manifest.devDependencies as Record<string, string>)['@types/vscode'], '1.100.0');
  });
});
