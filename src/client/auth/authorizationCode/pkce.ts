// PKCE (RFC 7636, S256) and state for one authorisation. The platform's template carries no PKCE, but a
// verifier bound to this VS Code session makes a code stolen from the browser useless to anyone else.
import * as client from 'openid-client';

export interface PkcePair {
  readonly verifier: string;
  readonly challenge: string;
  readonly method: 'S256';
}

export async function createPkcePair(): Promise<PkcePair> {
  const verifier = client.randomPKCECodeVerifier();
  return { verifier, challenge: await client.calculatePKCECodeChallenge(verifier), method: 'S256' };
}

/** 32 random bytes, base64url: unguessable by a page that probes the loopback port. */
export function createState(): string {
  return client.randomState();
}
