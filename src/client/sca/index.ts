// SCA for consents and payments as a pure state machine; the VS Code layer supplies the side effects.
export { ScaFlow, routeOf } from './scaFlow';
export { SCA_DEFAULTS } from './scaRun';
export { DECOUPLED_PREFERENCE, REDIRECT_PREFERENCE, preferredMethod } from './methodChoice';
export { describeChallenge } from './challenge';
export { CHALLENGE_KINDS, SCA_METHOD_TABLE, challengeRuleOf, methodPreference, scaMethodRow } from './scaMethods';
export type { AuthenticationType, ChallengeKind, ChallengeKindRule, ScaMethodId, ScaMethodRow } from './scaMethods';
export { SCA_OPERATIONS, authorisationTarget, subjectParams } from './operations';
export { consentVerdict, paymentSettlement, paymentVerdict, scaVerdict } from './statusRules';
export { FOLLOW_UP_DEFAULTS, followPayment, followUpPauses } from './paymentFollowUp';
export type { FollowUpDeps, FollowUpEnd, FollowUpSettings, PaymentSubject } from './paymentFollowUp';
export type { Verdict } from './statusRules';
export type {
  CodeExchangeRequest,
  ListenerRequest,
  ScaApproach,
  ScaChallenge,
  ScaEnd,
  ScaFailureReason,
  ScaFlowDeps,
  ScaFlowSettings,
  ScaMethod,
  ScaOutcome,
  ScaOutcomeCommon,
  ScaPhase,
  ScaProgress,
  ScaRoute,
  ScaSubject,
} from './types';
