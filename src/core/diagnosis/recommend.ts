/**
 * Probe results → the one setting to type into the mail client, plus what a person should know.
 *
 * Ranking follows RFC 8314 (https://www.rfc-editor.org/rfc/rfc8314#section-3): implicit TLS on 465 and
 * STARTTLS on 587 (RFC 6409) are both proper submission; between them, what the provider published wins,
 * else 587 (still the most widely documented). 2525 is an unofficial submission port some hosts add for
 * networks that block 587; port 25 is for server-to-server relay (RFC 5321) and comes last.
 */
import type { Authentication, DiscoveryResult, NoSubmissionReason, OutgoingServerCandidate, PortResult, Recommendation, Security, Warning } from '../api';
import { certificateWeaknessFacts, certificateWeaknesses, untrustedChain } from './certificate';
import { describeRecommendation } from './describe';
import { authMechanisms, mechanismKind, offersKind, readableWithoutTls, type MechanismKind } from './mechanisms';
import { describeTlsFailure } from './tls-failure';
import { SUBMISSION_PORTS } from './submission';

export interface RecommendOptions {
  /** The host name the person will type (certificates are judged against it). */
  server: string;
  discovery?: DiscoveryResult | null;
  /** How many addresses the server's name has, when more were found than the ports' results cover. */
  addressCount?: number;
}

export interface RecommendOutcome {
  recommendation: Recommendation | null;
  warnings: Warning[];
}

function tier(port: number): number {
  if (port === 465 || port === 587) return 0;
  if (port === 2525) return 1;
  return 2;
}

function certificateTrusted(result: PortResult): boolean {
  return result.tls === null || (result.tls.authorized && result.tls.matchesHost && !result.tls.expired);
}

/** Connection states in which nothing answered at all: no server, a firewall, no route. */
const SILENT = new Set(['refused', 'timeout', 'unreachable']);

/**
 * One result per port: when IPv4 and IPv6 differ, the one that got furthest counts for the advice. A
 * certificate seen counts for more than none, even an untrusted one: an implicit-TLS 587 that showed its
 * certificate (tls-expected) says more than a silent no-greeting on the other address.
 */
function bestPerPort(ports: PortResult[]): PortResult[] {
  const score = (result: PortResult) =>
    (result.state === 'ok' ? 32 : 0) +
    (result.security !== 'none' ? 16 : 0) +
    (result.auth.length > 0 ? 8 : 0) +
    (result.tls !== null ? 4 : 0) +
    (result.tls !== null && certificateTrusted(result) ? 2 : 0) +
    (SILENT.has(result.state) ? 0 : 1);
  const best = new Map<number, PortResult>();
  for (const result of ports) {
    const current = best.get(result.port);
    if (!current || score(result) > score(current)) best.set(result.port, result);
  }
  return [...best.values()];
}

function publishedFor(discovery: DiscoveryResult | null | undefined, server: string, port: number): OutgoingServerCandidate | undefined {
  return discovery?.candidates.find((candidate) => candidate.hostname === server && candidate.port === port && candidate.source !== 'guess');
}

/**
 * The login a mail program should be set to, from the server's own mechanisms: a normal password where
 * one is taken (a program set to it also tries nothing else), then an encrypted password, an account
 * sign-in, Windows sign-in (NTLM before Kerberos) and a certificate. Null when none is offered.
 */
function authenticationOffered(mechanisms: readonly string[]): Authentication | null {
  if (offersKind(mechanisms, 'password')) return 'password';
  if (offersKind(mechanisms, 'encrypted')) return 'encrypted-password';
  if (offersKind(mechanisms, 'account')) return 'oauth2';
  if (mechanisms.some((mechanism) => /^NTLM$/i.test(mechanism))) return 'ntlm';
  if (offersKind(mechanisms, 'windows')) return 'kerberos';
  if (offersKind(mechanisms, 'certificate')) return 'client-cert';
  return null;
}

/** The kind of mechanism a published login needs the server to offer, where the server can contradict it. */
const PUBLISHED_NEEDS: Partial<Record<Authentication, MechanismKind>> = { 'encrypted-password': 'encrypted', ntlm: 'windows', kerberos: 'windows' };

function authenticationOf(result: PortResult, published: OutgoingServerCandidate | undefined): Authentication {
  const offered = authenticationOffered(result.auth);
  if (!published) return offered ?? 'password';
  // An encrypted password or a Windows sign-in as published, unless the server offers logins and none of that kind.
  const needs = PUBLISHED_NEEDS[published.authentication];
  if (needs && result.auth.length > 0 && !offersKind(result.auth, needs)) return offered ?? 'password';
  if (published.authentication !== 'password') return published.authentication;
  return offered ?? 'password';
}

/**
 * Usable for sending: encrypted, and either a login is offered or the provider published that none is
 * needed (SMTP-after-POP, relay by client address).
 */
function isUsable(result: PortResult, published: OutgoingServerCandidate | undefined): boolean {
  if (result.state !== 'ok' || result.security === 'none') return false;
  if (result.auth.length > 0) return true;
  return published !== undefined && (published.authentication === 'smtp-after-pop' || published.authentication === 'none');
}

function certificateWarnings(result: PortResult, server: string): Warning[] {
  const tls = result.tls;
  if (!tls) return [];
  const port = result.port;
  const warnings: Warning[] = [];
  if (tls.expired) {
    const validTo = tls.validTo ? tls.validTo.slice(0, 10) : null;
    warnings.push({ code: 'cert-expired', port, params: { validTo }, message: `The certificate on port ${port} has expired${validTo ? ` (${validTo})` : ''}; mail clients will refuse it until the provider renews it.` });
  }
  if (!tls.matchesHost) {
    const listed = tls.validNames.slice(0, 3);
    const names = listed.join(', ');
    warnings.push({ code: 'cert-name-mismatch', port, params: { server, names: listed }, message: `The certificate on port ${port} is not valid for ${server}${names ? ` (it names ${names})` : ''}; use a server name the certificate lists.` });
  }
  if (untrustedChain(tls)) {
    const message = tls.selfSigned
      ? `The certificate on port ${port} is self-signed, so mail clients will warn or refuse; ask the provider for a certificate from a public authority.`
      : `The certificate on port ${port} comes from an authority that mail programs do not trust${tls.issuer ? ` (${tls.issuer})` : ''}, so they will warn or refuse${tls.expired ? ', and renewing it from the same authority would not help' : ''}; ask the provider for a certificate from a public authority.`;
    warnings.push({ code: 'cert-untrusted', port, params: { selfSigned: tls.selfSigned, issuer: tls.issuer || null, expired: tls.expired }, message });
  }
  const weaknesses = certificateWeaknesses(tls);
  if (weaknesses.length > 0) {
    warnings.push({ code: 'cert-weak-key', port, params: { weaknesses: certificateWeaknessFacts(tls) }, message: `The certificate on port ${port} is too weak: it has ${weaknesses.join(' and ')}; current mail clients may refuse it, so the provider should replace it.` });
  }
  return warnings;
}

/**
 * A login that crosses the network readable is offered before any encryption: on a STARTTLS port before
 * STARTTLS. Implicit TLS never does, and NTLM, Kerberos or CRAM-MD5 before TLS (Exchange's default) do
 * not send the password.
 */
function authBeforeTls(result: PortResult): boolean {
  return result.security === 'starttls' && readableWithoutTls(authMechanisms(result.ehlo.beforeTls ?? []));
}

function windowsOnlyWarning(result: PortResult, method: 'ntlm' | 'kerberos'): Warning {
  const mechanisms = result.auth.filter((mechanism) => mechanismKind(mechanism) === 'windows');
  const how =
    method === 'ntlm'
      ? 'set the mail program\'s authentication method to NTLM (in Outlook, "Secure Password Authentication (SPA)")'
      : 'it works only from a computer joined to the organization\'s Windows domain, with the authentication method set to Kerberos (GSSAPI)';
  return {
    code: 'auth-windows-only',
    port: result.port,
    params: { method, mechanisms },
    message: `Port ${result.port} takes only Windows sign-in (${mechanisms.join(', ')}), not a normal password: ${how}; or ask the provider to allow a normal password login.`,
  };
}

/** The port's logins are Windows sign-in only: no password, account (OAuth) or certificate login beside them. */
function windowsOnly(result: PortResult): boolean {
  return offersKind(result.auth, 'windows') && !offersKind(result.auth, 'password', 'encrypted', 'account', 'certificate');
}

function rank(a: PortResult, b: PortResult, preferred: Set<number>): number {
  return (
    tier(a.port) - tier(b.port) ||
    Number(!certificateTrusted(a)) - Number(!certificateTrusted(b)) ||
    // A port a normal password works on beats one that takes only Windows sign-in.
    Number(windowsOnly(a)) - Number(windowsOnly(b)) ||
    Number(!preferred.has(a.port)) - Number(!preferred.has(b.port)) ||
    // A port that shows AUTH only inside TLS cannot tempt a client into sending the password in the clear.
    Number(authBeforeTls(a)) - Number(authBeforeTls(b)) ||
    Number(a.port !== 587) - Number(b.port !== 587) ||
    a.port - b.port
  );
}

function listPorts(ports: number[]): string {
  if (ports.length === 1) return `Port ${ports[0]}`;
  return `Ports ${ports.slice(0, -1).join(', ')} and ${ports[ports.length - 1]}`;
}

/** 465 greets in plaintext while 587 waits for TLS from the first byte: the two standard ports swapped. */
function portsSwapped(perPort: PortResult[]): boolean {
  const on465 = perPort.find((result) => result.port === 465);
  const on587 = perPort.find((result) => result.port === 587);
  return on465?.state === 'tls-unexpected' && on465.banner !== null && on587?.state === 'tls-expected';
}

/** Why no submission port works, from what each one that answered did: the reason, its ports, and the sentence. */
function noWorkingSubmission(checked: PortResult[], swapped: boolean): { reason: NoSubmissionReason; ports: number[]; message: string } {
  const answered = checked.filter((result) => !SILENT.has(result.state)).sort((a, b) => a.port - b.port);
  const consequence = 'from a network that blocks port 25 this server cannot be used for sending';
  if (answered.length === 0) {
    // Only the ports that were checked: 2525 is checked when asked for or published, not always.
    const ports = [...new Set(checked.map((result) => result.port))].sort((a, b) => a - b);
    // Refused, timed out or unreachable: "did not answer" would be wrong for a port that refused.
    const which = ports.length === 1 ? `Port ${ports[0]}, the submission port checked, took no connection` : `None of the submission ports checked (${ports.join(', ')}) took a connection`;
    return { reason: 'none-answered', ports, message: `${which}; ${consequence}.` };
  }
  if (swapped) {
    return {
      reason: 'swapped',
      ports: [465, 587],
      message: `No submission port works as configured: ports 465 and 587 answer but are swapped (465 speaks plain SMTP, 587 implicit TLS); ${consequence} until the client is set up for that or the provider swaps them back.`,
    };
  }
  const tlsFailed = answered.filter((result) => result.state === 'tls-failed' || result.state === 'starttls-failed');
  if (tlsFailed.length === answered.length) {
    const reasons = [...new Set(tlsFailed.map((result) => describeTlsFailure(result.tlsError)))];
    const why = tlsFailed.every((result) => result.tlsError === undefined) ? '' : ` (${reasons.join('; ')})`;
    const ports = tlsFailed.map((result) => result.port);
    return {
      reason: 'tls-failed',
      ports,
      message: `${listPorts(ports)} answer${tlsFailed.length === 1 ? 's' : ''}, but the TLS handshake failed${why}, so no mail client can connect securely; the provider must repair the server's TLS setup.`,
    };
  }
  const ports = answered.map((result) => result.port);
  // The submission ports that stayed silent are said too: "Port 2525 answers…" alone reads as if 465 and 587 were fine.
  const silentPorts = [...new Set(checked.filter((result) => SILENT.has(result.state)).map((result) => result.port))].filter((port) => !ports.includes(port)).sort((a, b) => a - b);
  const silence = silentPorts.length === 0 ? '' : `${listPorts(silentPorts)} took no connection, and `;
  const answeredWords = `${listPorts(ports)} answer${answered.length === 1 ? 's' : ''}`;
  return {
    reason: 'no-encrypted-session',
    ports,
    message: `${silence}${silence ? answeredWords.charAt(0).toLowerCase() + answeredWords.slice(1) : answeredWords}, but ${answered.length === 1 ? 'it does not complete' : 'none of them completes'} an encrypted SMTP session (see each port's result); ${consequence}.`,
  };
}

export function recommend(ports: PortResult[], options: RecommendOptions): RecommendOutcome {
  const { server, discovery } = options;
  const perPort = bestPerPort(ports);
  const preferred = new Set(
    (discovery?.candidates ?? []).filter((candidate) => candidate.hostname === server && candidate.source !== 'guess').slice(0, 1).map((candidate) => candidate.port),
  );
  const usable = perPort
    .filter((result) => isUsable(result, publishedFor(discovery, server, result.port)))
    .sort((a, b) => rank(a, b, preferred));

  const chosen = usable[0];
  let recommendation: Recommendation | null = null;
  if (chosen) {
    // A port that takes only Windows sign-in is no fallback for a port a normal password works on.
    const other = usable.find((result) => result.port !== chosen.port && tier(result.port) <= 1 && (windowsOnly(chosen) || !windowsOnly(result)));
    const published = publishedFor(discovery, server, chosen.port);
    // The login name belongs to the account, not the port: the provider's entry for another port of the same server says it too.
    const username =
      published?.username ?? discovery?.candidates.find((c) => c.hostname === server && c.source !== 'guess' && c.username)?.username ?? null;
    const fields = {
      server,
      port: chosen.port,
      security: chosen.security as Security,
      authentication: authenticationOf(chosen, published),
      username,
    };
    recommendation = {
      ...fields,
      summary: describeRecommendation(fields),
      alternative: other ? { port: other.port, security: other.security } : null,
    };
  }

  const warnings: Warning[] = [];
  const open = perPort.filter((result) => result.state === 'ok');
  const submissionOpen = open.filter((result) => SUBMISSION_PORTS.has(result.port));
  const swapped = portsSwapped(perPort);
  if (submissionOpen.length === 0) {
    const checked = perPort.filter((result) => SUBMISSION_PORTS.has(result.port));
    if (checked.length > 0) {
      const { reason, ports, message } = noWorkingSubmission(checked, swapped);
      warnings.push({ code: 'no-submission-port', params: { reason, ports }, message });
    } else {
      warnings.push({ code: 'no-submission-port', params: { reason: 'none-checked', ports: [] }, message: 'No submission port (465 or 587) was checked; check them before relying on port 25.' });
    }
  }
  if (swapped) {
    warnings.push({
      code: 'ports-swapped',
      message: 'Ports 465 and 587 are swapped on this server: 465 speaks plain SMTP (STARTTLS) and 587 implicit TLS (SSL/TLS), the opposite of the standard (RFC 8314); a mail client set up the usual way fails on both, so ask the provider to swap them back.',
    });
  }
  if (open.length > 0 && open.every((result) => result.security === 'none')) {
    warnings.push({ code: 'cleartext-only', message: 'The server only offers unencrypted connections, so your password and mail would cross the network readable; ask the provider for TLS on 465 or 587.' });
  }
  const port25 = open.find((result) => result.port === 25);
  if (port25 && port25.auth.length === 0) {
    warnings.push({ code: 'port25-no-auth', port: 25, message: 'Port 25 answers but offers no login: it is a receiving mail server (MX), not a submission server, so mail clients should not send through it.' });
  }
  // Certificates matter where the client will connect; without a recommendation, everywhere TLS was reached.
  const certPorts = recommendation
    ? new Set([recommendation.port, ...(recommendation.alternative ? [recommendation.alternative.port] : [])])
    : new Set(open.map((result) => result.port));
  for (const result of open.filter((r) => certPorts.has(r.port))) warnings.push(...certificateWarnings(result, server));
  for (const result of open) {
    if (authBeforeTls(result)) {
      warnings.push({ code: 'auth-before-tls', port: result.port, message: `Port ${result.port} offers login before STARTTLS, so a careless client could send the password unencrypted; make sure STARTTLS is set to "required".` });
    }
  }
  for (const result of perPort) {
    // starttls-missing, or an ok session that never reached TLS: the password would cross the network readable.
    const noTls = result.state === 'starttls-missing' || (result.state === 'ok' && result.security === 'none');
    // CRAM-MD5 or NTLM alone never send the password itself; the session is still readable (cleartext-only).
    if (noTls && readableWithoutTls(result.auth)) {
      warnings.push({ code: 'auth-cleartext', port: result.port, params: { mechanisms: result.auth }, message: `Port ${result.port} offers login without any encryption (${result.auth.join(', ')}), so a password typed for it crosses the network readable; do not use this port.` });
    }
  }
  if (chosen && recommendation && (recommendation.authentication === 'ntlm' || recommendation.authentication === 'kerberos') && windowsOnly(chosen)) {
    warnings.push(windowsOnlyWarning(chosen, recommendation.authentication));
  }
  if (discovery?.candidates.some((candidate) => candidate.authentication === 'smtp-after-pop')) {
    warnings.push({ code: 'smtp-after-pop', message: 'The provider uses SMTP-after-POP: check for new mail (POP3) shortly before sending, because the server has no SMTP login.' });
  }
  // One address per family is checked; a mail program may reach another that behaves differently.
  const checked = [...new Set(ports.map((result) => result.address))];
  if (options.addressCount !== undefined && options.addressCount > checked.length) {
    warnings.push({
      code: 'addresses-skipped',
      message: `${server} has ${options.addressCount} addresses; only ${checked.join(' and ')} ${checked.length === 1 ? 'was' : 'were'} checked (one per address family), and a mail program may reach one of the others, which can answer differently.`,
      params: { addressCount: options.addressCount, checked },
    });
  }
  return { recommendation, warnings };
}
