// In-memory resources the API creates. Plain data; the status machines live in api/sca.ts,
// api/consents.ts and api/payments.ts.
import type { BgConsentStatus, PsuContext } from '../../src/client';
import type { ScaFlow } from '../data/types';

export type ConsentStatus = BgConsentStatus;
export type ScaStatus =
  | 'received'
  | 'psuIdentified'
  | 'psuAuthenticated'
  | 'scaMethodSelected'
  | 'started'
  | 'authenticationStarted'
  | 'finalised'
  | 'failed'
  | 'exempted';

export type AuthorisationKind = 'consent' | 'payment';

export interface Authorisation {
  readonly id: string;
  readonly kind: AuthorisationKind;
  readonly parentId: string;
  readonly bicFi: string;
  /** The client that owns the parent consent or payment; only it may run the bank login. */
  readonly clientId: string;
  readonly context: PsuContext;
  flow: ScaFlow;
  scaStatus: ScaStatus;
  methodId?: string;
  psuId?: string;
  /** Decoupled SCA advances one step per this many status reads; counts reads so far. */
  reads: number;
  /** Decoupled SCA: when the method was chosen (ms), for the paced steps. */
  methodChosenAt?: number;
  /** Decoupled SCA: PSU answered in the (simulated) app; applied on the next status read. */
  pendingDecision?: 'approve' | 'deny';
  /** Redirect SCA: the PSU approved at the bank, waiting for the TPP's code exchange. */
  psuApproved: boolean;
  /** Redirect SCA: the bank login page was shown (the PSU started to log in). */
  loginShown: boolean;
}

export interface AccountReference {
  iban?: string;
  bban?: string;
  pan?: string;
  maskedPan?: string;
  msisdn?: string;
  currency?: string;
}

export interface ConsentAccess {
  accounts?: AccountReference[];
  balances?: AccountReference[];
  transactions?: AccountReference[];
  availableAccounts?: string;
  allPsd2?: string;
}

export interface Consent {
  readonly id: string;
  readonly bicFi: string;
  /** The client (TPP) that created it: to any other client it does not exist. */
  readonly clientId: string;
  readonly context: PsuContext;
  readonly access: ConsentAccess;
  readonly recurringIndicator: boolean;
  readonly validUntil: string;
  readonly frequencyPerDay: number;
  readonly combinedServiceIndicator: boolean;
  readonly redirectPreferred?: boolean;
  status: ConsentStatus;
  lastActionDate: string;
  readonly authorisationIds: string[];
  /** Account resourceIds granted for details, balances and transactions. */
  readonly grants: { accounts: Set<string>; balances: Set<string>; transactions: Set<string> };
  /** Reads without the PSU present (no PSU-IP-Address), per "day|operation|account", for frequencyPerDay. */
  readonly unattendedReads: Map<string, number>;
  /** Accounts whose transactions were read once from further back than the bank's SCA window (Swedbank: 90 days). */
  readonly statementsPastScaWindow: Set<string>;
}

export interface Payment {
  readonly id: string;
  readonly bicFi: string;
  /** The client (TPP) that created it: to any other client it does not exist. */
  readonly clientId: string;
  readonly context: PsuContext;
  readonly service: string;
  readonly product: string;
  readonly body: Record<string, unknown>;
  readonly redirectPreferred?: boolean;
  /** -1 until signed; then 0 (locked for settlement, the first status read) and 1 (settled). */
  signedStep: number;
  /** The PSU denied or SCA failed. */
  rejected: boolean;
  readonly futureDated: boolean;
  /** The creditor account is one of the debtor bank's own accounts. */
  readonly creditorAtSameBank: boolean;
  readonly authorisationIds: string[];
}

export interface Store {
  readonly consents: Map<string, Consent>;
  readonly payments: Map<string, Payment>;
  readonly authorisations: Map<string, Authorisation>;
}

export function createStore(): Store {
  return { consents: new Map(), payments: new Map(), authorisations: new Map() };
}
