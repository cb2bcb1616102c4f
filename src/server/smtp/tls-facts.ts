/**
 * What a person needs to know about the certificate a server showed, from a finished handshake.
 * The judging is split from the socket so it can be tested with plain certificate objects.
 */
import tls from 'node:tls';
import type { TlsFacts } from '../../core/api';

/** OpenSSL codes that mean "nobody vouches for this certificate but itself". */
const SELF_SIGNED_CODES = new Set(['DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN']);

export function tlsFactsFromSocket(socket: tls.TLSSocket, hostname: string, now = new Date()): TlsFacts {
  const certificate = socket.getPeerCertificate(true);
  const cipher = socket.getCipher();
  return judgeCertificate({
    certificate: certificate && Object.keys(certificate).length > 0 ? certificate : null,
    chainVerified: socket.authorized,
    chainError: socket.authorizationError ? String(socket.authorizationError) : null,
    protocol: socket.getProtocol(),
    cipher: cipher?.standardName ?? cipher?.name ?? null,
    hostname,
    now,
  });
}

export interface CertificateEvidence {
  certificate: tls.DetailedPeerCertificate | null;
  /** OpenSSL's chain verdict (the socket's `authorized`, which excludes the name check we disabled). */
  chainVerified: boolean;
  chainError: string | null;
  protocol: string | null;
  cipher: string | null;
  hostname: string;
  now: Date;
}

export function judgeCertificate(evidence: CertificateEvidence): TlsFacts {
  const { certificate, hostname, now } = evidence;
  if (!certificate) {
    return {
      authorized: false,
      authorizationError: evidence.chainError ?? 'NO_PEER_CERTIFICATE',
      protocol: evidence.protocol,
      cipher: evidence.cipher,
      subject: null,
      issuer: null,
      validNames: [],
      validFrom: null,
      validTo: null,
      matchesHost: false,
      selfSigned: false,
      expired: false,
      fingerprint256: null,
    };
  }
  // RFC 6125 6.4: the name check is the same one Node applies when verification is on.
  const matchesHost = tls.checkServerIdentity(hostname, certificate) === undefined;
  const validFrom = isoDate(certificate.valid_from);
  const validTo = isoDate(certificate.valid_to);
  const expired = (validTo !== null && now.getTime() > Date.parse(validTo)) || evidence.chainError === 'CERT_HAS_EXPIRED';
  const issuerIsItself =
    certificate.issuerCertificate === certificate ||
    (certificate.issuerCertificate?.fingerprint256 !== undefined &&
      certificate.issuerCertificate.fingerprint256 === certificate.fingerprint256);
  const selfSigned = issuerIsItself || (evidence.chainError !== null && SELF_SIGNED_CODES.has(evidence.chainError));
  const authorized = evidence.chainVerified && matchesHost;
  let authorizationError = evidence.chainError;
  if (authorizationError === null && !matchesHost) authorizationError = 'ERR_TLS_CERT_ALTNAME_INVALID';
  return {
    authorized,
    authorizationError: authorized ? null : authorizationError,
    protocol: evidence.protocol,
    cipher: evidence.cipher,
    subject: describeName(certificate.subject),
    issuer: describeName(certificate.issuer),
    validNames: validNames(certificate),
    validFrom,
    validTo,
    matchesHost,
    selfSigned,
    expired,
    fingerprint256: certificate.fingerprint256 || null,
  };
}

/** Subject alternative DNS names; the common name only when there are none (RFC 6125 6.4.4). */
export function validNames(certificate: Pick<tls.PeerCertificate, 'subjectaltname' | 'subject'>): string[] {
  const names = (certificate.subjectaltname ?? '')
    .split(/,\s*/)
    .filter((entry) => entry.startsWith('DNS:'))
    .map((entry) => entry.slice(4));
  if (names.length > 0) return [...new Set(names)];
  const cn = firstValue(certificate.subject?.CN);
  return cn ? [cn] : [];
}

function describeName(name: tls.Certificate | undefined): string | null {
  if (!name) return null;
  const cn = firstValue(name.CN);
  if (cn) return cn;
  const parts = Object.entries(name).map(([key, value]) => `${key}=${Array.isArray(value) ? value.join('+') : value}`);
  return parts.length > 0 ? parts.join(', ') : null;
}

function firstValue(value: string | string[] | undefined): string | null {
  if (Array.isArray(value)) return value[0] ?? null;
  return value ?? null;
}

function isoDate(text: string | undefined): string | null {
  if (!text) return null;
  const time = Date.parse(text);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

