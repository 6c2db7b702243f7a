// The Redactor learns every stored secret from the start, not only the one the active environment's first
// request reads: another environment's client secret typed by mistake into a request, or echoed back, must be
// masked in the log and history too. Secrets another window stores are learnt as they change.
import type { CredentialStore, SecretStore } from '../../client/auth/credentialStore';
import { ENVIRONMENT_IDS, isEnvironmentId } from '../../client/environments/environments';
import type { Redactor } from '../../client/redaction/redaction';
import { CERTIFICATE_PASSPHRASE_KEY } from '../../host/httpSession';
import { Disposable } from '../../host/disposable';
import type { Logger } from '../../host/logger';

export class StoredSecretsLearner extends Disposable {
  /** Settles (never rejects) once every secret stored at construction was read; for tests. */
  readonly learnt: Promise<void>;

  constructor(
    credentials: CredentialStore,
    secrets: SecretStore,
    redactor: Redactor,
    private readonly logger: Logger,
  ) {
    super();
    // CredentialStore.get teaches the Redactor what it reads.
    this._register(
      credentials.onDidChange((environment) => {
        if (isEnvironmentId(environment)) void this.read([credentials.get(environment)]);
      }),
    );
    this.learnt = this.read([
      ...ENVIRONMENT_IDS.map((id) => credentials.get(id)),
      Promise.resolve(secrets.get(CERTIFICATE_PASSPHRASE_KEY)).then((passphrase) => redactor.addSecret(passphrase)),
    ]);
  }

  /** A keychain that refuses a read is logged; that secret is learnt when it is next read. */
  private async read(reads: readonly Promise<unknown>[]): Promise<void> {
    const failed = (await Promise.allSettled(reads)).filter((result) => result.status === 'rejected').length;
    if (failed) this.logger.warn(`${failed} stored secret(s) could not be read from secret storage; each is masked once it is read.`);
  }
}
