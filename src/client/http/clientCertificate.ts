// What is wrong with a client certificate (.pfx) or a CA file before anything is sent, and what a TLS failure
// says about them afterwards, so the user is told which file or secret to fix instead of "a TLS problem".
// Node only: no VS Code here.
import { X509Certificate } from 'node:crypto';
import { Socket } from 'node:net';
import { createSecureContext, TLSSocket } from 'node:tls';
import type { ClientCertificate } from './transport';

export type ClientCertificateProblem =
  /** A PKCS#12 file that the passphrase (or its absence) does not open. */
  | 'passphrase'
  /** Not a PKCS#12 file at all (a PEM, a .cer, anything else). */
  | 'notPkcs12'
  | 'expired'
  | 'notYetValid';

export type ClientCertificateCheck =
  | { readonly ok: true; readonly validTo: Date }
  | { readonly ok: false; readonly problem: ClientCertificateProblem; readonly date?: Date };

/**
 * True when the bytes start like a PKCS#12 PFX (RFC 7292): a DER SEQUENCE whose first element is INTEGER 3.
 * Tells "wrong passphrase" from "wrong kind of file", which OpenSSL reports only in prose.
 */
export function looksLikePkcs12(bytes: Uint8Array): boolean {
  if (bytes[0] !== 0x30 || bytes.length < 5) return false;
  const lengthByte = bytes[1] ?? 0;
  // Short form (< 0x80), long form (0x81..0x84 = that many length bytes) or BER's indefinite form (0x80).
  const headerLength = lengthByte < 0x80 || lengthByte === 0x80 ? 2 : 2 + (lengthByte & 0x7f);
  if (lengthByte > 0x84) return false;
  return bytes[headerLength] === 0x02 && bytes[headerLength + 1] === 0x01 && bytes[headerLength + 2] === 0x03;
}

/** Opens the bundle as the TLS layer will, and checks the certificate's dates against `now`. */
export function checkClientCertificate(certificate: ClientCertificate, now: Date): ClientCertificateCheck {
  let context: ReturnType<typeof createSecureContext>;
  try {
    context = createSecureContext({ pfx: certificate.pfx, passphrase: certificate.passphrase });
  } catch {
    return { ok: false, problem: looksLikePkcs12(certificate.pfx) ? 'passphrase' : 'notPkcs12' };
  }
  // An unconnected TLS socket over the context is the public way to read the certificate it holds.
  const socket = new TLSSocket(new Socket(), { secureContext: context });
  try {
    const held = socket.getCertificate();
    const raw = held && 'raw' in held ? held.raw : undefined;
    if (!raw) return { ok: false, problem: 'notPkcs12' };
    const x509 = new X509Certificate(raw);
    const validFrom = new Date(x509.validFrom);
    const validTo = new Date(x509.validTo);
    if (now < validFrom) return { ok: false, problem: 'notYetValid', date: validFrom };
    if (now > validTo) return { ok: false, problem: 'expired', date: validTo };
    return { ok: true, validTo };
  } finally {
    socket.destroy();
  }
}

/** The PEM certificates in a CA file, or undefined when it holds none that parse. */
export function caCertificatesOf(text: string): string[] | undefined {
  const blocks = text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  const parsed = blocks.filter((block) => {
    try {
      new X509Certificate(block);
      return true;
    } catch {
      return false;
    }
  });
  return parsed.length > 0 && parsed.length === blocks.length ? parsed : undefined;
}

export type TlsFailureMeaning =
  /** This client did not trust the server's certificate (an unknown or private CA, or a wrong host name). */
  | 'serverNotTrusted'
  /** The server said (by a TLS alert) that it does not accept the client certificate. */
  | 'clientCertificateRefused'
  /** The server said the client certificate has expired. */
  | 'clientCertificateExpired';

const SERVER_NOT_TRUSTED = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_UNTRUSTED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/** Reads a TLS error code (Node's or OpenSSL's, e.g. ERR_SSL_TLSV13_ALERT_CERTIFICATE_EXPIRED) for its meaning. */
export function tlsFailureMeaning(causeCode: string | undefined): TlsFailureMeaning | undefined {
  if (!causeCode) return undefined;
  if (SERVER_NOT_TRUSTED.has(causeCode)) return 'serverNotTrusted';
  if (/ALERT_CERTIFICATE_EXPIRED$/.test(causeCode)) return 'clientCertificateExpired';
  if (/ALERT_(UNKNOWN_CA|BAD_CERTIFICATE|CERTIFICATE_UNKNOWN|CERTIFICATE_REQUIRED|CERTIFICATE_REVOKED|UNSUPPORTED_CERTIFICATE|ACCESS_DENIED)$/.test(causeCode)) {
    return 'clientCertificateRefused';
  }
  return undefined;
}
