// A certificate file named in the settings cannot be used, so nothing can be sent. The message names the
// problem only: the path goes to the log, the setting to the user, and the passphrase nowhere.
import { ClientError } from '../errors';
import type { ClientCertificateProblem } from './clientCertificate';

export type CertificateFileProblem = 'missing' | 'unreadable' | ClientCertificateProblem | 'caMissing' | 'caUnreadable' | 'caNotPem';

export interface ClientCertificateErrorDetails {
  readonly kind: CertificateFileProblem;
  /** The setting that names the file at fault. */
  readonly setting: string;
  /** For an expired or not yet valid certificate: the date that is out of range. */
  readonly date?: Date;
}

export class ClientCertificateError extends ClientError<ClientCertificateErrorDetails> {
  readonly family = 'clientCertificate';

  constructor(reason: CertificateFileProblem, setting: string, date?: Date) {
    super('ClientCertificateError', { kind: reason, setting, ...(date ? { date } : {}) }, `client certificate ${reason}`);
  }
}

declare module '../errors' {
  interface ClientErrorFamilies {
    clientCertificate: ClientCertificateError;
  }
}
