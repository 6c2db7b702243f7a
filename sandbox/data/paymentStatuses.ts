// The transaction status a payment shows at each stage, per bank, from the platform's payment status table
// (reference §6.4, Open Payments' own document of 2023). Banks that table does not cover get an inferred row.

/** The Berlin Group transactionStatus codes the sandbox's payments report. */
export type TransactionStatus = 'RCVD' | 'PDNG' | 'ACTC' | 'ACCP' | 'ACSP' | 'ACSC' | 'ACCC' | 'RJCT' | 'CANC';

export interface PaymentStatusTable {
  /** "Payment created". */
  readonly created: TransactionStatus;
  /** "Login started, not finalised": the PSU opened the bank login, or decoupled SCA began. */
  readonly loginStarted: TransactionStatus;
  /** "Logged in, not signed": decoupled SCA past authentication, signing in the app. */
  readonly loggedIn: TransactionStatus;
  /** "Signed – OAuth not activated (redirect)": approved at the bank, the TPP has not exchanged the code yet. */
  readonly signedNotActivated: TransactionStatus;
  /** "Signed – future execution date": stays here; the sandbox never reaches the execution date. */
  readonly futureDated: TransactionStatus;
  /** "Signed – locked for settlement": the first status read after signing. */
  readonly locked: TransactionStatus;
  /** "Settled": every later read. */
  readonly settled: TransactionStatus;
  /** Locked and settled when the creditor account is at the same bank ("ACCC if both accounts are Handelsbanken"). */
  readonly withinBank?: TransactionStatus;
}

export const SEB_STATUSES: PaymentStatusTable = {
  created: 'RCVD',
  loginStarted: 'PDNG',
  loggedIn: 'RCVD',
  // The table says n/a (SEB does not use OAuth activation in production); the sandbox's SEB does, and shows
  // the status the PSU's login left, as the bank has nothing signed to report before activation.
  signedNotActivated: 'RCVD',
  futureDated: 'ACTC',
  locked: 'ACTC',
  settled: 'ACSC',
};

/** Nordea, Sweden and Finland ("Nordea (SE/FI)" in the reference's note under the table). */
export const NORDEA_STATUSES: PaymentStatusTable = {
  created: 'RCVD',
  loginStarted: 'ACTC',
  loggedIn: 'ACTC',
  signedNotActivated: 'ACTC',
  futureDated: 'ACCP',
  locked: 'ACSC',
  settled: 'ACSC',
};

export const HANDELSBANKEN_STATUSES: PaymentStatusTable = {
  created: 'ACTC',
  loginStarted: 'ACTC',
  loggedIn: 'ACTC',
  signedNotActivated: 'ACCP',
  futureDated: 'ACCP',
  locked: 'ACSC',
  settled: 'ACSC',
  withinBank: 'ACCC',
};

export const SWEDBANK_STATUSES: PaymentStatusTable = {
  created: 'RCVD',
  // The table writes "PNDG (sic)"; the status code (OAS transactionStatus) is PDNG.
  loginStarted: 'PDNG',
  loggedIn: 'ACTC',
  signedNotActivated: 'ACCP',
  futureDated: 'ACCP',
  locked: 'ACSC',
  settled: 'ACSC',
};

export const DANSKE_STATUSES: PaymentStatusTable = {
  created: 'RCVD',
  loginStarted: 'RCVD',
  loggedIn: 'RCVD',
  signedNotActivated: 'ACTC',
  futureDated: 'ACSC',
  locked: 'ACSC',
  settled: 'ACSC',
};

/** Inferred for banks the table leaves out (OP, generated banks): nothing reported until signed. */
export const GENERIC_STATUSES: PaymentStatusTable = {
  created: 'RCVD',
  loginStarted: 'RCVD',
  loggedIn: 'RCVD',
  signedNotActivated: 'RCVD',
  futureDated: 'ACTC',
  locked: 'ACTC',
  settled: 'ACSC',
};
