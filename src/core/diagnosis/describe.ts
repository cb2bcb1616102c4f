/**
 * Plain words for probe results: the labels of the port table in the popup and the CLI, and the
 * recommendation sentence. One place, so the extension and the CLI say the same thing.
 */
import { hostBothWays } from '../readable-host';
import type { Authentication, PortResult, PortState, ProbeReport, Recommendation, Security, TlsFacts, Warning } from '../api';
import { certificateWeaknesses } from './certificate';
import { checkedFallback, fallbackFor } from './submission';
import { usernameWords } from './username';

/** Label of a non-ok state; `ok` is described from what the dialogue found (see describePort). */
const STATE_LABELS: Record<PortState, string> = {
  ok: 'Open, SMTP answered',
  refused: 'Closed (connection refused)',
  timeout: 'Blocked or filtered (no answer)',
  unreachable: 'Unreachable (no route to the server)',
  'no-greeting': 'Connected, but the server never greeted',
  'tls-expected': 'Wants TLS from the first byte (implicit TLS)',
  'tls-unexpected': 'Plain SMTP, not implicit TLS',
  'not-smtp': 'Something other than a mail server answered',
  rejected: 'Open, but the server turned the connection away',
  'starttls-missing': 'Open, but no STARTTLS offered',
  'starttls-failed': 'Open, but STARTTLS failed',
  'tls-failed': 'Open, but the TLS handshake failed',
  protocol: 'Open, but the server broke the SMTP dialogue',
};

export function describeState(state: PortState): string {
  return STATE_LABELS[state];
}

export function describeSecurity(security: Security): string {
  switch (security) {
    case 'tls':
      return 'implicit TLS';
    case 'starttls':
      return 'STARTTLS';
    case 'none':
      return 'no encryption';
  }
}

export function describeAuthentication(authentication: Authentication): string {
  switch (authentication) {
    case 'password':
      return 'your email password';
    case 'encrypted-password':
      return 'your email password, set to "encrypted password" (challenge-response, such as CRAM-MD5)';
    case 'oauth2':
      return 'OAuth2 sign-in (your provider’s login window)';
    case 'smtp-after-pop':
      return 'SMTP-after-POP (check your mail first, no SMTP login)';
    case 'client-cert':
      return 'a client certificate';
    case 'ntlm':
      return 'a Windows sign-in, NTLM (Outlook\'s "Secure Password Authentication (SPA)"), and your usual password';
    case 'kerberos':
      return 'Kerberos (GSSAPI), from a computer joined to the organization\'s Windows domain';
    case 'none':
      return 'no login';
  }
}

/** "Open, STARTTLS, login offered", "Blocked or filtered (no answer)"... */
export function describePort(result: PortResult): string {
  // Not TLS, and no SMTP greeting either on a plain connection (a web server, say): not "plain SMTP".
  if (result.state === 'tls-unexpected' && result.banner === null) return 'Not TLS, and no SMTP greeting';
  if (result.state !== 'ok') return STATE_LABELS[result.state];
  const login = result.auth.length > 0 ? 'login offered' : 'no login offered';
  return `Open, ${describeSecurity(result.security)}, ${login}`;
}

/** Certificate in a few words: "valid", "self-signed", "expired", "not valid for this name"... */
export function describeCertificate(tls: TlsFacts | null): string {
  if (!tls) return '—';
  if (tls.expired) return 'expired';
  if (!tls.matchesHost) return 'not valid for this name';
  if (tls.selfSigned) return 'self-signed';
  if (tls.chainTrusted === false) return `from an untrusted authority${tls.issuer ? ` (${tls.issuer})` : ''}`;
  if (!tls.authorized) return `not trusted${tls.authorizationError ? ` (${tls.authorizationError})` : ''}`;
  if (certificateWeaknesses(tls).length > 0) return 'valid, but with a weak key or signature';
  return 'valid';
}

/** Login methods as offered: "PLAIN LOGIN", or "none". */
export function describeAuthMechanisms(auth: string[]): string {
  return auth.length > 0 ? auth.join(' ') : 'none';
}

/**
 * "Use smtp.example.com, port 587 with STARTTLS, and sign in with your email password.", with the user
 * name when the provider publishes one: "… and sign in as jdoe with your email password."
 */
export function describeRecommendation(recommendation: Pick<Recommendation, 'server' | 'port' | 'security' | 'authentication' | 'username'>): string {
  const { server, port, security, authentication, username } = recommendation;
  const how = security === 'none' ? 'without encryption' : `with ${describeSecurity(security)}`;
  const signsIn = authentication !== 'none' && authentication !== 'smtp-after-pop';
  const method = describeAuthentication(authentication);
  const login =
    authentication === 'none'
      ? 'no login'
      : !username || !signsIn
        ? `sign in with ${method}`
        : username.value !== null
          ? `sign in as ${username.value} with ${method}`
          : `sign in with ${usernameWords(username, 'en')} as user name and ${method}`;
  return `Use ${hostBothWays(server)}, port ${port} ${how}, and ${login}.`;
}

export function describeNoRecommendation(warnings: readonly Pick<Warning, 'code'>[] = []): string {
  // Swapped ports do offer encryption and a login, just not where the standard puts them.
  if (warnings.some((warning) => warning.code === 'ports-swapped')) {
    return 'No port works the standard way: 465 and 587 are swapped on this server (see the warnings), so there is no usual setting to recommend.';
  }
  return 'No port offered an encrypted connection with login, so there is no setting to recommend yet.';
}

/**
 * "No fallback: …" when the check found the usual other submission port not working and no other port
 * to offer; null when it offers one, or found nothing failing (a port not tried, or working with a login
 * of another kind, is no finding).
 */
export function describeNoFallback(report: Pick<ProbeReport, 'ports' | 'recommendation'>): string | null {
  const recommendation = report.recommendation;
  if (!recommendation || recommendation.alternative) return null;
  const checked = checkedFallback(report.ports, recommendation);
  if (fallbackFor(recommendation.port, checked) !== null) return null;
  const [only, ...more] = checked.failed;
  if (more.length === 0) return `No fallback: port ${only}, the other submission port checked, does not work for sending from a mail program.`;
  return `No fallback: the other submission ports checked (${checked.failed.join(', ')}) do not work for sending from a mail program.`;
}
