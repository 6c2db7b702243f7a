// Choose Environment: a quick pick of the four environments; Custom Hosts asks for both hosts.
import * as vscode from 'vscode';
import {
  checkHost,
  ENVIRONMENT_IDS,
  ENVIRONMENT_LABELS,
  type EnvironmentId,
  PRESET_HOSTS,
} from '../../client/environments/environments';
import { describeHostProblem, describeResolutionProblem } from '../../host/environmentMessages';
import type { Host } from '../../host/host';

interface EnvironmentItem extends vscode.QuickPickItem {
  readonly id: EnvironmentId;
}

export class EnvironmentCommands {
  constructor(
    private readonly host: Pick<Host, 'environment' | 'environmentSettings' | 'prompter'>,
  ) {}


  /** Returns the environment now in force, or undefined when the user cancelled. */
  async chooseEnvironment(): Promise<EnvironmentId | undefined> {
    const current = this.host.environment.state.id;
    const custom = this.host.environmentSettings.customHosts();
    const items: EnvironmentItem[] = ENVIRONMENT_IDS.map((id) => {
      const hosts = id === 'custom' ? custom : PRESET_HOSTS[id];
      return {
        id,
        label: `${id === 'production' ? '$(warning) ' : ''}${ENVIRONMENT_LABELS[id]}`,
        description: id === current ? vscode.l10n.t('current') : undefined,
        detail:
          hosts.authHost || hosts.apiHost
            ? `${hosts.authHost ?? '?'} · ${hosts.apiHost ?? '?'}`
            : vscode.l10n.t('Set your own AUTH_HOST and API_HOST'),
      };
    });
    const picked = await this.host.prompter.pick(items, {
      title: vscode.l10n.t('Open Payments Environment'),
      placeHolder: vscode.l10n.t('Choose where requests go'),
      ignoreFocusOut: true,
    });
    if (!picked) return undefined;
    if (picked.id === 'custom' && !this.host.environmentSettings.resolve('custom').ok) {
      if (!(await this.configureCustomHosts())) return undefined;
    }
    // Through switchTo, so this choice replaces one still waiting to be written (Use Local Sandbox's).
    const write = this.host.environmentSettings.select(picked.id);
    const state = await this.host.environment.switchTo(picked.id, write);
    await write;
    const problem = describeResolutionProblem(state.resolution);
    if (problem) void vscode.window.showWarningMessage(problem);
    return state.id;
  }

  /** Asks for both hosts (prefilled), validating as the user types; stores them only when both are valid. */
  async configureCustomHosts(): Promise<boolean> {
    const current = this.host.environmentSettings.customHosts();
    const authHost = await this.askHost('authHost', 'AUTH_HOST', current.authHost);
    if (authHost === undefined) return false;
    const apiHost = await this.askHost('apiHost', 'API_HOST', current.apiHost);
    if (apiHost === undefined) return false;
    await this.host.environmentSettings.setCustomHosts(authHost, apiHost);
    await this.host.environment.refresh();
    return true;
  }

  private async askHost(setting: 'authHost' | 'apiHost', name: string, value: string | undefined): Promise<string | undefined> {
    const answer = await this.host.prompter.input({
      title: vscode.l10n.t('Custom Hosts: {0}', name),
      prompt: vscode.l10n.t('Enter the {0} URL, for example https://auth.example.com (http only for loopback addresses).', name),
      value: value ?? '',
      ignoreFocusOut: true,
      validateInput: (input) => {
        const check = checkHost(input);
        return check.ok ? undefined : describeHostProblem(setting, input, check.problem);
      },
    });
    if (answer === undefined) return undefined;
    const check = checkHost(answer);
    if (!check.ok) {
      void vscode.window.showErrorMessage(describeHostProblem(setting, answer, check.problem));
      return undefined;
    }
    return check.url;
  }
}
