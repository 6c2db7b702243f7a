// The one list of SCA methods (reference §4.3.5: the platform's Mobilt BankID variants, all PUSH_OTP). The
// client's method choice and challenge reading, the sandbox's offer and challenges, and the challenge view all
// read it, so a new method is one row here plus, when its challenge is drawn differently, its view.

/** The authenticationType values the OAS allows (NextGenPSD2 1.3.3, schema authenticationType). */
export type AuthenticationType = 'SMS_OTP' | 'CHIP_OTP' | 'PHOTO_OTP' | 'PUSH_OTP';

/** How one kind of decoupled challenge reads challengeData.data[0] (the token), and what the bank sends with it. */
export interface ChallengeKindRule {
  /** The text the QR code on the challenge page encodes. */
  qrText(token: string): string;
  /** A link that starts the app on this device, when the kind has one. */
  deviceLink?(token: string): string;
  /** The bank also sends the QR code as a base64 PNG (challengeData.image). */
  readonly image: boolean;
}

// A phone camera opens the https form of the BankID autostart link (S3/S4); the bankid: scheme is for this device.
const autostartQr = (token: string): string => `https://app.bankid.com/?autostarttoken=${encodeURIComponent(token)}&redirect=null`;
const autostartLink = (token: string): string => `bankid:///?autostarttoken=${encodeURIComponent(token)}&redirect=null`;

/**
 * What each kind of method's challengeData carries (reference §6.1 DECOUPLED, §6.3); the challenge view draws
 * each kind (features/sca/challengeHtml.ts), so a new kind does not compile until it has its drawing.
 */
export const CHALLENGE_KINDS = {
  /** data[0] is a BankID autostart token. */
  autostartToken: { qrText: autostartQr, deviceLink: autostartLink, image: false },
  /** data[0] is the QR content itself. */
  qrToken: { qrText: (token: string) => token, image: false },
  /** image is the QR code as a PNG; data[0] is still an autostart token. */
  qrImage: { qrText: autostartQr, deviceLink: autostartLink, image: true },
} as const satisfies Readonly<Record<string, ChallengeKindRule>>;

export type ChallengeKind = keyof typeof CHALLENGE_KINDS;

/** The rule of a method's challenge; a method the table does not know is read as a BankID autostart token. */
export function challengeRuleOf(methodId: string | undefined): ChallengeKindRule {
  return CHALLENGE_KINDS[scaMethodRow(methodId)?.challenge ?? 'autostartToken'];
}

export interface ScaMethodRow {
  readonly authenticationMethodId: string;
  readonly authenticationType: AuthenticationType;
  /** As the bank names it in scaMethods[].name. */
  readonly name: string;
  readonly challenge: ChallengeKind;
  /** The challenge changes on every status read (animated QR codes); a static token stays until SCA ends. */
  readonly animated: boolean;
  /**
   * Place in the order the flow picks a method when the user is not asked (1 first; reference §6.1 step 3,
   * S4's order). Decoupled: the PSU scans a QR from VS Code with a phone, so the animated QR token leads.
   * Redirect: the bank's page does the BankID part, and plain "mbid" works whether or not BankID is on
   * this computer.
   */
  readonly preference: { readonly decoupled: number; readonly redirect: number };
}

export const SCA_METHOD_TABLE = [
  { authenticationMethodId: 'mbid', authenticationType: 'PUSH_OTP', name: 'Mobilt BankID', challenge: 'autostartToken', animated: false, preference: { decoupled: 3, redirect: 1 } },
  {
    authenticationMethodId: 'mbid_same_device',
    authenticationType: 'PUSH_OTP',
    name: 'Mobilt BankID på samma enhet',
    challenge: 'autostartToken',
    animated: false,
    preference: { decoupled: 4, redirect: 2 },
  },
  {
    authenticationMethodId: 'mbid_animated_qr_token',
    authenticationType: 'PUSH_OTP',
    name: 'Mobilt BankID (QR-kod)',
    challenge: 'qrToken',
    animated: true,
    preference: { decoupled: 1, redirect: 3 },
  },
  {
    authenticationMethodId: 'mbid_animated_qr_image',
    authenticationType: 'PUSH_OTP',
    name: 'Mobilt BankID (QR-bild)',
    challenge: 'qrImage',
    animated: true,
    preference: { decoupled: 2, redirect: 4 },
  },
] as const satisfies readonly ScaMethodRow[];

export type ScaMethodId = (typeof SCA_METHOD_TABLE)[number]['authenticationMethodId'];

const byId = new Map<string, ScaMethodRow>(SCA_METHOD_TABLE.map((row) => [row.authenticationMethodId, row]));

/** The row of a method id that came from a bank or a user; undefined for a method the table does not know. */
export function scaMethodRow(methodId: string | undefined): ScaMethodRow | undefined {
  return methodId === undefined ? undefined : byId.get(methodId);
}

/** The method ids in the order the flow prefers them for one approach. */
export function methodPreference(approach: keyof ScaMethodRow['preference']): ScaMethodId[] {
  return [...SCA_METHOD_TABLE].sort((a, b) => a.preference[approach] - b.preference[approach]).map((row) => row.authenticationMethodId);
}
