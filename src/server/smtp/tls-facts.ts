/**
 * What a person needs to know about the certificate a server showed, from a finished handshake.
 * The judging is split from the socket so it can be tested with plain certificate objects.
 */
import { X509Certificate } from 'node:crypto';
import net from 'node:net';
import { readFileSync } from 'node:fs';
import tls from 'node:tls';
import type { TlsFacts } from '../../core/api';

/**
 * OpenSSL's code for "the certificate the server showed is its own issuer". SELF_SIGNED_CERT_IN_CHAIN is
 * not one: it names a self-signed *root* further up, i.e. a certificate from an unknown (private) CA.
 */
const LEAF_SELF_SIGNED = 'DEPTH_ZERO_SELF_SIGNED_CERT';

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
  const selfSigned = issuerIsItself || evidence.chainError === LEAF_SELF_SIGNED;
  const chainTrusted = evidence.chainVerified || (!selfSigned && anchoredInTrustStore(certificate));
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
    chainTrusted,
    ...keyFacts(certificate),
  };
}

/** The issuer chain as the server sent it, leaf first, ending at a self-issued root or where it stops. */
function chainOf(certificate: tls.DetailedPeerCertificate): tls.DetailedPeerCertificate[] {
  const chain = [certificate];
  let current = certificate;
  while (current.issuerCertificate && current.issuerCertificate !== current && chain.length < 10) {
    if (current.issuerCertificate.fingerprint256 === current.fingerprint256) break;
    current = current.issuerCertificate;
    chain.push(current);
  }
  return chain;
}

let trustStore: { fingerprints: Set<string>; roots: X509Certificate[] } | null = null;

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/**
 * The certificates of NODE_EXTRA_CA_CERTS, which Node adds to the roots of every handshake, the probe's
 * too: an operator who trusts a private CA there gets the same answer from the trust check.
 */
function extraRoots(): string[] {
  const file = process.env.NODE_EXTRA_CA_CERTS;
  if (!file) return [];
  try {
    return readFileSync(file, 'utf8').match(PEM_BLOCK) ?? [];
  } catch {
    return [];
  }
}

/** Node's bundled roots (Mozilla's list, which mail programs such as Thunderbird also use) and NODE_EXTRA_CA_CERTS, parsed once. */
function roots(): { fingerprints: Set<string>; roots: X509Certificate[] } {
  if (!trustStore) {
    const parsed = [...tls.rootCertificates, ...extraRoots()].flatMap((pem) => {
      try {
        return [new X509Certificate(pem)];
      } catch {
        return [];
      }
    });
    trustStore = { fingerprints: new Set(parsed.map((root) => root.fingerprint256)), roots: parsed };
  }
  return trustStore;
}

/**
 * Whether the chain ends at, or was issued by, a root in the trust store. This is the trust question
 * alone: OpenSSL reports one error per chain, so an expired certificate from a private CA says only
 * CERT_HAS_EXPIRED, and renewing it from the same CA would still leave it untrusted.
 */
function anchoredInTrustStore(certificate: tls.DetailedPeerCertificate): boolean {
  const store = roots();
  const chain = chainOf(certificate);
  if (chain.some((link) => store.fingerprints.has(link.fingerprint256))) return true;
  const top = chain[chain.length - 1];
  if (!top?.raw) return false;
  try {
    const topCertificate = new X509Certificate(top.raw);
    return store.roots.some((root) => topCertificate.checkIssued(root) && topCertificate.verify(root.publicKey));
  } catch {
    return false;
  }
}

const KEY_TYPES: Record<string, string> = { rsa: 'RSA', 'rsa-pss': 'RSA-PSS', dsa: 'DSA', ec: 'EC', ed25519: 'Ed25519', ed448: 'Ed448', x25519: 'X25519', x448: 'X448', dh: 'DH' };

/** Field sizes of the named curves OpenSSL knows under these names (SEC 2, RFC 5639). */
const CURVE_BITS: Record<string, number> = {
  prime192v1: 192, secp192k1: 192, secp160r1: 160, secp160r2: 160, secp160k1: 160, secp112r1: 112, secp128r1: 128,
  secp224r1: 224, secp224k1: 224, prime256v1: 256, secp256k1: 256, secp384r1: 384, secp521r1: 521,
  brainpoolP160r1: 160, brainpoolP192r1: 192, brainpoolP224r1: 224, brainpoolP256r1: 256, brainpoolP320r1: 320, brainpoolP384r1: 384, brainpoolP512r1: 512,
};

function keyFacts(certificate: tls.DetailedPeerCertificate): Pick<TlsFacts, 'keyType' | 'keyBits' | 'curve' | 'signatureAlgorithm'> {
  const facts: Pick<TlsFacts, 'keyType' | 'keyBits' | 'curve' | 'signatureAlgorithm'> = { keyType: null, keyBits: null, curve: null, signatureAlgorithm: null };
  if (!certificate.raw) return facts;
  try {
    const key = new X509Certificate(certificate.raw).publicKey;
    const type = key.asymmetricKeyType ?? '';
    const details = key.asymmetricKeyDetails ?? {};
    facts.keyType = KEY_TYPES[type] ?? (type ? type.toUpperCase() : null);
    facts.curve = details.namedCurve ?? null;
    const curveBits = facts.curve ? CURVE_BITS[facts.curve] : undefined;
    const reportedBits = typeof certificate.bits === 'number' ? certificate.bits : null;
    facts.keyBits = details.modulusLength ?? curveBits ?? reportedBits;
  } catch {
    // A key type this Node cannot read: the facts stay unknown rather than failing the probe.
  }
  facts.signatureAlgorithm = signatureAlgorithmOf(certificate.raw);
  return facts;
}

/** Names of the signature algorithms by OID (RFC 3279, RFC 4055, RFC 5758, RFC 8410). */
const SIGNATURE_ALGORITHMS: Record<string, string> = {
  '1.2.840.113549.1.1.2': 'md2WithRSAEncryption',
  '1.2.840.113549.1.1.4': 'md5WithRSAEncryption',
  '1.2.840.113549.1.1.5': 'sha1WithRSAEncryption',
  '1.2.840.113549.1.1.10': 'rsassaPss',
  '1.2.840.113549.1.1.11': 'sha256WithRSAEncryption',
  '1.2.840.113549.1.1.12': 'sha384WithRSAEncryption',
  '1.2.840.113549.1.1.13': 'sha512WithRSAEncryption',
  '1.2.840.113549.1.1.14': 'sha224WithRSAEncryption',
  '1.2.840.10040.4.3': 'dsaWithSHA1',
  '2.16.840.1.101.3.4.3.2': 'dsaWithSHA256',
  '1.2.840.10045.4.1': 'ecdsa-with-SHA1',
  '1.2.840.10045.4.3.1': 'ecdsa-with-SHA224',
  '1.2.840.10045.4.3.2': 'ecdsa-with-SHA256',
  '1.2.840.10045.4.3.3': 'ecdsa-with-SHA384',
  '1.2.840.10045.4.3.4': 'ecdsa-with-SHA512',
  '1.3.101.112': 'Ed25519',
  '1.3.101.113': 'Ed448',
};

/**
 * The outer signatureAlgorithm of a DER certificate (RFC 5280 4.1.1.2): Certificate ::= SEQUENCE {
 * tbsCertificate, signatureAlgorithm AlgorithmIdentifier, signatureValue }. Null when it cannot be read.
 */
export function signatureAlgorithmOf(der: Buffer): string | null {
  const outer = readTlv(der, 0);
  if (!outer || outer.tag !== 0x30) return null;
  const tbs = readTlv(der, outer.contentStart);
  if (!tbs) return null;
  const algorithm = readTlv(der, tbs.end);
  if (!algorithm || algorithm.tag !== 0x30) return null;
  const oid = readTlv(der, algorithm.contentStart);
  if (!oid || oid.tag !== 0x06) return null;
  const dotted = decodeOid(der.subarray(oid.contentStart, oid.end));
  return dotted === null ? null : SIGNATURE_ALGORITHMS[dotted] ?? dotted;
}

function readTlv(der: Buffer, offset: number): { tag: number; contentStart: number; end: number } | null {
  if (offset + 2 > der.length) return null;
  const tag = der[offset]!;
  let length = der[offset + 1]!;
  let contentStart = offset + 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count === 0 || count > 4 || contentStart + count > der.length) return null;
    length = 0;
    for (let i = 0; i < count; i += 1) length = length * 256 + der[contentStart + i]!;
    contentStart += count;
  }
  const end = contentStart + length;
  return end > der.length ? null : { tag, contentStart, end };
}

function decodeOid(bytes: Buffer): string | null {
  if (bytes.length === 0 || bytes.length > 64) return null;
  const parts: number[] = [];
  let value = 0;
  for (const byte of bytes) {
    value = value * 128 + (byte & 0x7f);
    if (value > Number.MAX_SAFE_INTEGER / 128) return null;
    if ((byte & 0x80) === 0) {
      parts.push(value);
      value = 0;
    }
  }
  if (value !== 0 || parts.length === 0) return null;
  const first = parts[0]!;
  const head = first < 40 ? [0, first] : first < 80 ? [1, first - 40] : [2, first - 80];
  return [...head, ...parts.slice(1)].join('.');
}

/**
 * Subject alternative names, DNS names and IP addresses (RFC 5280 4.2.1.6); the common name only when
 * there are none (RFC 6125 6.4.4). Node writes IP entries as "IP Address:192.0.2.1".
 */
export function validNames(certificate: Pick<tls.PeerCertificate, 'subjectaltname' | 'subject'>): string[] {
  const names = (certificate.subjectaltname ?? '')
    .split(/,\s*/)
    .flatMap((entry) => (entry.startsWith('DNS:') ? [entry.slice(4)] : entry.startsWith('IP Address:') ? [compactIp(entry.slice(11))] : []));
  if (names.length > 0) return [...new Set(names)];
  const cn = firstValue(certificate.subject?.CN);
  return cn ? [cn] : [];
}

/** Node spells IPv6 SANs in full ("0:0:0:0:0:0:0:1"); people and RFC 5952 write "::1". */
function compactIp(address: string): string {
  if (!net.isIPv6(address)) return address;
  try {
    return new net.SocketAddress({ address, family: 'ipv6' }).address;
  } catch {
    return address;
  }
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

