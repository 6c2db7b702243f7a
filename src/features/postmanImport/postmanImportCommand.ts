// Import Postman Collection…: pick the collection, optionally an environment file, and a folder; write one request
// file per top-level folder of the collection (so each file reads in the collection's flow order), appending to
// files that exist only when the user says so; offer the client id and secret found for the secret storage of
// one environment, then drop them; open the report of what was mapped and what was not.
import * as vscode from 'vscode';
import { ENVIRONMENT_IDS, ENVIRONMENT_LABELS, type EnvironmentId } from '../../client/environments/environments';
import { importCollection, importedFileText, type PostmanImport } from '../../client/postman/postmanImport';
import { readCollection, readEnvironment } from '../../client/postman/postmanFiles';
import type { Host } from '../../host/host';
import { secretWriteSucceeded } from '../../host/secretWrite';
import { importReportMarkdown, type CredentialsOutcome } from './importReportText';

/** What an import came to; the command returns it (the extension-host tests read it). */
export interface PostmanImportOutcome {
  readonly files: readonly vscode.Uri[];
  readonly report: vscode.Uri;
  readonly mapped: number;
  readonly unmapped: number;
  readonly credentials: CredentialsOutcome;
}

const DO_NOT_STORE = 'doNotStore';

export class PostmanImportCommand {
  constructor(
    private readonly host: Pick<Host, 'prompter' | 'dialogs' | 'credentials' | 'environment' | 'logger'>,
    /** Keeps a report's Markdown and returns the address of its read-only document. */
    private readonly addReport: (markdown: string) => vscode.Uri,
  ) {}

  async run(): Promise<PostmanImportOutcome | undefined> {
    const collectionFile = await this.readPicked(vscode.l10n.t('Postman collection (v2.1)'));
    if (!collectionFile) return undefined;
    const collection = readCollection(collectionFile.text);
    if (!collection.ok) {
      const { problem } = collection;
      const what = problem.kind === 'version' ? problem.schema : problem.kind === 'notJson' ? vscode.l10n.t('not JSON') : vscode.l10n.t('no "info" and "item"');
      void vscode.window.showErrorMessage(vscode.l10n.t('{0} is no Postman v2.1 collection ({1}). Export it from Postman as Collection v2.1, then import that.', collectionFile.name, what));
      return undefined;
    }

    // The environment is optional: cancelling its dialog imports without one.
    const environmentFile = await this.readPicked(vscode.l10n.t('Postman environment (optional: Cancel for none)'));
    const environment = environmentFile ? readEnvironment(environmentFile.text) : undefined;
    if (environmentFile && !environment?.ok) {
      void vscode.window.showErrorMessage(
        vscode.l10n.t('{0} is no Postman environment, so nothing was imported. Choose one Postman exported, or Cancel for none.', environmentFile.name),
      );
      return undefined;
    }
    const env = environment?.ok ? environment.value : undefined;

    const workspace = vscode.workspace.workspaceFolders?.[0]?.uri;
    const folder = (
      await this.host.dialogs.open({ title: vscode.l10n.t('Folder for the request files'), canSelectFolders: true, canSelectFiles: false, ...(workspace ? { defaultUri: workspace } : {}) })
    )?.[0];
    if (!folder) return undefined;

    const result = importCollection(collection.value, env);
    const targets = result.files.map((file) => ({ file, uri: vscode.Uri.joinPath(folder, file.fileName) }));
    const existing: string[] = [];
    for (const { file, uri } of targets) if ((await readText(uri)) !== undefined) existing.push(file.fileName);
    if (existing.length > 0) {
      const append = await this.host.prompter.confirm(
        vscode.l10n.t('{0} already exist in the folder. Append the imported requests to them?', existing.join(', ')),
        vscode.l10n.t('Nothing in them is changed or removed.'),
        vscode.l10n.t('Append'),
      );
      if (!append) return undefined;
    }

    const files: vscode.Uri[] = [];
    for (const { file, uri } of targets) {
      try {
        await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(importedFileText((await readText(uri)) ?? '', file, result)));
      } catch {
        void vscode.window.showErrorMessage(vscode.l10n.t('{0} could not be read or written, so the import stopped there. Check the file and its folder, then import again.', file.fileName));
        return undefined;
      }
      files.push(uri);
    }

    const credentials = await this.offerCredentials(result);
    const report = this.addReport(importReportMarkdown(result, { folder: folder.fsPath, credentials }));
    if (files[0]) await vscode.window.showTextDocument(files[0], { preview: false });
    await vscode.window.showTextDocument(report, { preview: false, viewColumn: vscode.ViewColumn.Beside });
    return { files, report, mapped: result.mapped.length, unmapped: result.unmapped.length, credentials };
  }

  private async readPicked(title: string): Promise<{ name: string; text: string } | undefined> {
    const workspace = vscode.workspace.workspaceFolders?.[0]?.uri;
    const uri = (await this.host.dialogs.open({ title, filters: { JSON: ['json'] }, canSelectFiles: true, ...(workspace ? { defaultUri: workspace } : {}) }))?.[0];
    if (!uri) return undefined;
    const name = uri.path.split('/').pop() ?? uri.path;
    const text = await readText(uri);
    if (text === undefined) void vscode.window.showErrorMessage(vscode.l10n.t('{0} could not be read or written, so the import stopped there. Check the file and its folder, then import again.', name));
    return text === undefined ? undefined : { name, text };
  }

  /** Offers the client id and secret for one environment's secret storage; they are not kept after this. */
  private async offerCredentials(result: PostmanImport): Promise<CredentialsOutcome> {
    const { clientId, clientSecret } = result.credentials ?? {};
    if (clientId === undefined || clientSecret === undefined) return { kind: 'none' };
    // The official environment files ship `xxxxxxxx-xxxx-…` and `yoursupersecretpassword`; storing those helps nobody.
    if (/^[x-]+$/i.test(clientId) || /^your/i.test(clientSecret)) return { kind: 'placeholder' };
    // The active environment first: the one the user is working in.
    const suggested = this.host.environment.state.id;
    const picked = await this.host.prompter.pick(
      [
        ...[suggested, ...ENVIRONMENT_IDS.filter((id) => id !== suggested)].map((id) => ({ id, label: vscode.l10n.t('Store for {0}', ENVIRONMENT_LABELS[id]) })),
        { id: DO_NOT_STORE, label: vscode.l10n.t("Don't store them") },
      ],
      { placeHolder: vscode.l10n.t("Store client id {0} and its secret in VS Code's secret storage for:", clientId), ignoreFocusOut: true },
    );
    if (!picked || picked.id === DO_NOT_STORE) return { kind: 'declined' };
    const id = picked.id as EnvironmentId;
    const stored = await secretWriteSucceeded(
      () => this.host.credentials.set(id, { clientId, clientSecret }),
      this.host.logger,
      `Storing client credentials for ${id} failed`,
      vscode.l10n.t("The client credentials could not be saved in VS Code's secret storage. See the Open Payments log."),
    );
    if (!stored) return { kind: 'declined' };
    this.host.logger.info(`Client credentials for ${id} stored from a Postman environment (client_id ${clientId}).`);
    await this.host.environment.refresh();
    return { kind: 'stored', environment: id };
  }
}

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}
