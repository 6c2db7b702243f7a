// Always shows which environment requests go to; production is painted as a warning.
import * as vscode from 'vscode';
import { ENVIRONMENT_LABELS } from '../../client/environments/environments';
import type { ActiveEnvironment, EnvironmentState } from '../../host/activeEnvironment';
import { Disposable } from '../../host/disposable';
import { describeResolutionProblem } from '../../host/environmentMessages';

export class EnvironmentStatusBar extends Disposable {
  private readonly item: vscode.StatusBarItem;

  constructor(environment: ActiveEnvironment) {
    super();
    this.item = this._register(vscode.window.createStatusBarItem('openPayments.environment', vscode.StatusBarAlignment.Left, 50));
    this.item.name = vscode.l10n.t('Open Payments Environment');
    this.item.command = 'openPayments.chooseEnvironment';
    this._register(environment.onDidChange((state) => this.render(state)));
    this.render(environment.state);
    this.item.show();
  }

  private render(state: EnvironmentState): void {
    const label = ENVIRONMENT_LABELS[state.id];
    const problem = describeResolutionProblem(state.resolution);
    const icon = problem ? '$(error)' : state.id === 'production' ? '$(warning)' : '$(globe)';
    this.item.text = `${icon} ${vscode.l10n.t('Open Payments: {0}', state.id === 'production' ? label.toUpperCase() : label)}`;
    this.item.backgroundColor =
      problem ? new vscode.ThemeColor('statusBarItem.errorBackground')
      : state.id === 'production' ? new vscode.ThemeColor('statusBarItem.warningBackground')
      : undefined;

    const tooltip = new vscode.MarkdownString(undefined, true);
    tooltip.isTrusted = false;
    tooltip.appendText(vscode.l10n.t('Open Payments environment: {0}', label));
    tooltip.appendMarkdown('\n\n');
    if (state.resolution.ok) {
      tooltip.appendText(`AUTH_HOST ${state.resolution.environment.authHost}`);
      tooltip.appendMarkdown('  \n');
      tooltip.appendText(`API_HOST ${state.resolution.environment.apiHost}`);
    } else if (problem) {
      tooltip.appendText(problem);
    }
    tooltip.appendMarkdown('\n\n');
    tooltip.appendText(
      state.hasCredentials
        ? vscode.l10n.t('Client credentials are set.')
        : vscode.l10n.t('No client credentials are set for this environment.'),
    );
    tooltip.appendMarkdown('\n\n');
    tooltip.appendText(vscode.l10n.t('Click to choose another environment.'));
    this.item.tooltip = tooltip;
    this.item.accessibilityInformation = { label: this.item.text.replace(/\$\([a-z-]+\)\s*/g, '') };
  }
}
