// Use Local Sandbox: switch to the `local` environment and store the running sandbox's demo client, on the
// user's explicit request, so the first request works without typing anything.
import * as vscode from 'vscode';
import type { CredentialStore } from '../../client/auth/credentialStore';
import { fetchDemoClient, type DemoClientResult } from '../../client/environments/localSandboxClient';
import { PRESET_HOSTS } from '../../client/environments/environments';
import { notificationSafeId } from '../../client/text/notificationSafe';
import type { ActiveEnvironment } from '../../host/activeEnvironment';
import type { EnvironmentSettings } from '../../host/settings/environmentSettings';
import type { Logger } from '../../host/logger';
import { secretWriteSucceeded } from '../../host/secretWrite';

/** The longest the writes wait for the first listing before they wait for a pause anyway. */
const WRITE_AFTER_LISTING_MAX_MS = 3000;
/** Without a host to say when the user pauses (tests), the writes come this long after the listing. */
const DEFAULT_PAUSE_MS = 300;

/**
 * How long a demo client asked for ahead of the click stays good to use. The sandbox's demo client does not
 * change while it runs; a sandbox restarted since then is asked again.
 */
const PREPARED_FOR_MS = 60_000;

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The demo client could not be saved, so the switch to the local environment is undone. */
class SecretNotStored extends Error {}

/** What the command is given beyond its stores; each has a default that does nothing, for tests. */
export interface LocalSandboxHooks {
  /** The local environment's API host; tests point it at a sandbox on a free port. */
  readonly apiHost?: string;
  /**
   * Readies what the first listing needs (the HTTP stack, name sorting) before the click, so the click does
   * not pay for it; called again on the click, where it must cost nothing once done.
   */
  readonly warmListing?: () => void;
  /**
   * Lists the countries of the environment in force (the Banks view's own, cached listing): started as soon as
   * the environment switched, without waiting for the view to ask; the writes wait for it.
   */
  readonly listBanks?: () => Promise<unknown>;
  /**
   * Fetches the token the first listing needs, once the demo client is handed to the credential store: it is
   * the listing's longest step, and it need not wait for the switch. Never called before the user clicked.
   */
  readonly warmToken?: () => void;
  /**
   * Resolves at the next pause in the user's use of the extension (the host's QuietMoment). The first write of
   * a setting in a window holds the extension host for over a second on a 2-core machine (VS Code opens
   * settings.json, which starts the JSON and TypeScript extensions); written 300 ms after the listing, it
   * landed on the next click (expanding a country: 250-350 ms instead of about 100).
   */
  readonly pause?: () => Promise<void>;
  readonly now?: () => number;
}

export class LocalSandboxCommand {
  private readonly apiHost: string;
  private readonly warmListing: () => void;
  private readonly listBanks: () => Promise<unknown>;
  private readonly warmToken: () => void;
  private readonly pause: () => Promise<void>;
  private readonly now: () => number;

  constructor(
    private readonly store: CredentialStore,
    private readonly settings: EnvironmentSettings,
    private readonly environment: ActiveEnvironment,
    private readonly logger: Logger,
    hooks: LocalSandboxHooks = {},
  ) {
    this.apiHost = hooks.apiHost ?? PRESET_HOSTS.local.apiHost;
    this.warmListing = hooks.warmListing ?? (() => undefined);
    this.listBanks = hooks.listBanks ?? (async () => undefined);
    this.warmToken = hooks.warmToken ?? (() => undefined);
    this.pause = hooks.pause ?? (() => delay(DEFAULT_PAUSE_MS));
    this.now = hooks.now ?? Date.now;
  }

  private prepared: { readonly at: number; readonly result: Promise<DemoClientResult> } | undefined;

  /**
   * Readies the click while the welcome offers it: readies what the first listing needs and asks the local
   * sandbox for its demo client (loopback only), so the click itself only stores and lists. Nothing is
   * stored or switched until the user clicks; the answer is kept in memory for a minute at most.
   */
  prepare(): void {
    if (this.prepared && this.now() - this.prepared.at < PREPARED_FOR_MS) return;
    this.warmListing();
    this.prepared = { at: this.now(), result: fetchDemoClient(this.apiHost) };
  }

  /** The demo client asked for ahead of the click if that answer is fresh and good, else a new answer. */
  private async demoClient(): Promise<DemoClientResult> {
    const prepared = this.prepared;
    this.prepared = undefined;
    if (prepared && this.now() - prepared.at < PREPARED_FOR_MS) {
      const early = await prepared.result;
      // A sandbox that was not running then may be running now: only a good answer is reused.
      if (early.ok) return early;
    }
    return fetchDemoClient(this.apiHost);
  }

  async run(): Promise<boolean> {
    const apiHost = this.apiHost;
    const result = await this.demoClient();
    if (!result.ok) {
      this.logger.warn(`Local sandbox at ${apiHost}: ${result.reason}.`);
      void vscode.window.showErrorMessage(
        result.reason === 'unreachable'
          ? vscode.l10n.t('The local sandbox is not running at {0}. Start it with "npm run sandbox" (or "npm start") in the extension\'s folder, then try again.', apiHost)
          : vscode.l10n.t('The server at {0} did not answer like the local sandbox, so no credentials were stored.', apiHost),
      );
      return false;
    }
    // The views switch at once and list the banks with the demo client in memory; the secret and the setting are
    // written once the Banks view has its countries and the user pauses: each write held the window up (the
    // setting over a second the first time, the secret up to 600 ms on VS Code 1.139). A failed secret write
    // ends the switch, and the environment goes back to what the settings say.
    let write: () => void = () => undefined;
    const writeNow = new Promise<void>((resolve) => (write = resolve));
    const stored = secretWriteSucceeded(
      () => {
        const storing = this.store.set('local', { clientId: result.client.clientId, clientSecret: result.client.clientSecret }, writeNow);
        // What the listing needs (ready already when the welcome had a moment) and the token overlap the switch.
        this.warmListing();
        this.warmToken();
        return storing;
      },
      this.logger,
      'Storing the local sandbox demo client in secret storage failed',
      vscode.l10n.t('The local sandbox\'s demo client could not be saved in VS Code\'s secret storage, so the environment was not switched. See the Open Payments log, then run "Use Local Sandbox" again.'),
    );
    // A demo client refused before any write (an empty secret) ends the switch at once.
    void stored.then((ok) => ok || write());
    const written = writeNow.then(async () => {
      if (!(await stored)) throw new SecretNotStored();
      // Another environment chosen while this waited is the user's latest word: its setting stays.
      if (!this.environment.holdsChoice('local')) return false;
      await this.settings.select('local');
      return true;
    });
    await this.environment.switchTo('local', written);
    const listed = this.listBanks().catch(() => undefined);
    void Promise.race([listed, delay(WRITE_AFTER_LISTING_MAX_MS)])
      .then(() => this.pause())
      .then(write);
    let settingWritten: boolean;
    try {
      settingWritten = await written;
    } catch (error) {
      // secretWriteSucceeded has said why already.
      if (error instanceof SecretNotStored) return false;
      this.logger.error('Saving openPayments.environment failed', error);
      void vscode.window.showErrorMessage(
        vscode.l10n.t('The demo client of the local sandbox is stored, but the setting openPayments.environment could not be changed to "local", so the environment stays as it was. Choose the environment again, or check that your settings file can be written.'),
      );
      return false;
    }
    if (!settingWritten) {
      this.logger.info('The local sandbox demo client is stored; another environment was chosen meanwhile, so openPayments.environment was left as it is.');
      return true;
    }
    this.logger.info(`Using the local sandbox at ${apiHost} with its demo client ${result.client.clientId}.`);
    // The client id is whatever the server on that port answered; it is named only if it looks like an id.
    const clientId = notificationSafeId(result.client.clientId);
    void vscode.window.showInformationMessage(
      clientId
        ? vscode.l10n.t('Using the local sandbox with its demo client {0}. Its credentials are in VS Code\'s secret storage.', clientId)
        : vscode.l10n.t('Using the local sandbox with its demo client. Its credentials are in VS Code\'s secret storage.'),
    );
    return true;
  }
}
