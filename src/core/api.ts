/**
 * Request and response types shared by the probe service, the CLI and the extension.
 * Pure types and constants only: this file is imported by every runtime.
 */

/** The only ports the probe will ever connect to (RFC 8314 submission, RFC 6409, port 25 and the common 2525). */
export const PROBE_PORTS = [25, 465, 587, 2525] as const;
export type ProbePort = (typeof PROBE_PORTS)[number];
export const DEFAULT_PORTS: readonly ProbePort[] = [25, 465, 587];

/** Any TCP port number (1 to 65535), for ports a file, a page or a person names. */
export function isTcpPort(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 65535;
}

export function isProbePort(value: unknown): value is ProbePort {
  return typeof value === 'number' && (PROBE_PORTS as readonly number[]).includes(value);
}

/**
 * What one port of one address did. Every state comes with a one-sentence `message` for a person.
 * - ok: SMTP answered and the dialogue completed (security says how far it got).
 * - refused: TCP RST, nothing listens.
 * - timeout: no TCP answer at all, usually a firewall dropping packets (filtered).
 * - unreachable: no route / host down (EHOSTUNREACH, ENETUNREACH).
 * - no-greeting: connected but no 220 banner arrived in time.
 * - tls-expected: the port wants TLS from the first byte (implicit TLS) but was spoken to in plaintext.
 * - tls-unexpected: TLS was spoken to a plaintext port (OpenSSL "wrong version number").
 * - not-smtp: something else answered (SSH-, HTTP/...).
 * - rejected: the server greeted with 554 or 421.
 * - starttls-missing: plaintext SMTP without STARTTLS on a port where it is expected.
 * - starttls-failed: STARTTLS was refused (454...) or its handshake failed.
 * - tls-failed: the implicit TLS handshake failed.
 * - protocol: the server broke the protocol (garbage, over-long lines, closed mid-reply).
 */
export const PORT_STATES = [
  'ok',
  'refused',
  'timeout',
  'unreachable',
  'no-greeting',
  'tls-expected',
  'tls-unexpected',
  'not-smtp',
  'rejected',
  'starttls-missing',
  'starttls-failed',
  'tls-failed',
  'protocol',
] as const;
export type PortState = (typeof PORT_STATES)[number];

/** How the connection to the outgoing server is protected. `tls` is implicit TLS (port 465, RFC 8314). */
export const SECURITIES = ['starttls', 'tls', 'none'] as const;
export type Security = (typeof SECURITIES)[number];

/**
 * How the client proves who it is before sending. `password` is a normal password (PLAIN or LOGIN,
 * protected by TLS); `encrypted-password` is a challenge-response login that never sends the password
 * itself (CRAM-MD5 and the like: Thunderbird's "Encrypted password", the config file's
 * `password-encrypted`), which a client set to a normal password would not try; `ntlm` and `kerberos` are a
 * Windows sign-in (NTLM is Outlook's "Secure Password Authentication"; Kerberos, the config file's
 * GSSAPI, needs a computer in the organization's domain), which such a client does not try either.
 */
export const AUTHENTICATIONS = ['password', 'encrypted-password', 'smtp-after-pop', 'none', 'oauth2', 'client-cert', 'ntlm', 'kerberos'] as const;
export type Authentication = (typeof AUTHENTICATIONS)[number];

/**
 * Which user name the provider wants at login, as its configuration file publishes it
 * (`<username>%EMAILLOCALPART%</username>`): `address` the whole email address, `local-part` the part
 * before the @, `other` any other published form (a fixed prefix, `%EMAILLOCALPART%.%EMAILDOMAIN%`...).
 */
export const USERNAME_FORMS = ['address', 'local-part', 'other'] as const;
export type UsernameForm = (typeof USERNAME_FORMS)[number];

export interface Username {
  form: UsernameForm;
  /**
   * The published form with `%EMAILDOMAIN%` already filled in and `%EMAILLOCALPART%` /
   * `%EMAILADDRESS%` kept, e.g. "%EMAILLOCALPART%" or "%EMAILLOCALPART%.example.com".
   */
  pattern: string;
  /** Resolved against the address the person gave ("jdoe"), or null when only a domain was given. */
  value: string | null;
}

/** Whether `value` is one of `list`, narrowing it to the list's type (for checking network and stored input). */
export function isOneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return (list as readonly unknown[]).includes(value);
}

export interface TlsFacts {
  /** Whether the chain verified against the system's trust store and the name matched. */
  authorized: boolean;
  /** OpenSSL's reason when not authorized, e.g. DEPTH_ZERO_SELF_SIGNED_CERT or CERT_HAS_EXPIRED. */
  authorizationError: string | null;
  /** e.g. "TLSv1.3" */
  protocol: string | null;
  /** e.g. "TLS_AES_256_GCM_SHA384" */
  cipher: string | null;
  /** Subject common name (or the whole subject when there is no CN). */
  subject: string | null;
  issuer: string | null;
  /** DNS names (subjectAltName) and, when there are none, the CN. */
  validNames: string[];
  /** ISO 8601 */
  validFrom: string | null;
  /** ISO 8601 */
  validTo: string | null;
  /** Whether the certificate is valid for the host name the client will type. */
  matchesHost: boolean;
  /** True only when the certificate is its own issuer (nobody but itself vouches for it). */
  selfSigned: boolean;
  expired: boolean;
  fingerprint256: string | null;
  /**
   * Whether the chain leads to an authority in the probe's trust store (Mozilla's list, as mail programs
   * use), dates and name aside. False for a self-signed certificate and for one from a private CA.
   * Absent in reports made before it existed.
   */
  chainTrusted?: boolean;
  /** Public key of the certificate: "RSA", "EC", "Ed25519", "DSA"... */
  keyType?: string | null;
  /** Key size in bits (RSA modulus, EC field size). */
  keyBits?: number | null;
  /** Named curve of an EC key, e.g. "prime256v1". */
  curve?: string | null;
  /** Algorithm that signed the certificate, e.g. "sha256WithRSAEncryption". */
  signatureAlgorithm?: string | null;
}

export interface PortLatency {
  connectMs: number | null;
  greetingMs: number | null;
  totalMs: number;
}

export interface PortResult {
  port: ProbePort;
  /** The exact IP address connected to (after the SSRF guard approved it). */
  address: string;
  family: 4 | 6;
  state: PortState;
  /** One sentence for a person. */
  message: string;
  /** The full greeting, lines joined with "\n" (without the 220 codes), or null. */
  banner: string | null;
  ehlo: {
    /** EHLO keywords before TLS (or the only EHLO on a port without TLS). */
    beforeTls: string[] | null;
    /** EHLO keywords after STARTTLS or on implicit TLS. */
    afterTls: string[] | null;
    /** True when the server refused EHLO and HELO was used instead. */
    usedHelo: boolean;
  };
  /** The security reached on this port. */
  security: Security;
  tls: TlsFacts | null;
  /** SASL mechanisms offered where the client would log in (after TLS when TLS exists). */
  auth: string[];
  /** True when the server slowed its greeting beyond the "slow" threshold. */
  slowGreeting: boolean;
  latency: PortLatency;
  /**
   * For experts: the TLS library's own words when a handshake failed (e.g. OpenSSL's "error:0A00042E:SSL
   * routines::tlsv1 alert protocol version"). `message` says it in plain words; this keeps the original.
   */
  tlsError?: string;
}

export const DISCOVERY_SOURCES = ['srv', 'autoconfig', 'ispdb', 'mx', 'guess', 'input'] as const;
export type DiscoverySource = (typeof DISCOVERY_SOURCES)[number];

export interface OutgoingServerCandidate {
  hostname: string;
  port: ProbePort | number;
  security: Security;
  authentication: Authentication;
  /** The login name the provider publishes for this server (autoconfig and ISPDB only). */
  username?: Username | null;
  source: DiscoverySource;
  /** Where it came from, for a person: "SRV _submission._tcp.example.com", a URL... */
  detail: string;
}

export const DISCOVERY_OUTCOMES = ['found', 'not-found', 'error', 'skipped'] as const;

/**
 * An incoming (IMAP or POP3) server a provider's configuration file publishes next to its outgoing one.
 * Only protected connections are kept: it feeds the setup files, which never set up plaintext.
 */
export interface IncomingServerCandidate {
  protocol: 'imap' | 'pop3';
  hostname: string;
  port: number;
  security: 'tls' | 'starttls';
  source: DiscoverySource;
  detail: string;
}

export interface DiscoveryStep {
  source: DiscoverySource;
  /** What was asked: a DNS name or a URL. */
  query: string;
  outcome: (typeof DISCOVERY_OUTCOMES)[number];
  message: string;
}

export interface DiscoveryResult {
  /** The domain looked at. */
  domain: string;
  candidates: OutgoingServerCandidate[];
  steps: DiscoveryStep[];
  /** Incoming servers the autoconfig or ISPDB file publishes, in its order; absent in older reports. */
  incoming?: IncomingServerCandidate[];
}

export const WARNING_CODES = [
  'port25-no-auth',
  'cleartext-only',
  'cert-name-mismatch',
  'cert-untrusted',
  'cert-expired',
  'auth-before-tls',
  'auth-cleartext',
  'cert-weak-key',
  'ports-swapped',
  'smtp-after-pop',
  'no-submission-port',
  'addresses-skipped',
  'auth-windows-only',
] as const;
export type WarningCode = (typeof WARNING_CODES)[number];

/** Why no submission port works (the `no-submission-port` warning). */
export type NoSubmissionReason = 'none-checked' | 'none-answered' | 'swapped' | 'tls-failed' | 'no-encrypted-session';

/** What makes a certificate too weak, as facts (see core/diagnosis/certificate.ts). */
export type CertificateWeakness =
  | { kind: 'short-key'; keyType: string; bits: number }
  | { kind: 'short-curve'; bits: number; curve: string | null }
  | { kind: 'weak-signature'; algorithm: string; hash: 'SHA-1' | 'MD5 or older' };

/**
 * The facts a warning's sentence is made of, so a user interface can say it in its own words and
 * language; which fields a code carries is listed beside each in `recommend`.
 */
export interface WarningParams {
  /** no-submission-port: why, and the ports it is about. */
  reason?: NoSubmissionReason;
  ports?: number[];
  /** cert-expired: the last valid day, YYYY-MM-DD. */
  validTo?: string | null;
  /** cert-name-mismatch: the server asked for and (up to three of) the names the certificate lists. */
  server?: string;
  names?: string[];
  /** cert-untrusted. */
  selfSigned?: boolean;
  issuer?: string | null;
  expired?: boolean;
  /** cert-weak-key. */
  weaknesses?: CertificateWeakness[];
  /** auth-cleartext: the login mechanisms offered without encryption; auth-windows-only: the Windows ones offered. */
  mechanisms?: string[];
  /** auth-windows-only: the sign-in to choose, NTLM where it is offered, else Kerberos. */
  method?: 'ntlm' | 'kerberos';
  /** addresses-skipped: how many addresses the server's name has, and the ones checked (one per family). */
  addressCount?: number;
  checked?: string[];
}

export interface Warning {
  code: WarningCode;
  /** One English sentence (the CLI prints it); user interfaces word the code and params themselves. */
  message: string;
  port?: number;
  params?: WarningParams;
}

export interface Recommendation {
  server: string;
  port: number;
  security: Security;
  authentication: Authentication;
  /**
   * What to type as the user name, when the provider publishes it; null when it does not (SRV records,
   * guesses: most providers then want the whole address).
   */
  username?: Username | null;
  /** One sentence for a person. */
  summary: string;
  /** A second good choice (the other of 465/587), when one works. */
  alternative: { port: number; security: Security } | null;
}

export const TARGET_KINDS = ['email', 'domain', 'host'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

export interface ProbeReport {
  target: string;
  kind: TargetKind;
  /** The outgoing server that was probed. */
  server: string;
  discovery: DiscoveryResult | null;
  ports: PortResult[];
  recommendation: Recommendation | null;
  warnings: Warning[];
  startedAt: string;
  durationMs: number;
  cached: boolean;
}

export interface ProbeRequest {
  target: string;
  ports?: ProbePort[];
}

/** Streamed as NDJSON lines (Accept: application/x-ndjson), in this order: start, port*, done | error. */
export type ProbeEvent =
  | { type: 'start'; target: string; server: string; kind: TargetKind; ports: ProbePort[]; addresses: string[] }
  | { type: 'discovery'; discovery: DiscoveryResult }
  | { type: 'port'; result: PortResult }
  | { type: 'done'; report: ProbeReport }
  | { type: 'error'; error: ApiError };

export const API_ERROR_CODES = ['invalid-request', 'invalid-target', 'refused-target', 'not-found', 'rate-limited', 'busy', 'dns-unavailable', 'timeout', 'internal'] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export interface ApiError {
  code: ApiErrorCode;
  message: string;
  /** For rate-limited: seconds to wait. */
  retryAfterSeconds?: number;
}

export interface ApiErrorBody {
  error: ApiError;
}
