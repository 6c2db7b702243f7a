// User-facing sentences about environments, shared by the status bar, the commands and the notifications.
import * as vscode from 'vscode';
import type { EnvironmentResolution, HostProblem } from '../client/environments/environments';

export function describeHostProblem(setting: string, value: string, problem: HostProblem): string {
  const name = `openPayments.${setting}`;
  switch (problem.kind) {
    case 'empty':
      return vscode.l10n.t('The setting {0} is empty. Enter the full URL of the host, for example https://auth.example.com.', name);
    case 'notUrl':
      return vscode.l10n.t('The setting {0} ("{1}") is not an absolute URL. Enter it with its scheme, for example https://auth.example.com.', name, value);
    case 'badScheme':
      return vscode.l10n.t('The setting {0} uses "{1}:". Only https (or http for this machine\'s loopback addresses) is supported.', name, problem.scheme);
    case 'insecure':
      return vscode.l10n.t('The setting {0} uses plain http for {1}, which is not a loopback address. Use https, or http only for 127.0.0.1, ::1 or localhost.', name, problem.hostname);
    case 'hasExtras':
      return vscode.l10n.t('The setting {0} must be only scheme, host and port (no path, query or user name); the extension adds the paths itself.', name);
  }
}

export function describeResolutionProblem(resolution: EnvironmentResolution): string | undefined {
  return resolution.ok ? undefined : describeHostProblem(resolution.setting, resolution.value, resolution.problem);
}
