// The import report as Markdown: which file each request went to and as which operation, which requests were not
// imported and why, and what became of the client credentials. Names and URLs come from the collection; they are
// shown as code, never as Markdown the collection could shape. No secret is in it: URLs come masked from the
// import, and the credentials' outcome says where they went, not what they are.
import * as vscode from 'vscode';
import type { EnvironmentId } from '../../client/environments/environments';
import { ENVIRONMENT_LABELS } from '../../client/environments/environments';
import { EXTENSION_STEP_NOTES, type PostmanImport, type UnmappedReason } from '../../client/postman/postmanImport';

export type CredentialsOutcome =
  | { readonly kind: 'stored'; readonly environment: EnvironmentId }
  | { readonly kind: 'none' | 'placeholder' | 'declined' };

export interface ReportContext {
  readonly folder: string;
  readonly credentials: CredentialsOutcome;
}

export function importReportMarkdown(result: PostmanImport, context: ReportContext): string {
  const total = result.mapped.length + result.unmapped.length;
  const lines = [`# ${vscode.l10n.t('Postman import: {0}', code(result.collectionName))}`, ''];
  lines.push(
    vscode.l10n.t('{0} of {1} requests were mapped, into one request file per top-level folder in {2}, in the collection\'s order.', result.mapped.length, total, code(context.folder)),
  );
  lines.push('', `## ${vscode.l10n.t('Mapped')}`, '');
  for (const entry of result.mapped) {
    const target = entry.mapping.kind === 'operation' ? code(entry.mapping.operationId) : EXTENSION_STEP_NOTES[entry.mapping.step];
    lines.push(`- ${code(entry.file)} ${code(entry.name)} → ${target}`);
  }

  lines.push('', `## ${vscode.l10n.t('Not mapped')}`, '');
  if (result.unmapped.length === 0) lines.push(vscode.l10n.t('Every request was mapped.'));
  for (const entry of result.unmapped) {
    lines.push(`- ${code(entry.name)} (${code(`${entry.method} ${entry.url}`)}): ${describeUnmapped(entry.reason)}`);
  }

  lines.push('', `## ${vscode.l10n.t('Client credentials')}`, '', describeCredentials(context.credentials));
  return `${lines.join('\n')}\n`;
}

function describeUnmapped(reason: UnmappedReason): string {
  switch (reason.kind) {
    case 'otherHost':
      return vscode.l10n.t('its host is not {0}.', code('{{apiHost}}'));
    case 'noOperation':
      return vscode.l10n.t('no Open Payments operation has this method and path.');
    case 'authHost':
      return vscode.l10n.t('no token request or bank login on the auth host.');
    case 'unknownQuery':
      return vscode.l10n.t('no query parameter {0} in its operation.', code(reason.name));
    case 'dynamicVariable':
      return vscode.l10n.t('request files have no {0}.', code(reason.name));
    case 'body':
      return vscode.l10n.t('a {0} body, not JSON.', code(reason.mode));
  }
}

function describeCredentials(outcome: CredentialsOutcome): string {
  switch (outcome.kind) {
    case 'stored':
      return vscode.l10n.t('The client id and secret are stored for {0} in VS Code\'s secret storage only.', ENVIRONMENT_LABELS[outcome.environment]);
    case 'none':
      return vscode.l10n.t('No client id and secret were found.');
    case 'placeholder':
      return vscode.l10n.t('The client id and secret are placeholders, so they were not stored.');
    case 'declined':
      return vscode.l10n.t('The client id and secret were not stored.');
  }
}

/** Inline code; a backtick in the text would end it early, so it becomes a quote. */
function code(text: string): string {
  return `\`${text.replace(/[\r\n]+/g, ' ').replace(/`/g, "'")}\``;
}
