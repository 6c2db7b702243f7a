// The setup feature: client credentials, the environment (and the custom hosts), the client certificate's
// passphrase, the local sandbox in one step, the environment in the status bar, the log, and Forget Everything.
import type * as vscode from 'vscode';
import { prepareNameSorting } from '../../client/models/aspspModels';
import { registerCommands } from '../../host/commands';
import { DisposableGroup } from '../../host/disposable';
import type { Host } from '../../host/host';
import { CertificateCommands } from './certificateCommands';
import { CredentialsCommands } from './credentialsCommands';
import { EnvironmentCommands } from './environmentCommands';
import { EnvironmentStatusBar } from './environmentStatusBar';
import { ForgetEverything } from './forgetEverything';
import { LocalSandboxCommand } from './localSandboxCommand';
import { LocalSandboxReadiness } from './localSandboxReadiness';
import { StoredSecretsLearner } from './storedSecretsLearner';

export function register(host: Host): vscode.Disposable {
  const group = new DisposableGroup();
  group.add(new StoredSecretsLearner(host.credentials, host.secrets, host.redactor, host.logger.for('setup')));
  group.add(new EnvironmentStatusBar(host.environment));
  const credentials = new CredentialsCommands(host);
  const environments = new EnvironmentCommands(host);
  const certificate = new CertificateCommands(host);
  const forget = new ForgetEverything(host);
  // Read when called: the local environment's hosts are settings the user may change.
  const localEnvironment = () => {
    const local = host.environmentSettings.resolve('local');
    return local.ok ? local.environment : undefined;
  };
  const sandbox = new LocalSandboxCommand(host.credentials, host.environmentSettings, host.environment, host.logger.for('setup'), {
    warmListing: () => {
      const local = localEnvironment();
      if (local) host.session.warmFor(local);
      else host.session.warm();
      prepareNameSorting();
    },
    listBanks: () => host.directory.countries(),
    warmToken: () => {
      const local = localEnvironment();
      if (local) void host.session.warmToken(local, 'aspspinformation').catch(() => undefined);
    },
    pause: () => host.activity.next(),
  });
  group.add(new LocalSandboxReadiness(host.environment, () => sandbox.prepare()));
  group.add(
    registerCommands({
      'openPayments.setClientCredentials': () => credentials.setCredentials(),
      'openPayments.clearClientCredentials': () => credentials.clearCredentials(),
      'openPayments.chooseEnvironment': () => environments.chooseEnvironment(),
      'openPayments.configureCustomHosts': () => environments.configureCustomHosts(),
      'openPayments.setCertificatePassphrase': () => certificate.set(),
      'openPayments.clearCertificatePassphrase': () => certificate.clear(),
      'openPayments.useLocalSandbox': () => sandbox.run(),
      'openPayments.showLog': () => host.logger.show(),
      'openPayments.forgetEverything': () => forget.run(),
    }, host.activity),
  );
  return group;
}
